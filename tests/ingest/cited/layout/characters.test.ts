// Characters pdf.js hands over as drawn, not as read: soft hyphens it drops, accents drawn apart, text drawn twice.
import { describe, expect, it } from "vitest";
import { drawPdf, measure, SERIF } from "./draw.js";
import { pagesOf, readPrepared } from "./helpers.js";
import { rawPdf, textLines } from "./raw-pdf.js";

describe("a justified paragraph whose line-end hyphens are soft hyphens (U+00AD)", () => {
  // As LaTeX tags them: a hyphen is drawn, but its text is U+00AD, which pdf.js drops as invisible.
  const paragraph = [
    "An example document showing automatic tagging of",
    "typical structures found in a document, in\xad",
    "cluding titles, sections, theorems and lists. The",
    "tagging enables the reading order to correctly fol\xad",
    "low the flow of text through the columns.",
  ];
  const width = 11 * 0.5 * 50; // justify every line but the last to one width, as TeX does

  function pdf(): Buffer {
    const y0 = 700;
    const ops = paragraph.map((line, i) => {
      const last = i === paragraph.length - 1;
      const words = line.split(" ");
      // Tw spreads the spaces so that the line, its hyphen drawn, ends at the margin.
      const natural = measure(line.replace("\xad", "-"), 11);
      const spacing = last ? 0 : (width - natural) / (words.length - 1);
      return `BT /F1 11 Tf ${spacing.toFixed(3)} Tw 72 ${y0 - i * 13} Td (${line}) Tj ET`;
    });
    return rawPdf([ops.join("\n")]);
  }

  it("reads the broken words whole again", async () => {
    const doc = await readPrepared(pdf());
    expect(pagesOf("found in a document, including titles, sections", doc)).toEqual([1]);
    expect(pagesOf("to correctly follow the flow of text", doc)).toEqual([1]);
    expect(pagesOf("a document, in cluding titles", doc)).toBeNull();
  });

  it("never takes a line of ragged text that merely ends short for a broken word", async () => {
    const ragged = rawPdf([
      textLines([
        { text: "Candidates sit the exam in", x: 72, y: 700 },
        { text: "one sitting of two hours, and", x: 72, y: 687 },
        { text: "results come the same day.", x: 72, y: 674 },
      ]),
    ]);
    const doc = await readPrepared(ragged);
    expect(pagesOf("sit the exam in one sitting", doc)).toEqual([1]);
    expect(pagesOf("inone", doc)).toBeNull();
  });
});

describe("old TeX accents, drawn as a spacing mark kerned back over a dotless letter", () => {
  it("reads na¨ıve as naïve, the accent kerned back over the letter drawn after it", async () => {
    const before = measure("a na", 11, SERIF);
    const pdf = await drawPdf([
      [
        { text: "a na", x: 72, y: 100, size: 11, font: SERIF },
        { text: "\u00a8", x: 72 + before, y: 100, size: 11, font: SERIF },
        // The letter is drawn back over the accent, as TeX's \accent does.
        { text: "\u0131ve implementation", x: 72 + before - 1.2, y: 100, size: 11, font: SERIF },
      ],
    ]);
    const doc = await readPrepared(pdf);
    expect(pagesOf("a naïve implementation", doc)).toEqual([1]);
    expect(pagesOf("a naive implementation", doc)).toBeNull();
  });
});

describe("text drawn twice at almost the same place (faux bold)", () => {
  it("reads it once", async () => {
    const pdf = await drawPdf([
      [
        { text: "Exam Information", x: 72, y: 100 },
        { text: "Exam Information", x: 72.3, y: 100 },
        { text: "The exam has 100 questions.", x: 72, y: 116 },
      ],
    ]);
    const doc = await readPrepared(pdf);
    expect(pagesOf("Exam Information", doc)).toEqual([1]);
    expect(pagesOf("Exam Information Exam Information", doc)).toBeNull();
  });
});
