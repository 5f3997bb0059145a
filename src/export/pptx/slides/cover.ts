// The cover: brand and "Product vs Competitor" above, the title and subtitle, then tagline (or prospect) and date.
import type { DeckContext } from "../context.js";
import { box, CHAR_EM, CONTENT_WIDTH, lineCount, PAD, SLIDE } from "../layout.js";
import { addRings, MASTER } from "../masters.js";
import { addBrand, addProspect } from "./brand.js";

const RULE_Y = 448;

export function addCover(ctx: DeckContext, notes: string): void {
  const { pptx, view, theme } = ctx;
  const { colors, fonts } = theme;
  const slide = pptx.addSlide({ masterName: MASTER.cover });
  addRings(slide, theme);
  addBrand(slide, ctx, PAD.side, PAD.top);
  const eyebrow = `${view.product}${view.competitor ? ` vs ${view.competitor}` : ""}`.toUpperCase();
  slide.addText(eyebrow, {
    ...box(SLIDE.width / 2, PAD.top, SLIDE.width / 2 - PAD.side, 20),
    fontFace: fonts.sans,
    fontSize: 10,
    bold: true,
    charSpacing: 1.5,
    color: colors.amber,
    align: "right",
    valign: "middle",
    margin: 0,
  });

  // Title and subtitle share one box, centred between the brand and the rule as the PDF's flex column does.
  const size = lineCount(view.title, 54, 660, CHAR_EM.bold) > 3 ? 44 : 54;
  const titleHeight = lineCount(view.title, size, 660, CHAR_EM.bold) * size * 1.05;
  const subtitleHeight = view.subtitle ? 16 + lineCount(view.subtitle, 21, 560) * 21 * 1.4 : 0;
  const height = titleHeight + subtitleHeight + 8;
  const top = Math.max(80, (80 + RULE_Y - height) / 2);
  slide.addText(
    [
      {
        text: view.title,
        options: {
          fontSize: size,
          bold: true,
          // The PDF's -0.025em: the title wraps where it does there.
          charSpacing: -size * 0.025,
          color: colors.onNavy,
          lineSpacingMultiple: 0.95,
          breakLine: !!view.subtitle,
        },
      },
      ...(view.subtitle
        ? [
            {
              text: view.subtitle,
              options: { fontSize: 21, color: colors.onNavyMuted, paraSpaceBefore: 16 },
            },
          ]
        : []),
    ],
    { ...box(PAD.side, top, 660, height), fontFace: fonts.sans, margin: 0, valign: "top" },
  );

  slide.addShape("rect", {
    ...box(PAD.side, RULE_Y, CONTENT_WIDTH, 3),
    fill: { color: colors.teal },
    line: { type: "none" },
  });
  const bottom = RULE_Y + 3 + 14;
  if (view.prospect) addProspect(slide, ctx, { x: PAD.side, y: bottom - 4, w: 500, align: "left" });
  else if (view.tagline)
    slide.addText(view.tagline, {
      ...box(PAD.side, bottom, 620, 22),
      fontFace: fonts.serif,
      fontSize: 14,
      italic: true,
      color: colors.onNavy,
      margin: 0,
      valign: "top",
    });
  const right = [view.date, view.draft ? "DRAFT — NOT FOR DISTRIBUTION" : ""].filter(Boolean);
  if (right.length)
    slide.addText(right.join("   "), {
      ...box(SLIDE.width - PAD.side - 300, bottom, 300, 22),
      fontFace: fonts.sans,
      fontSize: 10,
      color: view.draft ? "FFD2CC" : colors.onNavyMuted,
      bold: view.draft,
      align: "right",
      margin: 0,
      valign: "top",
    });
  slide.addNotes(notes);
}
