// Small pure formatters the templates and view data share: page references and dates, in the document's language.

/** The words before page numbers: "p." and "pp." in English, the document's labels otherwise. */
export interface PageWords {
  page: string;
  pages: string;
}

/** [2] → "p. 2"; [2, 3] → "pp. 2–3"; [2, 3, 4, 7] → "pp. 2–4, 7"; [] → "". */
export function pageRef(
  pages: readonly number[],
  words: PageWords = { page: "p.", pages: "pp." },
): string {
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
  return sorted.length === 1 ? `${words.page} ${ranges[0]}` : `${words.pages} ${ranges.join(", ")}`;
}

/** Dates as readers of the document's language write them, in UTC so the day never shifts with the machine. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2026-11-24" → "November 24, 2026" (en), "24. November 2026" (de), "2026年11月24日" (ja); anything that is not
 * a calendar date is returned as written.
 */
export function formatDate(value: string | undefined | null, lang = "en"): string {
  if (!value) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.getUTCMonth() !== Number(match[2]) - 1) return value;
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

/** 1 → "01": section numbers on the brochure and the deck. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}
