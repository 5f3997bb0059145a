// A claim slide: number and title, the points in one bulleted text box, the quote or comparison card beside them.
import type { ClaimView } from "../../../render/claim-view.js";
import type { DeckContext } from "../context.js";
import { box, CONTENT_WIDTH, FOOTER_TOP, fitScale, PAD, textHeight } from "../layout.js";
import { MASTER } from "../masters.js";
import { POINT_BULLET } from "../ooxml.js";
import type { TextRun } from "../pptxgen.js";
import { type Area, addCompareCard, addQuoteCard } from "./aside.js";
import { claimHeader } from "./header.js";

/** The PDF's grid: points 1.15fr, the card 1fr, 44pt apart; without a card the points run 760pt wide, larger. */
const GAP = 44;
const BULLET_INDENT = 26;

export function addClaimSlide(ctx: DeckContext, claim: ClaimView, notes: string): void {
  const { pptx, theme } = ctx;
  const slide = pptx.addSlide({ masterName: MASTER.claim });
  const top = claimHeader(slide, ctx, claim.number, claim.title);
  const body: Area = { x: PAD.side, y: top, w: CONTENT_WIDTH, h: FOOTER_TOP - 15 - 10 - top };
  const aside = claim.pullQuote ? "quote" : claim.comparison ? "compare" : null;
  const pointsWidth = aside ? ((CONTENT_WIDTH - GAP) * 1.15) / 2.15 : 760;
  const base = aside ? 20 : 22.4;
  const heightAt = (scale: number) =>
    textHeight(claim.points, base * scale, pointsWidth - BULLET_INDENT, {
      leading: 1.38,
      gap: 16 * scale,
    });
  const scale = fitScale((s) => heightAt(s) <= body.h);
  if (claim.points.length) {
    const runs: TextRun[] = claim.points.map((point, i) => ({
      text: point,
      options: {
        bullet: { characterCode: POINT_BULLET, indent: BULLET_INDENT },
        paraSpaceAfter: i < claim.points.length - 1 ? 16 * scale : 0,
        breakLine: i < claim.points.length - 1,
      },
    }));
    const h = Math.min(body.h, heightAt(scale) + 8);
    slide.addText(runs, {
      ...box(body.x, body.y + (body.h - h) / 2, pointsWidth, h),
      fontFace: theme.fonts.sans,
      fontSize: base * scale,
      color: theme.colors.ink,
      lineSpacingMultiple: 1.15,
      margin: 0,
      valign: "middle",
      fit: "shrink",
    });
  }
  const card: Area = {
    ...body,
    x: body.x + pointsWidth + GAP,
    w: CONTENT_WIDTH - pointsWidth - GAP,
  };
  if (aside === "quote") addQuoteCard(slide, ctx, claim, card, scale);
  if (aside === "compare") addCompareCard(slide, ctx, claim, card, scale);
  slide.addNotes(notes);
}
