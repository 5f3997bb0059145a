// Real PDFs nobody here made: what a reader sees on their pages verifies with its pages, and nothing else does.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCitedBytes } from "../../../src/ingest/cited/index.js";
import { locateQuote, type PreparedText, prepareText } from "../../../src/verify/quote/index.js";
import { HAS_CORPUS, NO_CORPUS, readCorpusFile } from "../../helpers/corpus.js";

interface Passage {
  text: string;
  pages: number[];
  kind: string;
  firstPages?: number[];
  limit?: string;
}

interface Expectations {
  file: string;
  passages: Passage[];
  splices: { text: string; why: string }[];
}

const DIR = path.resolve(import.meta.dirname, "../../fixtures/corpus");
const FILES: Expectations[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as Expectations);

const AUXILIARIES =
  /^(is|are|was|were|be|can|will|may|must|should|has|have|had|does|do|did|would|could)$/i;
const NEGATION = /^(not|no|never|cannot|none)$|n't$/i;

/** Ways to change a passage that change what it says: each must be refused. */
function mutations(text: string): { how: string; quote: string }[] {
  const words = text.split(" ");
  const out: { how: string; quote: string }[] = [];
  const longest = words.reduce(
    (best, w, i) =>
      w.replace(/\W/g, "").length > words[best]!.replace(/\W/g, "").length ? i : best,
    0,
  );
  out.push({
    how: "word",
    quote: words.map((w, i) => (i === longest ? w.replace(/[\p{L}]+/u, "zebra") : w)).join(" "),
  });
  const number = text.match(/\d+/);
  if (number)
    out.push({ how: "number", quote: text.replace(/\d+/, String(Number(number[0]) + 1)) });
  const negation = words.findIndex((w) => NEGATION.test(w.replace(/[^\p{L}']/gu, "")));
  if (negation >= 0) {
    out.push({ how: "negation dropped", quote: words.filter((_, i) => i !== negation).join(" ") });
  } else {
    const aux = words.findIndex((w) => AUXILIARIES.test(w));
    const at = aux >= 0 && aux < words.length - 1 ? aux + 1 : Math.min(2, words.length - 1);
    out.push({
      how: "negation added",
      quote: [...words.slice(0, at), "not", ...words.slice(at)].join(" "),
    });
  }
  // Two neighbouring words (not punctuation standing alone, which no quote compares) swapped.
  const isWord = (w: string | undefined) => w !== undefined && /[\p{L}\p{N}]/u.test(w);
  const mid = Math.floor(words.length / 2);
  const at = [mid, mid + 1, mid - 1, 1, 2].find(
    (i) =>
      isWord(words[i - 1]) &&
      isWord(words[i]) &&
      words[i - 1]!.toLowerCase() !== words[i]!.toLowerCase(),
  );
  if (at !== undefined) {
    const swapped = [...words];
    [swapped[at - 1], swapped[at]] = [swapped[at]!, swapped[at - 1]!];
    out.push({ how: "order", quote: swapped.join(" ") });
  }
  return out;
}

describe.each(FILES)("the corpus's $file", (expectations) => {
  let doc: PreparedText | null = null;
  const found = expectations.passages.filter((p) => !p.limit);

  beforeAll(async () => {
    if (!HAS_CORPUS) return;
    const parsed = await parseCitedBytes(
      new Uint8Array(await readCorpusFile(expectations.file)),
      expectations.file,
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    doc = prepareText(parsed.pages, { asides: parsed.asides });
  });

  it(`verifies the ${found.length} passages a reader sees, with their pages`, (ctx) => {
    if (!doc) return ctx.skip(NO_CORPUS);
    const wrong = found
      .map((p) => ({ p, at: locateQuote(p.text, doc!)?.pages ?? null }))
      .filter(({ p, at }) => JSON.stringify(at) !== JSON.stringify(p.firstPages ?? p.pages))
      .map(
        ({ p, at }) =>
          `${p.kind} ${JSON.stringify(p.firstPages ?? p.pages)} found at ${JSON.stringify(at)}: ${p.text}`,
      );
    expect(wrong).toEqual([]);
  });

  it("finds no passage with a word, number, negation or word order changed", (ctx) => {
    if (!doc) return ctx.skip(NO_CORPUS);
    const passed = found
      .flatMap((p) => mutations(p.text))
      .filter((m) => locateQuote(m.quote, doc!) !== null)
      .map((m) => `${m.how}: ${m.quote}`);
    expect(passed).toEqual([]);
  });

  it(`finds none of the ${expectations.splices.length} splices of text no reader reads as one`, (ctx) => {
    if (!doc) return ctx.skip(NO_CORPUS);
    const passed = expectations.splices
      .filter((s) => locateQuote(s.text, doc!) !== null)
      .map((s) => `${s.text} (${s.why})`);
    expect(passed).toEqual([]);
  });
});
