// Render stage: model + options → view data → Handlebars → one self-contained HTML page per piece.

import { CollateralError, type CollateralModel, shownPath } from "../model/index.js";
import { withFonts } from "./fonts.js";
import { imageAssets } from "./images.js";
import type { Piece, RenderedPiece, RenderOptions } from "./pieces.js";
import type { TemplateSet } from "./templates.js";
import { buildView } from "./view.js";

export {
  type Asset,
  PIECES,
  type Piece,
  type RenderedPiece,
  type RenderOptions,
} from "./pieces.js";
export { BUILTIN_TEMPLATES_DIR, loadTemplates, type TemplateSet } from "./templates.js";
export { buildView, type PieceView } from "./view.js";

const PIECE_NAMES: Record<Piece, string> = {
  brochure: "Brochure",
  "one-pager": "One-pager",
  deck: "Slide deck",
};

/** Pure: the same templates, model and options always give the same HTML. */
export function renderPiece(
  templates: TemplateSet,
  model: CollateralModel,
  piece: Piece,
  options: RenderOptions,
): RenderedPiece {
  const view = buildView(templates, model, piece, options);
  const { html, assets } = withFonts(runTemplate(templates, piece, view), view.lang);
  const title = view.audience ? `${view.title} — for ${view.audience.label}` : view.title;
  const keywords = [view.product, view.competitor, PIECE_NAMES[piece], view.audience?.label ?? ""];
  return {
    piece,
    html,
    title,
    meta: {
      title,
      author: view.author,
      subject: view.subtitle || view.tagline || view.title,
      keywords: keywords.filter(Boolean),
    },
    assets: [
      ...assets,
      ...templates.assets,
      ...(options.workspace ? imageAssets(options.workspace, shownClaims(model, view)) : []),
    ],
    view,
  };
}

function shownClaims(model: CollateralModel, view: ReturnType<typeof buildView>) {
  const shown = new Set(view.claims.map((c) => c.id));
  return model.claims.filter((c) => shown.has(c.id));
}

/**
 * A template that calls a partial that does not exist, or one that includes itself, is the template
 * author's to fix: reported with the piece's template file, never as a crash.
 */
function runTemplate(
  templates: TemplateSet,
  piece: Piece,
  view: ReturnType<typeof buildView>,
): string {
  try {
    return templates.pieces[piece](view);
  } catch (error) {
    const message =
      error instanceof RangeError
        ? "a partial includes itself, directly or through another (the templates never end)"
        : (error as Error).message.split("\n")[0];
    const file = templates.origins[`${piece}.hbs`] ?? `${piece}.hbs`;
    throw new CollateralError(`${shownPath(file)}: ${message}`, {
      rule: "template",
      cause: error,
    });
  }
}
