// The fit check measures across as well as down: a block wider than its column steps the type down, then fails
// naming the block's text. Real Chromium, hand-made pages whose widths per step are known.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySteps, type BoxFit } from "../../src/export/fit.js";
import { BrowserManager, printToPdf } from "../../src/export/index.js";
import { CollateralError } from "../../src/model/index.js";
import type { RenderedPiece } from "../../src/render/index.js";

let manager: BrowserManager;
beforeAll(() => {
  manager = new BrowserManager();
});
afterAll(async () => {
  await manager?.close();
});

/** A one-box page: a 200 px column holding a word `widths[step]` px wide at each of the four steps. */
function page(widths: number[]): RenderedPiece {
  const steps = widths
    .map((w, i) => `.box[data-fit-step="${i}"] .word { width: ${w}px; }`)
    .join("\n");
  const html = `<!doctype html><html><head><style>
@page { size: 4in 3in; margin: 0; }
body { margin: 0; }
.box { width: 4in; height: 3in; overflow: hidden; }
.column { width: 200px; }
.word { display: inline-block; font-size: 4px; }
${steps}
</style></head><body>
<div class="box" data-fit-box="the test box" data-fit-step="0"><div class="column">
<p>A paragraph of ordinary words, then <span class="word">Donaudampfschifffahrtsgesellschaftskapitän</span></p>
</div></div></body></html>`;
  const meta = { title: "t", author: "a", subject: "s", keywords: [] };
  return { piece: "deck", html, title: "t", meta, assets: [] };
}

/** A one-box page that may grow one step: a block `heights[step + 1]` px tall (steps -1..3) in a 3 in (288 px) box. */
function growPage(heights: number[]): RenderedPiece {
  const steps = heights
    .map((h, i) => `.box[data-fit-step="${i - 1}"] .block { height: ${h}px; }`)
    .join("\n");
  const html = `<!doctype html><html><head><style>
@page { size: 4in 3in; margin: 0; }
body { margin: 0; }
.box { width: 4in; height: 3in; overflow: hidden; }
${steps}
</style></head><body>
<div class="box" data-fit-box="the test box" data-fit-step="0" data-fit-grow="1"><div class="block">Text</div></div>
</body></html>`;
  const meta = { title: "t", author: "a", subject: "s", keywords: [] };
  return { piece: "deck", html, title: "t", meta, assets: [] };
}

describe("room to spare", () => {
  it("takes the larger step a box offers when its content fits there", async () => {
    const printed = await printToPdf(manager, growPage([280, 250, 220, 200, 180]));
    expect(printed.html).toContain('data-fit-step="-1"');
  });

  it("keeps the first step when the larger one would overflow", async () => {
    const printed = await printToPdf(manager, growPage([300, 250, 220, 200, 180]));
    expect(printed.html).toContain('data-fit-step="0"');
  });
});

describe("horizontal overflow", () => {
  it("steps the type down until the widest block fits its column", async () => {
    const printed = await printToPdf(manager, page([260, 230, 190, 150]));
    expect(printed.html).toContain('data-fit-step="2"');
  });

  it("fails naming the start of the block's text and how far it runs over", async () => {
    const error = await printToPdf(manager, page([300, 300, 300, 296])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollateralError);
    expect((error as Error).message).toMatch(
      /^deck: “Donaudampfschifffahrtsgesellschaftskapitän” in the test box runs 1\.0 in wider than its column even at the smallest type size/,
    );
  });

  it("leaves a page that fits at its first step", async () => {
    const printed = await printToPdf(manager, page([150, 150, 150, 150]));
    expect(printed.html).toContain('data-fit-step="0"');
  });
});

describe("applySteps", () => {
  const boxFit = (step: number, form: string): BoxFit => ({
    label: "x",
    step,
    form,
    condensed: false,
    fits: true,
    overflow: 0,
    wide: null,
    claims: [],
  });
  it("writes each box's step, and its form where the box offers forms", () => {
    const html =
      '<div data-fit-box="a" data-fit-step="0" data-fit-form="full" data-fit-forms="full compact"></div>' +
      '<div data-fit-box="b" data-fit-step="0"><p class="x">"quoted"</p></div>';
    expect(applySteps(html, [boxFit(2, "compact"), boxFit(1, "")])).toBe(
      '<div data-fit-box="a" data-fit-step="2" data-fit-form="compact" data-fit-forms="full compact"></div>' +
        '<div data-fit-box="b" data-fit-step="1"><p class="x">"quoted"</p></div>',
    );
  });
});
