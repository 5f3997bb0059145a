// The references slide: one numbered paragraph per cited document, its URL a live link.
import type { DeckContext } from "../context.js";
import { box, CONTENT_WIDTH, FOOTER_TOP, fitScale, PAD, textHeight } from "../layout.js";
import { MASTER } from "../masters.js";
import type { TextRun } from "../pptxgen.js";
import { sectionHeader } from "./header.js";

const WIDTH = 780;
const INDENT = 20;

export function addSourcesSlide(ctx: DeckContext, notes: string): void {
  const { pptx, view, theme } = ctx;
  if (!view.references.length) return;
  const { colors, fonts } = theme;
  const slide = pptx.addSlide({ masterName: MASTER.section });
  const top = sectionHeader(slide, ctx, "Sources", "References");
  const room = FOOTER_TOP - 15 - top;
  const texts = view.references.map(
    (r) => `${r.text}. ${r.url}${r.accessed ? ` (accessed ${r.accessed})` : ""}`,
  );
  const heightAt = (s: number) =>
    textHeight(texts, 12.4 * s, WIDTH - INDENT, { leading: 1.45, gap: 12 * s });
  const scale = fitScale((s) => heightAt(s) <= room);
  const runs: TextRun[] = view.references.flatMap((ref, i) => {
    const last = i === view.references.length - 1;
    const lead = [ref.publisher, ref.pages].filter(Boolean).join(", ");
    const paragraph: TextRun[] = [
      {
        text: ref.title,
        options: {
          bold: true,
          color: colors.ink,
          bullet: { type: "number", numberType: "arabicPlain", indent: INDENT },
          paraSpaceAfter: last ? 0 : 12 * scale,
        },
      },
      { text: `${lead ? `, ${lead}` : ""}. `, options: { color: colors.ink2 } },
      {
        text: ref.url,
        options: { color: colors.tealInk, ...(ref.href && { hyperlink: { url: ref.href } }) },
      },
    ];
    if (ref.accessed)
      paragraph.push({ text: ` (accessed ${ref.accessed})`, options: { color: colors.muted } });
    paragraph.at(-1)!.options = { ...paragraph.at(-1)!.options, breakLine: !last };
    return paragraph;
  });
  slide.addText(runs, {
    ...box(PAD.side, top, Math.min(WIDTH, CONTENT_WIDTH), Math.min(room, heightAt(scale) + 8)),
    fontFace: fonts.sans,
    fontSize: 12.4 * scale,
    lineSpacingMultiple: 1.2,
    margin: 0,
    valign: "top",
    fit: "shrink",
  });
  slide.addNotes(notes);
}
