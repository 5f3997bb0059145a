// A claim's prose → at most three short slide points: its sentences, shortened at clause boundaries.
import type { Block, Claim, Inline } from "../model/index.js";
import { collapseSpace } from "./escape.js";

export const MAX_POINTS = 3;
export const MAX_WORDS = 18;

const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|vs|Inc|Ltd|Dr|Mr|Ms|No|[A-Z](?:\.[A-Z])*)\.$/;
const INTRO = /^(?:for|if|when|given|because|as|while|although|though|since|with|by|in order)\b/i;
const CONJUNCTION = /^(?:and|or|but|rather|which|because|not|nor|so)\b/i;

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
  return inlinesText(block.inlines, quoteText, labels);
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
    .replace(/^\s*benefits?:\s*/i, "")
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

function finish(text: string): string {
  const trimmed = text.trim().replace(/[\s,;:—–-]+$/, "");
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…”"。！？」』）؟]$/.test(capital) ? capital : `${capital}.`;
}

/** Shortens a sentence to MAX_WORDS: drop filler and asides, keep the main clause, cut at a clause boundary. */
export function shorten(sentence: string, maxWords = MAX_WORDS): string {
  let s = sentence.replace(/^(?:[^,]{0,40},\s*)?this means(?: that)?\s+/i, "");
  if (words(s).length > maxWords) s = s.replace(/\s*\([^()]*\)/g, "");
  s = s.replace(/:$/, "");
  if (words(s).length <= maxWords) return finish(s);
  const clauses = s.split(/(?<=,|;|:)\s+|\s+[—–]\s+/);
  const last = clauses.at(-1) ?? "";
  if (
    INTRO.test(s) &&
    words(last).length >= 5 &&
    words(last).length <= maxWords &&
    !CONJUNCTION.test(last)
  )
    return finish(last);
  let kept = "";
  for (const clause of clauses) {
    const next = kept ? `${kept} ${clause}` : clause;
    if (words(next).length > maxWords) break;
    kept = next;
  }
  if (words(kept).length >= 6) return finish(kept);
  return `${words(s)
    .slice(0, maxWords - 2)
    .join(" ")
    .replace(/[,;:]$/, "")}…`;
}

/** Up to three points: body sentences that do not carry a quote (the slide shows the quote), then the benefit. */
export function slidePoints(claim: Claim, quoteText: (id: string) => string | undefined): string[] {
  const hasQuote = (b: Block) => b.inlines.some((i) => i.kind === "quote");
  // Tables and code do not shorten into sentences: the slide leaves them to the printed pieces.
  const prose = (b: Block) => b.kind !== "table" && b.kind !== "code";
  const body = claim.blocks.filter((b) => b.role !== "benefit" && prose(b));
  const benefit = claim.blocks.filter((b) => b.role === "benefit");
  const candidates = (blocks: Block[]) =>
    blocks.flatMap((b) =>
      sentences(blockText(b, quoteText)).filter((s) => !(hasQuote(b) && /“[^”]+”/.test(s))),
    );
  const fromBody = candidates(body).map((s) => shorten(s));
  const fromBenefit = candidates(benefit).map((s) => shorten(s));
  const room = MAX_POINTS - Math.min(fromBenefit.length, 1);
  return [...fromBody.slice(0, room), ...fromBenefit].slice(0, MAX_POINTS);
}
