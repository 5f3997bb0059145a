// A claim → its slide points: what the author marked for the slide, else its list, else up to three whole sentences.
import { ROLE_LABEL } from "../ingest/markdown/roles.js";
import type { Block, Claim, Inline } from "../model/index.js";
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
): string {
  if (block.table) {
    // Speaker notes read a table row by row: "cell — cell."
    const rows = [block.table.head, ...block.table.rows].map((row) =>
      row.map((cell) => inlinesText(cell, quoteText, labels)).join(" — "),
    );
    return rows.map((r) => (/[.!?]$/.test(r) ? r : `${r}.`)).join(" ");
  }
  return inlinesText(block.inlines, quoteText, labels)
    .replace(LABEL[block.role] ?? /^(?!)/, "")
    .trim();
}

function inlinesText(
  inlines: readonly Inline[],
  quoteText: (id: string) => string | undefined,
  labels: boolean,
): string {
  const parts = inlines.map((inline: Inline) => {
    // Struck-out words are the author's refutation: a slide point leaves them out, the notes mark them.
    if ((inline.kind === "text" || inline.kind === "quote") && inline.strike) {
      if (!labels) return "";
      const words = inline.kind === "text" ? inline.text : `“${quoteText(inline.quote) ?? ""}”`;
      return `~~${words}~~`;
    }
    if (inline.kind === "text") return inline.text;
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
}

/** The prose sentences a slide may show: not a quote's sentence, nor one that only leads into one or a list. */
function candidates(blocks: readonly Block[], quoteText: (id: string) => string | undefined) {
  const all: (Sentence & { quoted: boolean })[] = blocks.flatMap((block) => {
    const quoting = block.inlines.some((i) => i.kind === "quote");
    return wholeQuotes(sentences(blockText(block, quoteText))).map((text) => ({
      text,
      block,
      quoted: quoting && QUOTED.test(text),
    }));
  });
  return all.filter((s, i) => {
    if (s.quoted || s.block.kind !== "paragraph") return false;
    const next = all[i + 1];
    const leadIn = /:$/.test(s.text) || (next?.quoted && words(s.text).length <= LEAD_IN_WORDS);
    return !leadIn;
  });
}

/** Today's choice, when the author marked nothing: whole sentences, body first, the benefit last. */
function chosenPoints(claim: Claim, quoteText: (id: string) => string | undefined): string[] {
  const pick = (role: Block["role"]) =>
    candidates(claim.blocks, quoteText)
      .filter((s) => s.block.role === role)
      .map((s) => shorten(s.text))
      .filter((s): s is string => s !== null);
  const fromBody = pick("body");
  const fromBenefit = pick("benefit").slice(0, 1);
  const room = MAX_POINTS - fromBenefit.length;
  const chosen: string[] = [];
  let used = fromBenefit.reduce((n, s) => n + words(s).length, 0);
  for (const sentence of fromBody.slice(0, room)) {
    if (chosen.length && used + words(sentence).length > WORD_BUDGET) break;
    chosen.push(sentence);
    used += words(sentence).length;
  }
  return [...chosen, ...fromBenefit];
}

/**
 * The slide's points, in the author's order of precedence: the blocks marked `Slide:` (or the list after a bare
 * `Slide:`), else the claim's list items, else chosen sentences. What the author wrote is shown whole.
 */
export function slidePoints(claim: Claim, quoteText: (id: string) => string | undefined): string[] {
  const text = (b: Block) => blockText(b, quoteText);
  const marked = claim.blocks.filter((b) => b.role === "slide").map(text);
  if (marked.some(Boolean)) return marked.filter(Boolean);
  const listed = claim.blocks.filter((b) => b.role === "body" && b.kind === "list-item").map(text);
  if (listed.some(Boolean)) return listed.filter(Boolean);
  return chosenPoints(claim, quoteText);
}
