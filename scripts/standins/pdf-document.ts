// A deterministic PDFKit document for a stand-in: fixed dates and metadata, Letter pages with running header and footer.
import PDFDocument from "pdfkit";
import { Column, type Theme, type Typesetting } from "./column.js";
import { registerFonts } from "./fonts.js";

/** Every stand-in carries this date, so re-running the script reproduces the same bytes. */
export const STANDIN_DATE = new Date(Date.UTC(2026, 10, 24, 12, 0, 0));

export const PAGE = { width: 612, height: 792, margin: 56, top: 78, bottom: 738, gutter: 22 };

export interface StandinInfo {
  title: string;
  author: string;
  /** What the file stands in for, e.g. "the Mile2 CISSO Exam Blueprint Outline (URL)". */
  standsInFor: string;
  keywords: string;
}

export interface RunningText {
  headerLeft: string;
  headerRight: string;
  footerLeft: string;
}

export interface StandinPdf {
  ts: Typesetting;
  /** Resolves to the finished file once `doc.end()` has been called. */
  bytes: Promise<Buffer>;
}

export function createStandinPdf(info: StandinInfo, theme: Theme): StandinPdf {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    autoFirstPage: false,
    compress: true,
    displayTitle: true,
    lang: "en-US",
    info: {
      Title: info.title,
      Author: info.author,
      Subject: `STAND-IN for ${info.standsInFor}: replace with the official file`,
      Keywords: info.keywords,
      Creator: "collateral make-standins",
      Producer: "PDFKit",
      CreationDate: STANDIN_DATE,
      ModDate: STANDIN_DATE,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { ts: { doc, fonts: registerFonts(doc), theme, trace: [] }, bytes };
}

/** Adds an inner page with its running header and footer ("Page n of total"). */
export function addInnerPage(ts: Typesetting, running: RunningText, page: number, total: number) {
  const { doc, fonts, theme } = ts;
  doc.addPage({ size: "LETTER", margin: 0 });
  const { width, margin } = PAGE;
  doc.font(fonts.sansSemi).fontSize(7.5).fillColor(theme.muted);
  doc.text(running.headerLeft, margin, 40, { lineBreak: false });
  const right = running.headerRight;
  doc.text(right, width - margin - doc.widthOfString(right), 40, { lineBreak: false });
  doc
    .save()
    .moveTo(margin, 54)
    .lineTo(width - margin, 54)
    .lineWidth(0.5)
    .stroke(theme.rule)
    .restore();
  return {
    full: (y: number = PAGE.top) => new Column(ts, margin, y, width - 2 * margin, PAGE.bottom),
    columns: (y: number = PAGE.top): [Column, Column] => {
      const w = (width - 2 * margin - PAGE.gutter) / 2;
      return [
        new Column(ts, margin, y, w, PAGE.bottom),
        new Column(ts, margin + w + PAGE.gutter, y, w, PAGE.bottom),
      ];
    },
    /** Draws the footer: call it after the body, where a real layout program writes it too. */
    footer: () => {
      doc
        .save()
        .moveTo(margin, 748)
        .lineTo(width - margin, 748)
        .lineWidth(0.5)
        .stroke(theme.rule)
        .restore();
      doc.font(fonts.sans).fontSize(7.5).fillColor(theme.muted);
      doc.text(running.footerLeft, margin, 756, { lineBreak: false });
      const label = `Page ${page} of ${total}`;
      doc.text(label, width - margin - doc.widthOfString(label), 756, { lineBreak: false });
    },
  };
}

/**
 * Finishes the document. A planned line-end break that did not happen means the wording needs
 * retuning: an error with the project's fonts, only a warning with the standard-font fallback.
 */
export function finish(pdf: StandinPdf, breaks: Array<[string, string]>): Promise<Buffer> {
  const { trace, fonts } = pdf.ts;
  for (const [end, start] of breaks) {
    if (trace.some((line, n) => line.endsWith(end) && trace[n + 1]?.startsWith(start))) continue;
    const stem = end.replace(/-$/, "");
    const near = trace.filter((line) => line.includes(stem)).join(" | ");
    const message = `planned line break "${end}" / "${start}" did not happen (lines: ${near})`;
    if (fonts.embedded) throw new Error(message);
    console.warn(`make-standins: ${message}`);
  }
  pdf.ts.doc.end();
  return pdf.bytes;
}
