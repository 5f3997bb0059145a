// Raised and lowered text drawn as pieces of its own: an exponent stays one, a footnote mark may be left out.
import { describe, expect, it } from "vitest";
import { drawPdf, type Piece } from "./draw.js";
import { pagesOf, readPrepared } from "./helpers.js";

/** Helvetica's ascent: pdfkit places text by the top of its line, the baseline this far (em) below. */
const ASCENT = 0.718;

/**
 * "text" then a 6.5 pt mark right after it, its baseline `shift` points below the line's (raised when
 * negative), then more text on the line's baseline.
 */
function withMark(before: string, mark: string, after: string, shift = -3.5, y = 100): Piece[] {
  const markTop = y + ASCENT * 10 - ASCENT * 6.5 + shift;
  return [
    { text: before, x: 72, y },
    { text: mark, x: 0.3, y: markTop, size: 6.5, follow: true },
    { text: after, x: 0.3, y, follow: true },
  ];
}

describe("raised and lowered text drawn as pieces of their own", () => {
  it("reads 10 with a raised 2 as 10², never as 102", async () => {
    const doc = await readPrepared(
      await drawPdf([withMark("Storage grows by a factor such as 10", "2", " every decade.")]),
    );
    expect(pagesOf("such as 102 every decade", doc)).toBeNull();
    expect(pagesOf("such as 10 2 every decade", doc)).toBeNull();
    expect(pagesOf("such as 10² every decade", doc)).toEqual([1]);
    expect(pagesOf("such as 10^2 every decade", doc)).toEqual([1]);
  });

  it("keeps a lowered index against its base: CO₂ is not CO2 or CO", async () => {
    const doc = await readPrepared(
      await drawPdf([withMark("Plants take in CO", "2", " all day.", 2)]),
    );
    expect(pagesOf("take in CO₂ all day", doc)).toEqual([1]);
    expect(pagesOf("take in CO all day", doc)).toBeNull();
  });

  it("lets a quote leave out a footnote mark after a word, or type it as copying gives it", async () => {
    const doc = await readPrepared(
      await drawPdf([withMark("The approach was justified", "21", " by the results.")]),
    );
    expect(pagesOf("The approach was justified by the results", doc)).toEqual([1]);
    expect(pagesOf("The approach was justified[21] by the results", doc)).toEqual([1]);
    expect(pagesOf("The approach was justified²¹ by the results", doc)).toEqual([1]);
    expect(pagesOf("The approach was justified 12 by the results", doc)).toBeNull();
  });

  it("reads a footnote whose text begins with its raised mark, the mark apart from the first word", async () => {
    const doc = await readPrepared(
      await drawPdf([
        [
          { text: "Body text of the page sits here.", x: 72, y: 100 },
          { text: "1", x: 72, y: 700, size: 6 },
          { text: "The current rules apply from May.", x: 0.5, y: 702, size: 8, follow: true },
        ],
      ]),
    );
    expect(pagesOf("The current rules apply from May", doc)).toEqual([1]);
    expect(pagesOf("1The current rules", doc)).toBeNull();
  });

  it("reads a raised word as a word of the sentence, never as a mark to leave out", async () => {
    // "not" set 2 pt smaller, top-aligned with the line, so that its baseline sits raised.
    const doc = await readPrepared(
      await drawPdf([withMark("The vendor shall", "not", " be liable for any data loss.", -1.5)]),
    );
    expect(pagesOf("The vendor shall be liable for any data loss", doc)).toBeNull();
    expect(pagesOf("The vendor shall not be liable for any data loss", doc)).toEqual([1]);
  });
});
