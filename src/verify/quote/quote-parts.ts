// A quote → its parts: the runs of words between ellipses (… ... . . .), which stand for omitted words.
import { BARRIER_WORD, tokenize } from "./tokenize.js";

const ELLIPSIS = /[…⋯]|\.(?:[^\S\n]*\.){2,}/u;

/** The quote's words, one list per part; parts with no words (a leading "… ") are dropped. */
export function quoteParts(quote: string): string[][] {
  return quotePartsWithUnits(quote).map((part) => part.words);
}

/** A part of a quote: its words, and the units among them in their case (null where a word is not one). */
export interface QuotePart {
  words: string[];
  units: (string | null)[];
}

/** The quote's parts with their units, for matching (quoteParts gives the words alone). */
export function quotePartsWithUnits(quote: string): QuotePart[] {
  return quote
    .split(new RegExp(ELLIPSIS, "gu"))
    .map((part) => tokenize(part).filter((t) => t.word !== BARRIER_WORD))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => ({ words: tokens.map((t) => t.word), units: tokens.map((t) => t.unit) }));
}
