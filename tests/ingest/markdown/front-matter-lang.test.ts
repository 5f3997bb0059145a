// Front matter lang and labels: a language tag is checked, an unknown label is warned about where it is written.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";
import { CollateralError } from "../../../src/model/index.js";

const parse = (frontMatter: string) =>
  parseSourceDocument(
    "sources/doc.md",
    `---\ntitle: T\nproduct: P\n${frontMatter}---\n\n## A\n\nText.\n`,
  );

describe("lang", () => {
  it("takes a BCP 47 tag", () => {
    expect(parse("lang: de-AT\n").meta.lang).toBe("de-AT");
    expect(parse("lang: ja\n").messages).toEqual([]);
  });

  it("refuses what is not a language tag, naming its line", () => {
    const error = (() => {
      try {
        parse("lang: German (Austria)\n");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CollateralError);
    expect(String(error)).toMatch(
      /^sources\/doc\.md:4:7: lang "German \(Austria\)" is not a BCP 47 language tag/,
    );
  });
});

describe("labels", () => {
  it("keeps the labels it knows and warns about one it does not, with its position", () => {
    const doc = parse("labels:\n  benefit: Der Vorteil\n  preparedFro: Erstellt für\n");
    expect(doc.meta.labels).toEqual({ benefit: "Der Vorteil", preparedFro: "Erstellt für" });
    expect(doc.messages).toEqual([
      {
        position: { file: "sources/doc.md", line: 6, column: 16 },
        reason: 'unknown label "preparedFro" (did you mean "preparedFor"?): it is ignored',
        rule: "labels",
      },
    ]);
  });

  it("refuses a label that is not text, naming its line", () => {
    expect(() => parse("labels:\n  benefit: [a, b]\n")).toThrow(CollateralError);
  });
});
