// The sales page at GET /: pick an audience (with a preview of its one-pager), type the prospect, download.
import type { PortalContent } from "./backend.js";

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** The tab icon: a check mark in the theme's accent on its brand navy. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0e2442"/><path d="M9 16.5l4.5 4.5L23 11" fill="none" stroke="#2fc4b9" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

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
<header class="bar"><span class="brand">${esc(content.product)}</span><span>Sales one-pagers</span></header>
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
