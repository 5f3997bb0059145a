// A claim slide: number and title, the points in one bulleted text box, the quote or comparison card beside them.
import type { ClaimView } from "../../../render/claim-view.js";
import { codeRuns, withoutBackticks } from "../code-runs.js";
import type { DeckContext } from "../context.js";
import { box, CONTENT_WIDTH, FOOTER_TOP, fitScale, PAD, textHeight } from "../layout.js";
import { MASTER } from "../masters.js";
import { POINT_BULLET } from "../ooxml.js";
import type { TextOptions, TextRun } from "../pptxgen.js";
import { type Area, addCompareCard, addQuoteCard } from "./aside.js";
import { claimHeader } from "./header.js";

/** The PDF's grid: points 1.15fr, the card 1fr, 44pt apart; without a card the points run 760pt wide, larger. */
const GAP = 44;
const BULLET_INDENT = 26;
/** The PDF's lone card (`.no-points`): 640pt wide, centred; its quote set 1.45em where a card beside points has 1.15. */
export const ALONE_WIDTH = 640;

export function addClaimSlide(ctx: DeckContext, claim: ClaimView, notes: string): void {
  const { pptx, theme } = ctx;
  const slide = pptx.addSlide({ masterName: MASTER.claim });
  const top = claimHeader(slide, ctx, claim.number, claim.title);
  const body: Area = { x: PAD.side, y: top, w: CONTENT_WIDTH, h: FOOTER_TOP - 15 - 10 - top };
  const aside = claim.pullQuote ? "quote" : claim.comparison ? "compare" : null;
  const pointsWidth = aside ? ((CONTENT_WIDTH - GAP) * 1.15) / 2.15 : 760;
  const base = aside ? 20 : 22.4;
  const plain = claim.points.map(withoutBackticks);
  const heightAt = (scale: number) =>
    textHeight(plain, base * scale, pointsWidth - BULLET_INDENT, {
      leading: 1.38,
      gap: 16 * scale,
    });
  const scale = fitScale((s) => heightAt(s) <= body.h);
  if (claim.points.length) {
    // An ordered list's items keep their numbers (PowerPoint writes "3." where the source did).
    const bullet: TextOptions["bullet"] =
      claim.pointsStart === null
        ? { characterCode: POINT_BULLET, indent: BULLET_INDENT }
        : {
            type: "number",
            numberType: "arabicPeriod",
            indent: BULLET_INDENT,
            numberStartAt: claim.pointsStart,
          };
    const runs: TextRun[] = claim.points.flatMap((point, i) => {
      const last = i === claim.points.length - 1;
      const [first, ...rest] = codeRuns(
        point,
        { paraSpaceAfter: last ? 0 : 16 * scale, breakLine: !last },
        theme.fonts.mono,
      );
      return [{ ...first, options: { ...first!.options, bullet } }, ...rest];
    });
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
  // Without points the card sits alone, centred and wider, as the PDF's does.
  const card: Area = claim.points.length
    ? { ...body, x: body.x + pointsWidth + GAP, w: CONTENT_WIDTH - pointsWidth - GAP }
    : { ...body, x: body.x + (CONTENT_WIDTH - ALONE_WIDTH) / 2, w: ALONE_WIDTH };
  if (aside === "quote") addQuoteCard(slide, ctx, claim, card, scale, claim.points.length === 0);
  if (aside === "compare") addCompareCard(slide, ctx, claim, card, scale);
  slide.addNotes(notes);
}
