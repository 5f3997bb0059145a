// Which claims the brochure keeps whole on one page: short ones (about half a page), never a long one or one with an image.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import { isShortClaim } from "../../src/render/claim-size.js";
import { blockText } from "../../src/render/deck-points.js";

const FM = "---\ntitle: T\nproduct: P\n---\n## A\n\n";
function short(body: string, pullQuote = false): boolean {
  const claim = parseSourceDocument("sources/doc.md", FM + body).claims[0]!;
  const text = (b: (typeof claim.blocks)[number]) => blockText(b, () => undefined, true);
  const benefit = claim.blocks.find((b) => b.role === "benefit");
  const blocks = claim.blocks.filter((b) => b.role === "body");
  return isShortClaim(blocks, benefit, pullQuote, text);
}

const sentence = "Permissions are set per entity and per ledger, reviewed every quarter. ";

describe("isShortClaim", () => {
  it("keeps two paragraphs, a three-step list and a benefit whole", () => {
    expect(
      short(
        `${sentence.repeat(3)}\n\n${sentence.repeat(2)}\n\n1. one\n2. two\n3. three\n\n**Benefit:** Less work.\n`,
        true,
      ),
    ).toBe(true);
  });

  it("lets a claim longer than half a page break", () => {
    expect(short(Array.from({ length: 6 }, () => sentence.repeat(4)).join("\n\n"))).toBe(false);
  });

  it("counts an image as tall as it may be set", () => {
    expect(short(`${sentence.repeat(3)}\n\n![Screen](assets/a.png)\n`)).toBe(false);
  });
});
