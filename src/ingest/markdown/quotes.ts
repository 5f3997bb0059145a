// Flat pieces of one block → inlines with quotes cut out, quotes attributed to citations (contract rules).
import {
  type Citation,
  CollateralError,
  type Inline,
  type Message,
  type Position,
  type Quote,
} from "../../model/index.js";
import type { Piece } from "./flatten.js";
import type { Locator } from "./locator.js";
import { QUOTE, quoteMatches, STRAY_MARK } from "./quote-marks.js";

export interface ClaimAccumulator {
  claim: string;
  quotes: Quote[];
  citations: Citation[];
}

interface Span {
  start: number;
  end: number;
  text: string;
  position: Position;
}

type Marks = Pick<Extract<Inline, { kind: "quote" }>, "strike" | "code" | "strong" | "emphasis">;

/** Adds the block's quotes and citations to the claim; returns the block's inlines. */
export function extractQuotes(
  pieces: Piece[],
  acc: ClaimAccumulator,
  locator: Locator,
  messages: Message[] = [],
): Inline[] {
  return extractRowQuotes([pieces], acc, locator, messages)[0]!;
}

/**
 * The same for the cells of a table row: quotes are found within each cell, and attributed across
 * the row as across a paragraph (a quote in one cell, its source in the next is the usual table).
 */
export function extractRowQuotes(
  cells: Piece[][],
  acc: ClaimAccumulator,
  locator: Locator,
  messages: Message[] = [],
): Inline[][] {
  let base = 0;
  const laid = cells.map((pieces) => {
    const { text, starts } = joinText(pieces);
    const found = findQuoteSpans(text, pieces, starts, locator);
    strayMarks(text, pieces, starts, found, locator, messages);
    const spans = found.map((span) => ({
      ...span,
      start: span.start + base,
      end: span.end + base,
    }));
    const shifted = starts.map((start) => start + base);
    base += text.length + 1;
    return { pieces, starts: shifted, spans };
  });
  const citeIndex = laid.map((cell) => registerCitations(cell.pieces, acc, locator));
  const citeAt = laid.flatMap((cell, i) => citationOffsets(cell.starts, citeIndex[i]!));
  return laid.map((cell, i) => {
    // An image's alt text is printed too (the PDF's alternate text): a quote in it is verified, attributed
    // as if it stood where the image does. Quotes are numbered in reading order.
    const alt = cell.pieces.flatMap((piece, k) =>
      piece.type === "image" ? altSpans(piece, cell.starts[k]!, locator) : [],
    );
    const ordered = [
      ...cell.spans.map((span, k) => ({ span, k })),
      ...alt.map((span) => ({ span, k: -1 })),
    ].sort((a, b) => a.span.start - b.span.start);
    const quoteIds: string[] = [];
    for (const { span, k } of ordered) {
      const id = addQuote(span, acc, citeAt);
      if (k >= 0) quoteIds[k] = id;
    }
    const marks = cell.spans.map((span, k) =>
      quoteMarks(span, cell.pieces, cell.starts, quoteIds[k]!, messages),
    );
    return buildInlines(cell.pieces, cell.starts, cell.spans, quoteIds, marks, citeIndex[i]!, acc);
  });
}

/** Quotes in an image's alt text, each at its opening mark in the source. */
function altSpans(piece: Extract<Piece, { type: "image" }>, at: number, locator: Locator): Span[] {
  const spans: Span[] = [];
  for (const m of quoteMatches(piece.alt)) {
    const inner = m.inner;
    const found = nthMark(locator, piece.alt, m.index, piece.offset);
    spans.push({ start: at, end: at, text: inner, position: locator.at(found) });
  }
  return spans;
}

/**
 * The marks the author set on the whole quote (its text pieces all struck, say), carried onto the quote so it
 * prints with them. A quote struck out in part is refused: printed as one quote it would lose the strike, and a
 * refuted word would read as endorsed. A quote struck out whole is printed struck, with a warning.
 */
function quoteMarks(
  span: Span,
  pieces: Piece[],
  starts: number[],
  id: string,
  messages: Message[],
): Marks {
  const inside = pieces.filter(
    (p, i): p is Extract<Piece, { type: "text" }> =>
      p.type === "text" &&
      p.value.trim() !== "" &&
      starts[i]! < span.end &&
      starts[i]! + p.value.length > span.start,
  );
  const all = (mark: "strike" | "code" | "strong" | "emphasis") =>
    inside.length > 0 && inside.every((p) => p[mark]);
  if (inside.some((p) => p.strike) && !all("strike")) {
    throw new CollateralError(
      `part of the quote “${span.text}” is struck out: a quote prints as one, so strike all of it (it then prints struck) or end the quote before the struck words`,
      { position: span.position, rule: "struck-quote" },
    );
  }
  const marks: Marks = {
    ...(all("strike") && { strike: true }),
    ...(all("code") && { code: true }),
    ...(all("strong") && { strong: true }),
    ...(all("emphasis") && { emphasis: true }),
  };
  if (marks.strike) {
    messages.push({
      position: span.position,
      reason: `quote ${id.split("/").at(-1)} is struck out: it is verified like any quote and printed struck through, never set large as a pull quote`,
      rule: "struck-quote",
    });
  }
  return marks;
}

/**
 * The block's text as a reader sees it, and where each piece starts in it. Links and citations
 * count with their visible text, and a line break as a space: a quote is checked with every word the
 * reader sees in it, never with a link's words left out ("candidates [do not](…) need" is not
 * "candidates need").
 */
function joinText(pieces: Piece[]): { text: string; starts: number[] } {
  let text = "";
  const starts = pieces.map((p) => {
    const start = text.length;
    text += visibleText(p);
    return start;
  });
  return { text, starts };
}

function visibleText(piece: Piece): string {
  if (piece.type === "text") return piece.value;
  if (piece.type === "link") return piece.text;
  if (piece.type === "cite") return piece.label || (piece.kind === "autolink" ? piece.url : "");
  if (piece.type === "image") return "";
  return " ";
}

function findQuoteSpans(text: string, pieces: Piece[], starts: number[], locator: Locator): Span[] {
  const spans: Span[] = [];
  for (const m of quoteMatches(text)) {
    const inner = m.inner;
    const start = m.index;
    spans.push({
      start,
      end: start + m[0].length,
      text: inner,
      position: positionOf(start, pieces, starts, locator),
    });
  }
  return spans;
}

/**
 * A double quote mark no quote took, left in printed text: warned where it stands, so nothing quote-like
 * prints unchecked in silence. An inch mark after a digit (7", 7”) and marks in code are no quote's.
 */
function strayMarks(
  text: string,
  pieces: Piece[],
  starts: number[],
  spans: Span[],
  locator: Locator,
  messages: Message[],
): void {
  // A pair around too few words ("a “bridge” certification") is paired all the same: only a lone mark warns.
  const paired: [number, number][] = spans.map((s) => [s.start, s.end]);
  const re = new RegExp(QUOTE.source, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('"') && /\p{N}/u.test(text[m.index - 1] ?? "")) re.lastIndex = m.index + 1;
    else paired.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(STRAY_MARK)) {
    const at = m.index;
    if (paired.some(([start, end]) => start <= at && at < end)) continue;
    if (/[\p{N}]/u.test(text[at - 1] ?? "") && /["”]/.test(m[0])) continue;
    const k = starts.findLastIndex((start, i) => start <= at && pieces[i]!.type !== "break");
    const piece = pieces[k];
    if (piece?.type === "text" && piece.code) continue;
    messages.push({
      position: positionOf(at, pieces, starts, locator),
      reason: `the quote mark ${m[0]} has no pair: what it opens or closes prints like a quote but is never verified — pair the marks around the source's words (or drop the mark)`,
      rule: "unpaired-quote-mark",
    });
  }
}

function positionOf(at: number, pieces: Piece[], starts: number[], locator: Locator): Position {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    const visible = visibleText(piece);
    if (starts[i]! > at || at >= starts[i]! + visible.length || pieceOffset(piece) < 0) continue;
    const within = at - starts[i]!;
    if (piece.type === "text" && piece.exact) return locator.at(piece.offset + within);
    // A link's label, or text whose escapes or entities differ from the source: find the quote mark itself.
    return locator.at(nthMark(locator, visible, within, pieceOffset(piece)));
  }
  return locator.at(0);
}

function pieceOffset(piece: Piece): number {
  return piece.type === "break" ? -1 : piece.offset;
}

/**
 * Where, in the source from `from` on, the character at `within` of `visible` was written: the same
 * mark counted as many times as it occurs before it (a label's second “ is the source's second “).
 */
function nthMark(locator: Locator, visible: string, within: number, from: number): number {
  const mark = visible[within] ?? "";
  if (!mark) return Math.max(from, 0);
  let count = 0;
  for (let i = visible.indexOf(mark); i >= 0 && i < within; i = visible.indexOf(mark, i + 1))
    count++;
  let found = locator.text.indexOf(mark, Math.max(from, 0));
  while (found >= 0 && count-- > 0) found = locator.text.indexOf(mark, found + 1);
  return found >= 0 ? found : Math.max(from, 0);
}

function registerCitations(
  pieces: Piece[],
  acc: ClaimAccumulator,
  locator: Locator,
): Map<number, number> {
  const index = new Map<number, number>();
  pieces.forEach((p, i) => {
    if (p.type !== "cite") return;
    index.set(i, acc.citations.length);
    acc.citations.push({
      index: acc.citations.length,
      url: p.url,
      source: null, // resolved against the registry by the workspace loader
      label: p.label,
      kind: p.kind,
      position: locator.at(Math.max(p.offset, 0)),
    });
  });
  return index;
}

function citationOffsets(starts: number[], citeIndex: Map<number, number>) {
  return [...citeIndex].map(([piece, citation]) => ({ at: starts[piece]!, citation }));
}

/** First citation after the quote in the block; else the nearest one before it; else none. */
function addQuote(
  span: Span,
  acc: ClaimAccumulator,
  cites: { at: number; citation: number }[],
): string {
  const after = cites.find((c) => c.at >= span.end);
  const before = cites.filter((c) => c.at <= span.start).at(-1);
  const id = `${acc.claim}/q${acc.quotes.length + 1}`;
  acc.quotes.push({
    id,
    claim: acc.claim,
    text: span.text,
    citation: (after ?? before)?.citation ?? null,
    position: span.position,
  });
  return id;
}

function buildInlines(
  pieces: Piece[],
  starts: number[],
  spans: Span[],
  quoteIds: string[],
  marks: Marks[],
  citeIndex: Map<number, number>,
  acc: ClaimAccumulator,
): Inline[] {
  const out: Inline[] = [];
  let next = 0; // next span to emit
  pieces.forEach((piece, i) => {
    if (piece.type === "text") {
      next = splitText(piece, starts[i]!, spans, quoteIds, marks, next, out);
      return;
    }
    // Inside a quote, a link's words and a line break are part of the quote's text, printed with it.
    const from = starts[i]!;
    const inside = spans.findIndex((s) => s.start <= from && from < s.end);
    if (inside >= next) {
      out.push({ kind: "quote", quote: quoteIds[inside]!, ...marks[inside] });
      next = inside + 1;
    }
    if (piece.type === "cite") {
      const citation = citeIndex.get(i)!;
      out.push({ kind: "cite", citation, label: acc.citations[citation]!.label });
    } else if (piece.type === "image")
      out.push({ kind: "image", src: piece.src, alt: piece.alt, position: piece.position });
    else if (inside >= 0) return;
    else if (piece.type === "break") out.push({ kind: "break" });
    else out.push({ kind: "link", text: piece.text, url: piece.url });
  });
  return mergeText(out);
}

function splitText(
  piece: Extract<Piece, { type: "text" }>,
  start: number,
  spans: Span[],
  quoteIds: string[],
  marks: Marks[],
  next: number,
  out: Inline[],
): number {
  const end = start + piece.value.length;
  let cursor = start;
  const push = (from: number, to: number) => {
    if (to > from) {
      const text = piece.value.slice(from - start, to - start);
      out.push({
        kind: "text",
        text,
        ...(piece.strong && { strong: true }),
        ...(piece.emphasis && { emphasis: true }),
        ...(piece.code && { code: true }),
        ...(piece.strike && { strike: true }),
      });
    }
  };
  for (const [k, span] of spans.entries()) {
    if (span.end <= cursor || span.start >= end) continue;
    push(cursor, span.start);
    if (k >= next) {
      out.push({ kind: "quote", quote: quoteIds[k]!, ...marks[k] });
      next = k + 1;
    }
    cursor = Math.min(span.end, end);
  }
  push(cursor, end);
  return next;
}

/** Adjacent text runs with the same marks become one. */
function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (
      inline.kind === "text" &&
      last?.kind === "text" &&
      !!last.strong === !!inline.strong &&
      !!last.emphasis === !!inline.emphasis &&
      !!last.code === !!inline.code &&
      !!last.strike === !!inline.strike
    ) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else out.push(inline);
  }
  return out;
}
