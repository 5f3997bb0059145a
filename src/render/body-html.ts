// A claim's Blocks → the HTML of its body: paragraphs, subheads, nested lists, blockquotes, tables, code; the benefit line.
import type { Block, Container } from "../model/index.js";
import { escapeHtml } from "./escape.js";
import { type BodyContext, inlinesHtml } from "./inline-html.js";
import { tableHtml } from "./table-html.js";

export { type BodyContext, inlinesHtml, markerHtml, stampHtml } from "./inline-html.js";

function openTag(container: Container): string {
  if (container.kind === "blockquote") return '<blockquote class="content-quote">';
  // An ordered item prints the number the author wrote (the model's), never its place among the items
  // that printed: an empty item left out must not renumber the ones after it.
  if (container.kind === "item")
    return container.number === null ? "<li>" : `<li value="${container.number}">`;
  if (!container.ordered) return '<ul class="content-list">';
  const start = container.start ?? 1;
  return `<ol class="content-list"${start === 1 ? "" : ` start="${start}"`}>`;
}

function closeTag(container: Container): string {
  if (container.kind === "blockquote") return "</blockquote>";
  if (container.kind === "item") return "</li>";
  return container.ordered ? "</ol>" : "</ul>";
}

/** A paragraph alone on its line with nothing but an image is a figure: the image takes the column. */
function isFigure(block: Block): boolean {
  const visible = block.inlines.filter((i) => !(i.kind === "text" && !i.text.trim()));
  return visible.length > 0 && visible.every((i) => i.kind === "image" || i.kind === "break");
}

function blockHtml(block: Block, ctx: BodyContext, leadsItem: boolean): string {
  if (block.kind === "table" && block.table) return tableHtml(block.table, ctx);
  const inner = inlinesHtml(block.inlines, ctx);
  if (block.kind === "code") {
    const text = block.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("");
    return `<pre class="content-code"><code>${escapeHtml(text)}</code></pre>`;
  }
  if (block.kind === "heading") return `<h3 class="claim-subhead">${inner}</h3>`;
  if (!inner) return "";
  if (isFigure(block)) return `<p class="content-figure">${inner}</p>`;
  // An item's first paragraph is its text; later ones in the same item are paragraphs of it.
  return leadsItem ? inner : `<p>${inner}</p>`;
}

/**
 * Body blocks → HTML. Each block names the containers it sits in, outermost first: the containers
 * the previous block was in and this one is not are closed, the new ones opened.
 */
export function blocksHtml(blocks: readonly Block[], ctx: BodyContext): string {
  const parts: string[] = [];
  let open: Container[] = [];
  for (const block of blocks) {
    const within = block.within ?? [];
    let shared = 0;
    while (shared < open.length && open[shared]!.id === within[shared]?.id) shared++;
    for (const container of open.slice(shared).reverse()) parts.push(closeTag(container));
    const opened = within.slice(shared);
    for (const container of opened) parts.push(openTag(container));
    open = within;
    const leadsItem = opened.at(-1)?.kind === "item" && block.kind === "list-item";
    parts.push(blockHtml(block, ctx, leadsItem));
  }
  for (const container of [...open].reverse()) parts.push(closeTag(container));
  // An item's text follows its <li> with no line break: the bullet is an inline box, and the break would print
  // as a space after it, setting the first line one space in from the lines that wrap under it.
  return parts
    .filter(Boolean)
    .map((part, i, all) => (i === 0 || /^<li[ >]/.test(all[i - 1]!) ? part : `\n${part}`))
    .join("");
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
