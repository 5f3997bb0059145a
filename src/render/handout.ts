// The deck as a handout (deck-notes.pdf): each slide with its speaker notes below it, since a PDF viewer shows none.
import type { RenderedPiece } from "./pieces.js";

/** Page height of a handout: the 540pt slide and room for its notes. */
const PAGE = { width: 960, height: 900 };

/**
 * Print rules laid over the deck's own: a taller page, the notes shown under their slide (the deck's sheet hides
 * them in print) and a slide that has notes sharing its page with them. The slides themselves are unchanged.
 */
const HANDOUT_CSS = `<style>
@page { size: ${PAGE.width}pt ${PAGE.height}pt; margin: 0; }
@media print {
  .slide:has(+ aside.notes) { break-after: auto; }
  aside.notes {
    display: block !important;
    width: ${PAGE.width}pt;
    height: ${PAGE.height - 540}pt;
    margin: 0;
    padding: 22pt 60pt;
    border: 0;
    border-top: 1px dashed #9aa7b8;
    box-sizing: border-box;
    overflow: hidden;
    font-size: 12.5pt;
    break-after: page;
  }
  aside.notes h3 { font-size: 10.5pt; margin: 0 0 8pt; }
}
</style>`;

export function deckHandout(deck: RenderedPiece): RenderedPiece {
  const title = `${deck.meta.title} — speaker notes`;
  return {
    ...deck,
    html: deck.html.replace("</head>", `${HANDOUT_CSS}\n</head>`),
    title,
    meta: { ...deck.meta, title },
  };
}
