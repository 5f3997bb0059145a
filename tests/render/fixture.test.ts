// The hand-made CISSO model the render and export tests share: exactly the schema, and true to the source.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CollateralModelSchema } from "../../src/model/index.js";
import { fixtureJson, fixtureModel } from "./fixture-model.js";

const SOURCE = path.resolve(import.meta.dirname, "../../sources/cisso-vs-cissp.md");

describe("the CISSO fixture model", () => {
  it("matches CollateralModelSchema exactly: nothing stripped, nothing defaulted", () => {
    expect(CollateralModelSchema.parse(fixtureJson())).toEqual(fixtureJson());
  });

  it("has one claim per ## heading of the source, with GitHub slugs as ids", () => {
    const headings = readFileSync(SOURCE, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("## "))
      .map((line) => line.slice(3));
    const model = fixtureModel();
    expect(model.claims.map((c) => c.title)).toEqual(headings);
    expect(model.claims.map((c) => c.id)).toContain("flexible-exam-options--learning-path");
    for (const claim of model.meta.audiences.flatMap((a) => a.claims))
      expect(model.claims.map((c) => c.id)).toContain(claim);
  });

  it("points every quote inline at a quote, and every cite at a citation of its claim", () => {
    for (const claim of fixtureModel().claims) {
      const inlines = claim.blocks.flatMap((b) => b.inlines);
      for (const inline of inlines) {
        if (inline.kind === "quote") expect(claim.quotes.map((q) => q.id)).toContain(inline.quote);
        if (inline.kind === "cite")
          expect(claim.citations.map((c) => c.index)).toContain(inline.citation);
      }
      for (const quote of claim.quotes) expect(quote.id.startsWith(`${claim.id}/q`)).toBe(true);
    }
  });

  it("has every quote verified, on p. 2 of the PDFs and no page for the HTML page", () => {
    const { report } = fixtureModel();
    expect(report.ok).toBe(true);
    expect(report.quotes.map((q) => [q.status, q.pages])).toEqual([
      ["verified", [2]],
      ["verified", [2]],
      ["verified", []],
    ]);
  });

  it("quotes the source's words exactly", () => {
    const source = readFileSync(SOURCE, "utf8").replace(/\s+/g, " ");
    for (const quote of fixtureModel().claims.flatMap((c) => c.quotes))
      expect(source).toContain(`“${quote.text}”`);
  });
});
