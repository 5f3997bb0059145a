// Fragments → pieces of lines: text on one baseline, close enough to be read as one, raised and lowered text kept with it.
import type { Fragment } from "./fragment.js";
import { GutterFinder } from "./gutters.js";
import type { LayoutParams } from "./params.js";
import { mostlyMonospace, sameSize } from "./style.js";

/** How a fragment sits on its line: on the baseline, or raised or lowered smaller text (an exponent, index, footnote mark). */
export type Role = "main" | "raised" | "lowered";

/**
 * A piece of one line: fragments on one baseline with no gutter between them. A line of a two-column
 * page is two segments, one per column; a table row is one per cell that stands apart.
 */
export interface Segment {
  fragments: Fragment[];
  roles: Role[];
  x0: number;
  x1: number;
  /** The baseline and size of the text on the line itself (not of its raised or lowered marks). */
  baseline: number;
  size: number;
  /** Whether most of its characters are set in a fixed-pitch font. */
  monospace: boolean;
}

interface Open {
  fragments: Fragment[];
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/** Groups fragments (all of one direction) into segments, each with its fragments in reading order. */
export function buildSegments(fragments: readonly Fragment[], params: LayoutParams): Segment[] {
  // White space pdf.js reports as items of its own says nothing the gaps between words do not.
  const sorted = fragments
    .filter((f) => f.text.trim() !== "")
    .sort((a, b) => a.x0 - b.x0 || a.baseline - b.baseline);
  const open: Open[] = [];
  const done: Open[] = [];
  for (const fragment of sorted) {
    // Segments that ended too far to the left can take nothing more.
    for (let i = open.length - 1; i >= 0; i--) {
      const s = open[i]!;
      if (fragment.x0 - s.x1 > params.wordGapMax * Math.max(s.size, fragment.size)) {
        done.push(s);
        open.splice(i, 1);
      }
    }
    const target = bestSegment(open, fragment, params);
    if (target) add(target, fragment, params);
    else open.push(start(fragment));
  }
  const lines = [...done, ...open];
  const gutters = new GutterFinder(lines);
  return lines.flatMap((s) => splitAtGutters(s, gutters, params)).map((s) => finish(s, params));
}

/** The segment cut at every gap between its fragments that is a narrow column gutter. */
function splitAtGutters(s: Open, gutters: GutterFinder, params: LayoutParams): Open[] {
  const pieces: Open[] = [];
  let current: Open | null = null;
  for (const f of s.fragments) {
    const before = current?.fragments.at(-1);
    if (current && before && gutters.isGutter(before, f, s.baseline, s.size, params)) {
      pieces.push(current);
      current = null;
    }
    if (current) add(current, f, params);
    else current = start(f);
  }
  if (current) pieces.push(current);
  return pieces;
}

function start(f: Fragment): Open {
  return { fragments: [f], x0: f.x0, x1: f.x1, baseline: f.baseline, size: f.size };
}

function add(s: Open, f: Fragment, params: LayoutParams): void {
  s.fragments.push(f);
  s.x1 = Math.max(s.x1, f.x1);
  const main = mainText(s.fragments, params);
  s.baseline = main.baseline;
  s.size = main.size;
}

function bestSegment(open: Open[], f: Fragment, params: LayoutParams): Open | null {
  let best: Open | null = null;
  let bestShift = Number.POSITIVE_INFINITY;
  for (const s of open) {
    if (!sitsOn(s, f, params)) continue;
    const shift = Math.abs(f.baseline - s.baseline);
    if (shift < bestShift) {
      best = s;
      bestShift = shift;
    }
  }
  return best;
}

/**
 * Whether the fragment continues the segment's line: on its baseline within a word gap (of the smaller
 * text: a heading and the body beside it across a gutter stay apart), or as a raised or lowered mark
 * written against it: short, smaller, off the baseline by what an exponent, index or footnote mark is
 * (or the segment so far is such a mark, and this is the line it belongs to).
 */
function sitsOn(s: Open, f: Fragment, params: LayoutParams): boolean {
  const gap = f.x0 - s.x1;
  const shift = f.baseline - s.baseline;
  if (Math.abs(shift) <= params.baselineTolerance * Math.max(s.size, f.size)) {
    // Text of another size on the baseline joins only at a word space: beyond it lies another column.
    const sizes = sameSize(s.size, f.size, params) ? params.wordGapMax : 1;
    return gap <= sizes * Math.min(s.size, f.size);
  }
  if (f.size <= params.scriptSizeMax * s.size && isMark(f.text)) {
    return gap <= params.scriptGapMax * s.size && isScriptShift(-shift, s.size);
  }
  if (s.size <= params.scriptSizeMax * f.size && s.fragments.every((m) => isMark(m.text))) {
    return gap <= params.scriptGapMax * f.size && isScriptShift(shift, f.size);
  }
  return false;
}

/** Short enough to be an exponent, an index or a footnote mark ("2", "-1", "n+1", "[21]", "a,b", "TM"). */
function isMark(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.replace(/\s/gu, "").length <= 8 && (t.match(/\s/gu)?.length ?? 0) <= 2;
}

/** A raise (positive) or drop (negative) that a superscript or subscript on a line of this size can have. */
function isScriptShift(raise: number, lineSize: number): boolean {
  return raise <= 0.7 * lineSize && raise >= -0.45 * lineSize;
}

/** The line's own text: its largest fragments, by how many characters are on each baseline. */
function mainText(fragments: readonly Fragment[], params: LayoutParams) {
  const largest = Math.max(...fragments.map((f) => f.size));
  const main = fragments.filter((f) => f.size > params.scriptSizeMax * largest);
  let weight = 0;
  let baseline = 0;
  let size = 0;
  for (const f of main) {
    const w = Math.max(1, f.text.trim().length);
    weight += w;
    baseline += f.baseline * w;
    size += f.size * w;
  }
  return { baseline: baseline / weight, size: size / weight };
}

function finish(s: Open, params: LayoutParams): Segment {
  const roles = s.fragments.map((f) => roleOf(f, s, params));
  return {
    fragments: s.fragments,
    roles,
    x0: s.x0,
    x1: s.x1,
    baseline: s.baseline,
    size: s.size,
    monospace: mostlyMonospace(s.fragments),
  };
}

function roleOf(f: Fragment, line: { baseline: number; size: number }, params: LayoutParams): Role {
  if (f.size > params.scriptSizeMax * line.size) return "main";
  const raise = line.baseline - f.baseline;
  if (raise >= params.scriptShiftMin * line.size) return "raised";
  if (raise <= -params.scriptShiftMin * line.size) return "lowered";
  return "main";
}
