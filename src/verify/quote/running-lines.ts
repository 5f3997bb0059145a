// Removes running headers and footers, so a sentence that runs across a page break reads as one.
import { normalizeText } from "./normalize.js";

/** How many non-blank lines at the top and at the bottom of a page may be running lines. */
const EDGE_LINES = 3;

/**
 * A line is running when, with digits ignored (page numbers vary), it sits among the top or
 * bottom lines of more than half the pages, and of at least two. Only lines between the page
 * edge and the body are removed (peeled from the top and from the bottom), so body text that
 * happens to repeat is kept: removing it could join words that are not really adjacent.
 */
export function stripRunningLines(pages: string[]): string[] {
  if (pages.length < 2) return [...pages];
  const lines = pages.map((page) => page.split(/\r\n|\r|\n/));
  const running = runningKeys(lines, pages.length);
  if (running.size === 0) return [...pages];
  return lines.map((pageLines) => peel(pageLines, running).join("\n"));
}

/** The page without the running lines at its top and bottom edges (at most EDGE_LINES each). */
function peel(pageLines: string[], running: Set<string>): string[] {
  let top = 0;
  let bottom = pageLines.length;
  for (let peeled = 0; top < bottom; top++) {
    const line = pageLines[top]!;
    if (line.trim() === "") continue;
    if (peeled++ === EDGE_LINES || !running.has(lineKey(line))) break;
  }
  for (let peeled = 0; bottom > top; bottom--) {
    const line = pageLines[bottom - 1]!;
    if (line.trim() === "") continue;
    if (peeled++ === EDGE_LINES || !running.has(lineKey(line))) break;
  }
  return pageLines.slice(top, bottom);
}

/** The key two running lines share: normalized, digits masked ("Page 3 of 7" → "page # of #"). */
export function lineKey(line: string): string {
  return normalizeText(line).replace(/\p{N}+/gu, "#");
}

/** Indexes of the first and last few non-blank lines of a page. */
function edgeLineIndexes(pageLines: string[]): Set<number> {
  const filled = pageLines.flatMap((line, i) => (line.trim() === "" ? [] : [i]));
  return new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)]);
}

function runningKeys(lines: string[][], pageCount: number): Set<string> {
  const pagesWith = new Map<string, number>();
  for (const pageLines of lines) {
    const keys = new Set([...edgeLineIndexes(pageLines)].map((i) => lineKey(pageLines[i]!)));
    for (const key of keys) if (key) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const running = new Set<string>();
  for (const [key, count] of pagesWith) {
    if (count >= 2 && count * 2 > pageCount) running.add(key);
  }
  return running;
}
