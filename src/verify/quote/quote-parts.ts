// A quote → its parts: the runs of words between ellipses (… ... . . .), which stand for omitted words.
import { words } from "./tokenize.js";

const ELLIPSIS = /[…⋯]|\.(?:[^\S\n]*\.){2,}/u;

/** The quote's words, one list per part; parts with no words (a leading "… ") are dropped. */
export function quoteParts(quote: string): string[][] {
  return quote
    .split(new RegExp(ELLIPSIS, "gu"))
    .map(words)
    .filter((part) => part.length > 0);
}
