// Model + options → the view data a piece's template renders: claims, citations, comparison, prospect, theme.
import type { CollateralModel, ComparisonRow } from "../model/index.js";
import { CitationIndex, type Reference } from "./citations.js";
import { type ClaimView, claimView } from "./claim-view.js";
import { safeUrl } from "./escape.js";
import { fontFaceCss } from "./fonts.js";
import { formatDate } from "./format.js";
import { productOf } from "./needs.js";
import { PIECES, type Piece, type RenderOptions } from "./pieces.js";
import { findAudience, selectClaims, selectComparison } from "./selection.js";
import type { TemplateSet } from "./templates.js";

export interface PieceView {
  piece: Piece;
  title: string;
  subtitle: string;
  tagline: string;
  product: string;
  competitor: string;
  author: string;
  date: string;
  prospect: { company: string; contact: string | null } | null;
  audience: { id: string; label: string; summary: string } | null;
  draft: boolean;
  /** CSS page size of the brochure and the one-pager: "letter" or "A4". */
  pageSize: string;
  /** Fonts and theme CSS for this piece (trusted: from the template folders). */
  styles: string;
  logo: string | null;
  claims: ClaimView[];
  comparison: { product: string; competitor: string; rows: ComparisonRow[] } | null;
  references: Reference[];
  cta: { heading: string; text: string; href: string | null } | null;
}

/** Fonts, then theme.css and base.css, then shared sheets, then the piece's own sheet. */
export function stylesFor(templates: TemplateSet, piece: Piece): string {
  const own = new Set(PIECES.map((p) => `${p}.css`));
  const first = ["theme.css", "base.css"];
  const shared = [...templates.styles.keys()]
    .filter((n) => !own.has(n) && !first.includes(n))
    .sort();
  const order = [...first, ...shared, `${piece}.css`];
  return [fontFaceCss(), ...order.flatMap((n) => templates.styles.get(n) ?? [])].join("\n");
}

function prospectView(options: RenderOptions): PieceView["prospect"] {
  const company = options.prospect?.company.trim();
  if (!company) return null;
  return { company, contact: options.prospect?.contact?.trim() || null };
}

export function buildView(
  templates: TemplateSet,
  model: CollateralModel,
  piece: Piece,
  options: RenderOptions,
): PieceView {
  const { meta } = model;
  const product = productOf(model, piece);
  const audience = findAudience(model, options.audience);
  const claims = selectClaims(model, piece, audience);
  const index = new CitationIndex(model, claims);
  const rows = selectComparison(model, claims);
  return {
    piece,
    title: meta.title,
    subtitle: meta.subtitle ?? "",
    tagline: meta.tagline ?? "",
    product,
    competitor: meta.competitor ?? "",
    author: meta.author ?? product,
    date: formatDate(meta.date),
    prospect: prospectView(options),
    audience: audience && {
      id: audience.id,
      label: audience.label,
      summary: audience.summary ?? "",
    },
    draft: options.draft ?? false,
    pageSize: options.paper === "a4" ? "A4" : "letter",
    styles: stylesFor(templates, piece),
    logo: templates.logo,
    claims: claims.map((claim, i) => claimView(model, claim, i + 1, index)),
    comparison:
      rows.length && meta.competitor ? { product, competitor: meta.competitor, rows } : null,
    references: index.references(),
    cta: meta.cta ? { ...meta.cta, href: meta.cta.url ? safeUrl(meta.cta.url) : null } : null,
  };
}
