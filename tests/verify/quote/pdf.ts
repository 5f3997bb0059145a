// Real PDFs for the matcher's tests: drawn with pdfkit into a temp dir, read back with readPdfPages.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { readPdfPages } from "../../../src/ingest/cited/parse.js";
import type { Aside } from "../../../src/model/index.js";

export interface PdfPage {
  /** Lines drawn one per line from the top of the body, never re-wrapped (line-end hyphens stay). */
  body?: string[];
  /** Lines drawn at the foot of the body, so a sentence can end the page. */
  tail?: string[];
  /** Text that pdfkit flows through two columns of COLUMN_LINES lines each. */
  columns?: string;
}

export interface PdfOptions {
  /** Running header and footer; "{n}" is the page number, "{total}" the page count. */
  header?: string;
  footer?: string;
  /** Draw the footer before the body, as some producers do (text order ≠ reading order). */
  footerFirst?: boolean;
  /** A font file to embed (for ligatures); the standard Helvetica otherwise. */
  font?: string;
}

const LINE = 16;
/** Lines one column holds (11 pt Helvetica); text longer than this must flow into the second column. */
export const COLUMN_LINES = 10;

type Doc = InstanceType<typeof PDFDocument>;

function draw(pages: PdfPage[], options: PdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    pages.forEach((page, i) => {
      doc.addPage();
      if (options.font) doc.font(options.font);
      drawPage(doc, page, options, (s) =>
        s.replaceAll("{n}", String(i + 1)).replaceAll("{total}", String(pages.length)),
      );
    });
    doc.end();
  });
}

function drawPage(doc: Doc, page: PdfPage, options: PdfOptions, fill: (s: string) => string) {
  const runningLine = (text: string | undefined, y: number) => {
    if (text) doc.fontSize(9).text(fill(text), 50, y, { lineBreak: false });
  };
  runningLine(options.header, 30);
  if (options.footerFirst) runningLine(options.footer, 790);
  doc.fontSize(11);
  const body = page.body ?? [];
  for (const [k, line] of body.entries()) doc.text(line, 50, 80 + k * LINE, { lineBreak: false });
  if (page.columns) {
    const height = COLUMN_LINES * doc.currentLineHeight(true) + 1;
    doc.text(page.columns, 50, 80, { columns: 2, columnGap: 24, width: 495, height });
  }
  const tail = page.tail ?? [];
  for (const [k, line] of tail.entries()) {
    doc.text(line, 50, 740 - (tail.length - k) * LINE, { lineBreak: false });
  }
  if (!options.footerFirst) runningLine(options.footer, 790);
}

/** Draws the pages into a PDF file in a fresh temp dir, reads the file back, and returns its running text and asides. */
export async function pdfText(
  pages: PdfPage[],
  options: PdfOptions = {},
): Promise<{ pages: string[]; asides: Aside[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-quote-"));
  try {
    const file = path.join(dir, "cited.pdf");
    await writeFile(file, await draw(pages, options));
    const result = await readPdfPages(await readFile(file));
    if (!result.ok) throw new Error(`test PDF unreadable: ${result.reason}`);
    return { pages: result.pages, asides: result.asides };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The running text of each page of the drawn PDF. */
export async function pdfPages(pages: PdfPage[], options: PdfOptions = {}): Promise<string[]> {
  return (await pdfText(pages, options)).pages;
}
