// Greedy line breaking: at spaces, at soft hyphens (U+00AD, drawn as "-"), and after the hyphen of a compound.
export type Measure = (text: string) => number;

export interface Line {
  /** The line as drawn, with "-" where a word was broken at a soft hyphen. */
  text: string;
  /** Whether the line is stretched to the full width (every line of a paragraph but the last). */
  justify: boolean;
}

const SOFT_HYPHEN = "\u00ad";

export function wrapText(text: string, width: number, measure: Measure): Line[] {
  const queue = text.split(/[ \t\n]+/).filter((w) => w !== "");
  const lines: Line[] = [];
  let current: string[] = [];
  const fits = (words: string[]) => measure(words.join(" ")) <= width;
  const flush = (justify: boolean) => {
    lines.push({ text: current.join(" "), justify });
    current = [];
  };
  while (queue.length > 0) {
    const word = queue.shift()!;
    if (fits([...current, visible(word)])) {
      current.push(visible(word));
      continue;
    }
    const split = splitToFit(word, (head) => fits([...current, head]));
    if (split) {
      current.push(split.head);
      flush(true);
      queue.unshift(split.tail);
    } else if (current.length === 0) {
      current.push(visible(word)); // longer than the line and unbreakable: let it overhang
      flush(false);
    } else {
      flush(true);
      queue.unshift(word);
    }
  }
  if (current.length > 0) flush(false);
  return lines;
}

/** The longest head of `word` that fits, broken at a soft hyphen or after a compound's hyphen. */
function splitToFit(
  word: string,
  fitsWith: (head: string) => boolean,
): { head: string; tail: string } | null {
  for (let i = word.length - 1; i > 0; i--) {
    const ch = word[i];
    let split: { head: string; tail: string } | null = null;
    if (ch === SOFT_HYPHEN) {
      split = { head: `${visible(word.slice(0, i))}-`, tail: word.slice(i + 1) };
    } else if (ch === "-" && /\p{L}/u.test(word[i - 1] ?? "") && /\p{L}/u.test(word[i + 1] ?? "")) {
      split = { head: visible(word.slice(0, i + 1)), tail: word.slice(i + 1) };
    }
    if (split && split.tail !== "" && fitsWith(split.head)) return split;
  }
  return null;
}

function visible(word: string): string {
  return word.replaceAll(SOFT_HYPHEN, "");
}
