// A claim → its slide points: what the author marked for the slide, else its list, else up to three whole sentences.
import { type Block, type Claim, type Inline, ROLE_LABEL } from "../model/index.js";
import { listPoints } from "./deck-list.js";
import { collapseSpace } from "./escape.js";

export const MAX_POINTS = 3;
/** A chosen point is a whole sentence of at most this many words; a longer one stays in the notes. */
export const MAX_WORDS = 26;
/** Words a slide's chosen points hold together: past it a sentence stays in the notes (the first always shows). */
export const WORD_BUDGET = 50;
/** A sentence this short right before a quote only introduces it ("Google's SRE book is blunt."). */
const LEAD_IN_WORDS = 6;

const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|vs|Inc|Ltd|Dr|Mr|Ms|No|[A-Z](?:\.[A-Z])*)\.$/;
/** The label a benefit, slide or notes block opens with (the one roleOf reads): the piece shows what follows it. */
const LABEL: Partial<Record<Block["role"], RegExp>> = ROLE_LABEL;

/** Plain text of one block: quotes in curly quotes; citation labels left out unless asked (a slide names its sources). */
export function blockText(
  block: Block,
  quoteText: (id: string) => string | undefined,
  labels = false,
  code = false,
): string {
  if (block.table) {
    // Speaker notes read a table row by row: "cell — cell."
    const rows = [block.table.head, ...block.table.rows].map((row) =>
      row.map((cell) => inlinesText(cell, quoteText, labels)).join(" — "),
    );
    return rows.map((r) => (/[.!?]$/.test(r) ? r : `${r}.`)).join(" ");
  }
  return inlinesText(block.inlines, quoteText, labels, code)
    .replace(LABEL[block.role] ?? /^(?!)/, "")
    .trim();
}

function inlinesText(
  inlines: readonly Inline[],
  quoteText: (id: string) => string | undefined,
  labels: boolean,
  code = false,
): string {
  const parts = inlines.map((inline: Inline) => {
    // Struck-out words are the author's refutation: a slide point leaves them out, the notes mark them.
    if ((inline.kind === "text" || inline.kind === "quote") && inline.strike) {
      if (!labels) return "";
      const words = inline.kind === "text" ? inline.text : `“${quoteText(inline.quote) ?? ""}”`;
      return `~~${words}~~`;
    }
    // A slide point marks code as front matter does (`code`): the deck sets it in the code face, without backticks.
    if (inline.kind === "text")
      return code && inline.code && !inline.text.includes("`") ? `\`${inline.text}\`` : inline.text;
    if (inline.kind === "quote") return `“${quoteText(inline.quote) ?? ""}”`;
    if (inline.kind === "link") return inline.text;
    if (inline.kind === "cite" && labels) return inline.label;
    return inline.kind === "break" ? " " : "";
  });
  return collapseSpace(parts.join(""))
    .replace(/\(\s*\)/g, "")
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
}

/**
 * Sentence boundaries: . ! ? (not after an abbreviation) and a colon followed by a capital or a letter of a script
 * without case (Arabic, Hebrew, CJK); and the full stops of Chinese and Japanese, which no space follows.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /([.!?][”"’)]?|:)\s+(?=[\p{Lu}\p{Lo}“"(])|([。！？][」』”）]?)\s*(?=\S)/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const stop = m[1] ?? m[2]!;
    const candidate = text.slice(start, m.index + stop.length);
    if (ABBREVIATIONS.test(text.slice(start, m.index + 1))) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const QUOTED = /“[^”]+”/;

function finish(text: string): string {
  const trimmed = text.trim().replace(/[\s,;:—–-]+$/, "");
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…”"。！？」』）؟]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A whole sentence made lighter without changing what it claims: "this means that" filler dropped,
 * and asides in parentheses when it is long. Never cut at a clause or word: null when still too long.
 */
export function shorten(sentence: string, maxWords = MAX_WORDS): string | null {
  let s = sentence.replace(/^(?:[^,]{0,40},\s*)?this means(?: that)?\s+/i, "");
  // An aside inside quote marks is the source's words: never dropped (the even parts are outside any quote).
  if (words(s).length > maxWords)
    s = s
      .split(/(“[^”]*”)/)
      .map((part, i) => (i % 2 ? part : part.replace(/\s*\([^()]*\)/g, "")))
      .join("");
  return words(s).length <= maxWords ? finish(s) : null;
}

/**
 * Sentences cut inside a quote (its words hold a full stop) joined again: a sentence that overlaps a quote holds
 * all of it, so it is known as the quote's sentence and never printed as a point with part of the quote.
 */
function wholeQuotes(split: string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const sentence of split) {
    if (open) out[out.length - 1] += ` ${sentence}`;
    else out.push(sentence);
    const text = out.at(-1)!;
    open = (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length;
  }
  return out;
}

interface Sentence {
  text: string;
  block: Block;
  /** The sentence may be a point: prose, not a quote's, nor one that only leads into a quote or a list. */
  eligible: boolean;
}

/** Every sentence of the claim in reading order, each marked whether a slide may show it. */
function sentencesOf(blocks: readonly Block[], quoteText: (id: string) => string | undefined) {
  const all = blocks.flatMap((block) => {
    const quoting = block.inlines.some((i) => i.kind === "quote");
    return wholeQuotes(sentences(blockText(block, quoteText, false, true))).map((text) => ({
      text,
      block,
      quoted: quoting && QUOTED.test(text),
    }));
  });
  return all.map((s, i): Sentence => {
    const next = all[i + 1];
    const leadIn = /:$/.test(s.text) || (next?.quoted && words(s.text).length <= LEAD_IN_WORDS);
    return {
      text: s.text,
      block: s.block,
      eligible: !s.quoted && s.block.kind === "paragraph" && !leadIn,
    };
  });
}

/** "It …", "This …", "They …": a sentence that leans on the one before it. */
const DANGLING = /^(?:it|its|it[’']s|this|that|these|those|they|their|such)\b/i;

/**
 * The sentence a dangling one leans on, as a point: the one right before it in the same paragraph, when it is
 * prose (a sentence ending in a colon that runs on into it counts) and short enough. Null when there is none.
 */
function antecedent(all: readonly Sentence[], at: number): string | null {
  const before = all[at - 1];
  if (!before || before.block !== all[at]!.block || before.block.role !== "body") return null;
  if (!before.eligible && !/:$/.test(before.text)) return null;
  const text = shorten(before.text);
  return text && !DANGLING.test(text) ? text : null;
}

/**
 * Today's choice, when the author marked nothing: whole sentences, body first, the benefit last when it fits.
 * A point never opens with a pronoun whose sentence is not shown: the sentence before it is shown first, or the
 * point is skipped. A slide is never left with one point while the body has another sentence to give.
 */
function chosenPoints(claim: Claim, quoteText: (id: string) => string | undefined): string[] {
  const all = sentencesOf(claim.blocks, quoteText);
  const benefit = all
    .filter((s) => s.eligible && s.block.role === "benefit")
    .map((s) => shorten(s.text))
    .find((s): s is string => s !== null);
  const room = MAX_POINTS - (benefit ? 1 : 0);
  const chosen: { at: number; text: string }[] = [];
  const shown = (at: number) => chosen.some((c) => c.at === at);
  let used = benefit ? words(benefit).length : 0;
  const offers: { at: number; text: string }[][] = [];
  all.forEach((s, at) => {
    if (!s.eligible || s.block.role !== "body") return;
    const text = shorten(s.text);
    if (!text) return;
    if (!DANGLING.test(text)) {
      offers.push([{ at, text }]);
      return;
    }
    const lead = antecedent(all, at);
    offers.push(
      lead
        ? [
            { at: at - 1, text: lead },
            { at, text },
          ]
        : [],
    );
  });
  let full = false;
  for (const offer of offers) {
    for (const point of offer) {
      if (shown(point.at)) continue;
      if (
        chosen.length >= room ||
        (chosen.length && used + words(point.text).length > WORD_BUDGET)
      ) {
        full = true;
        break;
      }
      chosen.push(point);
      used += words(point.text).length;
    }
    if (full) break;
  }
  if (chosen.length + (benefit ? 1 : 0) === 1) {
    // One lonely point: the next sentence the body offers joins it, past the word budget if need be.
    const next = offers
      .flat()
      .find((p) => !shown(p.at) && (!DANGLING.test(p.text) || shown(p.at - 1)));
    if (next) chosen.push(next);
  }
  return [...chosen.sort((a, b) => a.at - b.at).map((c) => c.text), ...(benefit ? [benefit] : [])];
}

/** A slide's points and, when they are an ordered list's items, the number the first carries. */
export interface SlidePoints {
  /** Plain text, `code` spans marked with backticks as in front matter (the `code` helper sets them). */
  points: string[];
  start: number | null;
}

/**
 * The slide's points, in the author's order of precedence: the blocks marked `Slide:` (or the list after a bare
 * `Slide:`), else the claim's list items (the top-level ones, tidied, the benefit after them when there is room),
 * else chosen sentences.
 */
export function slideList(
  claim: Claim,
  quoteText: (id: string) => string | undefined,
): SlidePoints {
  const text = (b: Block) => blockText(b, quoteText, false, true);
  const marked = claim.blocks.filter((b) => b.role === "slide" && text(b));
  // What the author wrote for the slide is shown whole; a list of it is tidied like any list.
  if (marked.some((b) => b.kind !== "list-item")) return { points: marked.map(text), start: null };
  if (marked.length) return listPoints(marked, text);
  const listed = claim.blocks.filter((b) => b.role === "body" && b.kind === "list-item");
  const list = listPoints(listed, text);
  if (!list.points.length) return { points: chosenPoints(claim, quoteText), start: null };
  const benefit = claim.blocks.find((b) => b.role === "benefit");
  const last = benefit && list.start === null && list.points.length < MAX_POINTS;
  const benefitPoint = last ? shorten(text(benefit)) : null;
  return benefitPoint ? { points: [...list.points, benefitPoint], start: null } : list;
}

/** The slide's points (see `slideList`). */
export function slidePoints(claim: Claim, quoteText: (id: string) => string | undefined): string[] {
  return slideList(claim, quoteText).points;
}
