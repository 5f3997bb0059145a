// A cited document made ready for matching: its running text's words, indexed once, each with its page and place in the text.
import { type Aside, negationsBefore } from "../../model/index.js";
import { footnoteMarks } from "./footnote-marks.js";
import { hyphenReadings, type Reading } from "./hyphenation.js";
import { BARRIER_WORD, tokenize } from "./tokenize.js";

export interface PreparedText {
  /** The document's running text: pages joined by "\n". */
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
  /** Footnote marks ("^" and what is raised with it, after a word): their first word → how many words they take. */
  readonly marks: ReadonlyMap<number, number>;
  /** Every reading (a plain word or one rejoined at a line-end hyphen) → where it starts, ascending. */
  readonly index: ReadonlyMap<string, readonly number[]>;
  /** Text standing apart from the running text (running headers, footnotes…): a quote is found within one. */
  readonly asides: readonly Aside[];
  /** negations[i]: how many negating words ("no", "not", "don't"…) come before word i. */
  readonly negations: readonly number[];
  /** barriers[i]: how many passage breaks come before word i (a quote, with or without ellipsis, crosses none). */
  readonly barriers: readonly number[];
}

export interface PrepareOptions {
  asides?: readonly Aside[];
  /**
   * Whether a hyphen ending a line may be a word broken there (a PDF's text), or is always a hyphen (a saved
   * page, whose lines end at blocks and <br>, never inside a word).
   */
  lineEndHyphens?: boolean;
}

/** Normalizes and tokenizes the document's running text, and indexes its words. */
export function prepareText(pages: readonly string[], options: PrepareOptions = {}): PreparedText {
  const text = pages.join("\n");
  const tokens = tokenize(text, { lineEndHyphens: options.lineEndHyphens ?? true });
  const words = tokens.map((t) => t.word);
  const breaks = tokens.map((t) => t.hyphenBreak);
  const joined = tokens.map((t) => t.joined);
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
    joined,
    units: tokens.map((t) => t.unit),
    pages: pageNumbers(pages, starts),
    hyphenated,
    marks: footnoteMarks(words, joined),
    index: buildIndex(words, hyphenated),
    negations: negationsBefore(words, hyphenated),
    barriers: countsBefore(words, (w) => w === BARRIER_WORD),
    asides: options.asides ?? [],
  };
}

/** The 1-based page each offset (ascending) falls on, pages having been joined by one "\n". */
function pageNumbers(pages: readonly string[], offsets: number[]): number[] {
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

/** For each word index i, how many words before it are such (one more entry than words). */
function countsBefore(words: readonly string[], which: (word: string) => boolean): number[] {
  const counts = [0];
  for (const word of words) counts.push(counts.at(-1)! + (which(word) ? 1 : 0));
  return counts;
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
