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
const TOKEN = new RegExp(`${WORD}|${SYMBOL}|${TRAILING_HYPHEN}`, "gu");
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
    HYPHEN_BREAK.lastIndex = last + 1;
    tokens.push({
      word: match[0],
      start: from[first]!,
      end: to[last]!,
      hyphenBreak: ENDS_IN_LETTER_OR_DIGIT.test(match[0]) && HYPHEN_BREAK.test(text),
      joined: first === previousEnd,
    });
    previousEnd = last + 1;
  }
  return tokens;
}

/** Just the words. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
