// Where a quote is in a prepared document: the pages it is on and the text that matched, or null.
import { PASSAGE_BREAK } from "../../model/index.js";
import { chainParts } from "./ellipsis.js";
import { firstMatch, type Span } from "./match.js";
import { type PreparedText, prepareText } from "./prepare.js";
import { type QuotePart, quotePartsWithUnits } from "./quote-parts.js";

export interface Location {
  /** 1-based, ascending, distinct: one page, or two when the quote runs across a page break. */
  pages: number[];
  /** The document's own text for the matched words, white space collapsed. */
  excerpt: string;
  /** A few of the document's words either side of the match (the lock's anchor for a later version). */
  prefix: string;
  suffix: string;
}

/** Words of context either side of a match that the anchor keeps (Hypothesis keeps 32 characters). */
const CONTEXT_WORDS = 6;

/**
 * Locates the quote: every word of it, in order, with nothing between (except where an
 * ellipsis stands for omitted words). A quote with no words is never located.
 */
export function locateQuote(quote: string, doc: PreparedText): Location | null {
  const parts = quotePartsWithUnits(quote);
  if (parts.length === 0) return null;
  return locateParts(parts, doc) ?? inAside(parts, doc);
}

function locateParts(parts: QuotePart[], doc: PreparedText): Location | null {
  const spans = parts.length === 1 ? [firstMatch(parts[0]!, doc)] : chainParts(parts, doc);
  const first = spans?.[0];
  const last = spans?.at(-1);
  return first && last ? locationOf({ start: first.start, end: last.end }, doc) : null;
}

/**
 * A quote of text standing apart (a running header, "Mile2 – the leader in …" atop every page; a
 * footnote; a margin stamp): found within that one aside, never joined to the text around it.
 */
function inAside(parts: QuotePart[], doc: PreparedText): Location | null {
  for (const aside of asidesOf(doc)) {
    const found = locateParts(parts, aside.prepared);
    if (found) return { ...found, pages: [aside.page] };
  }
  return null;
}

/** Each aside prepared once per document, on the first quote that needs them (the same text once). */
const preparedAsides = new WeakMap<PreparedText, { prepared: PreparedText; page: number }[]>();

function asidesOf(doc: PreparedText) {
  let asides = preparedAsides.get(doc);
  if (!asides) {
    const seen = new Set<string>();
    asides = doc.asides
      .filter((aside) => !seen.has(aside.text) && seen.add(aside.text))
      .map((aside) => ({ prepared: prepareText([aside.text]), page: aside.page }));
    preparedAsides.set(doc, asides);
  }
  return asides;
}

function locationOf(span: Span, doc: PreparedText): Location {
  const firstPage = doc.pages[span.start]!;
  const lastPage = doc.pages[span.end - 1]!;
  const pages: number[] = [];
  for (let page = firstPage; page <= lastPage; page++) pages.push(page);
  const before = { start: Math.max(0, span.start - CONTEXT_WORDS), end: span.start };
  const after = { start: span.end, end: Math.min(doc.words.length, span.end + CONTEXT_WORDS) };
  return {
    pages,
    excerpt: excerptOf(span, doc),
    prefix: before.end > before.start ? excerptOf(before, doc) : "",
    suffix: after.end > after.start ? excerptOf(after, doc) : "",
  };
}

/** The original text of words [start, end), white space (and any passage break) collapsed. */
export function excerptOf(span: Span, doc: PreparedText): string {
  return doc.text
    .slice(doc.starts[span.start], doc.ends[span.end - 1])
    .replaceAll(PASSAGE_BREAK, " ")
    .replace(/\s+/g, " ")
    .trim();
}
