// Lines → blocks: the lines of one paragraph or column stretch, one under the other, read top to bottom.
import type { LayoutParams } from "./params.js";
import { mostlyMonospace, sameSize } from "./style.js";

/** A line of text as laid out: one segment and the text read from it. */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  monospace: boolean;
}

/** Lines that follow each other down one column: a paragraph, a heading, a table cell. */
export interface Block {
  lines: Line[];
  x0: number;
  x1: number;
  /** The first line's top and the last line's bottom. */
  top: number;
  bottom: number;
  /** The size of most of its text, and whether most of it is fixed-pitch. */
  size: number;
  monospace: boolean;
}

/** Overlap of two spans along one axis (negative when they are apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/**
 * Joins each line to the one right under it when that is the only reading: it is the nearest line
 * below that shares some of its width, within the line spacing, of the same size, and nothing else
 * could continue it or be continued by it. A line under two columns, or two lines under one, starts a
 * block of its own: which continues which is then for the flow to decide, or nobody.
 */
export function buildBlocks(lines: readonly Line[], params: LayoutParams): Block[] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const above = sorted.map((_line, i) => linesAbove(sorted, i, params));
  const belowCount = new Map<number, number>();
  for (const list of above) for (const j of list) belowCount.set(j, (belowCount.get(j) ?? 0) + 1);
  const next = new Map<number, number>();
  above.forEach((list, i) => {
    const j = list[0];
    if (list.length !== 1 || j === undefined || belowCount.get(j) !== 1) return;
    if (continues(sorted[j]!, sorted[i]!, params)) next.set(j, i);
  });
  const hasPrevious = new Set(next.values());
  const blocks: Block[] = [];
  sorted.forEach((_, i) => {
    if (hasPrevious.has(i)) return;
    const chain: Line[] = [];
    for (let k: number | undefined = i; k !== undefined; k = next.get(k)) chain.push(sorted[k]!);
    blocks.push(blockOf(chain));
  });
  return blocks;
}

/**
 * The lines right above line i that share some of its width: for each, nothing lies between them. Only
 * lines within reach (the line spacing) are looked at.
 */
function linesAbove(sorted: readonly Line[], i: number, params: LayoutParams): number[] {
  const line = sorted[i]!;
  const found: number[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const candidate = sorted[j]!;
    const reach = params.lineSpacingMax * Math.max(candidate.size, line.size);
    if (line.baseline - candidate.baseline > reach) break;
    if (line.baseline - candidate.baseline < 0.5 * Math.min(candidate.size, line.size)) continue;
    if (overlap(candidate.x0, candidate.x1, line.x0, line.x1) <= 0) continue;
    // Hidden behind a nearer line above that covers it: not right above.
    const shadowed = found.some(
      (k) => overlap(sorted[k]!.x0, sorted[k]!.x1, candidate.x0, candidate.x1) > 0,
    );
    if (!shadowed) found.push(j);
  }
  return found;
}

function continues(upper: Line, lower: Line, params: LayoutParams): boolean {
  return sameSize(upper.size, lower.size, params) && upper.monospace === lower.monospace;
}

function blockOf(lines: Line[]): Block {
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return {
    lines,
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    top: first.baseline - 0.75 * first.size,
    bottom: last.baseline + 0.25 * last.size,
    size: sizes[Math.floor(sizes.length / 2)]!,
    monospace: mostlyMonospace(lines),
  };
}
