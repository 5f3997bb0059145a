// Raised and lowered text (<sup>, <sub>, or a PDF's smaller text off the baseline) → how the matcher reads it.

/** Footnote symbols: raised after a word, they are a mark a quote may leave out. */
const FOOTNOTE_SYMBOL = /^[*∗†‡§¶#]+$/u;

/**
 * Raised or lowered text as the matcher reads Unicode ² and ₂ (see verify/quote/normalize.ts): marked
 * "^", written against what it belongs to (any subscript, an exponent after a number, a unit's power after
 * a short word: "10^2", "m^2", "co^2") and a word apart after a longer word or punctuation, where it is a
 * footnote mark ("secure ^1 by", "alerts, ^22 and") that a quote may leave out or type as commonly copied.
 * Only numbers, single letters and footnote symbols are marks: a raised word is read as a word.
 * Letters after a number are an ordinal ("2nd"), TM and SM are dropped like ™, and a bracketed footnote
 * reference ("[21]") is its number. `before` is the text of the line up to the mark.
 */
export function scriptMark(text: string, kind: "sup" | "sub", before: string): string {
  const inner = text
    .trim()
    .replace(/^\[(.*)\]$/su, "$1")
    .trim();
  if (inner === "") return text;
  if (/^(?:tm|sm)$/iu.test(inner)) return "";
  const afterNumber = /\p{N}$/u.test(before);
  if (/^\p{L}+$/u.test(inner)) {
    if (afterNumber) return `${inner} `;
    // A raised word is a word of the sentence set small ("shall<sup>not</sup> be"), never a mark to leave out.
    if (kind === "sup" && [...inner].length > 1) return ` ${inner} `;
    return kind === "sup" && !afterShortWord(before) ? ` ^${inner} ` : `^${inner} `;
  }
  if (!/[\p{L}\p{N}]/u.test(inner)) {
    return kind === "sup" && FOOTNOTE_SYMBOL.test(inner) ? ` ^${inner} ` : text;
  }
  const against = kind === "sub" || afterNumber || afterShortWord(before);
  return `${against ? "" : " "}^${inner} `;
}

/** A word of one to three letters right before: a unit ("m", "cm", "km") whose power the mark is. */
function afterShortWord(before: string): boolean {
  return /(?:^|[^\p{L}\p{M}])\p{L}{1,3}$/u.test(before);
}
