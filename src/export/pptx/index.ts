// The deck as a native, editable PPTX: the deck's view data → slides on masters built from the theme, with notes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { imageSize } from "image-size";
import type { Asset, PieceView, RenderedPiece } from "../../render/index.js";
import type { DeckContext, Logo } from "./context.js";
import { defineMasters } from "./masters.js";
import { claimNotes, closingNotes, compareNotes, coverNotes, sourcesNotes } from "./notes.js";
import { finishSlides } from "./ooxml.js";
import { newPresentation } from "./pptxgen.js";
import { addClaimSlide } from "./slides/claim.js";
import { addClosingSlide } from "./slides/closing.js";
import { addCompareSlide } from "./slides/compare.js";
import { addCover } from "./slides/cover.js";
import { addSourcesSlide } from "./slides/sources.js";
import { type DeckTheme, deckTheme } from "./theme.js";

export { type DeckTheme, deckTheme } from "./theme.js";

export interface DeckInput {
  view: PieceView;
  meta: RenderedPiece["meta"];
  theme: DeckTheme;
  logo: Logo | null;
  /** The logo on paper, in the content slides' footer; null sets the author as a wordmark there. */
  logoLight?: Logo | null;
}

/** Pure but for the library's zip: the same view data gives the same slides, in the PDF's order. */
export async function deckPptx({
  view,
  meta,
  theme,
  logo,
  logoLight = null,
}: DeckInput): Promise<Uint8Array> {
  const pptx = await newPresentation();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = meta.title;
  pptx.author = meta.author;
  pptx.company = meta.author;
  pptx.subject = meta.subject;
  pptx.theme = { headFontFace: theme.fonts.sans, bodyFontFace: theme.fonts.sans };
  defineMasters(pptx, theme, view.title, view.draft, { logo: logoLight, author: view.author });
  const ctx: DeckContext = { pptx, view, theme, logo };
  addCover(ctx, coverNotes(view));
  for (const claim of view.claims) addClaimSlide(ctx, claim, claimNotes(claim));
  addCompareSlide(ctx, compareNotes(view));
  addSourcesSlide(ctx, sourcesNotes(view));
  addClosingSlide(ctx, closingNotes(view));
  const out = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
  return finishSlides(out, theme.colors.teal);
}

/** Draws an SVG logo as a PNG on the slide's ground colour (PPTX needs a picture every program can show). */
export type SvgToPng = (asset: Asset, ground: string) => Promise<Uint8Array>;

/**
 * The theme's logo as a picture PPTX carries: PNG or JPEG as it is, SVG drawn as PNG by `svgToPng` (the browser);
 * without one an SVG logo leaves the wordmark on the slides, and says why.
 */
export async function deckLogo(
  assets: readonly Asset[],
  logo: string | null,
  ground: string,
  svgToPng?: SvgToPng,
): Promise<{ logo: Logo | null; why?: string }> {
  const asset = logo ? assets.find((a) => a.rel === logo) : undefined;
  if (!asset) return { logo: null };
  const ext = path.extname(asset.path).toLowerCase();
  let type = ext === ".png" ? "png" : ext === ".jpg" || ext === ".jpeg" ? "jpeg" : null;
  let bytes: Uint8Array | null = type ? await readFile(asset.path) : null;
  if (!type && ext === ".svg" && svgToPng) {
    bytes = await svgToPng(asset, ground);
    type = "png";
  }
  if (!type || !bytes)
    return {
      logo: null,
      why: `deck.pptx shows the wordmark: ${asset.rel} could not be drawn as a picture (add theme/logo.png)`,
    };
  const size = imageSize(bytes);
  if (!size.width || !size.height) return { logo: null, why: `${asset.rel} has no readable size` };
  return {
    logo: {
      data: `image/${type};base64,${Buffer.from(bytes).toString("base64")}`,
      width: size.width,
      height: size.height,
    },
  };
}

export interface MadePptx {
  slides: number;
  bytes: Uint8Array;
  /** Milliseconds to build it. */
  ms: number;
  /** Why the logo is not on its slides, when it is not. */
  warning: string | null;
}

/** The rendered deck → the bytes of deck.pptx, with the theme's colours and fonts (theme.css) and its logo. */
export async function makeDeckPptx(
  deck: RenderedPiece,
  templates: { styles: ReadonlyMap<string, string>; assets: readonly Asset[] },
  svgToPng?: SvgToPng,
): Promise<MadePptx> {
  const started = performance.now();
  const theme = deckTheme(templates.styles.get("theme.css") ?? "");
  // The logo sits on the navy cover and closing slides.
  const ground = theme.colors.navy;
  // The content slides' footer shows the paper logo, as the PDF's does (an SVG drawn again, on paper): the
  // two drawings are independent, so the browser makes them side by side.
  const [{ logo, why }, { logo: logoLight }] = await Promise.all([
    deckLogo(templates.assets, deck.view.logo, ground, svgToPng),
    deckLogo(templates.assets, deck.view.logoLight, theme.colors.paper, svgToPng),
  ]);
  const bytes = await deckPptx({ view: deck.view, meta: deck.meta, theme, logo, logoLight });
  return {
    slides: slideCount(deck.view),
    bytes,
    ms: Math.round(performance.now() - started),
    warning: why ?? null,
  };
}

/** Cover, a slide per claim, the comparison and sources when there are any, the closing slide: as the PDF. */
export function slideCount(view: PieceView): number {
  return 2 + view.claims.length + (view.comparison ? 1 : 0) + (view.references.length ? 1 : 0);
}
