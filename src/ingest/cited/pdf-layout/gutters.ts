// Narrow column gutters: a gap in a line that stays empty down the lines above and below it splits the line there.
import type { Fragment } from "./fragment.js";
import type { LayoutParams } from "./params.js";

/** The widest gap pdf.js keeps inside one fragment as a space (its SPACE_IN_FLOW_MAX_FACTOR), in em. */
const IN_FRAGMENT_SPACE_MAX = 0.6;

/** How closely runs of text on other rows line up with a gap's edges to make it a gutter (em): starts exactly, ends within a protruded hyphen. */
const START_ALIGN = 0.05;
const END_ALIGN = 0.15;

/** A row of the page: the spans its text covers, left to right. */
interface Row {
  baseline: number;
  size: number;
  spans: [number, number][];
  /** Where a run of text starts on the row: its first span, and every span after a gap of `narrowGutterMin`. */
  starts: number[];
  /** Such gaps: where the run before ends, and the next starts. */
  gaps: [number, number][];
}

/**
 * Finds which gaps between neighbouring fragments of a line are a column gutter. A gutter as narrow as a
 * stretched word space (LaTeX's 10 pt between columns of 10 pt text) cannot be told by its width; it is
 * told by what is above and below it: text after the gap that starts where text starts on three of the
 * nearest rows (or the same gap on two of them, its edges lined up both sides), as the lines of a column
 * do and the words of a line do not; or a channel at least
 * `riverWidth` wide that stays empty, with text on both sides, for `gutterRows` lines (the spaces of a
 * loose justified line are as wide, but never stay lined up that wide for long).
 */
export class GutterFinder {
  private readonly rows: Row[];

  constructor(
    lines: readonly { fragments: readonly Fragment[]; baseline: number; size: number }[],
  ) {
    const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
    const rows: Row[] = [];
    for (const line of sorted) {
      const last = rows.at(-1);
      const spans = line.fragments.map((f): [number, number] => [f.x0, f.x1]);
      if (last && Math.abs(last.baseline - line.baseline) <= 0.3 * Math.max(last.size, line.size)) {
        last.spans.push(...spans);
      } else rows.push({ baseline: line.baseline, size: line.size, spans, starts: [], gaps: [] });
    }
    for (const row of rows) row.spans.sort((a, b) => a[0] - b[0]);
    this.rows = rows;
  }

  /** Fills in where runs of text start and end on each row (once the parameters are known). */
  private runsOf(row: Row, params: LayoutParams): Row {
    if (row.starts.length === 0) {
      row.spans.forEach((span, i) => {
        const before = row.spans[i - 1];
        if (!before || span[0] - before[1] >= params.narrowGutterMin * row.size) {
          row.starts.push(span[0]);
          if (before) row.gaps.push([before[1], span[0]]);
        }
      });
    }
    return row;
  }

  /**
   * Whether the gap [x0, x1] between fragments `before` and `after` on the line at `baseline` is a gutter.
   * A justified line stretches all its spaces alike, and pdf.js keeps spaces up to 0.6 em inside a
   * fragment: a gap twice that wide beside a fragment with spaces in it is no word space either.
   */
  isGutter(
    before: Fragment,
    after: Fragment,
    baseline: number,
    size: number,
    params: LayoutParams,
  ): boolean {
    const x0 = before.x1;
    const x1 = after.x0;
    size = Math.min(size, before.size, after.size);
    if (x1 - x0 < params.narrowGutterMin * size) return false;
    const spaced = /\S\s+\S/u.test(before.text) || /\S\s+\S/u.test(after.text);
    if (spaced && x1 - x0 >= 2 * IN_FRAGMENT_SPACE_MAX * size) return true;
    const at = this.rowIndex(baseline);
    if (at < 0) return false;
    const rows =
      x1 - x0 < params.riverWidth * size
        ? 0
        : this.walk(at, -1, [x0, x1], size, params) + this.walk(at, 1, [x0, x1], size, params);
    if (rows >= params.gutterRows) return true;
    const starts = this.aligned(at, size, params, (row) =>
      row.starts.some((start) => Math.abs(start - x1) <= START_ALIGN * size),
    );
    if (starts >= 3) return true;
    // Two rows are all a short stretch of columns has (three lines under a figure): there the same gap,
    // its text after starting and its text before ending where they do here (justified lines), tells it.
    const sameGap = this.aligned(at, size, params, (row) =>
      row.gaps.some(
        ([end, start]) =>
          Math.abs(start - x1) <= START_ALIGN * size && Math.abs(end - x0) <= END_ALIGN * size,
      ),
    );
    return sameGap >= 2;
  }

  /** On how many of the three nearest rows above and below (within five lines' height) `test` holds. */
  private aligned(at: number, size: number, params: LayoutParams, test: (row: Row) => boolean) {
    let count = 0;
    for (let i = Math.max(0, at - 3); i <= Math.min(this.rows.length - 1, at + 3); i++) {
      if (i === at) continue;
      const row = this.rows[i]!;
      if (Math.abs(row.baseline - this.rows[at]!.baseline) > 5 * size) continue;
      if (test(this.runsOf(row, params))) count++;
    }
    return count;
  }

  /** The row nearest the baseline (rows are sorted by baseline). */
  private rowIndex(baseline: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]!.baseline < baseline) lo = mid + 1;
      else hi = mid;
    }
    const below = this.rows[lo];
    const above = this.rows[lo - 1];
    if (!above) return below ? lo : -1;
    if (!below) return lo - 1;
    return baseline - above.baseline <= below.baseline - baseline ? lo - 1 : lo;
  }

  /** How many rows up (-1) or down (1) from row `at` keep the channel empty with text on both sides of it. */
  private walk(
    at: number,
    step: -1 | 1,
    gap: [number, number],
    size: number,
    params: LayoutParams,
  ): number {
    let channel = gap;
    let count = 0;
    let previous = this.rows[at]!.baseline;
    for (let i = at + step; i >= 0 && i < this.rows.length; i += step) {
      const row = this.rows[i]!;
      // A gutter runs through a paragraph's blank line, not across a figure or a heading's white space.
      if (Math.abs(row.baseline - previous) > 3 * size) break;
      previous = row.baseline;
      const free = freePart(row.spans, channel);
      if (!free || free[1] - free[0] < params.riverWidth * size) break;
      channel = free;
      const left = row.spans.some((s) => s[1] <= channel[0] + 0.01 && s[1] > channel[0] - 3 * size);
      const right = row.spans.some(
        (s) => s[0] >= channel[1] - 0.01 && s[0] < channel[1] + 3 * size,
      );
      if (left && right) count++;
    }
    return count;
  }
}

/** The widest part of `channel` that none of the spans covers, or null. */
function freePart(
  spans: readonly [number, number][],
  channel: [number, number],
): [number, number] | null {
  let pieces: [number, number][] = [channel];
  for (const [s0, s1] of spans) {
    if (s1 <= channel[0] || s0 >= channel[1]) continue;
    pieces = pieces.flatMap(([p0, p1]): [number, number][] => {
      if (s1 <= p0 || s0 >= p1) return [[p0, p1]];
      const out: [number, number][] = [];
      if (s0 > p0) out.push([p0, s0]);
      if (s1 < p1) out.push([s1, p1]);
      return out;
    });
  }
  let best: [number, number] | null = null;
  for (const piece of pieces) if (!best || piece[1] - piece[0] > best[1] - best[0]) best = piece;
  return best;
}
