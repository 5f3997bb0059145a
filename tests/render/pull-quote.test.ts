// Pull quotes: set beside other text than the paragraph that already holds their words, or not at all.
import { beforeAll, describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import {
  type Block,
  type Claim,
  type CollateralModel,
  MODEL_VERSION,
  summarize,
} from "../../src/model/index.js";
import { CitationIndex } from "../../src/render/citations.js";
import { claimView } from "../../src/render/claim-view.js";
import {
  BUILTIN_TEMPLATES_DIR,
  buildView,
  loadTemplates,
  renderPiece,
  type TemplateSet,
} from "../../src/render/index.js";
import { charsBeside, placePullQuote } from "../../src/render/pull-quote.js";
import type { QuoteView } from "../../src/render/quotes.js";
import { fixtureModel } from "./fixture-model.js";

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
});

const at = { file: "sources/doc.md", line: 1, column: 1 };
const quote = (id: string, text: string): QuoteView => ({
  id,
  text,
  pullText: text,
  number: 1,
  source: "CISSO Exam Blueprint Outline, Mile2, p. 2",
  href: null,
  status: "verified",
  stamp: null,
});
const prose = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(" ");
const paragraph = (text: string, quoteId?: string): Block => ({
  kind: "paragraph",
  role: "body",
  position: at,
  inlines: quoteId
    ? [
        { kind: "text", text },
        { kind: "quote", quote: quoteId },
      ]
    : [{ kind: "text", text }],
});
const textOf = (b: Block) =>
  b.inlines.map((i) => (i.kind === "text" ? i.text : "“quoted”")).join("");

describe("placePullQuote", () => {
  const q = quote("c/q1", "there are no minimum requirements needed to become a security officer");

  it("does not pull out a quote whose paragraph is the only text beside it", () => {
    expect(placePullQuote([paragraph(prose(120), "c/q1")], [q], textOf)).toBeNull();
  });

  it("hangs the quote from the first paragraph after its own with enough text from there on", () => {
    const body = [paragraph(prose(40), "c/q1"), paragraph(prose(5)), paragraph(prose(150))];
    expect(placePullQuote(body, [q], textOf)).toEqual({ quote: q, at: 1 });
    const short = [paragraph(prose(40), "c/q1"), paragraph(prose(5)), paragraph(prose(5))];
    expect(placePullQuote(short, [q], textOf)).toBeNull();
  });

  it("hangs it beside earlier text when the quote comes late and the text before is long enough", () => {
    const body = [paragraph(prose(150)), paragraph(prose(40), "c/q1")];
    expect(placePullQuote(body, [q], textOf)).toEqual({ quote: q, at: 0 });
  });

  it("never cuts a list in two", () => {
    const item = (words: number): Block => ({ ...paragraph(prose(words)), kind: "list-item" });
    const body = [paragraph(prose(30), "c/q1"), item(100), item(100)];
    expect(placePullQuote(body, [q], textOf)).toEqual({ quote: q, at: 1 });
    const inList = [{ ...paragraph(prose(30), "c/q1"), kind: "list-item" as const }, item(150)];
    expect(placePullQuote(inList, [q], textOf)).toBeNull();
  });

  it("takes the claim's next quote when the first cannot be placed", () => {
    const second = quote("c/q2", "a later quote of several words");
    const body = [paragraph(prose(200), "c/q1"), paragraph(prose(10), "c/q2")];
    expect(placePullQuote(body, [q, second], textOf)).toEqual({ quote: second, at: 0 });
  });

  it("asks for more text beside a longer quote", () => {
    expect(charsBeside(quote("x", prose(40)))).toBeGreaterThan(charsBeside(q));
  });
});

describe("the brochure's pull quotes", () => {
  it("never set a quote beside the sentence that holds it (CISSO: every quote is in its claim's one paragraph)", () => {
    const view = buildView(templates, fixtureModel(), "brochure", {});
    expect(view.claims.map((c) => c.pullOut)).toEqual(view.claims.map(() => null));
    const { html } = renderPiece(templates, fixtureModel(), "brochure", {});
    expect(html).not.toContain('class="pull-quote"');
    // Each quote still reads once, in its sentence; the deck still sets it large beside its points.
    expect(html.match(/there are no minimum requirements/g)).toHaveLength(1);
    expect(renderPiece(templates, fixtureModel(), "deck", {}).html).toContain(
      'class="slide-quote"',
    );
  });

  it("set a quote beside the paragraph after its own when that one is long enough", () => {
    const model = fixtureModel();
    const claim = model.claims[0] as Claim;
    claim.blocks.splice(1, 0, paragraph(prose(160)));
    const view = buildView(templates, model, "brochure", {});
    const pullOut = view.claims[0]?.pullOut;
    expect(pullOut?.quote.id).toBe("accessible-entry-point/q1");
    expect(pullOut?.leadHtml).toContain("there are no minimum requirements");
    expect(pullOut?.restHtml).toContain("word159");
    const html = renderPiece(templates, model, "brochure", {}).html;
    const figure = html.indexOf('class="pull-quote"');
    expect(figure).toBeGreaterThan(html.indexOf('<q class="quote">there are no minimum'));
    expect(figure).toBeLessThan(html.indexOf("word0 word1"));
  });
});

describe("which quotes may be set large", () => {
  const GUIDE = "https://atlas.example/guide.pdf";
  const viewOf = (body: string) => {
    const doc = parseSourceDocument("sources/doc.md", `---\ntitle: T\nproduct: P\n---\n${body}`);
    const model: CollateralModel = {
      version: MODEL_VERSION,
      meta: {
        title: "T",
        product: "P",
        audiences: [],
        comparison: [],
      } as unknown as CollateralModel["meta"],
      claims: doc.claims,
      sources: [],
      report: summarize([], []),
    };
    return claimView(model, doc.claims[0]!, 1, new CitationIndex(model, doc.claims));
  };

  it("never a quote struck out, in an image's alt text or in the title: the slide shows none of them", () => {
    const view = viewOf(
      `## Atlas “has no setup cost at all”\n\n![“rated first by every field crew”](../assets/shot.png)\n\nThe old guide said ~~“edits made offline are merged when the device reconnects”~~ [G](${GUIDE}).\n\n${prose(200)}\n`,
    );
    expect(view.quotes).toHaveLength(3);
    expect(view.pullQuote).toBeNull();
    expect(view.pullOut).toBeNull();
    expect(view.points.join(" ")).not.toContain("edits made offline");
  });

  it("the first quote the body prints as its own", () => {
    const view = viewOf(
      `## A\n\nStruck ~~“edits made offline are merged”~~ [G](${GUIDE}); kept “every change is kept with its author” [G](${GUIDE}).\n\n${prose(200)}\n`,
    );
    expect(view.pullQuote?.text).toBe("every change is kept with its author");
  });
});
