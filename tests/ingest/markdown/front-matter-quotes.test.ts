// A quote in front matter or in the `#` title prints but has no citation to be checked: warned where it is written.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";

const warned = (text: string) =>
  parseSourceDocument("sources/doc.md", text)
    .messages.filter((m) => m.rule === "quote-in-front-matter")
    .map((m) => `${m.position.line}:${m.position.column}`);

describe("quotes in front matter", () => {
  it("warns at every printed field that holds a quote", () => {
    const text = `---
title: T
product: P
tagline: “CISSO is the only certification the NSA requires”
cta:
  heading: Talk to us
  text: Ask why “every federal agency mandates CISSO by 2027”.
comparison:
  - aspect: Entry
    product: „Accepted by every DoD agency“
    competitor: Five years
---
## A {#a}

Body.
`;
    expect(warned(text).sort()).toEqual(["10:14", "4:10", "7:9"]);
  });

  it("warns at a quote in the `#` title that prints as the document's title", () => {
    const text =
      "---\nproduct: P\n---\n# “CISSO replaces CISSP for all federal roles”\n\n## A {#a}\n\nBody.\n";
    expect(warned(text)).toEqual(["4:1"]);
  });

  it("says nothing of short quoted words or of fields without quotes", () => {
    expect(warned("---\ntitle: A “bridge” cert\nproduct: P\n---\n## A\n\nBody.\n")).toEqual([]);
  });
});
