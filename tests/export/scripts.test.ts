// Every script, never overprinted: a workspace and prospect names in nine scripts built with real Chromium, and
// the PDFs read back with poppler (text, fonts, word boxes).
import { execFile } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserManager, printToPdf } from "../../src/export/index.js";
import type { CollateralModel } from "../../src/model/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  loadTemplates,
  renderPiece,
  type TemplateSet,
} from "../../src/render/index.js";
import { runCli } from "../helpers/workspace.js";
import { fixtureModel } from "../render/fixture-model.js";
import { pdfFonts } from "./pdf-read.js";
import {
  LONG_URL,
  LONG_WORD,
  PROSPECTS,
  SENTENCES,
  scriptsWorkspace,
} from "./scripts-workspace.js";
import { offPage, overprints, type PageBoxes, wordBoxes } from "./word-boxes.js";

const BUILD_TIMEOUT = 180_000;
const PIECES = ["brochure", "one-pager", "deck"] as const;
/** The faces collateral ships, as pdffonts names them (the CJK and Hebrew static files call themselves "Thin"). */
const SHIPPED = /^[A-Z]{6}\+(Inter|SourceSerif4|NotoSans(JP|SC|TC|KR|Arabic|Hebrew))(Thin)?-/;

/**
 * Text compared without white space, hyphens or direction marks: lines break anywhere in CJK and inside a long
 * word, and poppler splits Arabic words where Noto Sans Arabic sets a letter's dots as marks of their own.
 */
const letters = (text: string) =>
  text.normalize("NFC").replace(/[\s\u00ad\-‐\u200e\u200f\u202a-\u202e]/g, "");

/**
 * The text in poppler's reading order, which puts right-to-left lines back in logical order (-raw does not), NFC,
 * without the embedding marks poppler wraps them in.
 */
async function pdfText(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)("pdftotext", ["-enc", "UTF-8", file, "-"]);
  return stdout.normalize("NFC").replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

async function fontNames(file: string): Promise<string[]> {
  const fonts = await pdfFonts(file);
  expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  return fonts.map((f) => f.name);
}

function expectClean(pages: PageBoxes[], what: string) {
  for (const page of pages) {
    const pairs = overprints(page).map(
      ([a, b]) => `${what} p.${page.page}: “${a.text}” over “${b.text}”`,
    );
    expect(pairs).toEqual([]);
    expect(offPage(page).map((w) => `${what} p.${page.page}: “${w.text}”`)).toEqual([]);
  }
}

describe("a workspace written in every script", () => {
  let root: string;
  // A build for a prospect writes into a folder of its own (output/for-<prospect>/).
  let out: string;
  const pdf = (piece: string) => path.join(out, `${piece}.pdf`);

  beforeAll(async () => {
    root = await scriptsWorkspace();
    const run = await runCli(["build", "--prospect", PROSPECTS.ja], root);
    expect(run.code, run.stderr).toBe(0);
    const folders = (await readdir(path.join(root, "output"))).filter((n) => n.startsWith("for-"));
    expect(folders).toHaveLength(1);
    out = path.join(root, "output", folders[0]!);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("prints every sentence and the prospect's name, every character kept", async () => {
    for (const piece of PIECES) {
      const text = letters(await pdfText(pdf(piece)));
      // Without full stops: poppler puts a right-to-left line's stop where it prints, before the line.
      const unstopped = text.replace(/[.。]/g, "");
      for (const [lang, sentence] of Object.entries(SENTENCES))
        expect(unstopped, `${piece}: ${lang}`).toContain(letters(sentence).replace(/[.。]/g, ""));
      expect(text, piece).toContain(PROSPECTS.ja);
    }
    const onePager = letters(await pdfText(pdf("one-pager")));
    expect(onePager).toContain(LONG_WORD);
    expect(letters(await pdfText(pdf("brochure")))).toContain(letters(LONG_URL));
  });

  it("embeds only faces it ships: no system fallback", async () => {
    for (const piece of PIECES) {
      const names = await fontNames(pdf(piece));
      expect(
        names.filter((n) => !SHIPPED.test(n)),
        piece,
      ).toEqual([]);
      // Arabic and Hebrew in their own faces, Greek, Cyrillic and Vietnamese in Inter or Source Serif.
      for (const face of ["NotoSansArabic", "NotoSansHebrew", "NotoSansSC", "NotoSansKR"])
        expect(
          names.some((n) => n.includes(`+${face}`)),
          `${piece}: ${face}`,
        ).toBe(true);
    }
  });

  it("keeps every word in its place: no two words' boxes overlap, none leaves the page", async () => {
    for (const piece of PIECES) expectClean(await wordBoxes(pdf(piece)), piece);
  });

  it("breaks the 45-letter word and the URL inside the one-pager's left column", async () => {
    const [page] = await wordBoxes(pdf("one-pager"));
    const { words, width } = page!;
    // The claims' band: from the first claim's heading to the comparison ("AT A GLANCE").
    const top = words.find((w) => w.text === "01")!.yMin;
    const bottom = words.find((w) => w.text === "AT")!.yMin;
    const band = words.filter((w) => w.yMin >= top && w.yMax <= bottom);
    const gutter = Math.min(...band.filter((w) => w.xMin > width / 2).map((w) => w.xMin));
    const left = band.filter((w) => w.xMin < width / 2);
    const long = left.filter((w) => /Informationssicher|docs\.example/.test(w.text));
    expect(long.length).toBeGreaterThan(0);
    expect(left.filter((w) => w.xMax >= gutter).map((w) => w.text)).toEqual([]);
  });

  it("keeps the HTML beside the PDF viewable: every font file it names is there", async () => {
    const html = await readFile(path.join(out, "one-pager.html"), "utf8");
    const named = [...html.matchAll(/url\("(assets\/fonts\/[^"]+)"\)/g)].map((m) => m[1]!);
    expect(named.some((n) => n.includes("noto-sans-arabic"))).toBe(true);
    for (const rel of named) await readFile(path.join(out, rel));
    expect(html).toMatch(/<html lang="en"/);
  });
});

describe("a prospect's name in any script on the one-pager", () => {
  let manager: BrowserManager;
  let templates: TemplateSet;
  let model: CollateralModel;
  let dir: string;

  beforeAll(async () => {
    manager = new BrowserManager();
    templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
    model = fixtureModel();
    dir = await scriptsWorkspace();
  });

  afterAll(async () => {
    await manager?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function onePager(company: string, lang?: string) {
    const meta = lang ? { ...model.meta, lang } : model.meta;
    const rendered = renderPiece(templates, { ...model, meta }, "one-pager", {
      prospect: { company, contact: company },
    });
    const { pdf } = await printToPdf(manager, rendered);
    const file = path.join(
      dir,
      `prospect-${Buffer.from(company).toString("hex").slice(0, 16)}-${lang}.pdf`,
    );
    await writeFile(file, pdf);
    return file;
  }

  /** The CJK faces a PDF embeds, by name ("NotoSansSC"), each once. */
  const cjkFaces = (names: string[]) => [
    ...new Set(names.map((n) => /\+(NotoSans(JP|SC|TC|KR))/.exec(n)?.[1]).filter(Boolean)),
  ];

  it(
    "prints each name exactly, in a face collateral ships, without overprinting",
    async () => {
      for (const [lang, name] of Object.entries(PROSPECTS)) {
        const file = await onePager(name);
        const text = await pdfText(file);
        // Arabic comes back with poppler's spaces inside words (see `letters`); every other name verbatim.
        if (lang === "ar") expect(letters(text), lang).toContain(letters(name));
        // A line break inside the name: none between CJK characters, a space between words.
        else
          expect(
            [" ", ""].some((join) => text.replace(/[ \t]*\n\s*/g, join).includes(name)),
            `${lang}: ${name} in ${text.slice(0, 300)}`,
          ).toBe(true);
        const names = await fontNames(file);
        expect(
          names.filter((n) => !SHIPPED.test(n)),
          lang,
        ).toEqual([]);
        expectClean(await wordBoxes(file), lang);
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    "sets kana in Noto Sans JP, hangul in Noto Sans KR, and Han without a hint in Noto Sans SC alone",
    async () => {
      expect(cjkFaces(await fontNames(await onePager(PROSPECTS.ja)))).toEqual(
        expect.arrayContaining(["NotoSansJP", "NotoSansSC"]),
      );
      expect(cjkFaces(await fontNames(await onePager(PROSPECTS.ko)))).toEqual(["NotoSansKR"]);
      expect(cjkFaces(await fontNames(await onePager(PROSPECTS["zh-Hans"])))).toEqual([
        "NotoSansSC",
      ]);
      expect(cjkFaces(await fontNames(await onePager(PROSPECTS["zh-Hant"])))).toEqual([
        "NotoSansSC",
      ]);
    },
    BUILD_TIMEOUT,
  );

  it(
    "sets Han in the face of the document's lang",
    async () => {
      expect(cjkFaces(await fontNames(await onePager(PROSPECTS.ja, "ja")))).toEqual(["NotoSansJP"]);
      expect(cjkFaces(await fontNames(await onePager(PROSPECTS["zh-Hant"], "zh-Hant")))).toEqual([
        "NotoSansTC",
      ]);
    },
    BUILD_TIMEOUT,
  );

  it(
    "finds an overprint when there is one (the check is not blind)",
    async () => {
      const styles = `<style>body{margin:0;font:12pt sans-serif}.cols{display:flex;gap:8pt;width:300pt}.cols p{width:140pt;margin:0;overflow-wrap:normal}</style>`;
      const html = `<!doctype html><html><head>${styles}</head><body><div class="cols"><p>The ${LONG_WORD} is one word.</p><p>Right column words sit here to be printed over.</p></div></body></html>`;
      const { pdf } = await printToPdf(manager, {
        piece: "deck",
        html,
        title: "control",
        meta: { title: "control", author: "", subject: "", keywords: [] },
        assets: [],
      });
      const file = path.join(dir, "control.pdf");
      await writeFile(file, pdf);
      const pages = await wordBoxes(file);
      expect(pages.flatMap((p) => overprints(p)).length).toBeGreaterThan(0);
    },
    BUILD_TIMEOUT,
  );
});
