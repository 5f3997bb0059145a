// Which page-edge lines repeat as running headers or footers: same words, and numbers that stay put or count the pages.
import { isNegation } from "./negation.js";
import { normalizeText } from "./normalize.js";

const NUMBER = /\p{N}+/gu;
const ASCII_DIGITS = /^[0-9]+$/;

/** A line at a page edge: its key, its numbers, and its 1-based page. */
export interface EdgeLine {
  key: string;
  numbers: string[];
  page: number;
}

/** What one number of a running line does across pages: stays the same, or counts the pages. */
interface Slot {
  constant: string | null;
  /** The number minus the page number, when that is the same on several pages. */
  offset: number | null;
}

/** The key two running lines share: normalized, digits masked ("Page 3 of 7" → "page # of #"). */
export function lineKey(line: string): string {
  return normalizeText(line).replace(NUMBER, "#");
}

export function edgeLine(line: string, page: number): EdgeLine {
  const normalized = normalizeText(line);
  const numbers = normalized.match(NUMBER) ?? [];
  return { key: normalized.replace(NUMBER, "#"), numbers, page };
}

/**
 * Running lines, as a test on an edge line: its key sits at the edge of more than half the
 * pages (see `isFrequent`), and each of its numbers either is the same there or counts the
 * pages ("Page 3 of 7": 3 counts, 7 stays). A body line that only looks alike ("100" above a
 * bare page number) has numbers that do neither, so it is never taken for a running line.
 */
export function runningLines(edges: EdgeLine[], pageCount: number): (line: EdgeLine) => boolean {
  const byKey = new Map<string, EdgeLine[]>();
  for (const line of edges) {
    // A line that says "not" is never peeled: removing it would turn the text into its opposite.
    if (line.key === "" || line.key.split(/[^\p{L}\p{N}'-]+/u).some(isNegation)) continue;
    const list = byKey.get(line.key);
    if (list) list.push(line);
    else byKey.set(line.key, [line]);
  }
  const patterns = new Map<string, Slot[]>();
  for (const [key, lines] of byKey) {
    const slots = slotsOf(lines);
    const pages = new Set(lines.filter((line) => fits(line, slots)).map((line) => line.page));
    if (isFrequent([...pages], pageCount)) patterns.set(key, slots);
  }
  return (line) => {
    const slots = patterns.get(line.key);
    return slots !== undefined && fits(line, slots);
  };
}

/**
 * On two pages at least, and on more than half of them; or, for headers that alternate between
 * left and right pages, on three at least, all odd or all even, and more than half of those.
 */
function isFrequent(pages: number[], pageCount: number): boolean {
  if (pages.length < 2) return false;
  if (pages.length * 2 > pageCount) return true;
  if (pages.length < 3) return false;
  const parity = pages[0]! % 2;
  if (pages.some((page) => page % 2 !== parity)) return false;
  const sameParity = parity === 1 ? Math.ceil(pageCount / 2) : Math.floor(pageCount / 2);
  return pages.length * 2 > sameParity;
}

function slotsOf(lines: EdgeLine[]): Slot[] {
  const count = lines[0]?.numbers.length ?? 0;
  return Array.from({ length: count }, (_, j) => {
    const values = lines.map((line) => line.numbers[j]!);
    const offsets = lines.flatMap((line) => {
      const value = line.numbers[j]!;
      return ASCII_DIGITS.test(value) ? [Number.parseInt(value, 10) - line.page] : [];
    });
    return { constant: mode(values), offset: mode(offsets) };
  });
}

function fits(line: EdgeLine, slots: Slot[]): boolean {
  return slots.every((slot, j) => {
    const value = line.numbers[j]!;
    if (value === slot.constant) return true;
    return ASCII_DIGITS.test(value) && Number.parseInt(value, 10) - line.page === slot.offset;
  });
}

/** The most frequent value, when it occurs at least twice; otherwise null. */
function mode<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 1;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
