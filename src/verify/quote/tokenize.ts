// Normalized text → words: punctuation between words is dropped, every letter, digit and symbol is kept.
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
/**
 * The document's own ellipsis ("…" reads "..." after NFKC, or ". . ."; leader dots too): a word of its
 * own, so the words either side are not next to each other. "Step one step nine" is not in "Step one
 * … step nine"; a quote that keeps the ellipsis still is.
 */
const ELLIPSIS = "\\.(?:[^\\S\\n]*\\.){2,}";
export const ELLIPSIS_WORD = "…";
const TOKEN = new RegExp(`${ELLIPSIS}|${WORD}|${SYMBOL}|${TRAILING_HYPHEN}`, "gu");
/** A hyphen closing a line, with the next line opening on a word. */
const HYPHEN_BREAK = new RegExp(`-[^\\S\\n]*\\n\\s*(?=${W})`, "uy");
const ENDS_IN_LETTER_OR_DIGIT = new RegExp(`${W}$`, "u");

/** Splits text into words, with original offsets and line-end hyphens marked. */
export function tokenize(original: string): Token[] {
  const { text, from, to } = normalizeWithOffsets(original);
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const first = match.index;
    const last = first + match[0].length - 1;
    const ellipsis = match[0].startsWith(".") && !/\p{N}/u.test(match[0]);
    HYPHEN_BREAK.lastIndex = last + 1;
    const previous = tokens.at(-1)?.word;
    tokens.push({
      word: ellipsis
        ? ELLIPSIS_WORD
        : unitCase(match[0], previous, original, from[first]!, to[last]!),
      start: from[first]!,
      end: to[last]!,
      hyphenBreak: ENDS_IN_LETTER_OR_DIGIT.test(match[0]) && HYPHEN_BREAK.test(text),
      // An ellipsis is punctuation between words: a quote may start or end beside it.
      joined: first === previousEnd && !ellipsis,
    });
    previousEnd = ellipsis ? -1 : last + 1;
  }
  return tokens;
}

const NUMBER = /^[-+]?[.,]?\p{N}[\p{N}.,:/]*$/u;
/** A unit: one to three letters after a number ("4 MB"), or written against it ("4TB"). */
const UNIT = /^(?:\p{L}{1,3}|\p{N}+\p{L}{1,3})$/u;

/**
 * Case is ignored, except in units: "4 Mb" (megabits) is not "4 MB" (megabytes), nor "5 mW" "5 MW".
 * The unit keeps the case the original has; the rest of the word stays as normalized.
 */
function unitCase(
  word: string,
  previous: string | undefined,
  original: string,
  start: number,
  end: number,
) {
  const afterNumber = previous !== undefined && NUMBER.test(previous) && /^\p{L}+$/u.test(word);
  if (!(afterNumber || /^\p{N}+\p{L}+$/u.test(word)) || !UNIT.test(word)) return word;
  const cased = original
    .slice(start, end)
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]/gu, "");
  return cased.toLowerCase() === word ? cased : word;
}

/** Just the words. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
