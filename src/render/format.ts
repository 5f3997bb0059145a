// Small pure formatters the templates and view data share: page references and dates.

/** [2] → "p. 2"; [2, 3] → "pp. 2–3"; [2, 3, 4, 7] → "pp. 2–4, 7"; [] → "". */
export function pageRef(pages: readonly number[]): string {
  const sorted = [...new Set(pages)]
    .filter((p) => Number.isInteger(p) && p > 0)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return "";
  const ranges: string[] = [];
  let start = sorted[0]!;
  let end = start;
  for (const page of sorted.slice(1)) {
    if (page === end + 1) {
      end = page;
      continue;
    }
    ranges.push(start === end ? `${start}` : `${start}–${end}`);
    start = end = page;
  }
  ranges.push(start === end ? `${start}` : `${start}–${end}`);
  return sorted.length === 1 ? `p. ${ranges[0]}` : `pp. ${ranges.join(", ")}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-11-24" → "November 24, 2026"; anything else is returned as written. */
export function formatDate(value: string | undefined | null): string {
  if (!value) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}, ${match[1]}` : value;
}

/** 1 → "01": section numbers on the brochure and the deck. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}
