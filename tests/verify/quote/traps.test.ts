import { describe, expect, it } from "vitest";
import type { Citation, CitedText, Quote } from "../../../src/model/index.js";
import { verifyContext, verifyQuote } from "../../../src/verify/quote/index.js";
import { fixtureTexts, readable } from "./helpers.js";

const KIT = [
  "The starter kit ships with five drives, each of 4 TB. Setup takes 5 minutes and there is\n" +
    "no subscription. Security managers approve it; it is secure by design.",
  "It is certified to CNSSI-4012 and was sold to 4012 customers in 2024, who say it does not\n" +
    "need tuning.",
];

const position = { file: "sources/traps.md", line: 3, column: 7 };
const quote = (text: string): Quote => ({ id: "c/q1", claim: "c", text, citation: 0, position });
const citation = (source: string): Citation => ({
  index: 0,
  url: `https://example.com/${source}.pdf`,
  source,
  label: source,
  kind: "inline",
  position,
});

function statusOf(text: string, source = "kit"): string {
  const texts = new Map<string, CitedText>([...fixtureTexts(), ["kit", readable("kit", KIT)]]);
  return verifyQuote({ quote: quote(text), citation: citation(source) }, verifyContext(texts))
    .status;
}

/** [trap, the quote as the document has it, the quote with the trap sprung]. */
const TRAPS: [string, string, string][] = [
  ["a number changed: 5 → 4", "Setup takes 5 minutes", "Setup takes 4 minutes"],
  ["a number word changed: five → four", "ships with five drives", "ships with four drives"],
  ["a number changed: 4012 → 4013", "sold to 4012 customers", "sold to 4013 customers"],
  [
    "a standard changed: CNSSI-4012 → CNSSI-4011",
    "It is certified to CNSSI-4012",
    "It is certified to CNSSI-4011",
  ],
  ["a standard cut to its number", "It is certified to CNSSI-4012", "It is certified to 4012"],
  ["a unit changed", "each of 4 TB", "each of 4 GB"],
  [
    "a word changed: managers → leaders",
    "Security managers approve it",
    "Security leaders approve it",
  ],
  ["'no' dropped", "and there is no subscription", "and there is subscription"],
  ["'not' dropped", "who say it does not need tuning", "who say it does need tuning"],
  ["'not' inserted", "Security managers approve it", "Security managers do not approve it"],
  ["a word inserted", "ships with five drives", "ships with five fast drives"],
  ["a word removed", "ships with five drives, each of 4 TB", "ships with five drives, each 4 TB"],
  ["two words swapped", "Security managers approve it", "Managers security approve it"],
  ["a word cut to its prefix: security → secure", "Security managers", "Secure managers"],
  ["a word lengthened: secure → security", "it is secure by design", "it is security by design"],
  ["a year changed", "customers in 2024", "customers in 2025"],
];

describe("traps: a changed quote is never verified", () => {
  it.each(TRAPS)("refuses %s", (_trap, real, changed) => {
    expect(statusOf(real)).toBe("verified");
    expect(statusOf(changed)).toBe("not-found");
  });

  it("refuses a quote that matches only across two different documents", () => {
    expect(statusOf("need tuning. CISSO Exam Blueprint Outline")).toBe("not-found");
    expect(statusOf("need tuning … CISSO Exam Blueprint Outline")).toBe("not-found");
  });

  it("finds a quote split across pages with no running lines between them, on both pages", () => {
    const texts = new Map<string, CitedText>([["kit", readable("kit", KIT)]]);
    const result = verifyQuote(
      {
        quote: quote("it is secure by design. It is certified to CNSSI-4012"),
        citation: citation("kit"),
      },
      verifyContext(texts),
    );
    expect(result).toMatchObject({ status: "verified", pages: [1, 2], foundIn: "kit" });
  });

  it("refuses a quote across a page break with a number changed after the break", () => {
    expect(statusOf("it is secure by design. It is certified to CNSSI-4011")).toBe("not-found");
  });
});
