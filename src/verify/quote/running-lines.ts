// Removes running headers and footers, so a sentence that runs across a page break reads as one.
import { type EdgeLine, edgeLine, runningLines } from "./line-pattern.js";

/** How many non-blank lines at the top and at the bottom of a page may be running lines. */
const EDGE_LINES = 3;

type IsRunning = (line: EdgeLine) => boolean;

/**
 * Removes the running lines of each page (see `runningLines`). Only lines between the page
 * edge and the body are removed, peeled from the top and from the bottom, each kind of line at
 * most once per edge: body text that happens to repeat is kept, since removing it could join
 * words that are not really adjacent.
 */
export function stripRunningLines(pages: string[]): string[] {
  return splitRunningLines(pages).pages;
}

/** A running line that was removed, and the first page it was removed from. */
export interface RunningLine {
  text: string;
  page: number;
}

/** The pages without their running lines, and those lines (each text once), for quotes of a header itself. */
export function splitRunningLines(pages: string[]): { pages: string[]; removed: RunningLine[] } {
  if (pages.length < 2) return { pages: [...pages], removed: [] };
  const lines = pages.map((page) => page.split(/\r\n|\r|\n/));
  const edges = lines.flatMap((pageLines, i) =>
    edgeIndexes(pageLines).map((k) => edgeLine(pageLines[k]!, i + 1)),
  );
  const isRunning = runningLines(edges, pages.length);
  const removed = new Map<string, number>();
  const kept = lines.map((pageLines, i) => {
    const { body, peeled } = peel(pageLines, i + 1, isRunning);
    for (const line of peeled) if (!removed.has(line)) removed.set(line, i + 1);
    return body.join("\n");
  });
  return { pages: kept, removed: [...removed].map(([text, page]) => ({ text, page })) };
}

/** The page without the running lines at its top and bottom edges, and those lines. */
function peel(pageLines: string[], page: number, isRunning: IsRunning) {
  const top = peelFrom(pageLines, page, isRunning, 1);
  const bottom = peelFrom(pageLines.slice(top), page, isRunning, -1);
  const peeled = [...pageLines.slice(0, top), ...pageLines.slice(top + bottom)]
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return { body: pageLines.slice(top, top + bottom), peeled };
}

/**
 * From the top (direction 1): the index of the first line kept. From the bottom (-1): the
 * number of lines kept. Stops at the first body line, a kind of line already peeled from this
 * edge, or after EDGE_LINES lines.
 */
function peelFrom(pageLines: string[], page: number, isRunning: IsRunning, direction: 1 | -1) {
  const order = direction === 1 ? pageLines : [...pageLines].reverse();
  const peeledKeys = new Set<string>();
  let at = 0;
  for (; at < order.length; at++) {
    const text = order[at]!;
    if (text.trim() === "") continue;
    const line = edgeLine(text, page);
    if (peeledKeys.size === EDGE_LINES || peeledKeys.has(line.key) || !isRunning(line)) break;
    peeledKeys.add(line.key);
  }
  return direction === 1 ? at : pageLines.length - at;
}

/** Indexes of the first and last few non-blank lines of a page. */
function edgeIndexes(pageLines: string[]): number[] {
  const filled = pageLines.flatMap((line, i) => (line.trim() === "" ? [] : [i]));
  return [...new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)])];
}
