// Running headers and footers: lines at a page edge, apart from the body, that recur at the same height with the same words.
import { isNegation } from "../../../model/index.js";
import type { Line } from "./blocks.js";
import type { BodyStyle } from "./flow.js";
import type { LayoutParams } from "./params.js";
import { sameSize } from "./style.js";

/** What happens to a line at a page edge. */
export interface EdgeVerdict {
  /** Running headers and footers: taken out of the running text, kept as asides. */
  running: Set<Line>;
  /** Lines at an edge, apart from the body, that do not recur: left in place but never joined to other text. */
  isolated: Set<Line>;
}

interface EdgeRow {
  lines: Line[];
  page: number;
  side: "top" | "bottom";
  baseline: number;
  size: number;
  key: string;
}

/**
 * Finds the running lines of a document. A line is at an edge when it is among the first or last few
 * lines of its page and a wider gap than the body's line spacing parts it from the rest; it is a running
 * line when lines at the same edge and height recur on other pages with the same words (numbers aside:
 * folios that count the pages, drift against them, or skip) or are bare page numbers. Geometry, not text
 * order, finds them, so headers on alternate pages, per chapter, or drawn last are found alike. A line
 * that says "not" is never taken out: removing it would turn the text into its opposite.
 *
 * An edge line that does not recur is kept where it is, but stands alone (isolated) when it does not
 * look like the body it is parted from (another size or kind of font, or a page number): a one-page
 * document's header or footer is never read into its first or last sentence, while a paragraph that
 * starts at the foot of a page still runs on to the next.
 */
export function findEdges(
  pages: readonly Line[][],
  bodyOf: (running: ReadonlySet<Line>) => readonly BodyStyle[],
  params: LayoutParams,
): EdgeVerdict {
  const leading = columnLeading(pages);
  const rows = pages.flatMap((lines, i) => edgeRows(lines, i + 1, leading, params));
  const running = new Set<Line>();
  const minPages = pages.length < 3 ? 2 : 3;
  const loose: EdgeRow[] = [];
  for (const row of rows) {
    const band = rows.filter(
      (other) =>
        other.side === row.side &&
        Math.abs(other.baseline - row.baseline) <= params.edgeDrift &&
        Math.abs(other.size - row.size) <= 0.5,
    );
    const pagesInBand = new Set(band.map((r) => r.page)).size;
    const recurs = band.some((other) => other.page !== row.page && other.key === row.key);
    if (pagesInBand >= minPages && (recurs || isFolio(row.key)) && !saysNot(row.lines)) {
      for (const line of row.lines) running.add(line);
    } else loose.push(row);
  }
  // The body's style is the running text's: a short document's headers must not outweigh it.
  const bodies = bodyOf(running);
  const isolated = new Set<Line>();
  for (const row of loose) {
    const body = bodies[row.page - 1]!;
    const bodyLike = row.lines.every(
      (l) => sameSize(l.size, body.size, params) && l.monospace === body.monospace,
    );
    if (!bodyLike || isFolio(row.key)) for (const line of row.lines) isolated.add(line);
  }
  return { running, isolated };
}

/**
 * The rows of lines at the top and bottom edges of a page that stand apart: from each edge, every row
 * that a wider gap than the line spacing parts from the next row inward, up to the first row that is
 * not (a few rows at most). A short page's lines, set at the usual spacing, are never taken for one.
 */
function edgeRows(
  lines: readonly Line[],
  page: number,
  leading: Leading,
  params: LayoutParams,
): EdgeRow[] {
  const rows = rowsOf(lines);
  if (rows.length < 2) return [];
  // apart[k]: the gap between rows k and k + 1 is wider than the line spacing of the text there.
  const apart = rows.slice(1).map((inward, k) => {
    const gap = inward[0]!.baseline - rows[k]![0]!.baseline;
    const size = Math.max(...inward.map((l) => l.size), ...rows[k]!.map((l) => l.size));
    return gap > params.edgeGap * Math.max(leading(size), size);
  });
  let top = 0;
  while (top < Math.min(params.edgeLines, apart.length) && apart[top]) top++;
  let bottom = 0;
  while (
    bottom < Math.min(params.edgeLines, rows.length - top) &&
    apart[apart.length - 1 - bottom]
  ) {
    bottom++;
  }
  return [
    ...rows.slice(0, top).map((row) => edgeRow(row, page, "top")),
    ...rows.slice(rows.length - bottom).map((row) => edgeRow(row, page, "bottom")),
  ];
}

/** Line spacing by text size: what is usual between the lines of a column set in that size. */
export type Leading = (size: number) => number;

/**
 * The most common distance from a line to the nearest line above it in the same column (sharing some of
 * its width), for each size of text in the document. Rows of a page interleave when its columns'
 * baselines differ, so the distance between rows says nothing; and a table in small print has a
 * spacing of its own.
 */
export function columnLeading(pages: readonly Line[][]): Leading {
  const counts = new Map<number, Map<number, number>>();
  for (const lines of pages) {
    const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
    sorted.forEach((line, i) => {
      for (let j = i - 1; j >= 0; j--) {
        const above = sorted[j]!;
        const gap = line.baseline - above.baseline;
        if (gap < 0.5 * line.size) continue;
        if (gap > 3 * line.size) break;
        if (Math.min(above.x1, line.x1) - Math.max(above.x0, line.x0) <= 0) continue;
        const size = Math.round(line.size);
        const bySize = counts.get(size) ?? new Map<number, number>();
        const key = Math.round(gap * 2) / 2;
        bySize.set(key, (bySize.get(key) ?? 0) + 1);
        counts.set(size, bySize);
        break;
      }
    });
  }
  const leading = new Map<number, number>();
  for (const [size, gaps] of counts) {
    let best = 0;
    let bestCount = 0;
    for (const [gap, count] of gaps) {
      if (count > bestCount) {
        best = gap;
        bestCount = count;
      }
    }
    leading.set(size, best);
  }
  return (size) => leading.get(Math.round(size)) ?? 1.2 * size;
}

/** Lines on one baseline (a header's left and right parts), top to bottom, each left to right. */
export function rowsOf(lines: readonly Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Line[][] = [];
  for (const line of sorted) {
    const row = rows.at(-1);
    if (
      row &&
      Math.abs(row[0]!.baseline - line.baseline) <= 0.3 * Math.max(row[0]!.size, line.size)
    ) {
      row.push(line);
    } else rows.push([line]);
  }
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0);
  return rows;
}

function edgeRow(lines: Line[], page: number, side: "top" | "bottom"): EdgeRow {
  const sorted = [...lines].sort((a, b) => a.x0 - b.x0);
  return {
    lines: sorted,
    page,
    side,
    baseline: sorted[0]!.baseline,
    size: Math.max(...sorted.map((l) => l.size)),
    key: keyOf(sorted.map((l) => l.text).join(" ")),
  };
}

/** Lower case, white space collapsed, numbers (arabic or roman) masked: "Page 3 of 7" → "page # of #". */
function keyOf(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{N}+/gu, "#")
    .replace(/\b[ivxlcdm]+\b/gu, (w) =>
      /^m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/u.test(w) ? "#" : w,
    )
    .replace(/\s+/gu, " ")
    .trim();
}

/** A bare page number, however decorated: "7", "- 7 -", "Page 7", "7 of 48", "[vii]". */
function isFolio(key: string): boolean {
  return /^(?:page )?[-–—([ ]*#[-–—)\] ]*(?:(?:of|\/) #)?$/u.test(key);
}

/** Whether the row says "not" ("No." before a number is a number, as in "Vol. 85, No. 152"). */
function saysNot(lines: readonly Line[]): boolean {
  const text = lines
    .map((l) => l.text)
    .join(" ")
    .toLowerCase()
    .replace(/\bno\.\s*\p{N}/gu, "#");
  return text.split(/[^\p{L}\p{N}'’-]+/u).some((word) => isNegation(word.replace(/’/gu, "'")));
}
