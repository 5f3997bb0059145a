// Fit-to-page, measured in the browser: each fixed-size box steps its type down until nothing overflows.
import type { Page } from "puppeteer-core";
import { CollateralError, EXIT } from "../model/index.js";
import type { Piece } from "../render/index.js";

/** Steps 0..3: each template's CSS scales type and spacing down a notch per step. */
export const FIT_STEPS = 4;

export interface BoxFit {
  /** What the box is ("the one-pager", a slide's title). */
  label: string;
  step: number;
  fits: boolean;
  /** Pixels (CSS, 96 per inch) the content is too tall by at the last step. */
  overflow: number;
  /** The claims inside, tallest first: what to cut. */
  claims: { title: string; height: number }[];
}

/**
 * Runs in the page (a DevTools call; the page's own scripts stay off). Boxes are `[data-fit-box]` elements of
 * fixed size with overflow hidden; `[data-fit-region]` elements inside them must not overflow either.
 */
function fitBoxes(steps: number): BoxFit[] {
  // No DOM.Iterable in this project's lib: Array.from instead of spreading NodeLists.
  const boxes = Array.from(document.querySelectorAll<HTMLElement>("[data-fit-box]"));
  return boxes.map((box) => {
    let step = 0;
    // A box overflows when it does, or when a region inside it (a slide's body, squeezed by a long headline) does.
    const regions = [box, ...Array.from(box.querySelectorAll<HTMLElement>("[data-fit-region]"))];
    const overflow = () => Math.max(...regions.map((r) => r.scrollHeight - r.clientHeight));
    box.dataset.fitStep = "0";
    while (overflow() > 0 && step < steps - 1) {
      step += 1;
      box.dataset.fitStep = String(step);
    }
    const claims = Array.from(box.querySelectorAll<HTMLElement>("[data-claim-title]"))
      .map((el) => ({ title: el.dataset.claimTitle ?? "", height: el.offsetHeight }))
      .sort((a, b) => b.height - a.height);
    return {
      label: box.dataset.fitBox ?? "",
      step,
      fits: overflow() <= 0,
      overflow: overflow(),
      claims,
    };
  });
}

export async function fitToPage(page: Page): Promise<BoxFit[]> {
  return page.evaluate(fitBoxes, FIT_STEPS);
}

/** The HTML with each box's chosen step written in: templates write `data-fit-box="…" data-fit-step="0"`. */
export function applySteps(html: string, fits: readonly BoxFit[]): string {
  let i = 0;
  return html.replace(/(data-fit-box="[^"]*"\s+data-fit-step=")0"/g, (match, head: string) => {
    const fit = fits[i++];
    return fit ? `${head}${fit.step}"` : match;
  });
}

/** Whether every box fits. */
export function allFit(fits: readonly BoxFit[]): boolean {
  return fits.every((f) => f.fits);
}

/** A clear error naming what to cut, for the first box that does not fit even at the smallest step. */
export function overflowError(
  piece: Piece,
  fits: readonly BoxFit[],
  printedPages?: number,
): CollateralError {
  const failed = fits.find((f) => !f.fits) ?? {
    ...(fits[0] ?? { label: piece, step: 0, claims: [] }),
    fits: false,
    overflow: 0,
  };
  const inches = (failed.overflow / 96).toFixed(1);
  const longest = failed.claims
    .slice(0, 3)
    .map((c) => `“${c.title}”`)
    .join(", ");
  const excess = printedPages
    ? `it printed on ${printedPages} pages`
    : `about ${inches} in too long`;
  const what =
    piece === "one-pager"
      ? `the one-pager does not fit on one page even at the smallest type size (${excess})`
      : `${failed.label || piece} does not fit even at the smallest type size (${excess})`;
  const cut = longest ? `; shorten or drop the longest claims: ${longest}` : "; shorten its text";
  return new CollateralError(`${piece}: ${what}${cut}`, { exitCode: EXIT.usage, rule: "fit" });
}
