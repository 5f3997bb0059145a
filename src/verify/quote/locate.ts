// Where a quote is in a prepared document: the pages it is on and the text that matched, or null.
import { chainParts } from "./ellipsis.js";
import { firstMatch, type Span } from "./match.js";
import type { PreparedText } from "./prepare.js";
import { quotePartsWithUnits } from "./quote-parts.js";

export interface Location {
  /** 1-based, ascending, distinct: one page, or two when the quote runs across a page break. */
  pages: number[];
  /** The document's own text for the matched words, white space collapsed. */
  excerpt: string;
}

/**
 * Locates the quote: every word of it, in order, with nothing between (except where an
 * ellipsis stands for omitted words). A quote with no words is never located.
 */
export function locateQuote(quote: string, doc: PreparedText): Location | null {
  const parts = quotePartsWithUnits(quote);
  if (parts.length === 0) return null;
  const spans = parts.length === 1 ? [firstMatch(parts[0]!, doc)] : chainParts(parts, doc);
  const first = spans?.[0];
  const last = spans?.at(-1);
  return first && last ? locationOf({ start: first.start, end: last.end }, doc) : null;
}

function locationOf(span: Span, doc: PreparedText): Location {
  const firstPage = doc.pages[span.start]!;
  const lastPage = doc.pages[span.end - 1]!;
  const pages: number[] = [];
  for (let page = firstPage; page <= lastPage; page++) pages.push(page);
  return { pages, excerpt: excerptOf(span, doc) };
}

/** The original text of words [start, end), white space collapsed. */
export function excerptOf(span: Span, doc: PreparedText): string {
  return doc.text
    .slice(doc.starts[span.start], doc.ends[span.end - 1])
    .replace(/\s+/g, " ")
    .trim();
}
