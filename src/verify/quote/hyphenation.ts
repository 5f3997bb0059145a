// Line-end hyphens read both ways: "hyphen-\nated" is "hyphenated", "state-of-\nthe-art" is "state-of-the-art".

/** One way to read the words starting at an index: the word it gives and how many words it uses. */
export interface Reading {
  word: string;
  span: number;
}

/** A word broken over this many lines is the most we rejoin ("in-\ncompre-\nhensible"). */
const MAX_SPAN = 3;
/** Typesetters break words between letters; a hyphen touching a digit is real ("10-\n12" never reads "1012"). */
const ENDS_IN_LETTER = /[\p{L}\p{M}]$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/**
 * The readings across line-end hyphens starting at word i: the hyphen dropped (a word broken
 * at the line end; only between letters) or kept (a real hyphen that fell there). The plain
 * word is not a reading: the halves never stand alone. Only a hyphen at a line end is ever
 * dropped, so "re-cover" and "recover" stay apart elsewhere.
 */
export function hyphenReadings(
  words: readonly string[],
  breaks: readonly boolean[],
  i: number,
  maxSpan = MAX_SPAN,
): Reading[] {
  if (maxSpan < 2 || !breaks[i] || i + 1 >= words.length) return [];
  const head = words[i]!;
  // A tail that is itself broken at its line end is only whole with what follows it.
  const tails: Reading[] = breaks[i + 1]
    ? hyphenReadings(words, breaks, i + 1, maxSpan - 1)
    : [{ word: words[i + 1]!, span: 1 }];
  const joinable = ENDS_IN_LETTER.test(head);
  return tails.flatMap((tail) => {
    const kept = { word: `${head}-${tail.word}`, span: tail.span + 1 };
    if (!joinable || !STARTS_WITH_LETTER.test(tail.word)) return [kept];
    return [{ word: head + tail.word, span: tail.span + 1 }, kept];
  });
}
