// Running headers and footers, stamps and labels: what sits at a page's edges is never read into a sentence across pages.
import { describe, expect, it } from "vitest";
import { drawPdf, lines, type Piece } from "./draw.js";
import { pagesOf, readPrepared } from "./helpers.js";
import { sentences, splice, wrap } from "./text.js";

/** A book's body: lines of prose over `pages` pages, each page's text running on to the next mid-sentence. */
function book(pages: number, perPage = 30) {
  const text = sentences(pages * perPage, 200).join(" ");
  const all = wrap(text, 70);
  return Array.from({ length: pages }, (_, p) => all.slice(p * perPage, (p + 1) * perPage));
}

/** The body's lines from y = 90, 13 pt apart, then `edge(page)` (1-based) drawn before or after the body. */
function bookPdf(body: string[][], edge: (page: number) => Piece[], edgeFirst = false) {
  return drawPdf(
    body.map((pageLines, i) => {
      const text = lines(pageLines, 90, 90, 13);
      return edgeFirst ? [...edge(i + 1), ...text] : [...text, ...edge(i + 1)];
    }),
  );
}

/** Every sentence of the book is found, those that cross a page break on the two pages they are on. */
function expectEverySentence(doc: Awaited<ReturnType<typeof readPrepared>>, body: string[][]) {
  const text = body.flat().join(" ");
  for (const sentence of text.split(/(?<=\.) /)) {
    if (sentence.endsWith(".")) expect(pagesOf(sentence, doc), sentence).not.toBeNull();
  }
}

describe("running headers and footers, found by where they sit", () => {
  it("peels a journal header that says 'No. 152' (a number, not a negation), with its folio", async () => {
    const body = book(4);
    const doc = await readPrepared(
      await bookPdf(body, (n) => [
        { text: `${47698 + n}`, x: 520, y: 40, size: 11 },
        {
          text: "Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules",
          x: 110,
          y: 41,
          size: 9,
        },
      ]),
    );
    expectEverySentence(doc, body);
    const across = `${body[0]!.at(-1)} ${body[1]![0]}`;
    expect(pagesOf(across, doc)).toEqual([1, 2]);
    expect(pagesOf(`${body[0]!.at(-1)} Federal Register`, doc)).toBeNull();
    expect(pagesOf("Vol. 85, No. 152 / Thursday, August 6, 2020", doc)).toEqual([1]);
  });

  it("peels folios that drift against the page numbers, skip, and sit at the foot of alternate pages", async () => {
    const body = book(8);
    // Printed page numbers run 5, 6, 7, then 20, 21… (an unnumbered insert between); the book's title on
    // even pages, the chapter's on odd pages, and a URL footer on even pages but one.
    const folio = (n: number) => (n <= 3 ? n + 4 : n + 16);
    const doc = await readPrepared(
      await bookPdf(
        body,
        (n) => [
          n % 2 === 0
            ? { text: `${folio(n)}   FREE CULTURE`, x: 90, y: 500, size: 7.5 }
            : { text: `INTRODUCTION   ${folio(n)}`, x: 400, y: 500, size: 7.5 },
          ...(n % 2 === 0 && n !== 6
            ? [{ text: "<http://free-culture.org/get-it>", x: 160, y: 530, size: 8 }]
            : []),
        ],
        true,
      ),
    );
    expectEverySentence(doc, body);
    for (let p = 0; p + 1 < body.length; p++) {
      expect(pagesOf(`${body[p]!.at(-1)} ${body[p + 1]![0]}`, doc)).toEqual([p + 1, p + 2]);
    }
    expect(pagesOf(`${body[1]!.at(-1)} 20 FREE CULTURE`, doc)).toBeNull();
  });

  it("never peels a header that says 'not': the line stays, and a sentence does not run through it", async () => {
    const body = book(3);
    const doc = await readPrepared(
      await bookPdf(body, () => [{ text: "DRAFT - NOT FOR DISTRIBUTION", x: 90, y: 40, size: 9 }]),
    );
    expect(pagesOf(`${body[0]!.at(-1)} ${body[1]![0]}`, doc)).toBeNull();
    expect(pagesOf("NOT FOR DISTRIBUTION", doc)).not.toBeNull();
  });

  it("reads past a margin stamp turned sideways, drawn after the page's last line", async () => {
    const body = book(3);
    const doc = await readPrepared(
      await bookPdf(body, (n) =>
        n === 2
          ? [{ text: "jbell on DSKJLSW7X2PROD with PROPOSALS", x: 40, y: 600, size: 7, rotate: 90 }]
          : [],
      ),
    );
    expectEverySentence(doc, body);
    expect(pagesOf(`${body[0]!.at(-1)} ${body[1]![0]}`, doc)).toEqual([1, 2]);
    expect(pagesOf(`${body[1]!.at(-1)} ${body[2]![0]}`, doc)).toEqual([2, 3]);
    expect(pagesOf("jbell on DSKJLSW7X2PROD with PROPOSALS", doc)).toEqual([2]);
    expect(pagesOf(`${body[1]!.at(-1)} jbell on`, doc)).toBeNull();
  });

  it("reads past chart labels drawn after the page's last body line", async () => {
    const body = book(2, 24);
    const labels: Piece[] = [
      { text: "50%", x: 120, y: 470, size: 9 },
      { text: "31%", x: 200, y: 480, size: 9 },
      { text: "TRÈS IMPORTANT", x: 100, y: 500, size: 9 },
      { text: "NEUTRE", x: 220, y: 500, size: 9 },
    ];
    // The chart sits between two parts of the body; its labels come last in the stream.
    const page1 = [
      ...lines(body[0]!.slice(0, 12), 90, 90, 13),
      ...lines(body[0]!.slice(12), 90, 530, 13),
      ...labels,
    ];
    const doc = await readPrepared(await drawPdf([page1, lines(body[1]!, 90, 90, 13)]));
    expect(pagesOf(`${body[0]!.at(-1)} ${body[1]![0]}`, doc)).toEqual([1, 2]);
    expect(pagesOf(`${body[0]!.at(-1)} 50%`, doc)).toBeNull();
    expect(pagesOf(splice(body[0]![11]!, "50% 31%", 3), doc)).toBeNull();
  });

  it("never reads a one-page document's footer into its last sentence", async () => {
    const doc = await readPrepared(
      await drawPdf([
        [
          ...lines(wrap(sentences(4, 300).join(" "), 70), 90, 90, 13),
          { text: "1", x: 300, y: 740, size: 10 },
          { text: "Alderson Reporting Company", x: 250, y: 755, size: 8 },
        ],
      ]),
    );
    const last = wrap(sentences(4, 300).join(" "), 70).at(-1)!;
    expect(pagesOf(`${last} 1`, doc)).toBeNull();
    expect(pagesOf(`${last} Alderson`, doc)).toBeNull();
    expect(pagesOf(last, doc)).toEqual([1]);
  });

  it("keeps a line of numbers at a page's foot above its folio: dropping it fails", async () => {
    const body = book(3);
    body[0]!.push("100");
    const doc = await readPrepared(
      await bookPdf(body, (n) => [{ text: String(n), x: 300, y: 740 }]),
    );
    const before = body[0]!.at(-2)!;
    expect(pagesOf(`${before} 100 ${body[1]![0]}`, doc)).toEqual([1, 2]);
    expect(pagesOf(`${before} ${body[1]![0]}`, doc)).toBeNull();
  });
});
