// Test helper: PDFs drawn piece by piece at given places (pdfkit), in the order given: the order a content stream has.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { readPdfPages } from "../../../../src/ingest/cited/parse.js";
import type { Aside } from "../../../../src/model/index.js";

/** One piece of text: drawn at (x, y) (points from the top left, y the top of the text), in the stream's order. */
export interface Piece {
  text: string;
  x: number;
  y: number;
  size?: number;
  /** Degrees, counter-clockwise about (x, y): a margin stamp runs up the page at 90. */
  rotate?: number;
  /** An embedded font file (for characters the standard Helvetica cannot encode); Helvetica otherwise. */
  font?: string;
  /** x is measured from where the previous piece ended, as text that continues it is drawn. */
  follow?: boolean;
}

export const SERIF = path.resolve(
  import.meta.dirname,
  "../../../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff",
);

const FIXED = new Date(Date.UTC(2026, 0, 1));

export function drawPdf(pages: Piece[][], size: [number, number] = [612, 792]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size,
      margin: 0,
      autoFirstPage: false,
      info: { CreationDate: FIXED },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (const pieces of pages) {
      doc.addPage();
      let end = 0;
      for (const piece of pieces) {
        doc.font(piece.font ?? "Helvetica").fontSize(piece.size ?? 10);
        const x = piece.follow ? end + piece.x : piece.x;
        if (piece.rotate) doc.save().rotate(-piece.rotate, { origin: [x, piece.y] });
        doc.text(piece.text, x, piece.y, { lineBreak: false });
        if (piece.rotate) doc.restore();
        end = x + doc.widthOfString(piece.text);
      }
    }
    doc.end();
  });
}

let measurer: InstanceType<typeof PDFDocument> | null = null;

/** The width (points) pdfkit gives the text in Helvetica (or the font) at this size. */
export function measure(text: string, size = 10, font = "Helvetica"): number {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  return measurer.font(font).fontSize(size).widthOfString(text);
}

/** A line justified to `width`: each word its own piece, the spaces stretched alike to fill it. */
export function justified(line: string, x: number, y: number, width: number, size = 10): Piece[] {
  const words = line.split(" ");
  const widths = words.map((w) => measure(w, size));
  const total = widths.reduce((a, b) => a + b, 0);
  const gap = words.length < 2 ? 0 : (width - total) / (words.length - 1);
  let at = x;
  return words.map((text, i) => {
    const piece = { text, x: at, y, size };
    at += widths[i]! + gap;
    return piece;
  });
}

/** Lines of text one under another from (x, y), `leading` apart. */
export function lines(
  texts: readonly string[],
  x: number,
  y: number,
  leading = 12,
  size = 10,
): Piece[] {
  return texts.map((text, i) => ({ text, x, y: y + i * leading, size }));
}

/** Writes the PDF to a temp file, reads it back the way collateral reads a cited PDF, and returns what it read. */
export async function readBack(pdf: Buffer): Promise<{ pages: string[]; asides: Aside[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-layout-"));
  try {
    const file = path.join(dir, "cited.pdf");
    await writeFile(file, pdf);
    const result = await readPdfPages(await readFile(file));
    if (!result.ok) throw new Error(`test PDF unreadable: ${result.reason}`);
    return { pages: result.pages, asides: result.asides };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
