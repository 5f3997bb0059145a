// Normalized text → words: punctuation between words is dropped, every letter, digit and symbol is kept.
import { PASSAGE_BREAK } from "../../model/index.js";
import { normalizeWithOffsets } from "./normalize.js";

/** A word of normalized text and where it lies in the original. */
export interface Token {
  word: string;
  /** Original character range. */
  start: number;
  end: number;
  /** The word ends a line with a hyphen and the next line starts with a word: "hyphen-\nated". */
  hyphenBreak: boolean;
  /** Nothing stands between this word and the one before ("%" in "5%", "5" in "$5"): one is not quoted without the other. */
  joined: boolean;
  /** A unit after its number ("Mb" in "4 Mb", "4-Mb", "4Mb"), in the original's case; else null. */
  unit: string | null;
}

const W = "[\\p{L}\\p{N}\\p{M}]";
/**
 * A word: letters, digits and marks, joined by a hyphen or apostrophe ("state-of-the-art",
 * "organization's", "cnssi-4012"), or by . , : / between digits ("4,012", "3.5", "24/7"), so a
 * number is one word and "4,012" never reads "4012". A sign or a leading decimal point before a
 * number stays on it ("-5", ".5", "-.5": never "5").
 */
const WORD = `(?:(?<![\\p{L}\\p{N}\\p{M}.])(?:[-+]?[.,]|[-+])(?=\\p{N}))?${W}+(?:(?:['-]|(?<=\\p{N})[.,:/](?=\\p{N}))${W}+)*`;
/** Symbols are words of their own: "5%" is not "5", "$5" is not "€5", "+" is not "and", "12′" is not "12″". */
const SYMBOL = "[\\p{S}%‰‱#&@§¶†‡′″‴№]";
/**
 * A hyphen that closes a word without joining another ("rated A-", "pre- and post-"): a word of
 * its own, joined to the one before, so "A-" is never read as "A". A hyphen at a line end before a
 * word is a line-end hyphen instead (see HYPHEN_BREAK), and a doubled one is a dash.
 */
const TRAILING_HYPHEN = `(?<=${W})-(?![-\\p{L}\\p{N}\\p{M}]|[^\\S\\n]*\\n\\s*${W})`;
/** Where no line end breaks a word (a saved page), a hyphen ending a line is such a hyphen too. */
const TRAILING_HYPHEN_ANYWHERE = `(?<=${W})-(?![-\\p{L}\\p{N}\\p{M}])`;
/**
 * The document's own ellipsis ("…" reads "..." after NFKC, or ". . ."; leader dots too): a word of its
 * own, so the words either side are not next to each other. "Step one step nine" is not in "Step one
 * … step nine"; a quote that keeps the ellipsis still is.
 */
const ELLIPSIS = "\\.(?:[^\\S\\n]*\\.){2,}";
const ELLIPSIS_WORD = "…";
/**
 * A minus or dash standing alone before a number ("− 5%", "10 - 12"; pdf.js often spaces a minus set in
 * a math font): a word of its own, so the number is never read without it.
 */
const LONE_SIGN = `(?<![\\p{L}\\p{N}\\p{M}])-(?=\\s*\\p{N})`;
/** A passage break (see the model): a word of its own that no quote has, so no quote runs across it. */
export const BARRIER_WORD = PASSAGE_BREAK;
const TOKEN = new RegExp(
  `${BARRIER_WORD}|${ELLIPSIS}|${WORD}|${SYMBOL}|${TRAILING_HYPHEN}|${LONE_SIGN}`,
  "gu",
);
const TOKEN_NO_LINE_END_HYPHENS = new RegExp(
  `${BARRIER_WORD}|${ELLIPSIS}|${WORD}|${SYMBOL}|${TRAILING_HYPHEN_ANYWHERE}|${LONE_SIGN}`,
  "gu",
);
/** A hyphen closing a line, with the next line opening on a word. */
const HYPHEN_BREAK = new RegExp(`-[^\\S\\n]*\\n\\s*(?=${W})`, "uy");
const ENDS_IN_LETTER_OR_DIGIT = new RegExp(`${W}$`, "u");
/** Spaces that typesetters use to keep a number with its sign or unit ("5 %", "10 000"): they join. */
const JOINING_SPACE = /^[\u00A0\u2007\u2009\u200A\u202F]+$/u;

export interface TokenizeOptions {
  /** Whether a hyphen at a line end before a word may be a word broken there (default true; a saved page's never is). */
  lineEndHyphens?: boolean;
}

/** Splits text into words, with original offsets and line-end hyphens marked. */
export function tokenize(original: string, options: TokenizeOptions = {}): Token[] {
  const lineEndHyphens = options.lineEndHyphens ?? true;
  const { text, from, to } = normalizeWithOffsets(original);
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(lineEndHyphens ? TOKEN : TOKEN_NO_LINE_END_HYPHENS)) {
    const first = match.index;
    const last = first + match[0].length - 1;
    const ellipsis = match[0].startsWith(".") && !/\p{N}/u.test(match[0]);
    const start = from[first]!;
    const end = to[last]!;
    const previous = tokens.at(-1);
    const gap = previous ? original.slice(previous.end, start) : "";
    HYPHEN_BREAK.lastIndex = last + 1;
    tokens.push({
      word: ellipsis ? ELLIPSIS_WORD : match[0],
      start,
      end,
      hyphenBreak:
        lineEndHyphens && ENDS_IN_LETTER_OR_DIGIT.test(match[0]) && HYPHEN_BREAK.test(text),
      // An ellipsis is punctuation between words: a quote may start or end beside it.
      joined: !ellipsis && previousEnd >= 0 && (first === previousEnd || JOINING_SPACE.test(gap)),
      unit: unitOf(match[0], previous?.word, gap, original.slice(start, end)),
    });
    previousEnd = ellipsis ? -1 : last + 1;
  }
  return tokens;
}

/** A number, or a range of numbers ("4", "4,012", "-.5", "4-8"). */
const NUMBER = /^[-+]?[.,]?\p{N}[\p{N}.,:/-]*$/u;
/** Unit letters: one to three ("MB", "mW"), or a rate ("Mbps", "kbps"). */
const UNIT = /^(?:\p{L}{1,3}|\p{L}{1,3}ps)$/u;
/** A number with its unit in one word: "4tb", "4-mb". */
const NUMBER_UNIT = /^(?:\p{N}[\p{N}.,]*-?)(\p{L}+)$/u;

/**
 * Case is ignored, except in units: "4 Mb" (megabits) is not "4 MB" (megabytes), nor "5 mW" "5 MW".
 * A unit is the letters right after a number, with only white space between, or written against it.
 * Its case is compared only where the quote has the number too (see match.ts): "Our team" may still
 * be quoted out of "In 2010. Our team", and "Why it matters" out of "Chapter 3 Why it matters".
 */
function unitOf(
  word: string,
  previous: string | undefined,
  gap: string,
  raw: string,
): string | null {
  const letters = NUMBER_UNIT.exec(word)?.[1] ?? word;
  const afterNumber = previous !== undefined && NUMBER.test(previous) && /^\s*$/u.test(gap);
  if (!UNIT.test(letters) || (letters === word && !afterNumber)) return null;
  const cased = raw
    .normalize("NFKC")
    .replace(/[\u2010-\u2013\u2212]/gu, "-")
    .replace(/[^\p{L}\p{N}-]/gu, "");
  return cased.toLowerCase() === word ? cased : null;
}

/** Just the words. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
