// Line-end hyphens read both ways: "hyphen-\nated" is "hyphenated", "state-of-\nthe-art" is "state-of-the-art".

/** One way to read the words starting at an index: the word it gives and how many words it uses. */
export interface Reading {
  word: string;
  span: number;
}

/** A word broken over this many lines is the most we rejoin ("in-\ncompre-\nhensible"). */
const MAX_SPAN = 3;

/**
 * The readings across line-end hyphens starting at word i: the hyphen dropped (a word broken
 * at the line end) or kept (a real hyphen that fell there). The plain word is not included.
 * Only a hyphen at a line end is ever dropped, so "re-cover" and "recover" stay apart elsewhere.
 */
export function hyphenReadings(
  words: readonly string[],
  breaks: readonly boolean[],
  i: number,
  maxSpan = MAX_SPAN,
): Reading[] {
  if (maxSpan < 2 || !breaks[i] || i + 1 >= words.length) return [];
  const head = words[i]!;
  const tails: Reading[] = [
    { word: words[i + 1]!, span: 1 },
    ...hyphenReadings(words, breaks, i + 1, maxSpan - 1),
  ];
  return tails.flatMap((tail) => [
    { word: head + tail.word, span: tail.span + 1 },
    { word: `${head}-${tail.word}`, span: tail.span + 1 },
  ]);
}
