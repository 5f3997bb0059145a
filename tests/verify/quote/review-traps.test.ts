// Traps found by an adversarial review of the matcher: each pair is the quote as the document has it
// (verified) and the quote with the trap sprung (never verified).
import { describe, expect, it } from "vitest";
import { readHtmlText } from "../../../src/ingest/cited/read-html.js";
import { locateQuote, prepareText } from "../../../src/verify/quote/index.js";

const found = (pages: string | string[], quote: string) =>
  locateQuote(quote, prepareText(Array.isArray(pages) ? pages : [pages])) !== null;

/** [trap, document, the quote as the document has it, the quote with the trap sprung]. */
const TRAPS: [string, string | string[], string, string][] = [
  [
    "a leading decimal point dropped",
    "latency drops by .5 seconds",
    "drops by .5 seconds",
    "drops by 5 seconds",
  ],
  [
    "a price's leading point dropped",
    "plans from $.99 per month",
    "from $.99 per month",
    "from $99 per month",
  ],
  ["a sign and a leading point dropped", "a gain of -.5 dB", "a gain of -.5 dB", "a gain of 5 dB"],
  ["feet read as inches", "a 12′ cable", "a 12′ cable", "a 12″ cable"],
  ["a foot mark dropped", "a 12′ cable", "a 12′ cable", "a 12 cable"],
  [
    "a circled footnote digit joined to a number",
    "sold 4012① units",
    "sold 4012① units",
    "sold 40121 units",
  ],
  [
    "two circled digits read as a number",
    "see step ①② first",
    "see step ①② first",
    "see step 12 first",
  ],
  [
    "a percent sign cut off the quote's end",
    "revenue grew 5% last year",
    "revenue grew 5%",
    "revenue grew 5",
  ],
  [
    "a percent sign cut off before an ellipsis",
    "revenue grew 5% over last year",
    "grew 5% … last year",
    "grew 5 … last year",
  ],
  ["a multiplication sign cut off", "it is 10× faster", "it is 10×", "it is 10"],
  ["a degree sign cut off", "it runs at 40° at most", "it runs at 40°", "it runs at 40"],
  ["a currency sign cut off the start", "it costs $5 per seat", "costs $5 per seat", "5 per seat"],
  ["a plus cut off a grade", "rated A+ by analysts", "rated A+ by analysts", "rated A by analysts"],
  [
    "a minus read as no sign",
    "rated A- by analysts",
    "rated A- by analysts",
    "rated A by analysts",
  ],
  ["an exponent cut off", "a capacity of 10² users", "a capacity of 10²", "a capacity of 10"],
  [
    "the document's own ellipsis dropped",
    "Step one … step nine",
    "Step one … step nine",
    "Step one step nine",
  ],
  ["leader dots dropped", "Introduction ........ 5", "Introduction … 5", "Introduction 5"],
  [
    "megabits read as megabytes",
    "a link of 4 Mb per second",
    "a link of 4 Mb per second",
    "a link of 4 MB per second",
  ],
  ["milliwatts read as megawatts", "it draws 5 mW at rest", "it draws 5 mW", "it draws 5 MW"],
  [
    "terabits read as terabytes, written together",
    "each holds 4Tb of data",
    "each holds 4Tb",
    "each holds 4TB",
  ],
  [
    "a spaced minus dropped",
    "a change of − 5% this year",
    "a change of − 5% this year",
    "a change of 5% this year",
  ],
  [
    "a minus at a line end dropped",
    "a change of −\n5% this year",
    "a change of − 5%",
    "a change of 5%",
  ],
  [
    "a spaced range read as two numbers",
    "for ages 10 - 12 only",
    "for ages 10 - 12 only",
    "for ages 10 12 only",
  ],
  ["a subscript cut off", "it emits CO₂ daily", "it emits CO₂", "it emits CO"],
  ["a unit's power cut off", "an area of 40 m² total", "an area of 40 m²", "an area of 40 m"],
  [
    "a symbol after a no-break space cut off",
    "revenue grew 5\u00A0% last year",
    "grew 5 %",
    "grew 5",
  ],
  [
    "a thin-spaced thousand cut",
    "a fleet of 10\u2009000 drones",
    "a fleet of 10 000 drones",
    "a fleet of 10",
  ],
  ["a rate's case changed", "a link of 4 Mbps", "a link of 4 Mbps", "a link of 4 MBps"],
  ["a hyphenated unit's case changed", "a 4-Mb chip", "a 4-Mb chip", "a 4-MB chip"],
  ["a range's unit case changed", "between 4–8 Mb each", "between 4–8 Mb", "between 4–8 MB"],
  ["the ordinal sign read as 'no'", "Form nº 5 applies", "Form nº 5 applies", "Form no 5 applies"],
  ["the numero sign read as 'no'", "there is № 5 plan", "there is № 5 plan", "there is no 5 plan"],
];

/** [trap, document, a quote whose ellipsis would omit a negation]. */
const NEGATIONS: [string, string | string[], string][] = [
  [
    "'without' broken at a line end",
    "It ships with-\nout FIPS validation",
    "It ships … FIPS validation",
  ],
  [
    "'never' broken at a line end",
    "The tool has nev-\ner been audited",
    "The tool has … been audited",
  ],
  ["'nothing' broken at a line end", "There is noth-\ning to install", "There is … to install"],
  [
    "'doesn't' broken after its apostrophe",
    "It doesn’\nt require a licence",
    "It … require a licence",
  ],
  ["'doesn't' set with a prime", "it doesn′t require training", "it … require training"],
  ["'dont' with its apostrophe lost", "it dont require training", "it … require training"],
  [
    "a capitalised 'Not' after a number",
    "Requirement 5 Not applicable to staff",
    "Requirement 5 … applicable to staff",
  ],
  ["a hyphenated 'not-yet'", "The system is not-yet certified", "The system is … certified"],
];

describe("review traps: a changed quote is never verified", () => {
  it.each(TRAPS)("refuses %s", (_trap, doc, real, changed) => {
    expect(found(doc, real)).toBe(true);
    expect(found(doc, changed)).toBe(false);
  });

  it.each(NEGATIONS)("refuses an ellipsis over %s", (_trap, doc, changed) => {
    expect(found(doc, changed)).toBe(false);
  });

  it("never peels a repeated edge line that says 'not': the sentence would turn into its opposite", () => {
    const pages = [
      "The product is\nnot",
      "not\ncertified for use",
      "Body of page three\nnot",
      "not\nand more",
    ];
    expect(found(pages, "The product is certified")).toBe(false);
    expect(found(pages, "The product is not not certified")).toBe(true);
  });

  it("reads an HTML exponent as the PDF's: 10<sup>2</sup> is 10², never 102 nor 10", () => {
    const html = readHtmlText("<p>a capacity of 10<sup>2</sup> users</p>");
    if (!html.ok) throw new Error(html.reason);
    expect(found(html.pages, "a capacity of 10² users")).toBe(true);
    expect(found(html.pages, "a capacity of 102 users")).toBe(false);
    expect(found(html.pages, "a capacity of 10")).toBe(false);
  });

  it("compares a unit's case only where the quote has its number too", () => {
    expect(found("Founded in 2010. Our team grew fast.", "Our team grew fast")).toBe(true);
    expect(found("1. The first step is easy.", "The first step is easy")).toBe(true);
    expect(found("Chapter 3 Why it matters", "Why it matters")).toBe(true);
    expect(found("Chapter 3 Why it matters", "Chapter 3 why it matters")).toBe(false);
  });

  it("reads a saved page's no-break spaces and struck-out text as the page means them", () => {
    const page = (html: string) => {
      const read = readHtmlText(html);
      if (!read.ok) throw new Error(read.reason);
      return read.pages;
    };
    const grew = page("<p>revenue grew 5&nbsp;% last year, a fleet of 10&thinsp;000 drones</p>");
    expect(found(grew, "revenue grew 5 % last year")).toBe(true);
    expect(found(grew, "revenue grew 5")).toBe(false);
    expect(found(grew, "a fleet of 10")).toBe(false);
    const fips = page("<p>The product is <del>not</del> FIPS validated.</p>");
    expect(found(fips, "The product is not FIPS validated")).toBe(false);
    expect(found(fips, "The product is FIPS validated")).toBe(false);
    expect(found(fips, "The product is … FIPS validated")).toBe(true);
    const price = page("<p>Price: <s>$99</s> <ins>$49</ins> per seat</p>");
    expect(found(price, "Price: $99")).toBe(false);
    expect(found(price, "$49 per seat")).toBe(true);
  });

  it("finds a quote of a running header within that header, never joined to the body", () => {
    const pages = [1, 2, 3].map((n) => `Body of page ${n} starts here.`);
    const asides = [1, 2, 3].flatMap((n) => [
      { page: n, text: "Mile2 – the leader in cyber security certification" },
      { page: n, text: String(n) },
    ]);
    const doc = prepareText(pages, { asides });
    expect(locateQuote("the leader in cyber security certification", doc)?.pages).toEqual([1]);
    expect(locateQuote("security certification Body of page 2", doc)).toBeNull();
    expect(locateQuote("starts here. Mile2 – the leader", doc)).toBeNull();
  });

  it("still finds what a symbol stands beside when the quote takes the symbol too", () => {
    expect(found("a 5% rise in 2024", "a 5% rise")).toBe(true);
    expect(found("“validated by the NSA for CNSSI-4012”", "for CNSSI-4012")).toBe(true);
    expect(found("the pre- and post-exam reviews", "the pre- and post-exam reviews")).toBe(true);
    expect(found("requirements needed... to become", "requirements needed")).toBe(true);
    expect(found("it doesn′t require training", "it doesn't require training")).toBe(true);
    expect(found("a 12′ cable", "a 12′ cable")).toBe(true);
    expect(found("an area of 40 m² total", "an area of 40 m² total")).toBe(true);
    expect(found("it is secure¹ by design", "it is secure")).toBe(true);
    expect(found("requirements needed... to become", "to become")).toBe(true);
  });
});
