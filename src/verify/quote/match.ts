// Finds where a run of words occurs in a prepared document: every word, in order, nothing between.
import { SCRIPT_MARK } from "./footnote-marks.js";
import type { PreparedText } from "./prepare.js";
import type { QuotePart } from "./quote-parts.js";

/** Words [start, end) of the document. */
export interface Span {
  start: number;
  end: number;
}

/** Every place the run occurs, by ascending start. */
export function matchRun(run: QuotePart, doc: PreparedText): Span[] {
  const first = run.words[0];
  if (first === undefined) return [];
  const spans: Span[] = [];
  for (const start of doc.index.get(first) ?? []) {
    const end = matchAt(run, doc, start);
    if (end >= 0) spans.push({ start, end });
  }
  return spans;
}

/** The first place the run occurs, or null. */
export function firstMatch(run: QuotePart, doc: PreparedText): Span | null {
  const first = run.words[0];
  if (first === undefined) return null;
  for (const start of doc.index.get(first) ?? []) {
    const end = matchAt(run, doc, start);
    if (end >= 0) return { start, end };
  }
  return null;
}

/**
 * A run never starts on the second half of a word broken at a line end ("secure" in "in-\nsecure"),
 * and never starts or ends inside words written together: "5" is not quoted out of "5%" or "$5",
 * nor "A" out of "A+" or "A-".
 */
function matchAt(run: QuotePart, doc: PreparedText, start: number): number {
  if (doc.hyphenated.has(start - 1) || doc.joined[start]) return -1;
  const end = matchFrom(run, doc, 0, start);
  return end >= 0 && doc.joined[end] ? -1 : end;
}

/**
 * Matches run[qi..] at document word di; returns the end of the match or -1. At a line-end
 * hyphen the two halves form one word (hyphen dropped or kept) and never stand alone, so
 * "in-\nsecure" reads neither "in secure" nor "in" nor "secure". At a footnote mark the quote
 * may leave the mark out, or type what is raised as plain words, as copying from a page gives it
 * ("justified[21] it", "alerts,22 and"). Only there is there a choice, so only there does it branch.
 */
function matchFrom(run: QuotePart, doc: PreparedText, qi: number, di: number): number {
  let q = qi;
  let d = di;
  while (q < run.words.length) {
    const want = run.words[q]!;
    const readings = doc.hyphenated.get(d);
    if (readings) {
      for (const reading of readings) {
        if (reading.word !== want) continue;
        const end = matchFrom(run, doc, q + 1, d + reading.span);
        if (end >= 0) return end;
      }
      return -1;
    }
    const mark = doc.marks.get(d);
    if (mark !== undefined && want !== SCRIPT_MARK) {
      const typed = typedMark(run, doc, q, d, mark);
      const end = typed < 0 ? -1 : matchFrom(run, doc, typed, d + mark);
      return end >= 0 ? end : matchFrom(run, doc, q, d + mark);
    }
    if (d >= doc.words.length || doc.words[d] !== want) return -1;
    // A unit whose number the quote has too is compared with its case: "4 MB" is not in "4 Mb".
    const unit = run.units[q];
    if (unit && doc.units[d] !== unit) return -1;
    q++;
    d++;
  }
  return d;
}

/** Where the quote goes on when run[q..] types the mark's raised words (the mark at d, `length` words with its "^"), or -1. */
function typedMark(
  run: QuotePart,
  doc: PreparedText,
  q: number,
  d: number,
  length: number,
): number {
  for (let k = 1; k < length; k++) {
    if (run.words[q + k - 1] !== doc.words[d + k]) return -1;
  }
  return q + length - 1;
}
