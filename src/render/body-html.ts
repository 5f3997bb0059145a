// A claim's Blocks and Inlines → the HTML of its body: every text escaped, quotes as <q> with their citation marker.
import type { Block, Inline } from "../model/index.js";
import { collapseSpace, escapeHtml, safeUrl } from "./escape.js";
import type { QuoteView } from "./quotes.js";

export interface BodyContext {
  /** Citation number of the claim's citation `index`. */
  numberFor(index: number): number | null;
  quote(id: string): QuoteView | undefined;
  /** URL of the claim's citation `index`. */
  urlFor(index: number): string | null;
}

export function markerHtml(number: number | null): string {
  return number === null
    ? ""
    : `<sup class="cite-marker"><a href="#ref-${number}">${number}</a></sup>`;
}

export function stampHtml(stamp: string | null): string {
  return stamp ? ` <span class="unverified-stamp">${escapeHtml(stamp)}</span>` : "";
}

function textHtml(inline: Extract<Inline, { kind: "text" }>): string {
  let html = escapeHtml(collapseSpace(inline.text));
  if (inline.emphasis) html = `<em>${html}</em>`;
  if (inline.strong) html = `<strong>${html}</strong>`;
  return html;
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
      html += `<q class="quote">${escapeHtml(quote.text)}</q>${markerHtml(quote.number)}${stampHtml(quote.stamp)}`;
      lastMarker = quote.number;
    } else if (inline.kind === "cite") {
      const number = ctx.numberFor(inline.citation);
      html += citeHtml(inline.label, ctx.urlFor(inline.citation));
      if (number !== lastMarker) html += markerHtml(number);
      lastMarker = number;
    } else if (inline.kind === "link") {
      html += citeHtml(inline.text, safeUrl(inline.url));
      lastMarker = null;
    } else {
      html += "<br>";
    }
  }
  return html.trim();
}

function citeHtml(label: string, href: string | null): string {
  const text = escapeHtml(collapseSpace(label));
  if (!text) return "";
  return href ? `<a class="cite" href="${escapeHtml(href)}">${text}</a>` : text;
}

/** Body blocks → <p>, <h3> and <ul>; consecutive list items share one list. */
export function blocksHtml(blocks: readonly Block[], ctx: BodyContext): string {
  const parts: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) parts.push(`<ul>${list.join("")}</ul>`);
    list = [];
  };
  for (const block of blocks) {
    const inner = inlinesHtml(block.inlines, ctx);
    if (block.kind === "list-item") {
      list.push(`<li>${inner}</li>`);
      continue;
    }
    flush();
    parts.push(
      block.kind === "heading" ? `<h3 class="claim-subhead">${inner}</h3>` : `<p>${inner}</p>`,
    );
  }
  flush();
  return parts.join("\n");
}

/** The benefit paragraph without its "Benefit:" lead-in (the callout labels itself). */
export function benefitHtml(block: Block, ctx: BodyContext): string {
  const inlines = [...block.inlines];
  const first = inlines[0];
  if (first?.kind === "text" && /^\s*benefits?\s*:\s*$/i.test(first.text)) inlines.shift();
  else if (first?.kind === "text")
    inlines[0] = { ...first, text: first.text.replace(/^\s*benefits?\s*:\s*/i, "") };
  const html = inlinesHtml(inlines, ctx);
  return html.charAt(0).toUpperCase() + html.slice(1);
}
