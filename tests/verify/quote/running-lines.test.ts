import { describe, expect, it } from "vitest";
import {
  lineKey,
  locateQuote,
  prepareText,
  stripRunningLines,
} from "../../../src/verify/quote/index.js";

/** Body lines that differ in words, not just in digits (digits are masked when comparing lines). */
const BODY = [
  "alpha bravo",
  "charlie delta",
  "echo foxtrot",
  "golf hotel",
  "india juliet",
  "kilo lima",
  "mike november",
];

const page = (
  n: number,
  body: string[],
  header = `CISSO Blueprint | ${n}`,
  footer = `Page ${n} of 4`,
) => [header, ...body, footer].join("\n");

describe("stripRunningLines", () => {
  it("removes a header and footer whose page numbers vary", () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, [BODY[n]!]));
    expect(stripRunningLines(pages)).toEqual([1, 2, 3, 4].map((n) => BODY[n]));
  });

  it("removes decorated page numbers such as '— 4 —' and bare numbers", () => {
    const pages = [1, 2, 3].map((n) => `Title\n${BODY[n]}\n— ${n} —\n${n}`);
    expect(stripRunningLines(pages)).toEqual([BODY[1], BODY[2], BODY[3]]);
  });

  it("works for a two-page document: a header identical on both pages, digits ignored", () => {
    const pages = ["Outline 2026 v1\nfirst page body", "Outline 2026 v2\nsecond page body"];
    expect(stripRunningLines(pages)).toEqual(["first page body", "second page body"]);
  });

  it("finds a header on most pages even when the first page has none", () => {
    const pages = [
      "Title page\nintroduction",
      page(2, ["two"]),
      page(3, ["three"]),
      page(4, ["four"]),
    ];
    expect(stripRunningLines(pages)).toEqual(["Title page\nintroduction", "two", "three", "four"]);
  });

  it("removes a footer that text extraction placed before the body", () => {
    const pages = [1, 2, 3].map((n) => `Header\nPage ${n} of 3\n${BODY[n]}`);
    expect(stripRunningLines(pages)).toEqual([BODY[1], BODY[2], BODY[3]]);
  });

  it("keeps body text that repeats once in a longer document", () => {
    const pages = [
      "Risk Management\nintro",
      "two\nmore",
      "Risk Management\nthree",
      "four\nmore",
      "five\nend",
    ];
    expect(stripRunningLines(pages)).toEqual(pages);
  });

  it("keeps a repeated line that is not at the page edge", () => {
    const pages = [1, 2, 3].map(
      (n) =>
        `Header ${n}\nfirst\nsecond\nthird\nfourth\nRepeated line\nfifth\nsixth\nseventh\nlast ${n}x`,
    );
    const stripped = stripRunningLines(pages);
    for (const p of stripped) expect(p).toContain("Repeated line");
  });

  it("never removes a line between body lines, even when it matches a running line", () => {
    const pages = [1, 2, 3].map((n) => `Header\n${BODY[n]}\nHeader\n${BODY[n + 3]}`);
    expect(stripRunningLines(pages)).toEqual(
      [1, 2, 3].map((n) => `${BODY[n]}\nHeader\n${BODY[n + 3]}`),
    );
  });

  it("leaves a one-page document alone", () => {
    expect(stripRunningLines(["Header\nbody\nPage 1 of 1"])).toEqual(["Header\nbody\nPage 1 of 1"]);
  });

  it("takes lines that differ only in their numbers for one running line", () => {
    const pages = ["Step 1\nalpha bravo", "Step 2\ncharlie delta", "Step 3\necho foxtrot"];
    expect(stripRunningLines(pages)).toEqual(["alpha bravo", "charlie delta", "echo foxtrot"]);
  });

  it("keys lines by their normalized text with digits masked", () => {
    expect(lineKey("  CISSO   Blueprint | 12 ")).toBe(lineKey("CISSO Blueprint | 3"));
    expect(lineKey("Page 3 of 7")).toBe("page # of #");
  });

  it("removes page numbers that count from an offset (an extract starting on page 41)", () => {
    const pages = [1, 2, 3].map((n) => `${BODY[n]}\n${n + 40}`);
    expect(stripRunningLines(pages)).toEqual([BODY[1], BODY[2], BODY[3]]);
  });

  it("removes headers that alternate between left and right pages", () => {
    const pages = [1, 2, 3, 4, 5, 6].map(
      (n) => `${n % 2 ? "Chapter 2: Exam" : "CISSO Blueprint"} ${n}\n${BODY[n]}`,
    );
    expect(stripRunningLines(pages)).toEqual([1, 2, 3, 4, 5, 6].map((n) => BODY[n]));
  });

  it("keeps a number line above a bare page number: its number does not count the pages", () => {
    const pages = ["The exam has\n100\n1", "multiple-choice questions\n70\n2", "end\n3"];
    expect(stripRunningLines(pages)).toEqual([
      "The exam has\n100",
      "multiple-choice questions\n70",
      "end",
    ]);
  });

  it("keeps a number line ending a title page that has no page number", () => {
    const pages = ["Title\nThe exam has\n100", "body two\n2", "body three\n3", "body four\n4"];
    expect(stripRunningLines(pages)[0]).toBe("Title\nThe exam has\n100");
  });

  it("refuses a quote that drops a number line at a page foot (never taken for a page number)", () => {
    const doc = prepareText(["The exam has\n100\n1", "multiple-choice questions\n2"]);
    expect(locateQuote("The exam has multiple-choice questions", doc)).toBeNull();
    expect(locateQuote("The exam has 100 multiple-choice questions", doc)?.pages).toEqual([1, 2]);
  });

  it("peels each kind of running line at most once per page edge", () => {
    const pages = [1, 2, 3].map((n) => `Mile2\nMile2\n${BODY[n]}\n${n}\n${n}`);
    expect(stripRunningLines(pages)).toEqual([1, 2, 3].map((n) => `Mile2\n${BODY[n]}\n${n}`));
  });
});
