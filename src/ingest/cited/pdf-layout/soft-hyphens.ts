// Soft hyphens pdf.js drops: a justified line that ends a hyphen's width short of the margin, before a lower-case letter.
import type { Block, Line } from "./blocks.js";

/**
 * How far short of the margin a full line may end, and a line that ended with a hyphen does (em): a
 * hyphen is about a third of an em wide in the text faces in use (Times, Helvetica, Arial 0.33, Roboto
 * 0.27, Calibri 0.31, Georgia 0.37), and pdf.js skips the soft hyphen's advance with its character, so
 * the line ends exactly that short. Any wider window takes more lines that just end short (a manual
 * break) for broken words.
 */
const FULL = 0.15;
const HYPHEN = [0.26, 0.39] as const;

/**
 * A word broken at a line end with a soft hyphen (U+00AD) prints a hyphen, but pdf.js drops the character
 * as invisible, and "in-⏎cluding" would read "in cluding". In a justified block every line reaches the
 * right margin but a paragraph's last; one that stops short by about a hyphen's width, ends in a letter,
 * and is followed by a line starting with a lower-case letter, ended with that hyphen. It gets the soft
 * hyphen back, which the matcher reads as a line-end hyphen. A block is justified when each line that
 * does not end a paragraph (one followed by an indented line or a capital) is full or so short, and at
 * least two, and half, of them are full; ragged text gives no such sign, and is left as it is.
 */
export function restoreSoftHyphens(block: Block): Block {
  const lines = block.lines;
  if (lines.length < 3) return block;
  const margin = Math.max(...lines.map((l) => l.x1));
  const short = (l: Line) => (margin - l.x1) / l.size;
  const broken = (l: Line, next: Line | undefined) =>
    next !== undefined &&
    short(l) >= HYPHEN[0] &&
    short(l) <= HYPHEN[1] &&
    /\p{L}$/u.test(l.text) &&
    /^\p{Ll}/u.test(next.text);
  const inParagraph = lines.slice(0, -1).filter((_line, i) => {
    const next = lines[i + 1]!;
    return !/^\p{Lu}/u.test(next.text) && next.x0 - block.x0 < 0.5 * next.size;
  });
  // Ragged lines can happen to end near the margin, a space's width short: it takes full lines to tell.
  const full = inParagraph.filter((l) => short(l) < FULL).length;
  const justified =
    full >= 2 &&
    full * 2 >= inParagraph.length &&
    inParagraph.every((l) => short(l) < FULL || broken(l, lines[lines.indexOf(l) + 1]));
  if (!justified) return block;
  const restored = lines.map(
    (line, i): Line =>
      broken(line, lines[i + 1]) ? { ...line, text: `${line.text}\u00ad` } : line,
  );
  return { ...block, lines: restored };
}
