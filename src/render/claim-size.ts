// Whether a claim is short enough to keep whole on one brochure page: estimated from its text, in body lines.
import type { Block } from "../model/index.js";

/**
 * Body lines (11 pt at 1.55) in a little over half a brochure page's text block: a claim estimated at no more is
 * kept whole (`break-inside: avoid`), so it never breaks mid-sentence with its benefit stranded overleaf. A
 * longer one must break: moved whole, it would leave most of a page empty.
 */
const SHORT_LINES = 22;
/** Characters on a full-width body line, counted low so a claim is estimated taller, never shorter. */
const CHARS_PER_LINE = 80;
/** An image is set at most 3.6 in tall: about 15 body lines. */
const IMAGE_LINES = 15;

export function isShortClaim(
  body: readonly Block[],
  benefit: Block | undefined,
  pullQuote: boolean,
  text: (block: Block) => string,
): boolean {
  const lines = (chars: number, perLine = CHARS_PER_LINE) =>
    Math.max(1, Math.ceil(chars / perLine));
  // The number and headline: about three lines; the benefit callout, its label and padding about three more.
  let total = 3 + (benefit ? 3 + lines(text(benefit).length, 110) : 0);
  // A pull quote narrows the text beside it to about half the column.
  if (pullQuote) total += 4;
  for (const block of body) {
    const images = block.inlines.filter((i) => i.kind === "image").length;
    if (block.table) total += (block.table.rows.length + 1) * 1.8 + 1;
    else if (block.kind === "code")
      total +=
        block.inlines
          .map((i) => (i.kind === "text" ? i.text : ""))
          .join("")
          .split("\n").length + 1;
    else if (block.kind === "heading") total += 2;
    else if (block.kind === "list-item") total += lines(text(block).length, 72) + 0.3;
    else total += lines(text(block).length) + 0.5;
    total += images * IMAGE_LINES;
    if (total > SHORT_LINES) return false;
  }
  return total <= SHORT_LINES;
}
