// Soft hyphens pdf.js drops: a justified line that ends a hyphen's width short of the margin, before a lower-case letter.
import type { Block, Line } from "./blocks.js";

/**
 * A word broken at a line end with a soft hyphen (U+00AD) prints a hyphen, but pdf.js drops the character
 * as invisible, and "in-⏎cluding" would read "in cluding". In a justified block every line but a
 * paragraph's last reaches the right margin; one that stops short by about a hyphen's width, ends in a
 * letter, and is followed by a line starting with a lower-case letter, ended with that hyphen. It gets the
 * soft hyphen back, which the matcher reads as a line-end hyphen. Ragged text gives no such sign, and is
 * left as it is.
 */
export function restoreSoftHyphens(block: Block): Block {
  const lines = block.lines;
  if (lines.length < 3) return block;
  const margin = Math.max(...lines.map((l) => l.x1));
  const full = lines.slice(0, -1).filter((l) => margin - l.x1 < 0.05 * l.size).length;
  if (full < 0.6 * (lines.length - 1)) return block;
  const restored = lines.map((line, i): Line => {
    const next = lines[i + 1];
    const short = margin - line.x1;
    const broken =
      next !== undefined &&
      short >= 0.15 * line.size &&
      short <= 0.6 * line.size &&
      /\p{L}$/u.test(line.text) &&
      /^\p{Ll}/u.test(next.text);
    return broken ? { ...line, text: `${line.text}\u00ad` } : line;
  });
  return { ...block, lines: restored };
}
