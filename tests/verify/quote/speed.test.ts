import { describe, expect, it } from "vitest";
import { closestPassage, locateQuote, prepareText } from "../../../src/verify/quote/index.js";

const VOCABULARY = (
  "security officer manager audit risk control access policy exam candidate domain the of and " +
  "to in for a with by on is are be program training standard federal cyber network system"
).split(" ");

/** A deterministic 20-page document of ~500 words a page, hard-wrapped, with headers and footers. */
function bigDocument(): string[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return Array.from({ length: 20 }, (_, p) => {
    const words = Array.from({ length: 500 }, () => VOCABULARY[next() % VOCABULARY.length]!);
    const lines: string[] = [];
    for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(" "));
    return [`Blueprint | ${p + 1}`, ...lines, `Page ${p + 1} of 20`].join("\n");
  });
}

describe("speed", () => {
  it("locates 100 quotes in a 20-page document in well under two seconds", () => {
    const pages = bigDocument();
    const t0 = performance.now();
    const doc = prepareText(pages);
    const t1 = performance.now();
    const quotes = Array.from({ length: 100 }, (_, i) => {
      const start = (i * 97) % (doc.words.length - 30);
      const quote = doc.words.slice(start, start + 12 + (i % 10)).join(" ");
      return i % 2 ? quote : `${quote} zebra`;
    });
    const found = quotes.map((q) => locateQuote(q, doc));
    const t2 = performance.now();
    for (const q of quotes.slice(0, 10)) closestPassage(q, doc);
    const t3 = performance.now();
    expect(found.filter(Boolean).length).toBeGreaterThanOrEqual(50);
    console.log(
      `prepare 20 pages (${doc.words.length} words): ${(t1 - t0).toFixed(1)} ms; ` +
        `locate 100 quotes: ${(t2 - t1).toFixed(1)} ms; closest ×10: ${(t3 - t2).toFixed(1)} ms`,
    );
  });
});
