import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";
import { CollateralError } from "../../../src/model/index.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const parse = (body: string) => parseSourceDocument("sources/doc.md", FM + body);

describe("claims", () => {
  it("opens a claim at every ## heading with a GitHub-style slug id", () => {
    const doc = parse(
      "## Accessible Entry Point:\n\nText.\n\n## Flexible Exam Options & Learning Path\n\nMore.\n",
    );
    expect(doc.claims.map((c) => c.id)).toEqual([
      "accessible-entry-point",
      "flexible-exam-options--learning-path",
    ]);
    expect(doc.claims[0]!.title).toBe("Accessible Entry Point");
    expect(doc.claims[0]!.position).toEqual({ file: "sources/doc.md", line: 5, column: 1 });
  });

  it("numbers repeated headings like GitHub does", () => {
    const doc = parse("## Same\n\na\n\n## Same\n\nb\n");
    expect(doc.claims.map((c) => c.id)).toEqual(["same", "same-1"]);
  });

  it("keeps ### headings and list items inside the claim", () => {
    const doc = parse("## A\n\n### Sub\n\n- one\n- two\n");
    expect(doc.claims[0]!.blocks.map((b) => b.kind)).toEqual(["heading", "list-item", "list-item"]);
  });

  it("marks a paragraph that opens with Benefit: as the claim's benefit", () => {
    const doc = parse("## A\n\nBody.\n\n**Benefit:** faster.\n");
    expect(doc.claims[0]!.blocks.map((b) => b.role)).toEqual(["body", "benefit"]);
  });

  it("warns about text before the first claim, raw HTML and an image outside the workspace", () => {
    const doc = parse(
      'Intro.\n\n## A\n\n<img src="http://169.254.169.254/">\n\n![x](file:///etc/passwd) ok\n',
    );
    expect(doc.messages.map((m) => m.rule)).toEqual([
      "outside-claim",
      "unsupported-content",
      "image-refused",
    ]);
    const json = JSON.stringify(doc.claims);
    expect(json).not.toContain("169.254");
    expect(json).not.toContain("/etc/passwd");
  });
});

describe("quotes", () => {
  it("finds curly and straight quotes of three words or more, not shorter ones", () => {
    const doc = parse('## A\n\nIt is a “bridge” tool, “one two three” and "four five six".\n');
    expect(doc.claims[0]!.quotes.map((q) => q.text)).toEqual(["one two three", "four five six"]);
  });

  it("gives the position of the opening quote mark, on a later line too", () => {
    const doc = parse("## A\n\nFirst line\nsecond “one two three” x\n");
    expect(doc.claims[0]!.quotes[0]!.position).toEqual({
      file: "sources/doc.md",
      line: 8,
      column: 8,
    });
  });

  it("joins a quote that wraps across lines into one line of text", () => {
    const doc = parse("## A\n\n“one two\nthree four” [x](https://a.example/doc)\n");
    expect(doc.claims[0]!.quotes[0]!.text).toBe("one two three four");
  });

  it("keeps the words of a link inside a quote, and a hard line break as a space", () => {
    const doc = parse(
      "## A\n\nIt says “candidates [do not](https://a.example/faq) need [five](./five.md)  \nyears” here.\n",
    );
    const claim = doc.claims[0]!;
    expect(claim.quotes[0]!.text).toBe("candidates do not need five years");
    // The quote is printed whole, its words with it; the citation inside keeps its marker.
    expect(claim.blocks[0]!.inlines).toEqual([
      { kind: "text", text: "It says " },
      { kind: "quote", quote: "a/q1" },
      { kind: "cite", citation: 0, label: "do not" },
      { kind: "text", text: " here." },
    ]);
  });

  it("cuts the quote out of the prose as a quote inline", () => {
    const doc = parse("## A\n\nSays “one two three” here.\n");
    expect(doc.claims[0]!.blocks[0]!.inlines).toEqual([
      { kind: "text", text: "Says " },
      { kind: "quote", quote: "a/q1" },
      { kind: "text", text: " here." },
    ]);
  });
});

describe("citations and attribution", () => {
  const links = "\n[one]: https://one.example/a\n[two]: https://two.example/b\n";

  it("attributes a quote to the first citation after it in the paragraph", () => {
    const doc = parse(`## A\n\n[before][one] “one two three” then [after][two].\n${links}`);
    const claim = doc.claims[0]!;
    expect(claim.citations[claim.quotes[0]!.citation!]!.url).toBe("https://two.example/b");
  });

  it("falls back to the nearest citation before the quote", () => {
    const doc = parse(`## A\n\n[first][one] [second][two] “one two three”.\n${links}`);
    const claim = doc.claims[0]!;
    expect(claim.citations[claim.quotes[0]!.citation!]!.url).toBe("https://two.example/b");
  });

  it("leaves a quote uncited when its paragraph has no citation, even if the next one does", () => {
    const doc = parse(`## A\n\n“one two three”.\n\n[after][one]\n${links}`);
    expect(doc.claims[0]!.quotes[0]!.citation).toBeNull();
  });

  it("reads inline links, autolinks, reference links and footnotes as citations", () => {
    const doc = parse(
      "## A\n\n[a](https://a.example) <https://b.example> [c][one] x[^n]\n\n[^n]: See [d](https://d.example).\n" +
        links,
    );
    expect(doc.claims[0]!.citations.map((c) => [c.kind, c.url])).toEqual([
      ["inline", "https://a.example"],
      ["autolink", "https://b.example"],
      ["reference", "https://one.example/a"],
      ["footnote", "https://d.example"],
    ]);
  });

  it("does not treat mailto: or relative links as citations", () => {
    const doc = parse("## A\n\n[mail](mailto:a@b.c) [rel](./x.md)\n");
    expect(doc.claims[0]!.citations).toEqual([]);
  });
});

describe("front matter", () => {
  it("warns about a front matter key it does not know, with the key it was probably meant to be", () => {
    const doc = parseSourceDocument(
      "sources/doc.md",
      "---\ntitle: T\ntagine: Fast\n---\n## A\n\nText.\n",
    );
    expect(doc.messages).toEqual([
      expect.objectContaining({
        rule: "front-matter",
        reason: 'unknown front matter key "tagine" (did you mean "tagline"?): it is ignored',
        position: expect.objectContaining({ file: "sources/doc.md", line: 3 }),
      }),
    ]);
  });

  it("says so when the front matter is never closed", () => {
    expect(() => parseSourceDocument("sources/doc.md", "---\ntitle: T\n\n## A\n\nText.\n")).toThrow(
      /front matter opened here is never closed/,
    );
  });

  it("reports a YAML error at its line in the Markdown file", () => {
    expect(() =>
      parseSourceDocument("sources/doc.md", "---\ntitle: T\nproduct: [\n---\n## A\n"),
    ).toThrow(CollateralError);
    try {
      parseSourceDocument("sources/doc.md", "---\ntitle: T\naudiences: 3\n---\n## A\n");
    } catch (error) {
      expect(String(error)).toMatch(/^sources\/doc\.md:3:\d+: /);
    }
  });
});
