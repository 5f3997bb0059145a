// Words that turn a statement into its opposite: an ellipsis may never stand for one, and a line that holds one is never peeled off a page as a running header.

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
  // The same with the apostrophe lost, as PDFs often lose it ("dont"). "cant" and "wont" are words too,
  // but counting them only ever refuses an ellipsis, never passes one.
  "dont",
  "doesnt",
  "didnt",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "cant",
  "wont",
  "wouldnt",
  "shouldnt",
  "couldnt",
  "hasnt",
  "havent",
  "hadnt",
  "mustnt",
  "neednt",
  "aint",
]);

/** "not", "never", "don't", "isn't", "cannot", "not-yet"…: a normalized word that negates. */
export function isNegation(word: string): boolean {
  if (NEGATIONS.has(word) || word.endsWith("n't")) return true;
  return word.includes("-") && word.split("-").some((part) => NEGATIONS.has(part));
}

/**
 * For each word index i, how many negating words come before it (one more entry than words). A
 * word broken at a line end counts when any reading of it negates ("with-⏎out", "nev-⏎er"), and
 * so does a "t" after a word in "n" ("doesn'⏎t", or "don t" where the apostrophe was lost).
 */
export function negationsBefore(
  words: readonly string[],
  hyphenated: ReadonlyMap<number, readonly { word: string }[]> = new Map(),
): number[] {
  const counts = [0];
  words.forEach((word, i) => {
    const negates =
      isNegation(word) ||
      (word === "t" && i > 0 && words[i - 1]!.endsWith("n")) ||
      (hyphenated.get(i) ?? []).some((reading) => isNegation(reading.word));
    counts.push(counts.at(-1)! + (negates ? 1 : 0));
  });
  return counts;
}
