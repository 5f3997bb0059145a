// Hostile cited documents are read within their bounds: a clear reason, the reader killed, collateral's own thread free.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_READ_LIMITS,
  parseCitedBytes,
  type ReadLimits,
} from "../../../../src/ingest/cited/index.js";
import { formFanOut, inflating, manyPages } from "./pdfs.js";

/** Reads the bytes as collateral does, counting how often a 50 ms timer fired meanwhile (its thread stays free). */
async function read(bytes: Buffer, file: string, limits: Partial<ReadLimits> = {}) {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, 50);
  try {
    const parsed = await parseCitedBytes(new Uint8Array(bytes), file, {
      ...DEFAULT_READ_LIMITS,
      ...limits,
    });
    return { parsed, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe("hostile cited documents", () => {
  it("stops reading a PDF whose forms draw each other 2^30 times at its time limit, the event loop free meanwhile", async () => {
    const pdf = formFanOut(30);
    expect(pdf.length).toBeLessThan(20_000);
    const { parsed, ticks } = await read(pdf, "fanout.pdf", { seconds: 2 });
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/took longer than 2 s/),
    });
    expect(ticks).toBeGreaterThan(10);
  });

  it("refuses a PDF of 50,000 pages at its page limit", async () => {
    const { parsed } = await read(manyPages(50_000), "pages.pdf");
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/50,000 pages, more than the limit of 2,000/),
    });
  });

  it("stops a PDF whose content inflates past its memory limit", async () => {
    const pdf = inflating(400);
    expect(pdf.length).toBeLessThan(1_000_000);
    const { parsed } = await read(pdf, "inflating.pdf", { memoryMegabytes: 200, seconds: 60 });
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than 200 MB of memory/),
    });
  });

  it("refuses a saved page nested a million elements deep at its depth limit", async () => {
    const page = Buffer.from(`<html><body>${"<div>".repeat(1_000_000)}deep</body></html>`);
    const { parsed } = await read(page, "deep.html");
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nest more than 1,000 deep/),
    });
  });

  it("refuses a file larger than its size limit before reading it", async () => {
    const page = Buffer.from(`<html><body><p>${"words ".repeat(400_000)}</p></body></html>`);
    const { parsed } = await read(page, "huge.html", { fileMegabytes: 1 });
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/2\.4 MB, larger than the limit of 1 MB/),
    });
  });

  it("reads the next document normally after a reader was killed", async () => {
    await read(formFanOut(30), "fanout.pdf", { seconds: 1 });
    const { parsed } = await read(manyPages(3), "fine.pdf");
    expect(parsed).toMatchObject({ ok: true });
  });
});
