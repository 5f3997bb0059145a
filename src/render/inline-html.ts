// A run of Inlines → HTML: every text escaped, quotes as <q> with their citation marker, links as links, images as <img>.
import type { Inline } from "../model/index.js";
import { collapseSpace, escapeHtml, safeUrl } from "./escape.js";
import type { QuoteView } from "./quotes.js";

export interface BodyContext {
  /** Citation number of the claim's citation `index`. */
  numberFor(index: number): number | null;
  quote(id: string): QuoteView | undefined;
  /** URL of the claim's citation `index`. */
  urlFor(index: number): string | null;
  /** Where a workspace image (`sources/…`, its bytes' hash) sits beside the HTML, or null when it cannot be shown. */
  imageFor(src: string, sha256: string | undefined): string | null;
}

export function markerHtml(number: number | null): string {
  return number === null
    ? ""
    : `<sup class="cite-marker"><a href="#ref-${number}">${number}</a></sup>`;
}

export function stampHtml(stamp: string | null): string {
  return stamp ? ` <span class="unverified-stamp">${escapeHtml(stamp)}</span>` : "";
}

/** Code spans up to this many characters never wrap inside (a longer one may, at its spaces or anywhere). */
const SHORT_CODE = 28;

function textHtml(inline: Extract<Inline, { kind: "text" }>): string {
  // Code keeps its spaces as written (a soft break in it is still a break).
  const html = escapeHtml(
    inline.code ? inline.text.replace(/\n/g, " ") : collapseSpace(inline.text),
  );
  return marked(html, inline, inline.text.length);
}

type Marks = { code?: boolean; strike?: boolean; emphasis?: boolean; strong?: boolean };

/** `html` inside the marks set on it, the strike outermost but for weight and slant. */
function marked(html: string, marks: Marks, length: number): string {
  let out = html;
  if (marks.code) out = `<code${length <= SHORT_CODE ? ' class="code-short"' : ""}>${out}</code>`;
  if (marks.strike) out = `<del>${out}</del>`;
  if (marks.emphasis) out = `<em>${out}</em>`;
  if (marks.strong) out = `<strong>${out}</strong>`;
  return out;
}

/** Renders inlines; a cite right after a quote with the same number does not repeat the marker. */
export function inlinesHtml(inlines: readonly Inline[], ctx: BodyContext): string {
  let html = "";
  let lastMarker: number | null = null;
  for (const inline of inlines) {
    if (inline.kind === "text") {
      html += textHtml(inline);
      if (inline.text.trim()) lastMarker = null;
    } else if (inline.kind === "quote") {
      const quote = ctx.quote(inline.quote);
      if (!quote) continue;
      // A quote the author struck out prints struck, quote marks and all: never as an endorsement.
      html += `${marked(`<q class="quote">${escapeHtml(quote.text)}</q>`, inline, quote.text.length)}${markerHtml(quote.number)}${stampHtml(quote.stamp)}`;
      lastMarker = quote.number;
    } else if (inline.kind === "cite") {
      const number = ctx.numberFor(inline.citation);
      html += linkHtml(inline.label, ctx.urlFor(inline.citation), "cite");
      if (number !== lastMarker) html += markerHtml(number);
      lastMarker = number;
    } else if (inline.kind === "link") {
      // A bare URL is printed whole and may break anywhere inside its column.
      const bare = inline.text === inline.url;
      html += linkHtml(inline.text, safeUrl(inline.url), bare ? "link link-url" : "link");
      lastMarker = null;
    } else if (inline.kind === "image") {
      html += imageHtml(inline, ctx);
    } else {
      html += "<br>";
    }
  }
  return html.trim();
}

function linkHtml(label: string, href: string | null, className: string): string {
  const text = escapeHtml(collapseSpace(label));
  if (!text) return "";
  return href ? `<a class="${className}" href="${escapeHtml(href)}">${text}</a>` : text;
}

/** The alt text is the image's alternate text in the tagged PDF; an image without one is decoration. */
function imageHtml(inline: Extract<Inline, { kind: "image" }>, ctx: BodyContext): string {
  const src = ctx.imageFor(inline.src, inline.sha256);
  if (!src) return "";
  // Printed at 150 ppi (never larger), so a screenshot is sharp on paper; its column still caps it.
  const size = inline.width ? ` style="width:${(inline.width / 150).toFixed(2)}in"` : "";
  return `<img class="content-image" src="${escapeHtml(src)}" alt="${escapeHtml(collapseSpace(inline.alt))}"${size}>`;
}

/**
 * Plain text from front matter (comparison cells, the call to action) with its `code` spans set as
 * code, as in the claims: everything escaped, backticks never printed. Nothing else is markup.
 */
export function codeSpansHtml(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      /^`[^`]+`$/.test(part)
        ? textHtml({ kind: "text", text: part.slice(1, -1), code: true })
        : escapeHtml(part),
    )
    .join("");
}
