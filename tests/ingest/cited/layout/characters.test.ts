// Characters pdf.js hands over as drawn, not as read: soft hyphens it drops, accents drawn apart, text drawn twice.
import { describe, expect, it } from "vitest";
import { drawPdf, justified, measure, SERIF } from "./draw.js";
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
      // Character by character: a Tj string is drawn unkerned, and pdfkit's measure kerns.
      const natural = [...line.replace("\xad", "-")].reduce((w, c) => w + measure(c, 11), 0);
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

  it("nor a line of a justified paragraph broken by hand, further short than a hyphen", async () => {
    // A manual line break in a justified paragraph: the line is set as it is and ends anywhere.
    const paragraph = [
      "The gateway keeps every session encrypted with keys that are",
      "rotated daily, and an operator can inspect the traffic only",
      "when the device has been placed by its owner in",
      "secure maintenance mode by two administrators at once.",
    ];
    const W = 300;
    const pieces = paragraph.flatMap((line, i) =>
      i === 3
        ? [{ text: line, x: 60, y: 100 + i * 12 }]
        : justified(line, 60, 100 + i * 12, i === 2 ? W - 4.5 : W),
    );
    const doc = await readPrepared(await drawPdf([pieces]));
    expect(pagesOf("placed by its owner in secure maintenance mode", doc)).toEqual([1]);
    expect(pagesOf("placed by its owner insecure maintenance mode", doc)).toBeNull();
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

describe("a right-to-left line with a left-to-right clause in it", () => {
  // Hebrew letters at codes 0xC0… (their glyph names), each word drawn as its own piece, right to left;
  // the English clause drawn word by word, left to right, amid them, each word a piece of its own.
  const hebrew = Array.from({ length: 27 }, (_, i) => `/afii${57664 + i}`).join(" ");
  const word = (k: number) =>
    String.fromCharCode(...Array.from({ length: 4 }, (_, i) => 0xc0 + ((k * 5 + i * 3) % 27)));
  const drawn = [word(4), "Windows", "replaces", "Linux", word(3), word(2), word(1)];
  let x = 60;
  const ops = drawn.map((text) => {
    const op = `BT /F1 10 Tf ${x} 700 Td (${text}) Tj ET`;
    x += (/^[a-z]+$/iu.test(text) ? measure(text) : text.length * 6.7) + 7;
    return op;
  });

  it("puts spaces between its words and reads the clause left to right", async () => {
    const doc = await readPrepared(rawPdf([ops.join("\n")], { differences: `192 ${hebrew}` }));
    expect(pagesOf("Windows replaces Linux", doc)).toEqual([1]);
    expect(pagesOf("Linux replaces Windows", doc)).toBeNull();
  });
});
