// The right-hand card of a claim slide: the pull quote with its source line, or the claim's comparison row.
import type { ClaimView } from "../../../render/claim-view.js";
import { codeRuns, withoutBackticks } from "../code-runs.js";
import type { DeckContext } from "../context.js";
import { box, CHAR_EM, textHeight } from "../layout.js";
import type { Slide, TextRun } from "../pptxgen.js";

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The quote set large on a tinted card with an amber edge; its source and any UNVERIFIED stamp below it. `alone`
 * (no points beside it) sets the quote larger, as the PDF's `.no-points` card does (1.45em, not 1.15em).
 */
export function addQuoteCard(
  slide: Slide,
  ctx: DeckContext,
  claim: ClaimView,
  area: Area,
  scale: number,
  alone = false,
) {
  const quote = claim.pullQuote;
  if (!quote) return;
  const { colors, fonts } = ctx.theme;
  const pad = { top: 22, right: 24, bottom: 20, left: 26 };
  const inner = area.w - pad.left - pad.right - 5;
  const size = (alone ? 29 : 23) * scale;
  const text = `“${quote.pullText}”`;
  const runs: TextRun[] = [
    { text, options: { fontFace: fonts.serif, italic: true, fontSize: size, color: colors.navy } },
  ];
  if (quote.number !== null)
    runs.push({
      text: String(quote.number),
      options: { superscript: true, bold: true, fontSize: size, color: colors.teal },
    });
  const small = 11 * scale;
  const lines = [text];
  if (quote.source) {
    runs.at(-1)!.options = { ...runs.at(-1)!.options, breakLine: true };
    runs.push({
      text: `— ${quote.source}`,
      options: {
        fontSize: small,
        color: colors.muted,
        paraSpaceBefore: 12,
      },
    });
    lines.push(quote.source);
  }
  if (quote.stamp) {
    runs.at(-1)!.options = { ...runs.at(-1)!.options, breakLine: true };
    runs.push({
      text: quote.stamp,
      options: { fontSize: 9, bold: true, color: colors.danger, paraSpaceBefore: 10 },
    });
    lines.push(quote.stamp);
  }
  const height =
    textHeight([text], size, inner, { leading: 1.35, em: CHAR_EM.serifItalic }) +
    (quote.source ? 12 + textHeight([quote.source], small, inner, { leading: 1.4 }) : 0) +
    (quote.stamp ? 24 : 0) +
    pad.top +
    pad.bottom;
  const h = Math.min(area.h, height);
  const y = area.y + (area.h - h) / 2;
  slide.addText(runs, {
    ...box(area.x + 5, y, area.w - 5, h),
    fontFace: fonts.sans,
    fill: { color: colors.tint },
    // PptxGenJS takes insets in points, left, right, bottom, top; the amber edge is the first 5pt.
    margin: [pad.left - 5, pad.right, pad.bottom, pad.top],
    lineSpacingMultiple: 1.2,
    valign: "top",
    fit: "shrink",
  });
  slide.addShape("rect", {
    ...box(area.x, y, 5, h),
    fill: { color: colors.amber },
    line: { type: "none" },
  });
}

/** The comparison row about this claim, on a navy card with a teal edge: aspect, product's answer, competitor's. */
export function addCompareCard(
  slide: Slide,
  ctx: DeckContext,
  claim: ClaimView,
  area: Area,
  scale: number,
) {
  const row = claim.comparison;
  if (!row) return;
  const { colors, fonts } = ctx.theme;
  const { product, competitor } = ctx.view;
  const label = (text: string, gap = 0): TextRun => ({
    text: text.toUpperCase(),
    options: {
      fontSize: 9,
      bold: true,
      charSpacing: 1,
      color: colors.onNavyMuted,
      paraSpaceBefore: gap,
      breakLine: true,
    },
  });
  const runs: TextRun[] = [
    ...codeRuns(
      row.aspect.toUpperCase(),
      { fontSize: 10, bold: true, charSpacing: 2, color: colors.amber, breakLine: true },
      fonts.mono,
    ),
    label(product, 10),
    ...codeRuns(
      row.product,
      { fontSize: 20 * scale, bold: true, color: colors.onNavy, breakLine: true },
      fonts.mono,
    ),
    label(competitor, 12),
    ...codeRuns(row.competitor, { fontSize: 14 * scale, color: colors.onNavyMuted }, fonts.mono),
  ];
  const inner = area.w - 48;
  const height =
    44 +
    10 * 1.4 * 3 +
    22 +
    textHeight([withoutBackticks(row.product)], 20 * scale, inner, {
      leading: 1.3,
      em: CHAR_EM.bold,
    }) +
    textHeight([withoutBackticks(row.competitor)], 14 * scale, inner, { leading: 1.4 });
  const h = Math.min(area.h, height);
  const y = area.y + (area.h - h) / 2;
  slide.addText(runs, {
    ...box(area.x, y + 5, area.w, h - 5),
    fontFace: fonts.sans,
    fill: { color: colors.navy },
    margin: [24, 24, 22, 17],
    lineSpacingMultiple: 1.15,
    valign: "top",
    fit: "shrink",
  });
  slide.addShape("rect", {
    ...box(area.x, y, area.w, 5),
    fill: { color: colors.teal },
    line: { type: "none" },
  });
}
