// Markdown constructs → typed Blocks: lists keep their numbers and nesting, tables their cells and alignment, quotes stay verified.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";
import type { Block, Container } from "../../../src/model/index.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const parse = (body: string) => parseSourceDocument("sources/doc.md", FM + body);
const blocks = (body: string) => parse(body).claims[0]!.blocks;
const text = (b: Block) => b.inlines.map((i) => ("text" in i ? i.text : "")).join("");
/** "ol3>2" for item 2 of an ordered list starting at 3, "ul>" for a bullet item, "q" for a blockquote. */
const path = (b: Block) =>
  (b.within ?? [])
    .map((c: Container, i, all) => {
      if (c.kind === "blockquote") return "q";
      if (c.kind === "list")
        return `${c.ordered ? `ol${c.start}` : "ul"}>${all[i + 1]?.kind === "item" ? ((all[i + 1] as { number: number | null }).number ?? "") : ""}`;
      return null;
    })
    .filter(Boolean)
    .join(" ");

describe("lists", () => {
  it("keeps an ordered list's start number and each item's number", () => {
    const list = blocks("## A\n\n3. three\n4. four\n");
    expect(list.map((b) => [b.kind, path(b), text(b)])).toEqual([
      ["list-item", "ol3>3", "three"],
      ["list-item", "ol3>4", "four"],
    ]);
  });

  it("keeps the numbers written after an empty item, and says the item is empty", () => {
    const doc = parse("## A\n\n1. First step.\n2.\n3. Third step.\n");
    expect(doc.claims[0]!.blocks.map((b) => [path(b), text(b)])).toEqual([
      ["ol1>1", "First step."],
      ["ol1>3", "Third step."],
    ]);
    expect(doc.messages.map((m) => [m.position.line, m.rule, m.reason])).toEqual([
      [
        8,
        "empty-list-item",
        "list item 2. is empty and prints nothing (the items after it keep their numbers)",
      ],
    ]);
  });

  it("nests lists to any depth, ordered inside bullets inside ordered", () => {
    const list = blocks("## A\n\n1. one\n   - a\n     1. deep\n2. two\n");
    expect(list.map((b) => [path(b), text(b)])).toEqual([
      ["ol1>1", "one"],
      ["ol1>1 ul>", "a"],
      ["ol1>1 ul> ol1>1", "deep"],
      ["ol1>2", "two"],
    ]);
    // The same list and item are the same container (one id) for every block in them.
    const ids = list.map((b) => b.within![0]!.id);
    expect(new Set(ids).size).toBe(1);
    expect(list[0]!.within![1]!.id).toBe(list[1]!.within![1]!.id);
    expect(list[3]!.within![1]!.id).not.toBe(list[0]!.within![1]!.id);
  });

  it("leaves top-level paragraphs without containers, as before", () => {
    const [p] = blocks("## A\n\nPlain.\n");
    expect(p).toEqual({
      kind: "paragraph",
      role: "body",
      inlines: [{ kind: "text", text: "Plain." }],
      position: { file: "sources/doc.md", line: 7, column: 1 },
    });
  });

  it("takes only a claim's own paragraph as its benefit, never a list item or a blockquote", () => {
    const list = blocks("## A\n\n- Benefit: in a list\n\n> Benefit: quoted\n\nBenefit: own.\n");
    expect(list.map((b) => b.role)).toEqual(["body", "body", "benefit"]);
  });

  it("says a task list's checkbox is not carried, and keeps the item", () => {
    const doc = parse("## A\n\n- [x] done\n");
    expect(text(doc.claims[0]!.blocks[0]!)).toBe("done");
    expect(doc.messages).toEqual([
      expect.objectContaining({
        rule: "unsupported-content",
        position: { file: "sources/doc.md", line: 7, column: 1 },
      }),
    ]);
  });
});

describe("inline marks", () => {
  it("carries inline code without its backticks, struck-out text, and a hard line break", () => {
    const [p] = blocks("## A\n\nRun `collateral init` ~~now~~ today\\\nthen build.\n");
    expect(p!.inlines).toEqual([
      { kind: "text", text: "Run " },
      { kind: "text", text: "collateral init", code: true },
      { kind: "text", text: " " },
      { kind: "text", text: "now", strike: true },
      { kind: "text", text: " today" },
      { kind: "break" },
      { kind: "text", text: "then build." },
    ]);
  });

  it("carries a fenced code block as one code block", () => {
    const [code] = blocks("## A\n\n```sh\nnpx collateral build\n```\n");
    expect(code).toMatchObject({
      kind: "code",
      inlines: [{ kind: "text", text: "npx collateral build", code: true }],
    });
  });
});

describe("blockquotes", () => {
  it("puts each block of a blockquote inside it, and verifies its quotes", () => {
    const doc = parse("## A\n\n> “one two three” [x](https://one.example/a)\n>\n> - item\n");
    const claim = doc.claims[0]!;
    expect(claim.blocks.map(path)).toEqual(["q", "q ul>"]);
    expect(claim.quotes).toEqual([expect.objectContaining({ text: "one two three", citation: 0 })]);
  });
});

describe("tables", () => {
  const table =
    "## A\n\n| Plan | Seats | Price |\n| :-- | :-: | --: |\n| Team | 10 | $90 |\n| Field | 50 | $400 |\n";

  it("keeps the header, the rows in order and each column's alignment", () => {
    const [block] = blocks(table);
    expect(block!.kind).toBe("table");
    expect(block!.inlines).toEqual([]);
    const cell = (inlines: { kind: string }[]) =>
      inlines.map((i) => ("text" in i ? i.text : "")).join("");
    expect(block!.table!.align).toEqual(["left", "center", "right"]);
    expect(block!.table!.head.map(cell)).toEqual(["Plan", "Seats", "Price"]);
    expect(block!.table!.rows.map((r) => r.map(cell))).toEqual([
      ["Team", "10", "$90"],
      ["Field", "50", "$400"],
    ]);
  });

  it("attributes a quote in one cell to the citation in the next cell of its row", () => {
    const doc = parse(
      "## A\n\n| What | Source |\n| --- | --- |\n| “every change is kept” | [Guide](https://one.example/g) |\n| “no citation in this row” | none |\n",
    );
    const claim = doc.claims[0]!;
    expect(claim.quotes.map((q) => [q.text, q.citation])).toEqual([
      ["every change is kept", 0],
      ["no citation in this row", null],
    ]);
    expect(claim.quotes[0]!.position).toEqual({ file: "sources/doc.md", line: 9, column: 3 });
    expect(claim.blocks[0]!.table!.rows[0]![0]).toEqual([{ kind: "quote", quote: "a/q1" }]);
  });
});

describe("what is not carried", () => {
  it("warns once per construct, naming its position and the rule unsupported-content", () => {
    const doc = parse("## A\n\n<div>raw</div>\n\nText <b>bold</b>.\n");
    expect(doc.messages.map((m) => [m.rule, m.position.line, m.reason])).toEqual([
      ["unsupported-content", 7, "raw HTML is not carried into collateral and was left out"],
      ["unsupported-content", 9, "raw HTML is not carried into collateral and was left out"],
      ["unsupported-content", 9, "raw HTML is not carried into collateral and was left out"],
    ]);
  });
});
