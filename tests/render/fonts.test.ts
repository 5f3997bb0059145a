// Fonts for every script: unicode ranges, the catalogue read from the @fontsource packages, which faces a text needs.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import { CollateralError } from "../../src/model/index.js";
import { sentences } from "../../src/render/deck-points.js";
import { fontCatalogue, scriptStack } from "../../src/render/font-catalogue.js";
import { FONT_FACES_SLOT, facesFor, usedCodePoints, withFonts } from "../../src/render/fonts.js";
import {
  BUILTIN_TEMPLATES_DIR,
  loadTemplates,
  PIECES,
  renderPiece,
} from "../../src/render/index.js";
import {
  formatUnicodeRange,
  intersectRanges,
  parseUnicodeRange,
  rangeHas,
  subtractRanges,
  unionRanges,
} from "../../src/render/unicode-range.js";
import { fixtureModel } from "./fixture-model.js";

/** The families of the faces a text needs in a language, each once, in declaration order. */
const families = (text: string, lang = "en") => [
  ...new Set(facesFor(usedCodePoints(text), lang).map((f) => f.family)),
];

describe("unicode ranges", () => {
  it("reads single points, spans and wildcards, merging what touches", () => {
    expect(parseUnicodeRange("U+0131, U+0000-00FF,U+04??,U+0100")).toEqual([
      [0, 0x100],
      [0x131, 0x131],
      [0x400, 0x4ff],
    ]);
    expect(() => parseUnicodeRange("U+12G4")).toThrow(/not a unicode-range term/);
  });

  it("intersects, subtracts, joins and prints back", () => {
    const a = parseUnicodeRange("U+0020-007E,U+3040-30FF");
    const b = parseUnicodeRange("U+0041-005A,U+3000-309F");
    expect(formatUnicodeRange(intersectRanges(a, b))).toBe("U+0041-005A,U+3040-309F");
    expect(formatUnicodeRange(subtractRanges(a, b))).toBe("U+0020-0040,U+005B-007E,U+30A0-30FF");
    expect(formatUnicodeRange(unionRanges(a, b))).toBe("U+0020-007E,U+3000-30FF");
    expect(rangeHas(a, 0x3042)).toBe(true);
    expect(rangeHas(a, 0x7f)).toBe(false);
  });
});

describe("the font catalogue", () => {
  it("ships a file for every face it declares, from the packages' own unicode ranges", () => {
    const faces = fontCatalogue();
    expect(faces.filter((f) => !existsSync(f.path)).map((f) => f.file)).toEqual([]);
    const names = new Set(faces.map((f) => f.family));
    for (const family of [
      "Inter",
      "Source Serif 4",
      "Noto Sans Arabic",
      "Noto Sans Hebrew",
      "Noto Sans JP",
      "Noto Sans SC",
      "Noto Sans TC",
      "Noto Sans KR",
    ])
      expect(names).toContain(family);
    // The large CJK families ship two weights only.
    const cjkWeights = new Set(
      faces.filter((f) => f.family === "Noto Sans SC").map((f) => f.weight),
    );
    expect([...cjkWeights].sort()).toEqual([400, 700]);
  });

  it("orders the script stack by language: kana JP, hangul KR, Han in the language's face", () => {
    expect(scriptStack("en").slice(2)).toEqual([
      "Noto Sans JP Kana",
      "Noto Sans KR Hangul",
      "Noto Sans SC",
      "Noto Sans TC",
      "Noto Sans JP",
      "Noto Sans KR",
    ]);
    expect(scriptStack("ja")[3]).toBe("Noto Sans JP");
    expect(scriptStack("zh-Hant")[4]).toBe("Noto Sans TC");
    expect(scriptStack("zh-TW")[4]).toBe("Noto Sans TC");
    expect(scriptStack("zh-CN")[4]).toBe("Noto Sans SC");
    expect(scriptStack("zh-Hans")[4]).toBe("Noto Sans SC");
    expect(scriptStack("ko")[3]).toBe("Noto Sans KR");
  });
});

describe("facesFor", () => {
  it("needs only the Latin faces for Latin text", () => {
    const faces = facesFor(usedCodePoints("Security — “leadership” sooner, Zürich, Œuvre"), "en");
    expect(new Set(faces.map((f) => f.file.replace(/-\d+-(normal|italic)\.woff2$/, "")))).toEqual(
      new Set([
        "inter-latin",
        "inter-latin-ext",
        "source-serif-4-latin",
        "source-serif-4-latin-ext",
      ]),
    );
  });

  it("adds Inter's and Source Serif's own subsets for Greek, Cyrillic and Vietnamese", () => {
    expect(families("ООО «Яндекс» Ελληνικά Nguyễn")).toEqual(["Inter", "Source Serif 4"]);
    const files = facesFor(usedCodePoints("Яндекс Ελληνικά Nguyễn"), "en").map((f) => f.file);
    for (const subset of ["cyrillic", "greek", "vietnamese"]) {
      expect(files).toContain(`inter-${subset}-400-normal.woff2`);
      expect(files).toContain(`source-serif-4-${subset}-400-normal.woff2`);
    }
  });

  it("sets kana in the Japanese face and Han without a CJK lang in one face, Simplified Chinese", () => {
    expect(families("さくらインターネット").slice(2)).toEqual(["Noto Sans JP Kana"]);
    expect(families("华为技术有限公司").slice(2)).toEqual(["Noto Sans SC"]);
    expect(families("臺灣積體電路製造股份有限公司").slice(2)).toEqual(["Noto Sans SC"]);
    expect(families("株式会社さくらインターネット").slice(2)).toEqual([
      "Noto Sans JP Kana",
      "Noto Sans SC",
    ]);
    expect(families("삼성전자 주식회사").slice(2)).toEqual(["Noto Sans KR Hangul"]);
  });

  it("takes the Han face from the document's lang", () => {
    expect(families("株式会社さくらインターネット", "ja").slice(2)).toEqual(["Noto Sans JP"]);
    expect(families("臺灣積體電路製造股份有限公司", "zh-Hant").slice(2)).toEqual(["Noto Sans TC"]);
    expect(families("三星電子 삼성전자", "ko").slice(2)).toEqual(["Noto Sans KR"]);
  });

  it("adds Arabic and Hebrew faces for right-to-left text", () => {
    expect(families("شركة أرامكو السعودية").slice(2)).toEqual(["Noto Sans Arabic"]);
    expect(families("חברת החשמל לישראל בע״מ").slice(2)).toEqual(["Noto Sans Hebrew"]);
  });

  it("reads characters from character references and CSS escapes", () => {
    const used = usedCodePoints(
      '<p>&#x3042;&#12354;&hearts;</p><style>a::after{content:"\\2192"}</style>',
    );
    expect([...used].sort((a, b) => a - b)).toEqual([0x2192, 0x2665, 0x3042]);
  });
});

describe("withFonts", () => {
  it("fills the slot with the stack and the rules, and names only the files they use", () => {
    const { html, assets } = withFonts(`<style>${FONT_FACES_SLOT}</style><p>さくら</p>`, "en");
    expect(html).not.toContain(FONT_FACES_SLOT);
    expect(html).toMatch(/:root\{--font-scripts:"Noto Sans Arabic",/);
    const named = [...html.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(named)).toEqual(new Set(assets.map((a) => a.rel)));
    expect(assets.some((a) => /noto-sans-jp-\d+-400-normal/.test(a.rel))).toBe(true);
    expect(assets.some((a) => /noto-sans-sc/.test(a.rel))).toBe(false);
  });

  it("gives the CISSO pieces the Latin faces they had before, and lang en on the root", async () => {
    const templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
    const model = fixtureModel();
    for (const piece of PIECES) {
      const rendered = renderPiece(templates, model, piece, {});
      const fonts = rendered.assets.filter((a) => a.rel.startsWith("assets/fonts/"));
      expect(fonts).toHaveLength(18);
      expect(fonts.every((a) => /\/(inter|source-serif-4)-latin(-ext)?-/.test(a.rel))).toBe(true);
      expect(rendered.html).toMatch(/^<!doctype html>\s*<html lang="en"/);
    }
  });

  it("puts the front matter lang on the root of every piece", async () => {
    const templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
    const model = fixtureModel();
    const ja = { ...model, meta: { ...model.meta, lang: "ja" } };
    for (const piece of PIECES)
      expect(renderPiece(templates, ja, piece, {}).html).toMatch(/<html lang="ja"/);
  });
});

describe("front matter lang", () => {
  it("refuses a lang that is not a language tag, naming its line", () => {
    const text = "---\ntitle: T\nproduct: P\nlang: Japanese language\n---\n## A\n";
    expect(() => parseSourceDocument("sources/a.md", text)).toThrow(CollateralError);
    try {
      parseSourceDocument("sources/a.md", text);
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/BCP 47/);
      expect((error as CollateralError).position).toMatchObject({ file: "sources/a.md", line: 4 });
    }
  });
});

describe("deck points in every script", () => {
  it("keeps sentences without an ASCII letter and splits at CJK full stops", () => {
    expect(sentences("日本のお客様は資料を受け取ります。次の文です。")).toEqual([
      "日本のお客様は資料を受け取ります。",
      "次の文です。",
    ]);
    expect(sentences("Наши клиенты получают материалы. Это второе.")).toEqual([
      "Наши клиенты получают материалы.",
      "Это второе.",
    ]);
    expect(sentences("يحصل عملاؤنا على المواد.")).toEqual(["يحصل عملاؤنا على المواد."]);
  });
});
