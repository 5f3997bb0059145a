import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CitedText } from "../../../src/model/index.js";
import {
  locateQuote,
  type PreparedText,
  prepareText,
  verifyQuotes,
} from "../../../src/verify/quote/index.js";
import { claimOf, fixturePages, readable } from "./helpers.js";
import { COLUMN_LINES, pdfPages, pdfText } from "./pdf.js";

/** The blueprint fixture drawn as a real PDF: running header and footer, page-1 sentence ending at the foot. */
async function blueprintPdf(options: { footerFirst?: boolean } = {}): Promise<string[]> {
  const [one, two, three] = fixturePages("cisso-blueprint").map((p) => p.split("\n"));
  return pdfPages(
    [{ body: one!.slice(0, -2), tail: one!.slice(-2) }, { body: two! }, { body: three! }],
    { header: "CISSO Exam Blueprint Outline | Mile2", footer: "Page {n} of {total}", ...options },
  );
}

describe("quotes in a real PDF with running headers and footers", () => {
  let pages: string[];
  let doc: PreparedText;
  beforeAll(async () => {
    pages = await blueprintPdf();
    doc = prepareText(pages);
  });

  it("reads the header and footer back from the PDF apart from the running text", async () => {
    const { pages, asides } = await pdfText(
      fixturePages("cisso-blueprint").map((p) => ({ body: p.split("\n") })),
      { header: "CISSO Exam Blueprint Outline | Mile2", footer: "Page {n} of {total}" },
    );
    expect(pages).toHaveLength(3);
    expect(pages.join("\n")).not.toContain("Page 1 of 3");
    expect(asides).toContainEqual({ page: 1, text: "Page 1 of 3" });
    expect(asides).toContainEqual({ page: 2, text: "CISSO Exam Blueprint Outline | Mile2" });
  });

  it("finds a sentence running across the page break on pages [1, 2]", () => {
    const hit = locateQuote(
      "delivered online through the Mile2 assessment platform or in a proctored session",
      doc,
    );
    expect(hit?.pages).toEqual([1, 2]);
    expect(hit?.excerpt).not.toContain("Page 1 of 3");
  });

  it("refuses the same sentence with the footer's words inserted", () => {
    expect(
      locateQuote("delivered online through the Page 1 of 3 Mile2 assessment platform", doc),
    ).toBeNull();
  });

  it("finds words broken by line-end hyphens, and keeps the real hyphen at a line end", () => {
    expect(
      locateQuote("lead, audit or oversee an organization’s security function", doc)?.pages,
    ).toEqual([1]);
    expect(
      locateQuote(
        "It covers risk management, security governance and the state-of-the-art controls",
        doc,
      ),
    ).not.toBeNull();
  });

  it("refuses a changed number and a dropped 'no' in the PDF", () => {
    expect(locateQuote("There are no minimum requirements needed to become", doc)).not.toBeNull();
    expect(locateQuote("There are minimum requirements needed to become", doc)).toBeNull();
    expect(locateQuote("The exam has 100 multiple-choice questions", doc)?.pages).toEqual([2]);
    expect(locateQuote("The exam has 10 multiple-choice questions", doc)).toBeNull();
    expect(locateQuote("More than 4,013 professionals", doc)).toBeNull();
  });

  it("reads across the page break when the producer wrote the footer before the body", async () => {
    const reordered = prepareText(await blueprintPdf({ footerFirst: true }));
    expect(
      locateQuote("delivered online through the Mile2 assessment platform", reordered)?.pages,
    ).toEqual([1, 2]);
  });
});

describe("other real PDF layouts", () => {
  it("strips a two-page document's header, identical on both pages but for the page number", async () => {
    const pages = await pdfPages(
      [
        { body: ["The course prepares you for"], tail: ["the role of an information"] },
        { body: ["security officer in a year."] },
      ],
      { header: "CISSO Outline — {n}" },
    );
    const hit = locateQuote(
      "the role of an information security officer in a year",
      prepareText(pages),
    );
    expect(hit?.pages).toEqual([1, 2]);
  });

  it("joins a word hyphenated across a page break under a header and footer", async () => {
    const pages = await pdfPages(
      [
        { body: ["Opening page."], tail: ["It protects the informa-"] },
        { body: ["tion systems of a company."] },
        { body: ["End."] },
      ],
      { header: "CISSO Blueprint | {n}", footer: "— {n} —" },
    );
    expect(
      locateQuote("It protects the information systems of a company", prepareText(pages))?.pages,
    ).toEqual([1, 2]);
  });

  it("keeps a number line at a page foot above a bare page number, so dropping it fails", async () => {
    const pages = await pdfPages(
      [
        {
          body: ["Exam information, as published by the exam's owner this year"],
          tail: ["Candidates sit an exam whose count of questions is", "100"],
        },
        { body: ["multiple-choice questions, set in a secure online session.", "Scores:", "70"] },
        { body: ["The end of the exam information, as published this year."] },
      ],
      { footer: "{n}" },
    );
    const doc = prepareText(pages);
    expect(locateQuote("count of questions is 100 multiple-choice questions", doc)?.pages).toEqual([
      1, 2,
    ]);
    expect(locateQuote("count of questions is multiple-choice questions", doc)).toBeNull();
  });

  it("finds every sentence of a two-column page, the one that wraps between columns included", async () => {
    const sentences = Array.from(
      { length: 14 },
      (_, i) =>
        `Sentence ${i + 1} covers topic ${["risk", "audit", "access", "crypto", "policy", "people", "assets"][i % 7]} in depth for officers.`,
    );
    const pages = await pdfPages([{ columns: sentences.join(" ") }]);
    // More lines than one column holds: the text flowed into the second column.
    expect(pages).toHaveLength(1);
    expect(pages[0]!.split("\n").length).toBeGreaterThan(COLUMN_LINES);
    const doc = prepareText(pages);
    for (const sentence of sentences)
      expect(locateQuote(sentence, doc)?.pages, sentence).toEqual([1]);
    expect(locateQuote("Sentence 3 covers topic audit", doc)).toBeNull();
  });

  it("reads words a font set with ligatures", async () => {
    const font = path.join(
      import.meta.dirname,
      "../../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff",
    );
    const pages = await pdfPages([{ body: ["Certified officers find the workflow efficient."] }], {
      font,
    });
    expect(
      locateQuote("certified officers find the workflow efficient", prepareText(pages)),
    ).not.toBeNull();
  });

  it("verifies and refuses quotes end to end against PDFs read back from disk", async () => {
    const texts = new Map<string, CitedText>([
      ["cisso-blueprint", readable("cisso-blueprint", await blueprintPdf())],
      [
        "cissp-outline",
        readable(
          "cissp-outline",
          await pdfPages(fixturePages("cissp-outline").map((p) => ({ body: p.split("\n") }))),
        ),
      ],
    ]);
    const claim = claimOf("entry", [
      {
        text: "there are no minimum requirements needed to become a Certified Information Systems Security Officer (CISSO).",
        cite: "cisso-blueprint",
      },
      { text: "managers, auditors, and INFOSEC professionals,", cite: "cisso-blueprint" },
      {
        text: "a minimum of four years cumulative, full-time work experience",
        cite: "cissp-outline",
      },
      {
        text: "a minimum of five years cumulative, full-time work experience",
        cite: "cisso-blueprint",
      },
    ]);
    const results = verifyQuotes([claim], texts);
    expect(results.map((r) => [r.status, r.pages, r.foundIn])).toEqual([
      ["verified", [1], "cisso-blueprint"],
      ["verified", [1], "cisso-blueprint"],
      ["not-found", [], null],
      ["misattributed", [1], "cissp-outline"],
    ]);
    expect(results[2]!.closest?.text).toContain("five years");
  });
});
