import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPlainText } from "../../src/ingest/import-text.js";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";

const seed = readFileSync(new URL("../fixtures/seed/cisso-vs-cissp.txt", import.meta.url), "utf8");

describe("import of the CISSO seed", () => {
  const draft = importPlainText(seed, { title: "CISSO vs CISSP" });

  it("makes headings of the short lines ending in a colon", () => {
    const headings = draft.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "## Accessible Entry Point",
      "## Focused Role-Based Content Aligned to Management/Auditing",
      "## Alignment with U.S. Federal Standards & Recognized Accreditation",
      "### The CISSO from Mile2 is Mapped and Recognized by Federal Standards",
      "## Flexible Exam Options & Learning Path",
      "## Strong Role Fit for Emerging Security Managers and Team Leads",
      "## Conclusion",
    ]);
  });

  it("rejoins hard-wrapped lines and decodes HTML entities", () => {
    expect(draft).toContain("Certified Information Systems Security Officer (CISSO).”");
    expect(draft).not.toContain("&amp;");
    expect(draft).toContain("Flexible Exam Options & Learning Path");
  });

  it("keeps a paragraph break the export lost after a short closing line", () => {
    expect(draft).toContain("not firewalls.\n\nUltimately, the CISSO");
  });

  it("keeps the trailing URL list as link references", () => {
    expect(draft).toContain(
      "[ref-1]: https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf",
    );
    expect(draft.match(/^\[ref-\d\]: https:/gm)).toHaveLength(3);
  });

  it("keeps every word of the author's text, in order (URLs move to the end)", () => {
    const words = (s: string) =>
      s
        .replace(/&amp;/g, "&")
        .replace(/https?:\/\/\S+/g, "")
        .match(/[\p{L}\p{N}’'®&+/.-]+/gu) ?? [];
    const body = draft.replace(/^---[\s\S]*?-->\n/, "");
    const bodyWords = words(body.replace(/^#+ /gm, "").replace(/^\[ref-\d\]: /gm, "")).join(" ");
    expect(bodyWords.replace(/:/g, "")).toBe(words(seed).join(" ").replace(/:/g, ""));
  });

  it("produces a draft that parses into claims with the seed's three quotes", () => {
    const doc = parseSourceDocument("sources/draft.md", draft);
    expect(doc.claims).toHaveLength(6);
    expect(doc.claims.flatMap((c) => c.quotes).map((q) => q.text)).toEqual([
      "there are no minimum requirements needed to become a Certified Information Systems Security Officer (CISSO).",
      "managers, auditors, and INFOSEC professionals,",
      "validated by the NSA for CNSSI-4012 … and NSTISSI-4011",
    ]);
  });
});

describe("import of ordinary text", () => {
  it("treats blank lines as paragraph breaks when lines are not double-spaced", () => {
    const draft = importPlainText("Title:\nline one\nline two\n\nnext para\n");
    expect(draft).toContain("## Title\n\nline one line two\n\nnext para");
  });
});

describe("import of a URL list under a label", () => {
  const PROSE = "Our product is fast.\n\n";

  it("makes references of the URLs and drops the label, in one group or two", () => {
    for (const text of [
      `${PROSE}Links:\nhttps://a.example/one.pdf\nhttps://b.example/two\n`,
      `${PROSE}Links:\n\nhttps://a.example/one.pdf\nhttps://b.example/two\n`,
    ]) {
      const draft = importPlainText(text);
      expect(draft).not.toContain("## Links");
      expect(draft).not.toContain("Links:");
      expect(draft).toContain(
        "[ref-1]: https://a.example/one.pdf\n[ref-2]: https://b.example/two\n",
      );
    }
  });

  it("keeps each line's label as the reference's title, and reads list marks", () => {
    const draft = importPlainText(
      `${PROSE}Sources:\n- Exam blueprint: https://a.example/one.pdf\n2. https://b.example/two\n`,
    );
    expect(draft).toContain(
      '[ref-1]: https://a.example/one.pdf "Exam blueprint"\n[ref-2]: https://b.example/two\n',
    );
    const doc = parseSourceDocument("sources/draft.md", draft);
    expect(doc.messages.filter((m) => m.rule !== "placeholder")).toEqual([]);
  });

  it("keeps a heading whose text is prose, not a URL list", () => {
    const draft = importPlainText(`${PROSE}Why it matters:\nIt is fast.\n`);
    expect(draft).toContain("## Why it matters");
  });

  it("writes placeholders that warn until they are filled in", () => {
    const doc = parseSourceDocument("sources/draft.md", importPlainText(`Claim:\n${PROSE}`));
    expect(doc.messages.filter((m) => m.rule === "placeholder").map((m) => m.reason)).toEqual([
      'product is still a placeholder ("TODO"): fill it in before this goes out',
      'competitor is still a placeholder ("TODO"): fill it in before this goes out',
      'tagline is still a placeholder ("TODO"): fill it in before this goes out',
    ]);
  });
});
