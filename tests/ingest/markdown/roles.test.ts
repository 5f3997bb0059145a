// Block roles from their labels: Benefit:, Slide: and Notes: (bold or not), and lists under a bare label.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const roles = (body: string) =>
  parseSourceDocument("sources/doc.md", FM + body).claims[0]!.blocks.map(
    (b) => `${b.kind}:${b.role}`,
  );

describe("block roles", () => {
  it("marks Slide: and Notes: paragraphs, bold or not, and Speaker notes:", () => {
    expect(
      roles(
        "## A\n\nBody.\n\nSlide: One point.\n\n**Notes:** Say this.\n\nSpeaker notes: And this.\n\n**Benefit:** Good.\n",
      ),
    ).toEqual([
      "paragraph:body",
      "paragraph:slide",
      "paragraph:notes",
      "paragraph:notes",
      "paragraph:benefit",
    ]);
  });

  it("gives the list right after a bare Slide: or Notes: label that role, nested items too", () => {
    expect(
      roles(
        "## A\n\nSlide:\n\n- one\n  - one and a half\n- two\n\n**Notes:**\n\n- say\n\n- other\n",
      ),
    ).toEqual([
      "paragraph:slide",
      "list-item:slide",
      "list-item:slide",
      "list-item:slide",
      "paragraph:notes",
      "list-item:notes",
      "list-item:notes",
    ]);
  });

  it("leaves a list after a Slide: paragraph with words of its own, and an ordinary list, in the body", () => {
    expect(roles("## A\n\nSlide: A point.\n\n- body item\n\nText:\n\n- item\n")).toEqual([
      "paragraph:slide",
      "list-item:body",
      "paragraph:body",
      "list-item:body",
    ]);
  });
});
