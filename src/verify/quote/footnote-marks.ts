// Footnote marks in a document's words: "^" set apart from the word before, and what is raised with it.

/** The mark that raised and lowered text carries in normalized text (see normalize.ts and ingest's script marks). */
export const SCRIPT_MARK = "^";

/**
 * Where each footnote mark starts and how many words it takes: a "^" not written against the word before
 * (after a longer word or punctuation: "secure ^1 by", "alerts, ^22 and"), with the words written against
 * it. An exponent is written against its number ("10^2") and is no mark: a quote never leaves it out.
 */
export function footnoteMarks(
  words: readonly string[],
  joined: readonly boolean[],
): Map<number, number> {
  const marks = new Map<number, number>();
  words.forEach((word, i) => {
    if (word !== SCRIPT_MARK || joined[i] || !joined[i + 1]) return;
    let end = i + 1;
    while (end < words.length && joined[end]) end++;
    marks.set(i, end - i);
  });
  return marks;
}
