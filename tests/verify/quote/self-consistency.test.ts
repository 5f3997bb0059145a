// The other half of the traps: every passage of a document, quoted exactly as it stands, is found.
// Strict rules must never refuse what is really there.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCitedBytes } from "../../../src/ingest/cited/index.js";
import type { Aside } from "../../../src/model/index.js";
import { locateQuote, type PreparedText, prepareText } from "../../../src/verify/quote/index.js";
import { corpusFiles, HAS_CORPUS, NO_CORPUS, readCorpusFile } from "../../helpers/corpus.js";
import { fixturePages } from "./helpers.js";

/** Text that exercises every rule: numbers, units, symbols, marks, dashes, ellipses, negations. */
const TRICKY = [
  "Revenue grew 5% in 2024 (up from 3.5%), to $4,012 per seat; 10² users on 4 Mb links and 4TB\n" +
    "disks. Founded in 2010. Our team of 5 engineers doesn't rate A- or A+ products, but rated\n" +
    "CNSSI–4012 and NSTISSI-4011 highly. Step one … step nine. A change of − 5 % is not-yet seen;\n" +
    "CO₂ falls 40 m² per № 7 plant, at .5 dB. It is secure¹ by design, pre- and post-exam.",
  "Introduction ........ 5\nThe 12′ cable runs at 40° and 10× faster — without tuning — for 24/7 use.",
];

interface Window {
  quote: string;
  pages: number[];
}

/**
 * Every run of `size` words that a quote may begin and end on, as the document's own text (every
 * `stride`-th one, for a long document).
 */
function windows(doc: PreparedText, size: number, stride = 1): Window[] {
  const out: Window[] = [];
  for (let i = 0; i + size <= doc.words.length; i += stride) {
    const j = i + size - 1;
    // No quote crosses a passage break, nor starts inside a footnote mark.
    if (doc.barriers[j + 1]! > doc.barriers[i]!) continue;
    if (doc.words[i] === "^" && !doc.marks.has(i)) continue;
    // A quote never starts or ends inside words written together, nor on half of a word broken at a line end.
    if (doc.joined[i] || doc.joined[j + 1]) continue;
    let broken = false;
    for (let k = i - 1; k <= j; k++) if (doc.hyphenated.has(k)) broken = true;
    if (broken || doc.words.slice(i, j + 1).every((w) => w === "…")) continue;
    // A minus standing alone is a sign only before its number: a quote does not end on one.
    if (doc.words[j] === "-" && !doc.joined[j]) continue;
    const quote = doc.text.slice(doc.starts[i], doc.ends[j]).replace(/\s+/g, " ").trim();
    out.push({ quote, pages: [...new Set([doc.pages[i]!, doc.pages[j]!])] });
  }
  return out;
}

const DOCUMENTS: [string, string[]][] = [
  ["cisso-blueprint", fixturePages("cisso-blueprint")],
  ["cissp-outline", fixturePages("cissp-outline")],
  ["niccs-cisso", fixturePages("niccs-cisso")],
  ["tricky", TRICKY],
];

/** The workspace's cited documents as collateral reads them: pdf.js text of the PDFs, visible text of the page. */
const CITED = ["cisso-exam-blueprint.pdf", "cissp-exam-outline.pdf", "niccs-cisso.html"];

describe("every passage of a document, quoted as it stands, is found", () => {
  it.each(CITED)("in sources/cited/%s", async (file) => {
    const at = path.resolve(import.meta.dirname, "../../../sources/cited", file);
    const parsed = await parseCitedBytes(new Uint8Array(await readFile(at)), file);
    if (!parsed.ok) throw new Error(parsed.reason);
    expectAllFound(parsed.pages, parsed.asides, parsed.kind === "pdf");
  });

  it.each(DOCUMENTS)("in %s", (_name, pages) => {
    expectAllFound(pages);
  });

  // Real PDFs nobody here made, as the layout stage reads them: every passage of their running text and
  // of their asides (a stride through the longer ones keeps this to a few thousand quotes each).
  it.each(corpusFiles())("in the corpus's %s", async (file, ctx) => {
    if (!HAS_CORPUS) return ctx.skip(NO_CORPUS);
    const parsed = await parseCitedBytes(new Uint8Array(await readCorpusFile(file)), file);
    if (!parsed.ok) throw new Error(parsed.reason);
    expectAllFound(parsed.pages, parsed.asides, true, 2500);
  });
});

function expectAllFound(
  pages: string[],
  asides: readonly Aside[] = [],
  lineEndHyphens = true,
  perSize = Number.POSITIVE_INFINITY,
): void {
  const doc = prepareText(pages, { asides, lineEndHyphens });
  let checked = 0;
  const missed: string[] = [];
  const texts = [
    doc,
    ...asides.slice(0, 200).map((a) => prepareText([a.text], { lineEndHyphens })),
  ];
  for (const [k, text] of texts.entries()) {
    for (const size of [1, 2, 4, 9]) {
      const stride = Math.max(1, Math.ceil(text.words.length / perSize));
      for (const { quote, pages: where } of windows(text, size, stride)) {
        const found = locateQuote(quote, doc);
        // Found where it is, or earlier: a short run of words may occur twice. An aside's words are
        // looked for in the running text first, so they may be found there on any page.
        if (!found || (k === 0 && found.pages[0]! > where[0]!)) missed.push(quote);
        checked++;
      }
    }
  }
  expect(missed.slice(0, 20)).toEqual([]);
  expect(checked).toBeGreaterThan(40);
}
