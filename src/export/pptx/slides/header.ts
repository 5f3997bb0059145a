// A content slide's head: the claim number or a small label, the title in the master's title placeholder, a rule.
import type { DeckContext } from "../context.js";
import { box, CHAR_EM, CONTENT_WIDTH, lineCount, PAD, SLIDE } from "../layout.js";
import { EYEBROW_HEIGHT, NUMBER_WIDTH, TITLE } from "../masters.js";
import type { Slide } from "../pptxgen.js";

/** A title of more than two lines at 34pt is set smaller so that it stays inside its placeholder. */
function titleSize(title: string, width: number): { size: number; lines: number } {
  for (const size of [TITLE.size, 30, 26, 22]) {
    const lines = lineCount(title, size, width, CHAR_EM.bold);
    if (lines <= TITLE.lines) return { size, lines };
  }
  return { size: 22, lines: TITLE.lines };
}

/** Adds the title and the rule under it; returns where the slide's body starts (pt). */
function titleAndRule(slide: Slide, ctx: DeckContext, title: string, x: number, y: number) {
  const { size, lines } = titleSize(title, SLIDE.width - PAD.side - x);
  slide.addText(title, {
    placeholder: "title",
    fontSize: size,
    align: "left",
    // The PDF's -0.015em tracking.
    charSpacing: -size * 0.015,
  });
  const rule = y + lines * size * TITLE.leading + 16;
  slide.addShape("line", {
    ...box(PAD.side, rule, CONTENT_WIDTH, 0),
    line: { color: ctx.theme.colors.rule, width: 0.75 },
  });
  return rule + 18;
}

export function claimHeader(slide: Slide, ctx: DeckContext, number: string, title: string) {
  slide.addText(number, {
    // Set on the title's first baseline: the number is 22pt beside a 34pt title.
    ...box(PAD.side, PAD.top + 9, NUMBER_WIDTH, 28),
    fontFace: ctx.theme.fonts.sans,
    fontSize: 22,
    bold: true,
    color: ctx.theme.colors.teal,
    margin: 0,
    valign: "top",
  });
  return titleAndRule(slide, ctx, title, PAD.side + NUMBER_WIDTH, PAD.top);
}

export function sectionHeader(slide: Slide, ctx: DeckContext, eyebrow: string, title: string) {
  slide.addText(eyebrow.toUpperCase(), {
    ...box(PAD.side, PAD.top, CONTENT_WIDTH, 14),
    fontFace: ctx.theme.fonts.sans,
    fontSize: 12,
    bold: true,
    charSpacing: 2,
    color: ctx.theme.colors.tealInk,
    margin: 0,
    valign: "top",
  });
  return titleAndRule(slide, ctx, title, PAD.side, PAD.top + EYEBROW_HEIGHT);
}
