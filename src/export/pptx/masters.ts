// The deck's slide masters, defined once from the theme: the navy cover, and content slides with title and footer.
import type { Logo } from "./context.js";
import { box, CHAR_EM, FOOTER_TOP, PAD, SLIDE } from "./layout.js";
import type { MasterObjects, Presentation, Slide, SlideNumberProps } from "./pptxgen.js";
import type { DeckTheme } from "./theme.js";

export const MASTER = {
  cover: "Collateral cover",
  claim: "Collateral claim",
  section: "Collateral section",
};

/** The claim number's column: the slide title starts after it, as in the PDF. */
export const NUMBER_WIDTH = 44;
/** Title placeholders hold two lines of the 34pt title; a longer title is set smaller. */
export const TITLE = { size: 34, leading: 1.12, lines: 2 };
/** Section slides (comparison, sources) carry a small label above their title. */
export const EYEBROW_HEIGHT = 22;

/** The two rings of the PDF's cover and closing slides, as native outline shapes (a master cannot hold ellipses). */
export function addRings(slide: Slide, theme: DeckTheme): void {
  const ring = (x: number, y: number, size: number, color: string, transparency: number) =>
    slide.addShape("ellipse", {
      ...box(x, y, size, size),
      fill: { type: "none" },
      line: { color, width: 1.5, transparency },
    });
  ring(SLIDE.width - 380, -90, 520, theme.colors.onNavy, 92);
  ring(SLIDE.width - 290, 0, 340, theme.colors.amber, 70);
}

/** A draft (build --draft) says so on every content slide, as the PDF's DRAFT mark does on every page. */
function draftMark(theme: DeckTheme): MasterObjects {
  return [
    {
      text: {
        text: "DRAFT — NOT FOR DISTRIBUTION",
        options: {
          ...box(SLIDE.width / 2 - 150, FOOTER_TOP + 5, 300, 14),
          fontFace: theme.fonts.sans,
          fontSize: 8.5,
          bold: true,
          charSpacing: 1,
          color: theme.colors.danger,
          align: "center",
          margin: 0,
          valign: "top",
        },
      },
    },
  ];
}

/** The PDF footer's brand: the paper logo 12pt high, or the author as a 9pt wordmark; then a rule, 12pt each side. */
const FOOTER_LOGO_HEIGHT = 12;
const FOOTER_GAP = 12;

/** The brand at the footer's start and the rule after it, as the PDF's content slides show them; and its width. */
function footerBrand(
  theme: DeckTheme,
  brand: FooterBrand,
): { objects: MasterObjects; width: number } {
  const { colors, fonts } = theme;
  const top = FOOTER_TOP + 5;
  const width = brand.logo
    ? (brand.logo.width / brand.logo.height) * FOOTER_LOGO_HEIGHT
    : brand.author.length * 9 * CHAR_EM.bold + 2;
  const mark: MasterObjects[number] = brand.logo
    ? {
        image: {
          data: brand.logo.data,
          ...box(PAD.side, top - 1, width, FOOTER_LOGO_HEIGHT),
          altText: brand.author,
        },
      }
    : {
        text: {
          text: brand.author,
          options: {
            ...box(PAD.side, top - 1, width + 20, 14),
            fontFace: fonts.sans,
            fontSize: 9,
            bold: true,
            color: colors.navy,
            margin: 0,
            valign: "top",
          },
        },
      };
  const rule = {
    line: {
      ...box(PAD.side + width + FOOTER_GAP, top - 1, 0, 12),
      line: { color: colors.rule, width: 0.75 },
    },
  };
  return { objects: [mark, rule], width: width + 2 * FOOTER_GAP };
}

export interface FooterBrand {
  logo: Logo | null;
  author: string;
}

export function defineMasters(
  pptx: Presentation,
  theme: DeckTheme,
  deckTitle: string,
  draft = false,
  brand: FooterBrand | null = null,
): void {
  const { colors, fonts } = theme;
  const mark = brand ? footerBrand(theme, brand) : { objects: [], width: 0 };
  pptx.defineSlideMaster({
    title: MASTER.cover,
    background: { color: colors.navy },
  });
  const footer: MasterObjects = [
    {
      line: {
        ...box(PAD.side, FOOTER_TOP, SLIDE.width - 2 * PAD.side, 0),
        line: { color: colors.rule, width: 0.75 },
      },
    },
    ...mark.objects,
    {
      text: {
        text: deckTitle,
        options: {
          ...box(PAD.side + mark.width, FOOTER_TOP + 5, 700 - mark.width, 14),
          fontFace: fonts.sans,
          fontSize: 8.5,
          color: colors.muted,
          margin: 0,
          valign: "top",
        },
      },
    },
    ...(draft ? draftMark(theme) : []),
  ];
  const slideNumber: SlideNumberProps = {
    ...box(SLIDE.width - PAD.side - 60, FOOTER_TOP + 5, 60, 14),
    fontFace: fonts.sans,
    fontSize: 8.5,
    bold: true,
    color: colors.navy,
    align: "right",
    margin: 0,
    valign: "top",
  };
  const title = (x: number, y: number): MasterObjects => [
    {
      placeholder: {
        options: {
          name: "title",
          type: "title",
          ...box(x, y, SLIDE.width - PAD.side - x, TITLE.size * TITLE.leading * TITLE.lines + 4),
          fontFace: fonts.sans,
          fontSize: TITLE.size,
          bold: true,
          color: colors.navy,
          align: "left",
          valign: "top",
          margin: 0,
        },
        text: "",
      },
    },
  ];
  pptx.defineSlideMaster({
    title: MASTER.claim,
    background: { color: colors.paper },
    objects: [...footer, ...title(PAD.side + NUMBER_WIDTH, PAD.top)],
    slideNumber,
  });
  pptx.defineSlideMaster({
    title: MASTER.section,
    background: { color: colors.paper },
    objects: [...footer, ...title(PAD.side, PAD.top + EYEBROW_HEIGHT)],
    slideNumber,
  });
}
