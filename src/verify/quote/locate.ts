// Where a quote is in a prepared document: the pages it is on and the text that matched, or null.
import { chainParts } from "./ellipsis.js";
import { firstMatch, type Span } from "./match.js";
import { type PreparedText, prepareText } from "./prepare.js";
import { type QuotePart, quotePartsWithUnits } from "./quote-parts.js";

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
  return locateParts(parts, doc) ?? inRunningLine(parts, doc);
}

function locateParts(parts: QuotePart[], doc: PreparedText): Location | null {
  const spans = parts.length === 1 ? [firstMatch(parts[0]!, doc)] : chainParts(parts, doc);
  const first = spans?.[0];
  const last = spans?.at(-1);
  return first && last ? locationOf({ start: first.start, end: last.end }, doc) : null;
}

/**
 * A quote of a running header or footer itself ("Mile2 – the leader in …" atop every page): found
 * within that one line, never joined to the body text around it.
 */
function inRunningLine(parts: QuotePart[], doc: PreparedText): Location | null {
  for (const line of runningLinesOf(doc)) {
    const found = locateParts(parts, line.prepared);
    if (found) return { pages: [line.page], excerpt: found.excerpt };
  }
  return null;
}

/** Each running line prepared once per document, on the first quote that needs them. */
const preparedRunning = new WeakMap<PreparedText, { prepared: PreparedText; page: number }[]>();

function runningLinesOf(doc: PreparedText) {
  let lines = preparedRunning.get(doc);
  if (!lines) {
    lines = doc.running.map((line) => ({ prepared: prepareText([line.text]), page: line.page }));
    preparedRunning.set(doc, lines);
  }
  return lines;
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
