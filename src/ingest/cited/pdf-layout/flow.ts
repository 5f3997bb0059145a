// Blocks → a page's running text: which block a reader reads after which, and where a quote may run on.
import { PASSAGE_BREAK } from "../../../model/index.js";
import { type Block, overlap } from "./blocks.js";
import { isCaption } from "./captions.js";
import { continuesInNextColumn, type Stack, stackOf } from "./columns.js";
import type { LayoutParams } from "./params.js";
import { sameSize } from "./style.js";

/** A block that stands at a page edge apart from the rest and never continues into other text. */
export interface FlowBlock extends Block {
  isolated?: boolean;
}

/** The size most of a page's characters are set in, and whether they are fixed-pitch (a transcript, a listing). */
export interface BodyStyle {
  size: number;
  monospace: boolean;
}

/** A block that begins or ends a page's running text, and the width of the column it stands in. */
export interface PageEnd {
  block: Block;
  columnWidth: number;
}

/** One page's running text, its asides, and the blocks it starts and ends with (for the page break). */
export interface PageFlow {
  text: string;
  asides: string[];
  /** The first and last blocks of the running text, when they are body text a sentence may run into or out of. */
  first: PageEnd | null;
  last: PageEnd | null;
}

/**
 * Orders a page's blocks and joins those a sentence runs through: a block and the one right under it in
 * its column, and the foot of a column and the head of the next, passing over what floats between them.
 * Every other pair of neighbours is kept apart by a PASSAGE_BREAK, so that where the order is uncertain a
 * quote is not found rather than found in text no reader reads as one.
 *
 * What floats is text a sentence of the body never runs into: small print (footnotes, chart labels),
 * captions, and fixed-pitch text amid prose (a code listing). It stands apart as asides; headings,
 * larger than the body, stay in place, between breaks.
 */
export function flowPage(
  blocks: readonly FlowBlock[],
  body: BodyStyle,
  params: LayoutParams,
): PageFlow {
  const floats = (b: Block) =>
    b.size < params.smallPrint * body.size ||
    b.monospace !== body.monospace ||
    isCaption(b.lines[0]!.text);
  const asides = blocks.filter((b) => floats(b) && !b.isolated);
  const flow = blocks.filter((b) => !asides.includes(b));
  const { next, columnWidth } = joins(flow, asides, body, params);
  const chains = chainsOf(flow, next).sort(compareChains);
  const text = chains.map((chain) => chain.map(blockText).join("\n")).join(`\n${PASSAGE_BREAK}\n`);
  const end = (b: FlowBlock | undefined): PageEnd | null =>
    b !== undefined && !b.isolated && isBodyStyle(b, body, params)
      ? { block: b, columnWidth: columnWidth(b) }
      : null;
  return {
    text,
    asides: asides.map(blockText),
    first: end(chains[0]?.[0]),
    last: end(chains.at(-1)?.at(-1)),
  };
}

export function blockText(block: Block): string {
  return block.lines.map((l) => l.text).join("\n");
}

function isBodyStyle(b: Block, body: BodyStyle, params: LayoutParams): boolean {
  return sameSize(b.size, body.size, params) && b.monospace === body.monospace;
}

function sameStyle(a: Block, b: Block, params: LayoutParams): boolean {
  return sameSize(a.size, b.size, params) && a.monospace === b.monospace;
}

/**
 * Each block's successor, where exactly one block continues it and it continues exactly one: first down
 * each column, then from the foot of each column to the head of the next. A column's width is that of its
 * widest block, so a paragraph's short last line heading a column is as wide as the column.
 */
function joins(
  flow: readonly FlowBlock[],
  floating: readonly Block[],
  body: BodyStyle,
  params: LayoutParams,
) {
  const open = flow.filter((b) => !b.isolated);
  const next = uniquely(open, (a) =>
    open.filter((b) => b !== a && continuesBelow(a, b, flow, floating, params)),
  );
  const stackOfBlock = new Map<Block, Stack>();
  for (const chain of chainsOf(open, next)) {
    const stack = stackOf(chain);
    for (const b of chain) stackOfBlock.set(b, stack);
  }
  const stack = (b: Block) => stackOfBlock.get(b) ?? stackOf([b]);
  const columnWidth = (b: Block) => stack(b).x1 - stack(b).x0;
  const stacks = [...new Set(stackOfBlock.values())];
  const feet = stacks.filter((s) => s.prose).map((s) => s.blocks.at(-1)!);
  const heads = stacks.filter((s) => s.prose).map((s) => s.blocks[0]!);
  const jumps = uniquely(feet, (a) =>
    heads.filter(
      (b) =>
        mayBeNextColumn(a, b, body, columnWidth, params) &&
        continuesInNextColumn(a, b, stack(a), stack(b), open, body.size),
    ),
  );
  for (const [a, b] of jumps) next.set(a, b);
  return { next, columnWidth };
}

/** a → b where b is a's only candidate and a is b's only one. */
function uniquely(
  blocks: readonly FlowBlock[],
  candidatesOf: (a: FlowBlock) => FlowBlock[],
): Map<FlowBlock, FlowBlock> {
  const candidates = new Map<FlowBlock, FlowBlock[]>();
  const incoming = new Map<FlowBlock, number>();
  for (const a of blocks) {
    const found = candidatesOf(a);
    candidates.set(a, found);
    for (const b of found) incoming.set(b, (incoming.get(b) ?? 0) + 1);
  }
  const next = new Map<FlowBlock, FlowBlock>();
  for (const [a, found] of candidates) {
    const b = found[0];
    if (found.length === 1 && b && incoming.get(b) === 1) next.set(a, b);
  }
  return next;
}

/**
 * B is the next block down A's column: below it, sharing its width, in the same style, nothing of the
 * running text between, and close (a paragraph's spacing), or further past a captioned figure or table.
 */
function continuesBelow(
  a: Block,
  b: Block,
  flow: readonly Block[],
  floating: readonly Block[],
  params: LayoutParams,
): boolean {
  if (!sameStyle(a, b, params) || b.top < a.bottom - 0.3 * a.size) return false;
  const shared = overlap(a.x0, a.x1, b.x0, b.x1);
  if (shared < 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0)) return false;
  const between = (c: Block) =>
    c !== a &&
    c !== b &&
    c.top >= a.bottom - 1 &&
    c.bottom <= b.top + 1 &&
    overlap(c.x0, c.x1, a.x0, a.x1) > 0 &&
    overlap(c.x0, c.x1, b.x0, b.x1) > 0;
  if (flow.some(between)) return false;
  const gap = b.lines[0]!.baseline - a.lines.at(-1)!.baseline;
  if (gap <= params.paragraphSpacingMax * Math.max(a.size, b.size)) return true;
  // Further apart only past a figure or table that floats between them, told by its caption: a note in
  // small print between two paragraphs is read between them, and never skipped.
  return floating.some((c) => between(c) && isCaption(c.lines[0]!.text));
}

/** B could head the column after A's, by their own looks: body text, to the right, higher than A ends, in columns about as wide. */
function mayBeNextColumn(
  a: Block,
  b: Block,
  body: BodyStyle,
  columnWidth: (b: Block) => number,
  params: LayoutParams,
): boolean {
  if (!isBodyStyle(a, body, params) || !isBodyStyle(b, body, params)) return false;
  if (b.x0 <= a.x0 || b.top >= a.bottom) return false;
  if (overlap(a.x0, a.x1, b.x0, b.x1) > 0.1 * Math.min(a.x1 - a.x0, b.x1 - b.x0)) return false;
  const widthA = columnWidth(a);
  const widthB = columnWidth(b);
  return Math.min(widthA, widthB) >= params.columnWidthRatio * Math.max(widthA, widthB);
}

function chainsOf(
  blocks: readonly FlowBlock[],
  next: ReadonlyMap<FlowBlock, FlowBlock>,
): FlowBlock[][] {
  const hasPrevious = new Set(next.values());
  const placed = new Set<FlowBlock>();
  const chains: FlowBlock[][] = [];
  const follow = (start: FlowBlock) => {
    const chain: FlowBlock[] = [];
    for (let b: FlowBlock | undefined = start; b && !placed.has(b); b = next.get(b)) {
      placed.add(b);
      chain.push(b);
    }
    chains.push(chain);
  };
  for (const block of blocks) if (!hasPrevious.has(block)) follow(block);
  // Joins only ever lead down or to the right, so no block is left over; should one be, it stands alone.
  for (const block of blocks) if (!placed.has(block)) follow(block);
  return chains;
}

/** Reading order of chains by their first blocks: down a column, and left to right across columns side by side. */
function compareChains(a: readonly Block[], b: readonly Block[]): number {
  const x = a[0]!;
  const y = b[0]!;
  const sideBySide =
    overlap(x.x0, x.x1, y.x0, y.x1) <= 0 && overlap(x.top, x.bottom, y.top, y.bottom) > 0;
  return sideBySide ? x.x0 - y.x0 : x.top - y.top || x.x0 - y.x0;
}
