// The reader processes: a long document, several documents at once, pages in order, a broken file.
import { describe, expect, it } from "vitest";

const SPLIT_PAGES = 12;

import { readPdfPages } from "../../../src/ingest/cited/parse.js";
import { makePdf } from "./pdf-fixture.js";

const pageText = (doc: string, n: number) =>
  `Document ${doc} says on page ${n} that reading order holds.`;

async function pdfOf(doc: string, pages: number): Promise<Uint8Array> {
  return new Uint8Array(
    await makePdf(Array.from({ length: pages }, (_, i) => pageText(doc, i + 1))),
  );
}

describe("reading PDFs in reader processes", () => {
  it("reads a long document, every page in its place", async () => {
    const pages = SPLIT_PAGES * 3 + 1;
    const read = await readPdfPages(await pdfOf("A", pages));
    if (!read.ok) throw new Error(read.reason);
    expect(read.pages).toHaveLength(pages);
    read.pages.forEach((text, i) => {
      expect(text).toContain(pageText("A", i + 1));
    });
  });

  it("reads several documents at once, each its own text", async () => {
    const docs = ["B", "C", "D", "E"];
    const reads = await Promise.all(
      docs.map(async (doc, k) => readPdfPages(await pdfOf(doc, 3 + k * SPLIT_PAGES))),
    );
    reads.forEach((read, k) => {
      if (!read.ok) throw new Error(read.reason);
      expect(read.pages).toHaveLength(3 + k * SPLIT_PAGES);
      expect(read.pages.at(-1)).toContain(pageText(docs[k]!, read.pages.length));
    });
  });

  it("says why a file pdf.js cannot open is unreadable, and goes on reading the next", async () => {
    const broken = new Uint8Array(Buffer.from("%PDF-1.4\nnot really a pdf\n%%EOF\n"));
    const read = await readPdfPages(broken);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/PDF/);
    const next = await readPdfPages(await pdfOf("F", 2));
    expect(next.ok).toBe(true);
  });
});
