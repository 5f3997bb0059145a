// The brand mark on the cover and closing slides: the theme's logo, else the author's name as a wordmark.
import type { DeckContext } from "../context.js";
import { box } from "../layout.js";
import type { Slide } from "../pptxgen.js";

/** The CSS logo slot's height (theme.css `--logo-height`, 20pt) on a slide's dark ground. */
const LOGO_HEIGHT = 20;

export function addBrand(slide: Slide, ctx: DeckContext, x: number, y: number): void {
  const { logo, view, theme } = ctx;
  if (logo) {
    const width = (logo.width / logo.height) * LOGO_HEIGHT;
    slide.addImage({ data: logo.data, ...box(x, y, width, LOGO_HEIGHT), altText: view.author });
    return;
  }
  slide.addText(view.author, {
    ...box(x, y - 2, 400, 24),
    fontFace: theme.fonts.sans,
    fontSize: 18,
    bold: true,
    color: theme.colors.onNavy,
    margin: 0,
    valign: "middle",
  });
}

/** "Prepared for Acme Corp, Attn: Jane Doe", set small on the dark ground. */
export function addProspect(
  slide: Slide,
  ctx: DeckContext,
  place: { x: number; y: number; w: number; align: "left" | "right" },
): void {
  const { prospect } = ctx.view;
  if (!prospect) return;
  const { colors, fonts } = ctx.theme;
  slide.addText(
    [
      {
        text: "PREPARED FOR",
        options: {
          fontSize: 8,
          bold: true,
          charSpacing: 1,
          color: colors.onNavyMuted,
          breakLine: true,
        },
      },
      {
        text: prospect.company,
        options: { fontSize: 14, bold: true, color: colors.onNavy, breakLine: !!prospect.contact },
      },
      ...(prospect.contact
        ? [
            {
              text: `Attn: ${prospect.contact}`,
              options: { fontSize: 10, color: colors.onNavyMuted },
            },
          ]
        : []),
    ],
    {
      ...box(place.x, place.y, place.w, 48),
      fontFace: fonts.sans,
      margin: 0,
      align: place.align,
      valign: "bottom",
    },
  );
}
