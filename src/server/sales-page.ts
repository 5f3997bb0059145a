// The sales page at GET /: pick an audience (with a preview of its one-pager), type the prospect, download.
import type { PortalContent } from "./backend.js";

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * A colour the theme's stylesheet gives a variable (the last declaration wins, as in the cascade), when it is
 * written as a plain colour; a derived one (var(), color-mix()) cannot be read without a browser.
 */
export function themeColor(css: string, variable: string): string | null {
  const declared = [...css.matchAll(new RegExp(`${variable}\\s*:\\s*([^;}]+)`, "g"))]
    .at(-1)?.[1]
    ?.trim();
  if (!declared) return null;
  const plain = /^(?:#[0-9a-f]{3,8}|(?:rgba?|hsla?)\([\d\s.,%/]+\)|[a-z]+)$/i;
  return plain.test(declared) ? declared : null;
}

/** The tab icon: a check mark in the theme's accent on its dark ground (the defaults when they are not plain colours). */
export function faviconSvg(css = ""): string {
  const ground = themeColor(css, "--navy") ?? "#0e2442";
  const accent = themeColor(css, "--teal") ?? "#2fc4b9";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${esc(ground)}"/><path d="M9 16.5l4.5 4.5L23 11" fill="none" stroke="${esc(accent)}" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

export function salesPage(content: PortalContent): string {
  const cards = content.audiences.map((a, i) => audienceCard(a, i === 0, content)).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(content.product)} one-pagers · ${esc(content.title)}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/portal.css">
</head>
<body>
<header class="bar">${brand(content)}<span>Sales one-pagers</span></header>
<main>
  <h1>Tailored one-pager</h1>
  <p class="lede">${esc(content.tagline)}</p>
  <form method="get" action="/one-pager.pdf">
    <fieldset class="audiences">
      <legend>1. Who is the prospect?</legend>
      ${cards}
    </fieldset>
    <fieldset class="prospect">
      <legend>2. Prepared for</legend>
      <label><span>Company</span> <input name="company" required maxlength="80" autocomplete="organization" placeholder="Acme Federal"></label>
      <label><span>Contact <span class="optional">(optional)</span></span> <input name="contact" maxlength="80" autocomplete="name" placeholder="Jordan Lee"></label>
    </fieldset>
    <button type="submit">Download one-pager (PDF)</button>
  </form>
  <p class="more">Also: <a href="/brochure.pdf">full brochure</a> · <a href="/deck.pdf">slide deck</a> (<a href="/deck.pptx">PowerPoint, editable</a>)</p>
</main>
</body>
</html>
`;
}

/** The theme's logo, named by the product for those who cannot see it; the product's name without one. */
function brand(content: PortalContent): string {
  if (!content.logo) return `<span class="brand">${esc(content.product)}</span>`;
  const src = `/assets/logo?v=${encodeURIComponent(content.hash.slice(0, 12))}`;
  return `<img class="brand brand-logo" src="${src}" alt="${esc(content.product)}">`;
}

function audienceCard(
  audience: PortalContent["audiences"][number],
  checked: boolean,
  content: PortalContent,
): string {
  const id = `aud-${audience.id}`;
  const claims = audience.claims
    .map((c) => `<li>${esc(content.claimTitles[c] ?? c)}</li>`)
    .join("");
  const preview = `/preview.png?audience=${encodeURIComponent(audience.id)}&v=${content.hash.slice(0, 12)}`;
  return `<label class="card" for="${id}">
        <input type="radio" name="audience" id="${id}" value="${esc(audience.id)}"${checked ? " checked" : ""}>
        <img src="${esc(preview)}" alt="Preview of the one-pager for ${esc(audience.label)}" width="170" height="220" loading="lazy">
        <span class="label">${esc(audience.label)}</span>
        <ul>${claims}</ul>
      </label>`;
}
