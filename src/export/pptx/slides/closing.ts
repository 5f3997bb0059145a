// The closing slide: the tagline large, the call to action and its link, the brand and the prospect.
import { codeRuns, withoutBackticks } from "../code-runs.js";
import type { DeckContext } from "../context.js";
import { box, CHAR_EM, lineCount, PAD, SLIDE } from "../layout.js";
import { addRings, MASTER } from "../masters.js";
import type { TextRun } from "../pptxgen.js";
import { addBrand, addProspect } from "./brand.js";

const WIDTH = 700;

export function addClosingSlide(ctx: DeckContext, notes: string): void {
  const { pptx, view, theme } = ctx;
  const { colors, fonts } = theme;
  const slide = pptx.addSlide({ masterName: MASTER.cover });
  addRings(slide, theme);
  const taglineHeight = view.tagline
    ? lineCount(view.tagline, 38, WIDTH, CHAR_EM.serifItalic) * 38 * 1.2
    : 0;
  const ctaRuns: TextRun[] = [];
  if (view.cta) {
    ctaRuns.push({
      text: view.cta.heading,
      options: { fontSize: 23, bold: true, color: colors.amber, breakLine: true },
    });
    ctaRuns.push(
      ...codeRuns(
        view.cta.text,
        {
          fontSize: 18,
          color: colors.onNavyMuted,
          paraSpaceBefore: 8,
          breakLine: !!view.cta.href,
        },
        fonts.mono,
      ),
    );
    if (view.cta.href)
      ctaRuns.push({
        text: view.cta.href,
        options: {
          fontSize: 18,
          color: colors.amber,
          paraSpaceBefore: 8,
          hyperlink: { url: view.cta.href },
        },
      });
  }
  const ctaHeight = view.cta
    ? 23 * 1.3 +
      8 +
      lineCount(withoutBackticks(view.cta.text), 18, WIDTH) * 18 * 1.3 +
      (view.cta.href ? 32 : 0)
    : 0;
  const total = taglineHeight + (view.tagline ? 48 : 0) + ctaHeight;
  let y = Math.max(PAD.top + 40, (SLIDE.height - 90 - total) / 2);
  if (view.tagline) {
    slide.addText(view.tagline, {
      ...box(PAD.side, y, WIDTH, taglineHeight + 6),
      fontFace: fonts.serif,
      fontSize: 38,
      italic: true,
      color: colors.onNavy,
      lineSpacingMultiple: 1.05,
      margin: 0,
      valign: "bottom",
    });
    y += taglineHeight + 22;
    slide.addShape("rect", {
      ...box(PAD.side, y, WIDTH, 3),
      fill: { color: colors.teal },
      line: { type: "none" },
    });
    y += 26;
  }
  if (ctaRuns.length)
    slide.addText(ctaRuns, {
      ...box(PAD.side, y, WIDTH, ctaHeight + 8),
      fontFace: fonts.sans,
      margin: 0,
      valign: "top",
    });
  addBrand(slide, ctx, PAD.side, SLIDE.height - PAD.bottom - 26);
  addProspect(slide, ctx, {
    x: SLIDE.width / 2,
    y: SLIDE.height - PAD.bottom - 48,
    w: SLIDE.width / 2 - PAD.side,
    align: "right",
  });
  slide.addNotes(notes);
}
