// CSS unicode-range values as sorted code point intervals: parse, combine, test against a text, print back.

/** Inclusive [first, last] code points, sorted, neither overlapping nor touching. */
export type UnicodeRange = readonly (readonly [number, number])[];

/** "U+0000-00FF,U+0131,U+04??" → intervals; a term that is not a unicode-range term is a bug in a package. */
export function parseUnicodeRange(value: string): UnicodeRange {
  const spans = value
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term): [number, number] => {
      const match = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(term);
      if (!match) throw new Error(`not a unicode-range term: ${term}`);
      const [, first = "", last] = match;
      if (first.includes("?"))
        return [parseInt(first.replaceAll("?", "0"), 16), parseInt(first.replaceAll("?", "F"), 16)];
      return [parseInt(first, 16), parseInt(last ?? first, 16)];
    });
  return normalize(spans);
}

function normalize(spans: [number, number][]): UnicodeRange {
  const sorted = spans.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function unionRanges(...ranges: UnicodeRange[]): UnicodeRange {
  return normalize(ranges.flatMap((r) => r.map(([a, b]): [number, number] => [a, b])));
}

export function intersectRanges(a: UnicodeRange, b: UnicodeRange): UnicodeRange {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo <= hi) out.push([lo, hi]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

export function subtractRanges(a: UnicodeRange, b: UnicodeRange): UnicodeRange {
  const out: [number, number][] = [];
  let j = 0;
  for (const [a0, a1] of a) {
    let start = a0;
    while (j < b.length && b[j]![1] < start) j++;
    let k = j;
    while (k < b.length && b[k]![0] <= a1) {
      const [b0, b1] = b[k]!;
      if (b0 > start) out.push([start, b0 - 1]);
      start = Math.max(start, b1 + 1);
      k++;
    }
    if (start <= a1) out.push([start, a1]);
  }
  return out;
}

export function rangeHas(range: UnicodeRange, codePoint: number): boolean {
  let lo = 0;
  let hi = range.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = range[mid]!;
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True when any of the code points lies in the range. */
export function rangeMeets(range: UnicodeRange, codePoints: Iterable<number>): boolean {
  for (const c of codePoints) if (rangeHas(range, c)) return true;
  return false;
}

export function formatUnicodeRange(range: UnicodeRange): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
  return range.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(",");
}
