// PDF metadata: an incremental update after Chromium's bytes, or a pdf-lib rewrite when the layout is unexpected.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { appendInfo, rewriteInfo, withMetadata } from "../../src/export/metadata.js";
import { pdfInfo } from "./pdf-read.js";

const run = promisify(execFile);
const META = {
  title: "Tïtle “quoted”",
  author: "Mile2",
  subject: "Sub",
  keywords: ["CISSO", "Slide deck"],
};
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A small classic-xref PDF like Chromium's (pdf-lib without object streams). */
async function classicPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  doc.setTitle("old");
  return doc.save({ useObjectStreams: false });
}

async function save(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-meta-"));
  dirs.push(dir);
  const file = path.join(dir, "x.pdf");
  await writeFile(file, bytes);
  return file;
}

describe("metadata", () => {
  it("appends a new Info dictionary, keeping every original byte", async () => {
    const original = await classicPdf(3);
    const result = appendInfo(original, META)!;
    expect(result.pages).toBe(3);
    expect(Buffer.from(result.pdf.subarray(0, original.length)).equals(Buffer.from(original))).toBe(
      true,
    );
    const file = await save(result.pdf);
    const info = await pdfInfo(file);
    expect(info.Title).toBe("Tïtle “quoted”");
    expect(info.Keywords).toBe("CISSO, Slide deck");
    expect(info.Creator).toBe("collateral");
    await expect(run("qpdf", ["--check", file])).resolves.toBeDefined();
  });

  it("falls back to a pdf-lib rewrite for cross-reference streams", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const streams = await doc.save({ useObjectStreams: true });
    expect(appendInfo(streams, META)).toBeNull();
    const result = await withMetadata(streams, META);
    expect(result.pages).toBe(1);
    expect((await pdfInfo(await save(result.pdf))).Author).toBe("Mile2");
    expect((await rewriteInfo(streams, META)).pages).toBe(1);
  });
});
