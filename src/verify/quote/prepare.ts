// A cited document's pages → its words, indexed once, each with its page and place in the original text.
import { hyphenReadings, type Reading } from "./hyphenation.js";
import { negationsBefore } from "./negation.js";
import { type RunningLine, splitRunningLines } from "./running-lines.js";
import { tokenize } from "./tokenize.js";

export interface PreparedText {
  /** The document's text without running headers and footers: pages joined by "\n". */
  readonly text: string;
  /** Normalized words, in reading order. */
  readonly words: readonly string[];
  /** Each word's character range in `text`. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** joined[i]: nothing stands between word i and word i - 1 ("5%", "$5", "A-"). */
  readonly joined: readonly boolean[];
  /** units[i]: word i as a unit after its number, in the original's case ("Mb"), or null. */
  readonly units: readonly (string | null)[];
  /** Each word's 1-based page. */
  readonly pages: readonly number[];
  /** Readings across a line-end hyphen, by the index of their first word. */
  readonly hyphenated: ReadonlyMap<number, readonly Reading[]>;
  /** Every reading (a plain word or one rejoined at a line-end hyphen) → where it starts, ascending. */
  readonly index: ReadonlyMap<string, readonly number[]>;
  /** The running headers and footers removed before matching, each once, with the first page it was on. */
  readonly running: readonly RunningLine[];
  /** negations[i]: how many negating words ("no", "not", "don't"…) come before word i. */
  readonly negations: readonly number[];
}

/** Strips running lines, normalizes and tokenizes the document, and indexes its words. */
export function prepareText(pages: string[]): PreparedText {
  const { pages: stripped, removed } = splitRunningLines(pages);
  const text = stripped.join("\n");
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.word);
  const breaks = tokens.map((t) => t.hyphenBreak);
  const hyphenated = new Map<number, Reading[]>();
  breaks.forEach((isBreak, i) => {
    if (isBreak) hyphenated.set(i, hyphenReadings(words, breaks, i));
  });
  const starts = tokens.map((t) => t.start);
  return {
    text,
    words,
    starts,
    ends: tokens.map((t) => t.end),
    joined: tokens.map((t) => t.joined),
    units: tokens.map((t) => t.unit),
    pages: pageNumbers(stripped, starts),
    hyphenated,
    index: buildIndex(words, hyphenated),
    negations: negationsBefore(words, hyphenated),
    running: removed,
  };
}

/** The 1-based page each offset (ascending) falls on, pages having been joined by one "\n". */
function pageNumbers(pages: string[], offsets: number[]): number[] {
  let page = 0;
  let pageEnd = (pages[0]?.length ?? 0) + 1;
  return offsets.map((offset) => {
    while (offset >= pageEnd && page < pages.length - 1) {
      page++;
      pageEnd += pages[page]!.length + 1;
    }
    return page + 1;
  });
}

function buildIndex(
  words: string[],
  hyphenated: ReadonlyMap<number, readonly Reading[]>,
): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const add = (word: string, at: number) => {
    const list = index.get(word);
    if (!list) index.set(word, [at]);
    else if (list.at(-1) !== at) list.push(at);
  };
  words.forEach((word, i) => {
    add(word, i);
    for (const reading of hyphenated.get(i) ?? []) add(reading.word, i);
  });
  return index;
}
