// PDF layout analysis: text as drawn (fragments with positions) → running text per page in reading order, and asides.
import { type Aside, PASSAGE_BREAK } from "../../../model/index.js";
import { buildBlocks, type Line } from "./blocks.js";
import { type BodyStyle, flowPage, type PageEnd, type PageFlow } from "./flow.js";
import type { Fragment, PageFragments } from "./fragment.js";
import { findEdges, rowsOf } from "./furniture.js";
import { lineText } from "./line-text.js";
import { DEFAULT_LAYOUT, type LayoutParams } from "./params.js";
import { buildSegments } from "./segments.js";
import { restoreSoftHyphens } from "./soft-hyphens.js";
import { mostlyMonospace, mostUsed, sameSize } from "./style.js";

export type { Fragment, PageFragments } from "./fragment.js";
export { DEFAULT_LAYOUT, type LayoutParams } from "./params.js";

export interface LaidOut {
  /** Running text per page; a page that does not continue the one before starts with a PASSAGE_BREAK line. */
  pages: string[];
  asides: Aside[];
}

/**
 * Reads a document the way its pages are drawn, not the order its content streams were written in:
 * fragments → lines (pdfminer's char margin and line overlap) → blocks (line margin) → the order a
 * reader follows (down a column, then the next column; poppler's flows), with running headers and
 * footers, rotated text and small print apart. Pure: positions in, text out.
 */
export function layoutDocument(
  pages: readonly PageFragments[],
  params: LayoutParams = DEFAULT_LAYOUT,
): LaidOut {
  const drawn = pages.map((page) => splitByDirection(page.fragments));
  const lines = drawn.map((d) => linesOf(d.main, params));
  let bodies: BodyStyle[] = [];
  const edges = findEdges(
    lines,
    (running) => {
      bodies = bodyStyles(
        lines.map((pageLines) => pageLines.filter((l) => !running.has(l))),
        params,
      );
      return bodies;
    },
    params,
  );
  const asides: Aside[] = [];
  const flows: PageFlow[] = lines.map((pageLines, i) => {
    const page = i + 1;
    const body = bodies[i]!;
    for (const row of rowsOf(pageLines.filter((l) => edges.running.has(l)))) {
      asides.push({ page, text: row.map((l) => l.text).join(" ") });
    }
    const inPlace = pageLines.filter((l) => !edges.running.has(l) && !edges.isolated.has(l));
    // An edge row reads left to right as one line ("Page 2   Publication 4655 (January 2008)").
    const isolated = buildBlocks(
      rowsOf(pageLines.filter((l) => edges.isolated.has(l))).map(asOneLine),
      params,
    ).map((b) => ({ ...b, isolated: true }));
    const blocks = buildBlocks(inPlace, params).map(restoreSoftHyphens);
    const flow = flowPage([...blocks, ...isolated], body, params);
    for (const text of flow.asides) asides.push({ page, text });
    for (const turned of drawn[i]!.turned) {
      for (const block of buildBlocks(linesOf(turned, params), params)) {
        asides.push({ page, text: block.lines.map((l) => l.text).join("\n") });
      }
    }
    return flow;
  });
  const texts = flows.map((flow, i) => {
    const runsOn = runsOnto(flows[i - 1]?.last, flow.first, params);
    return i === 0 || runsOn || flow.text === "" ? flow.text : `${PASSAGE_BREAK}\n${flow.text}`;
  });
  return { pages: texts, asides };
}

/** The page's text in its main direction (the one most of its characters run in), and every other direction apart. */
function splitByDirection(fragments: readonly Fragment[]): {
  main: Fragment[];
  turned: Fragment[][];
} {
  const byAngle = new Map<number, Fragment[]>();
  for (const f of fragments) {
    const angle = ((Math.round(f.angle) % 360) + 360) % 360;
    const list = byAngle.get(angle);
    if (list) list.push(f);
    else byAngle.set(angle, [f]);
  }
  const chars = (list: Fragment[]) => list.reduce((n, f) => n + f.text.length, 0);
  const groups = [...byAngle.values()].sort((a, b) => chars(b) - chars(a));
  return { main: groups[0] ?? [], turned: groups.slice(1) };
}

/** A sentence may run from the last block of a page into the first of the next: both body text alike, in columns about as wide. */
function runsOnto(
  last: PageEnd | null | undefined,
  first: PageEnd | null,
  params: LayoutParams,
): boolean {
  if (!last || !first) return false;
  const widths = [last.columnWidth, first.columnWidth];
  return (
    sameSize(last.block.size, first.block.size, params) &&
    last.block.monospace === first.block.monospace &&
    Math.min(...widths) >= params.columnWidthRatio * Math.max(...widths)
  );
}

/** The lines of one row as one line, left to right. */
function asOneLine(row: readonly Line[]): Line {
  return {
    ...row[0]!,
    text: row.map((l) => l.text).join(" "),
    x0: Math.min(...row.map((l) => l.x0)),
    x1: Math.max(...row.map((l) => l.x1)),
    size: Math.max(...row.map((l) => l.size)),
  };
}

function linesOf(fragments: readonly Fragment[], params: LayoutParams): Line[] {
  return buildSegments(fragments, params)
    .map((segment) => ({
      text: lineText(segment, params),
      x0: segment.x0,
      x1: segment.x1,
      baseline: segment.baseline,
      size: segment.size,
      monospace: segment.monospace,
    }))
    .filter((line) => line.text !== "");
}

/**
 * Each page's body style: the size (to the half point) most of the document's characters are set in, and
 * whether they are fixed-pitch, on every page that has text in it; on a page that has none, that page's own.
 */
function bodyStyles(pages: readonly Line[][], params: LayoutParams): BodyStyle[] {
  const document = styleOf(pages.flat());
  return pages.map((lines) =>
    lines.some((l) => sameSize(l.size, document.size, params) && l.monospace === document.monospace)
      ? document
      : styleOf(lines),
  );
}

function styleOf(lines: readonly Line[]): BodyStyle {
  if (lines.length === 0) return { size: 0, monospace: false };
  return {
    size: mostUsed(lines.map((l) => [Math.round(l.size * 2) / 2, l.text.length])),
    monospace: mostlyMonospace(lines),
  };
}
