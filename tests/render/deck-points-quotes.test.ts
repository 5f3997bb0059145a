// Slide points never change a quote's words inside its marks, never print a failing quote unstamped, and read
// a `Slide :` label the way the role reader does.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import {
  type CollateralModel,
  MODEL_VERSION,
  type QuoteStatus,
  summarize,
} from "../../src/model/index.js";
import { CitationIndex } from "../../src/render/citations.js";
import { claimView } from "../../src/render/claim-view.js";
import { shorten, slidePoints } from "../../src/render/deck-points.js";

const GUIDE = "https://atlas.example/guide";
const claimOf = (body: string) =>
  parseSourceDocument("sources/doc.md", `---\ntitle: T\nproduct: P\n---\n## A {#a}\n\n${body}\n`)
    .claims[0]!;
const textOf = (claim: ReturnType<typeof claimOf>) => (id: string) =>
  claim.quotes.find((q) => q.id === id)?.text;

describe("slide labels", () => {
  it("strips `Slide :` the way roleOf reads it", () => {
    const claim = claimOf("Body sentence here.\n\nSlide : The point the author wants shown.");
    expect(claim.blocks.at(-1)?.role).toBe("slide");
    expect(slidePoints(claim, textOf(claim))).toEqual(["The point the author wants shown."]);
  });
});

describe("a failing quote on a slide point", () => {
  const viewOf = (body: string, statuses: Record<string, QuoteStatus> = {}) => {
    const doc = parseSourceDocument("sources/doc.md", `---\ntitle: T\nproduct: P\n---\n${body}`);
    const claims = doc.claims;
    const results = claims.flatMap((c) =>
      c.quotes.map((q) => ({
        id: q.id,
        claim: c.id,
        text: q.text,
        status: statuses[q.id] ?? ("verified" as QuoteStatus),
        cited: null,
        citedUrl: null,
        pages: [],
        foundIn: null,
        reason: "",
        position: q.position,
      })),
    );
    const model = {
      version: MODEL_VERSION,
      meta: { title: "T", product: "P", audiences: [], comparison: [] },
      claims,
      sources: [],
      report: summarize(results as never, []),
    } as unknown as CollateralModel;
    return claimView(model, claims[0]!, 1, new CitationIndex(model, claims));
  };

  it("carries the quote's UNVERIFIED stamp, in a `Slide:` point as in a chosen sentence", () => {
    const view = viewOf(
      `## A {#a}\n\nBody says “every edit made on a device is kept” [G](${GUIDE}).\n\nSlide: Atlas says “Atlas is certified by NASA for spaceflight use” [G](${GUIDE})\n`,
      { "a/q2": "not-found" },
    );
    expect(view.points).toEqual([
      "Atlas says “Atlas is certified by NASA for spaceflight use” [UNVERIFIED — not-found]",
    ]);
    const verified = viewOf(
      `## A {#a}\n\nSlide: Atlas says “every edit made on a device is kept” [G](${GUIDE})\n`,
    );
    expect(verified.points.join(" ")).not.toContain("UNVERIFIED");
  });
});

describe("a quote of two sentences", () => {
  it("is never cut into a point, nor an aside dropped inside its marks", () => {
    const claim = claimOf(
      `The guide is clear: “Atlas Sync works offline. Every edit is kept and merged on reconnect, and conflicts are resolved field by field (though not for attachments, which are replaced whole by the latest upload) without losing any edit.” [G](${GUIDE})\n\nTeams keep working on the road.`,
    );
    const points = slidePoints(claim, textOf(claim));
    expect(points).toEqual(["Teams keep working on the road."]);
  });

  it("shorten leaves an aside inside quote marks", () => {
    const long = `He said “${Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ")} (an aside kept)” then (dropped aside).`;
    expect(shorten(long, 36)).toContain("(an aside kept)");
    expect(shorten(long, 36)).not.toContain("(dropped aside)");
  });
});
