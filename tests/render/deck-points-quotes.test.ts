// Slide points never change a quote's words inside its marks, never print a failing quote unstamped, and read
// a `Slide :` label the way the role reader does.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import { slidePoints } from "../../src/render/deck-points.js";

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
