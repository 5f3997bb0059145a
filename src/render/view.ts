// Model + options → the view data a piece's template renders: claims, citations, comparison, prospect, theme.
import type { CollateralModel, ComparisonRow, Labels } from "../model/index.js";
import { CitationIndex, type Reference } from "./citations.js";
import { type ClaimView, claimView } from "./claim-view.js";
import { safeUrl } from "./escape.js";
import { FONT_FACES_SLOT } from "./fonts.js";
import { formatDate } from "./format.js";
import { imageHref } from "./images.js";
import { fillLabel, localeOf } from "./labels.js";
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
  /** BCP 47 language of the document ("en" unless front matter says): the html lang, so quote marks follow it. */
  lang: string;
  /** The fixed words the templates print, in the document's language (defaults ← theme ← front matter). */
  labels: Labels & { forThisAudience: string };
  prospect: { company: string; contact: string | null } | null;
  audience: { id: string; label: string; summary: string } | null;
  draft: boolean;
  /** CSS page size of the brochure and the one-pager: "letter" or "A4". */
  pageSize: string;
  /** Fonts and theme CSS for this piece (trusted: from the template folders). */
  styles: string;
  /** The logo for the dark ground (kept under its old name: templates written for it show it on navy). */
  logo: string | null;
  /** The logo for paper, or null: the wordmark. */
  logoLight: string | null;
  /** The logo for the dark ground: logo-on-dark.*, else the paper logo, else null (the wordmark). */
  logoDark: string | null;
  claims: ClaimView[];
  comparison: { product: string; competitor: string; rows: ComparisonRow[] } | null;
  references: Reference[];
  /**
   * The forms a fit box may take, in the order tried ("full compact": the one-pager condenses to fit) and the
   * first of them; "" outside the one-pager.
   */
  fitForms: string;
  fitForm: string;
  cta: { heading: string; text: string; href: string | null } | null;
}

/** Fonts (a slot, filled once the HTML is known), then theme.css, the workspace's brand.css and base.css, shared sheets, the piece's own. */
export function stylesFor(templates: TemplateSet, piece: Piece): string {
  const own = new Set(PIECES.map((p) => `${p}.css`));
  const first = ["theme.css", "brand.css", "base.css"];
  const shared = [...templates.styles.keys()]
    .filter((n) => !own.has(n) && !first.includes(n))
    .sort();
  const order = [...first, ...shared, `${piece}.css`];
  return [FONT_FACES_SLOT, ...order.flatMap((n) => templates.styles.get(n) ?? [])].join("\n");
}

function prospectView(options: RenderOptions): PieceView["prospect"] {
  const company = options.prospect?.company.trim();
  if (!company) return null;
  return { company, contact: options.prospect?.contact?.trim() || null };
}

/** The one-pager's forms, from `one-pager: { form }`: auto tries the full text first, then the compact form. */
function fitForms(model: CollateralModel, piece: Piece): { fitForms: string; fitForm: string } {
  if (piece !== "one-pager") return { fitForms: "", fitForm: "" };
  const form = model.meta["one-pager"]?.form ?? "auto";
  const forms = form === "auto" ? ["full", "compact"] : [form];
  return { fitForms: forms.join(" "), fitForm: forms[0] ?? "full" };
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
  const locale = localeOf(model, templates.labels);
  const index = new CitationIndex(model, claims, locale);
  const rows = selectComparison(model, claims);
  // An image never judged on disk (no hash) is never printed.
  const imageFor = (src: string, sha256: string | undefined) =>
    options.workspace && sha256 ? imageHref(src, sha256) : null;
  const logoDark = templates.logoOnDark ?? templates.logo;
  return {
    piece,
    title: meta.title,
    subtitle: meta.subtitle ?? "",
    tagline: meta.tagline ?? "",
    product,
    competitor: meta.competitor ?? "",
    author: meta.author ?? product,
    date: formatDate(meta.date, locale.lang),
    lang: locale.lang,
    labels: {
      ...locale.labels,
      forThisAudience: audience
        ? fillLabel(locale.labels.forAudience, { audience: audience.label })
        : "",
    },
    prospect: prospectView(options),
    audience: audience && {
      id: audience.id,
      label: audience.label,
      summary: audience.summary ?? "",
    },
    draft: options.draft ?? false,
    pageSize: options.paper === "a4" ? "A4" : "letter",
    styles: stylesFor(templates, piece),
    logo: logoDark,
    logoLight: templates.logo,
    logoDark,
    claims: claims.map((claim, i) => claimView(model, claim, i + 1, index, imageFor)),
    comparison:
      rows.length && meta.competitor ? { product, competitor: meta.competitor, rows } : null,
    references: index.references(),
    ...fitForms(model, piece),
    cta: meta.cta ? { ...meta.cta, href: meta.cta.url ? safeUrl(meta.cta.url) : null } : null,
  };
}
