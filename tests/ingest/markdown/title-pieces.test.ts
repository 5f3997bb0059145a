// A claim's printed title is made of the heading pieces whose quotes are verified, and the heading's warnings
// are said: raw HTML and a refused image's alt text never print in a title's quote marks unchecked.
import { slug } from "github-slugger";
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const GUIDE = "https://atlas.example/guide";

describe("the claim title", () => {
  it("prints the verified quote's words, without an HTML comment inside its marks", () => {
    const doc = parseSourceDocument(
      "sources/doc.md",
      `${FM}## “Every edit made on a <!-- never --> device is kept” [Atlas](${GUIDE}) {#comment}\n\nBody text.\n`,
    );
    const claim = doc.claims[0]!;
    expect(claim.quotes.map((q) => q.text)).toEqual(["Every edit made on a device is kept"]);
    expect(claim.title).toBe("“Every edit made on a device is kept” Atlas");
    expect(claim.title).not.toContain("never");
  });

  it("leaves a refused image's alt text out and says why, as in the body", () => {
    const doc = parseSourceDocument(
      "sources/doc.md",
      `${FM}## ![“Atlas is certified by NASA for spaceflight”](https://img.example/x.png) Spaceflight {#remote}\n\nBody text.\n`,
    );
    const claim = doc.claims[0]!;
    expect(claim.id).toBe("remote");
    expect(claim.title).toBe("Spaceflight");
    expect(doc.messages.some((m) => m.position.line === 5)).toBe(true);
  });

  it("keeps the id a heading always had", () => {
    const doc = parseSourceDocument(
      "sources/doc.md",
      `${FM}## Fast <!-- x --> setup\n\nBody text.\n`,
    );
    expect(doc.claims[0]!.title).toBe("Fast setup");
    expect(doc.claims[0]!.id).toBe(slug("Fast <!-- x --> setup"));
  });
});
