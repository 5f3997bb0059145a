// The comparison slide: the rows as a native table (aspect, product, competitor), the product's column tinted.
import { codeRuns, withoutBackticks } from "../code-runs.js";
import type { DeckContext } from "../context.js";
import { box, CHAR_EM, CONTENT_WIDTH, FOOTER_TOP, fitScale, lineCount, PAD } from "../layout.js";
import { MASTER } from "../masters.js";
import type { TableRow } from "../pptxgen.js";
import { sectionHeader } from "./header.js";

/** Column widths of the PDF's table (its first column 24%). */
const COLUMNS = [0.24, 0.315, 0.445].map((f) => f * CONTENT_WIDTH);
const PAD_CELL = { x: 12, y: 8 };

export function addCompareSlide(ctx: DeckContext, notes: string): void {
  const { pptx, view, theme } = ctx;
  const comparison = view.comparison;
  if (!comparison) return;
  const { colors, fonts } = theme;
  const slide = pptx.addSlide({ masterName: MASTER.section });
  const top = sectionHeader(
    slide,
    ctx,
    "At a glance",
    `${comparison.product} vs ${comparison.competitor}`,
  );
  const room = FOOTER_TOP - 15 - top;
  const rowHeight = (cells: string[], size: number) =>
    Math.max(
      ...cells.map((c, i) => lineCount(c, size, COLUMNS[i]! - 2 * PAD_CELL.x, CHAR_EM.sans)),
    ) *
      size *
      1.4 +
    2 * PAD_CELL.y;
  const heightAt = (scale: number) =>
    8 * 1.4 +
    2 * PAD_CELL.y +
    comparison.rows.reduce(
      (sum, r) =>
        sum + rowHeight([r.aspect, r.product, r.competitor].map(withoutBackticks), 12.4 * scale),
      0,
    );
  const scale = fitScale((s) => heightAt(s) <= room);
  const size = 12.4 * scale;
  const rule = { type: "solid" as const, pt: 0.75, color: colors.rule };
  const none = { type: "none" as const };
  const head = { type: "solid" as const, pt: 1.5, color: colors.navy };
  const headCell = (text: string, product: boolean) => ({
    text: text.toUpperCase(),
    options: {
      fontSize: 8,
      bold: true,
      charSpacing: 1,
      color: product ? colors.onNavy : colors.muted,
      ...(product && { fill: { color: colors.navy } }),
      border: [none, none, head, none] as [typeof none, typeof none, typeof head, typeof none],
    },
  });
  const rows: TableRow[] = [
    [
      headCell("", false),
      headCell(comparison.product, true),
      headCell(comparison.competitor, false),
    ],
    ...comparison.rows.map(
      (row) =>
        [
          {
            text: codeRuns(row.aspect, {}, fonts.mono),
            options: { bold: true, color: colors.navy, border: [none, none, rule, none] },
          },
          {
            text: codeRuns(row.product, {}, fonts.mono),
            options: {
              color: colors.ink,
              fill: { color: colors.tealSoft },
              border: [none, none, rule, none],
            },
          },
          {
            text: codeRuns(row.competitor, {}, fonts.mono),
            options: { color: colors.ink2, border: [none, none, rule, none] },
          },
        ] as TableRow,
    ),
  ];
  slide.addTable(rows, {
    ...box(PAD.side, top, CONTENT_WIDTH, heightAt(scale)),
    colW: COLUMNS.map((w) => w / 72),
    fontFace: fonts.sans,
    fontSize: size,
    valign: "top",
    margin: [PAD_CELL.y, PAD_CELL.x, PAD_CELL.y, PAD_CELL.x],
    autoPage: false,
  });
  slide.addNotes(notes);
}
