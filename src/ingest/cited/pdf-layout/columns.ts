// Column stacks: the blocks one column holds, one under the other, and whether a sentence runs from the foot of one to the head of the next.
import { type Block, overlap } from "./blocks.js";

/** The blocks of one column stretch, top to bottom, and the span they cover. */
export interface Stack {
  blocks: Block[];
  x0: number;
  x1: number;
  /** Whether it reads as running prose (see `isProse`). */
  prose: boolean;
}

/**
 * Least lines of a column a sentence may jump out of or into, and of the two together (a section's last
 * two lines may head a column), and least characters a line on average.
 */
const PROSE_LINES = 2;
const JUMP_LINES = 5;
const PROSE_LINE_CHARS = 25;
/** Share of a prose column's lines (but each paragraph's last) that reach near its right edge, and how near (of its width). */
const PROSE_FILLED = 0.6;
const FILLED_WITHIN = 0.25;
/** The widest gap between two columns a sentence runs across, as a part of the narrower one's width: a gutter, and the slack of ragged lines. */
const GUTTER_MAX = 0.5;

export function stackOf(blocks: Block[]): Stack {
  const x0 = Math.min(...blocks.map((b) => b.x0));
  const x1 = Math.max(...blocks.map((b) => b.x1));
  return { blocks, x0, x1, prose: isProse(blocks, x0, x1) };
}

/**
 * A column of running prose: at least two lines, long ones, most of which (a paragraph's last aside)
 * run to the column's right edge. A table's columns (labels, prices, "Allowed") are short and ragged:
 * read one after the other, the last label would run on into the first value.
 */
function isProse(blocks: readonly Block[], x0: number, x1: number): boolean {
  const lines = blocks.flatMap((b) => b.lines);
  if (lines.length < PROSE_LINES) return false;
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (chars < PROSE_LINE_CHARS * lines.length) return false;
  const inner = blocks.flatMap((b) => b.lines.slice(0, -1));
  if (inner.length === 0) return true;
  const filled = inner.filter((l) => x1 - l.x1 <= FILLED_WITHIN * (x1 - x0)).length;
  return filled >= PROSE_FILLED * inner.length;
}

/**
 * B's stack heads the next column after A's: to the right across a gutter no wider than `GUTTER_MAX`,
 * both running prose, and side by side in one region of the page: no block that spans both columns lies
 * between B's top and A's foot (two columns, a full-width paragraph, two more columns: the lower-left
 * column runs on into the lower-right one, never the upper-right). Within that region, nothing of the
 * running text lies below A in its column or above B in its own, and no other column lies between them.
 */
export function continuesInNextColumn(
  a: Block,
  b: Block,
  stackA: Stack,
  stackB: Stack,
  flow: readonly Block[],
  bodySize: number,
): boolean {
  if (!stackA.prose || !stackB.prose) return false;
  if (lineCount(stackA) + lineCount(stackB) < JUMP_LINES) return false;
  const gutter = stackB.x0 - stackA.x1;
  const narrower = Math.min(stackA.x1 - stackA.x0, stackB.x1 - stackB.x0);
  if (gutter < 0 || gutter > GUTTER_MAX * narrower) return false;
  if (rowsOfATable(stackA, stackB, bodySize)) return false;
  const overA = (c: Block) => overlap(c.x0, c.x1, stackA.x0, stackA.x1) > 0;
  const overB = (c: Block) => overlap(c.x0, c.x1, stackB.x0, stackB.x1) > 0;
  const spans = (c: Block) => overA(c) && overB(c);
  let regionTop = Number.NEGATIVE_INFINITY;
  let regionBottom = Number.POSITIVE_INFINITY;
  for (const c of flow) {
    if (c === a || c === b || !spans(c)) continue;
    if (c.top >= b.top - 1 && c.bottom <= a.bottom + 1) return false; // the columns are in two regions
    if (c.bottom <= b.top + 1) regionTop = Math.max(regionTop, c.bottom);
    if (c.top >= a.bottom - 1) regionBottom = Math.min(regionBottom, c.top);
  }
  for (const c of flow) {
    if (c === a || c === b || spans(c)) continue;
    if (overA(c) && c.top >= a.bottom - 1 && c.top < regionBottom) return false; // more of A's column below A
    if (overB(c) && c.bottom <= b.top + 1 && c.bottom > regionTop) return false; // more of B's column above B
    const between = c.x0 >= stackA.x1 - 1 && c.x1 <= stackB.x0 + 1;
    if (between && c.bottom > b.top && c.top < a.bottom) return false; // a column between them
  }
  return true;
}

/**
 * Cells of a table's rows: below the first, a block of one column starts on the same line as a block of
 * the other (a table of prose cells, "Plan A | Plan B"). Columns of running text start their paragraphs
 * wherever the text before them ends; read one after the other, the last cell would run on into the first.
 */
function rowsOfATable(stackA: Stack, stackB: Stack, bodySize: number): boolean {
  const starts = new Set(
    stackA.blocks.slice(1).map((b) => Math.round(b.lines[0]!.baseline / (0.2 * bodySize))),
  );
  return stackB.blocks.slice(1).some((b) => {
    const at = Math.round(b.lines[0]!.baseline / (0.2 * bodySize));
    return starts.has(at) || starts.has(at - 1) || starts.has(at + 1);
  });
}

const lineCount = (stack: Stack) => stack.blocks.reduce((n, b) => n + b.lines.length, 0);
