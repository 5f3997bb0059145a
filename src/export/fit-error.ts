// What a piece that cannot be laid out says: which box, by how much, and what to cut.
import { CollateralError, EXIT } from "../model/index.js";
import type { Piece } from "../render/index.js";
import type { BoxFit } from "./fit.js";

const inches = (px: number) => (px / 96).toFixed(1);

/**
 * A clear error naming what to cut, for the first box that does not fit even at the smallest step (and in its
 * compact form, where it has one). Exit 2 on its own (the portal answers 400: the content or the prospect's name
 * is too long, trying again will not help); `build` reports it as one piece failing (exit 1) and writes the others.
 */
export function overflowError(
  piece: Piece,
  fits: readonly BoxFit[],
  printedPages?: number,
): CollateralError {
  const failed = fits.find((f) => !f.fits) ?? {
    ...(fits[0] ?? { label: piece, step: 0, claims: [], form: "", condensed: false, wide: null }),
    fits: false,
    overflow: 0,
  };
  const options = { exitCode: EXIT.usage, rule: "fit" };
  const where = failed.label || `the ${piece}`;
  // Too tall is said first: text pushed sideways by a box too small for it is the same problem.
  if (failed.wide && failed.overflow <= 0 && !printedPages) {
    return new CollateralError(
      `${piece}: “${failed.wide.text}” in ${where} runs ${inches(failed.wide.overflow)} in wider than its column${failed.label ? " even at the smallest type size" : ""}; break the long word, URL or table row, or shorten it`,
      options,
    );
  }
  const longest = failed.claims
    .slice(0, 3)
    .map((c) => `“${c.title}”`)
    .join(", ");
  const excess = printedPages
    ? `it printed on ${printedPages} pages`
    : `about ${inches(failed.overflow)} in too long`;
  const smallest = failed.form
    ? `even condensed to ${failed.form === "compact" ? "each claim's headline, benefit and quotes" : `its ${failed.form} form`} at the smallest type size`
    : "even at the smallest type size";
  const what =
    piece === "one-pager"
      ? `the one-pager does not fit on one page ${smallest} (${excess})`
      : `${failed.label || piece} does not fit ${smallest} (${excess})`;
  const cut = longest
    ? `; shorten or drop the longest claims: ${longest}${piece === "one-pager" ? " (choose the one-pager's claims with `one-pager: [claim ids]` in the front matter)" : ""}`
    : "; shorten its text";
  return new CollateralError(`${piece}: ${what}${cut}`, options);
}
