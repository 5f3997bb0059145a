// Every place a quote can print is verified or warned about: the claim heading, image alt text, link labels,
// code; a struck-out quote keeps its strike; an image inside a link is carried.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";
import type { Inline } from "../../../src/model/index.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const GUIDE = "https://atlas.example/guide.pdf";
const parse = (body: string) => parseSourceDocument("sources/doc.md", FM + body);
const where = (q: { position: { line: number; column: number } }) =>
  `${q.position.line}:${q.position.column}`;
const failure = (body: string) => {
  try {
    parse(body);
  } catch (e) {
    return String(e);
  }
  throw new Error("expected the parse to fail");
};

describe("quotes outside running text", () => {
  it("verifies a quote in the claim heading, attributed within the heading", () => {
    const doc = parse(
      `## Atlas “has no setup cost at all” per [the guide](${GUIDE})\n\nBody “with its own quote here” [G](${GUIDE}).\n`,
    );
    const claim = doc.claims[0]!;
    expect(claim.title).toBe("Atlas “has no setup cost at all” per the guide");
    expect(claim.quotes.map((q) => [q.text, q.citation, where(q)])).toEqual([
      ["has no setup cost at all", 0, "5:10"],
      ["with its own quote here", 1, "7:6"],
    ]);
  });

  it("leaves an attribute block's quoted value out of the heading's quotes", () => {
    const doc = parse('## Setup {#setup title="not a quote at all"}\n\nText.\n');
    expect(doc.claims[0]!.quotes).toEqual([]);
  });

  it("verifies a quote in an image's alt text, attributed as if it stood where the image does", () => {
    const doc = parse(
      `## A\n\n![“rated first by every crew”](../assets/shot.png) [Guide](${GUIDE})\n`,
    );
    const claim = doc.claims[0]!;
    expect(claim.quotes.map((q) => [q.text, q.citation, where(q)])).toEqual([
      ["rated first by every crew", 0, "7:3"],
    ]);
    // The image still prints with its alt text as written.
    expect(claim.blocks[0]!.inlines[0]).toMatchObject({
      kind: "image",
      alt: "“rated first by every crew”",
    });
  });

  it("warns that a quote in a code block is printed as code and never verified", () => {
    const doc = parse("## A\n\n```\n“Atlas cuts field costs by ninety percent”\n```\n");
    expect(doc.claims[0]!.quotes).toEqual([]);
    expect(doc.messages.map((m) => [where(m), m.rule])).toEqual([["7:1", "quote-in-code"]]);
    expect(doc.messages[0]!.reason).toContain("“Atlas cuts field costs by ninety percent”");
  });

  it("places a quote in a link label at its opening mark, the second one too", () => {
    const doc = parse(
      `## A\n\nSee [“the first quoted words” and “the second quoted words”](${GUIDE}) now.\n`,
    );
    expect(doc.claims[0]!.quotes.map((q) => [q.text, where(q)])).toEqual([
      ["the first quoted words", "7:6"],
      ["the second quoted words", "7:35"],
    ]);
  });
});

describe("an image inside a link", () => {
  it("is carried, followed by the link; the link's label never holds the alt text", () => {
    const doc = parse(
      "## A\n\n[![Atlas logo](../assets/shot.png)](https://atlas.example/home) and [![Badge](../assets/b.png) our badge](https://atlas.example/b)\n",
    );
    const inlines = doc.claims[0]!.blocks[0]!.inlines;
    expect(inlines.map((i) => i.kind)).toEqual(["image", "cite", "text", "image", "cite"]);
    expect(doc.claims[0]!.citations.map((c) => c.label)).toEqual(["", "our badge"]);
    // Only the link with no words of its own is worth a word: the one with words prints them, clickable.
    expect(doc.messages.map((m) => [where(m), m.rule])).toEqual([["7:1", "image-in-link"]]);
  });

  it("verifies a quote in the alt text of an image in a cited link, at its mark", () => {
    const doc = parse(
      `## A\n\n[![“the exam has no prerequisites at all”](../assets/shot.png)](${GUIDE})\n`,
    );
    expect(doc.claims[0]!.quotes.map((q) => [q.text, q.citation, where(q)])).toEqual([
      ["the exam has no prerequisites at all", 0, "7:4"],
    ]);
  });
});

describe("marks on a quote", () => {
  const quoteInline = (body: string) =>
    parse(body).claims[0]!.blocks[0]!.inlines.find(
      (i): i is Extract<Inline, { kind: "quote" }> => i.kind === "quote",
    );

  it("keeps the strike of a quote struck out whole, and warns", () => {
    const doc = parse(
      `## A\n\nThe old guide said ~~“edits made offline are merged”~~ [G](${GUIDE}).\n`,
    );
    expect(doc.claims[0]!.blocks[0]!.inlines[1]).toEqual({
      kind: "quote",
      quote: "a/q1",
      strike: true,
    });
    expect(doc.messages.map((m) => [where(m), m.rule])).toEqual([["7:22", "struck-quote"]]);
  });

  it("refuses a quote struck out in part: it would print unstruck", () => {
    expect(failure(`## A\n\nIt said “edits made ~~offline~~ are merged” [G](${GUIDE}).\n`)).toMatch(
      /^sources\/doc\.md:7:9: part of the quote “edits made offline are merged” is struck out/,
    );
  });

  it("keeps a code span's face on a quote written in code, and emphasis over the whole quote", () => {
    expect(quoteInline("## A\n\nType `“atlas sync all devices”` now.\n")).toEqual({
      kind: "quote",
      quote: "a/q1",
      code: true,
    });
    expect(quoteInline("## A\n\nIt is **“the fastest sync we tested”** so far.\n")).toEqual({
      kind: "quote",
      quote: "a/q1",
      strong: true,
    });
  });
});
