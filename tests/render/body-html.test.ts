// Blocks → claim body HTML: nested lists with their numbers, blockquotes, tables, code, prose links and images, all escaped.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import type { Claim } from "../../src/model/index.js";
import { type BodyContext, blocksHtml } from "../../src/render/body-html.js";
import { codeSpansHtml } from "../../src/render/inline-html.js";

const FM = "---\ntitle: T\nproduct: P\n---\n## A\n\n";
const claimOf = (body: string): Claim =>
  parseSourceDocument("sources/doc.md", FM + body).claims[0]!;

function html(body: string, ctx: Partial<BodyContext> = {}): string {
  const claim = claimOf(body);
  const quotes = new Map(claim.quotes.map((q) => [q.id, q]));
  return blocksHtml(claim.blocks, {
    numberFor: () => 1,
    quote: (id) => {
      const q = quotes.get(id);
      return (
        q && {
          id,
          text: q.text,
          pullText: q.text,
          number: 1,
          source: "",
          href: null,
          status: "verified",
          stamp: null,
        }
      );
    },
    urlFor: () => "https://one.example/guide.pdf",
    imageFor: (src) => `assets/content/${src}`,
    ...ctx,
  }).replace(/\n/g, "");
}

describe("blocksHtml", () => {
  it("opens an ordered list at its start number and nests lists inside their item", () => {
    expect(html("3. three\n   - sub\n4. four\n\nAfter.\n")).toBe(
      '<ol class="content-list" start="3"><li value="3">three<ul class="content-list"><li>sub</li></ul></li><li value="4">four</li></ol><p>After.</p>',
    );
  });

  it("starts each item's text right after its <li>, nested and numbered ones too: no space after the bullet", () => {
    const claim = claimOf("- one\n  - sub\n2. two\n");
    const raw = blocksHtml(claim.blocks, {
      numberFor: () => 1,
      quote: () => undefined,
      urlFor: () => "",
      imageFor: (src) => src,
    });
    expect(raw).not.toMatch(/<li[^>]*>\s/);
    expect(raw).toContain("<li>one");
    expect(raw).toContain("<li>sub");
  });

  it("prints each ordered item with the number written, so an empty item left out renumbers nothing", () => {
    expect(html("1. First step.\n2.\n3. Third step.\n")).toBe(
      '<ol class="content-list"><li value="1">First step.</li><li value="3">Third step.</li></ol>',
    );
  });

  it("prints a quote struck out whole struck through, quote marks and all, its marker after", () => {
    expect(
      html("Said ~~“edits made offline are merged”~~ [G](https://one.example/guide.pdf).\n"),
    ).toBe(
      '<p>Said <del><q class="quote">edits made offline are merged</q></del><sup class="cite-marker"><a href="#ref-1">1</a></sup> <a class="cite" href="https://one.example/guide.pdf">G</a>.</p>',
    );
  });

  it("sets a loose item's later paragraphs as paragraphs of the same item", () => {
    expect(html("- one\n\n  more of one\n- two\n")).toBe(
      '<ul class="content-list"><li>one<p>more of one</p></li><li>two</li></ul>',
    );
  });

  it("sets a blockquote around its paragraphs and lists, keeping a quote's marker", () => {
    expect(html("> “one two three” [G](https://one.example/guide.pdf)\n>\n> - x\n")).toBe(
      '<blockquote class="content-quote"><p><q class="quote">one two three</q><sup class="cite-marker"><a href="#ref-1">1</a></sup> <a class="cite" href="https://one.example/guide.pdf">G</a></p><ul class="content-list"><li>x</li></ul></blockquote>',
    );
  });

  it("prints inline code in <code> without backticks, escaped; a long span may wrap", () => {
    expect(html("Run `a <b> & c` and `" + "x".repeat(40) + "`.\n")).toBe(
      `<p>Run <code class="code-short">a &lt;b&gt; &amp; c</code> and <code>${"x".repeat(40)}</code>.</p>`,
    );
  });

  it("sets a table with a header row and each column's alignment; four columns get the smaller type", () => {
    expect(html("| A | B |\n| :-: | --: |\n| 1 | 2 |\n")).toBe(
      '<table class="content-table"><thead><tr><th scope="col" class="align-center">A</th><th scope="col" class="align-right">B</th></tr></thead><tbody><tr><td class="align-center">1</td><td class="align-right">2</td></tr></tbody></table>',
    );
    expect(html("| A | B | C | D |\n| - | - | - | - |\n| 1 | 2 | 3 | 4 |\n")).toContain(
      'class="content-table content-table-wide"',
    );
  });

  it("prints a lone image as a figure with its alt text, escaped", () => {
    expect(html('![The "sync" screen](assets/shot.png)\n')).toBe(
      '<p class="content-figure"><img class="content-image" src="assets/content/sources/assets/shot.png" alt="The &quot;sync&quot; screen"></p>',
    );
    expect(html("![x](assets/shot.png)\n", { imageFor: () => null })).toBe("");
  });

  it("prints a prose link as a link, a bare URL as the URL itself that may break anywhere", () => {
    const claim = claimOf("x");
    claim.blocks = [
      {
        kind: "paragraph",
        role: "body",
        position: claim.position,
        inlines: [
          { kind: "link", text: "https://docs.example/a", url: "https://docs.example/a" },
          { kind: "text", text: " and " },
          { kind: "link", text: "docs", url: "javascript:alert(1)" },
        ],
      },
    ];
    const out = blocksHtml(claim.blocks, {
      numberFor: () => null,
      quote: () => undefined,
      urlFor: () => null,
      imageFor: () => null,
    });
    expect(out).toBe(
      '<p><a class="link link-url" href="https://docs.example/a">https://docs.example/a</a> and docs</p>',
    );
  });
});

describe("code spans in front matter text", () => {
  it("sets `code` as code, escapes the rest, and prints no backtick", () => {
    expect(codeSpansHtml("Run `atlas init --crew <name>` & go; a lone ` stays")).toBe(
      'Run <code class="code-short">atlas init --crew &lt;name&gt;</code> &amp; go; a lone &#96; stays',
    );
  });
});
