// Every double quote mark a reader sees either makes a verified quote or is warned about: German, French and
// CJK marks, mixed marks, CJK counted by character, an inch mark never swallowing a quote's opening mark.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const GUIDE = "https://atlas.example/guide";
const parse = (body: string) =>
  parseSourceDocument("sources/doc.md", `${FM}## A {#a}\n\n${body}\n`);
const quotes = (body: string) => parse(body).claims[0]!.quotes.map((q) => q.text);
const strays = (body: string) =>
  parse(body)
    .messages.filter((m) => m.rule === "unpaired-quote-mark")
    .map((m) => `${m.position.line}:${m.position.column}`);

describe("quote marks", () => {
  it("reads „…“, «…», 「…」 and 『…』 as quotes", () => {
    expect(quotes(`Er sagt „Atlas ist zertifiziert worden“. [G](${GUIDE})`)).toEqual([
      "Atlas ist zertifiziert worden",
    ]);
    expect(quotes(`Il dit «Atlas est certifié partout» [G](${GUIDE})`)).toEqual([
      "Atlas est certifié partout",
    ]);
    expect(quotes(`指南说「阿特拉斯获得认证」。[G](${GUIDE})`)).toEqual(["阿特拉斯获得认证"]);
    expect(quotes(`『アトラスは認証済み』[G](${GUIDE})`)).toEqual(["アトラスは認証済み"]);
  });

  it("counts Chinese by character: four or more make a quote", () => {
    expect(quotes(`指南说“阿特拉斯获得美国宇航局认证”。[G](${GUIDE})`)).toEqual([
      "阿特拉斯获得美国宇航局认证",
    ]);
    expect(quotes("他说“好的”。")).toEqual([]);
  });

  it('reads mixed marks “…" as a quote', () => {
    expect(quotes(`Atlas is “certified by NASA for spaceflight use." [G](${GUIDE})`)).toEqual([
      "certified by NASA for spaceflight use.",
    ]);
  });

  it("never lets an inch mark take a quote's opening mark", () => {
    expect(
      quotes(
        `Its 7" screen shows "Atlas is certified by NASA for spaceflight" to users. [G](${GUIDE})`,
      ),
    ).toEqual(["Atlas is certified by NASA for spaceflight"]);
  });

  it("warns where an unpaired mark stands, but not at an inch mark in ordinary prose", () => {
    expect(strays(`Atlas is “certified by NASA for spaceflight use. [G](${GUIDE})`)).toEqual([
      "7:10",
    ]);
    expect(strays('A 7" screen and a 9" tablet fit in one bag.')).toEqual([]);
    expect(quotes('A 7" screen and a 9" tablet fit in one bag.')).toEqual([]);
    expect(strays('Press `"` to search.')).toEqual([]);
  });

  it("warns at an unpaired mark in the claim heading too", () => {
    const doc = parseSourceDocument(
      "sources/doc.md",
      `${FM}## Atlas “is certified {#a}\n\nBody.\n`,
    );
    expect(doc.messages.map((m) => m.rule)).toContain("unpaired-quote-mark");
  });
});

describe("marks that are no quote", () => {
  it("a pair around one or two words (scare quotes) is no quote and no warning", () => {
    expect(strays("CISSO can act as a “bridge” certification.")).toEqual([]);
    expect(quotes("CISSO can act as a “bridge” certification.")).toEqual([]);
  });
});
