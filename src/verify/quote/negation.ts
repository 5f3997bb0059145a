// Words that turn a statement into its opposite: an ellipsis may never stand for one of them.

const NEGATIONS = new Set([
  "no",
  "not",
  "never",
  "nor",
  "neither",
  "none",
  "nobody",
  "nothing",
  "nowhere",
  "cannot",
  "without",
]);

/** "not", "never", "don't", "isn't", "cannot"…: a normalized word that negates. */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word) || word.endsWith("n't");
}

/** For each word index i, how many negating words come before it (one more entry than words). */
export function negationsBefore(words: readonly string[]): number[] {
  const counts = [0];
  for (const word of words) counts.push(counts.at(-1)! + (isNegation(word) ? 1 : 0));
  return counts;
}
