// The deck's files beyond deck.pdf: deck.pptx (made while Chromium prints, written once the PDFs are) and the
// deck-notes.pdf handout. One per pipeline: it remembers what it last wrote, so an unchanged deck is not redone.
import { access } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Message } from "../model/index.js";
import { deckHandout } from "../render/handout.js";
import type { Asset, RenderedPiece } from "../render/index.js";
import { writeFileAtomic } from "./atomic-write.js";
import type { BrowserManager } from "./browser.js";
import type { OutputManifest } from "./manifest.js";
import type { MadePptx } from "./pptx/index.js";
import { printToPdf, screenshotPng } from "./print-pdf.js";

export interface WrittenPptx {
  path: string;
  slides: number;
  ms: number;
  /** Why the logo is not on its slides, when it is not. */
  warning: string | null;
}

export interface WrittenHandout {
  path: string;
  pages: number;
  ms: number;
}

/** An SVG logo is drawn this many pixels wide for deck.pptx: sharp at its 20pt height on a projector. */
const LOGO_PNG_WIDTH = 1200;

export class DeckFiles {
  /** What each folder's deck.pptx was last made from (the deck's print input and options), by this pipeline. */
  private readonly lastPptx = new Map<string, string>();

  constructor(private readonly browser: () => BrowserManager) {}

  /** deck.pptx from the deck's view data, or null when it was last made from `input` and is still there. */
  async makePptx(
    deck: RenderedPiece,
    templates: { styles: ReadonlyMap<string, string>; assets: readonly Asset[] },
    input: string,
    outDir: string,
  ): Promise<(MadePptx & { input: string }) | null> {
    const exists = await access(path.join(outDir, "deck.pptx")).then(
      () => true,
      () => false,
    );
    if (exists && this.lastPptx.get(outDir) === input) return null;
    const { makeDeckPptx } = await import("./pptx/index.js");
    const made = await makeDeckPptx(deck, templates, (asset, ground) =>
      screenshotPng(this.browser(), logoPiece(deck, asset, ground), LOGO_PNG_WIDTH),
    );
    return { ...made, input };
  }

  async writePptx(
    made: (MadePptx & { input: string }) | null,
    manifest: OutputManifest,
    outDir: string,
  ): Promise<WrittenPptx | null> {
    if (!made) return null;
    const file = path.join(outDir, "deck.pptx");
    await writeFileAtomic(file, made.bytes);
    this.lastPptx.set(outDir, made.input);
    await manifest.record("deck.pptx", made.bytes);
    return { path: file, slides: made.slides, ms: made.ms, warning: made.warning };
  }

  /** output/deck-notes.pdf: the deck printed with each slide's notes below it. */
  async writeHandout(
    deck: RenderedPiece,
    manifest: OutputManifest,
    outDir: string,
  ): Promise<WrittenHandout> {
    const started = performance.now();
    const file = path.join(outDir, "deck-notes.pdf");
    const printed = await printToPdf(this.browser(), deckHandout(deck));
    await writeFileAtomic(file, printed.pdf);
    await manifest.record("deck-notes.pdf", printed.pdf);
    return { path: file, pages: printed.pages, ms: Math.round(performance.now() - started) };
  }
}

/** A page holding only the theme's SVG logo on the slides' ground colour, for the browser to draw as PNG. */
function logoPiece(deck: RenderedPiece, logo: Asset, ground: string): RenderedPiece {
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#${ground}"><img data-first-page src="${logo.rel}" alt="" style="display:block;height:160px"></body></html>`;
  return { ...deck, html, assets: [logo] };
}

/** Said when deck.pptx could not carry something the PDF shows (a logo it could not draw). */
export function pptxMessage(reason: string): Message {
  return { position: { file: "templates/theme", line: 1, column: 1 }, reason, rule: "pptx" };
}
