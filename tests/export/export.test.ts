// Prints the three CISSO pieces with real Chromium and reads them back: pages, sizes, text, links, fonts, metadata.

import { execFile } from "node:child_process";
import { access, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BrowserManager,
  type ExportedPiece,
  exportPieces,
  PieceLayoutError,
  printPdf,
  printToPdf,
  screenshotPng,
} from "../../src/export/index.js";
import { CollateralError, type CollateralModel } from "../../src/model/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  loadTemplates,
  PIECES,
  type Piece,
  renderPiece,
  type TemplateSet,
} from "../../src/render/index.js";
import { fixtureModel } from "../render/fixture-model.js";
import { flat, hasOutline, pdfFonts, pdfInfo, pdfLinks, pdfText, squash } from "./pdf-read.js";

const run = promisify(execFile);

const URLS = [
  "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf",
  "https://www.isc2.org/certifications/cissp/cissp-certification-exam-outline",
  "https://niccs.cisa.gov/training/catalog/mile2/cisso-certified-information-systems-security-officer",
];

let manager: BrowserManager;
let model: CollateralModel;
let templates: TemplateSet;
let outDir: string;
let exported: Map<Piece, ExportedPiece>;

beforeAll(async () => {
  manager = new BrowserManager();
  [model, templates] = await Promise.all([fixtureModel(), loadTemplates([BUILTIN_TEMPLATES_DIR])]);
  outDir = await mkdtemp(path.join(os.tmpdir(), "collateral-export-"));
  const rendered = PIECES.map((piece) => renderPiece(templates, model, piece, {}));
  const pieces = await exportPieces(manager, rendered, outDir, { png: true });
  exported = new Map(pieces.map((p) => [p.piece, p]));
});

afterAll(async () => {
  await manager?.close();
  await rm(outDir, { recursive: true, force: true });
});

const pdfOf = (piece: Piece) => exported.get(piece)!.pdfPath;

describe("exportPieces", () => {
  it("writes each piece's PDF, HTML and PNG, with the fonts beside the HTML", async () => {
    for (const piece of PIECES) {
      const out = exported.get(piece)!;
      expect(out.pdfPath).toBe(path.join(outDir, `${piece}.pdf`));
      await access(out.htmlPath);
      expect((await readFile(out.pngPath!)).subarray(1, 4).toString()).toBe("PNG");
      const html = await readFile(out.htmlPath, "utf8");
      for (const [, rel] of html.matchAll(/url\("(assets\/[^"]+)"\)/g))
        await access(path.join(outDir, rel!));
    }
    const names = await readdir(outDir);
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("prints the one-pager on exactly one Letter page", async () => {
    expect(exported.get("one-pager")!.pages).toBe(1);
    const info = await pdfInfo(pdfOf("one-pager"));
    expect(info.Pages).toBe("1");
    expect(info["Page size"]).toMatch(/^612 x 792 pts/);
  });

  it("prints the deck on 16:9 pages: title, one per claim, comparison, sources, closing", async () => {
    const info = await pdfInfo(pdfOf("deck"));
    expect(info["Page size"]).toBe("960 x 540 pts");
    expect(Number(info.Pages)).toBe(model.claims.length + 4);
  });

  it("prints a tagged Letter brochure with an outline and a footer on every page but the cover", async () => {
    const info = await pdfInfo(pdfOf("brochure"));
    expect(info["Page size"]).toMatch(/^612 x 792 pts/);
    expect(info.Tagged).toBe("yes");
    expect(await hasOutline(await readFile(pdfOf("brochure")))).toBe(true);
    const pages = Number(info.Pages);
    expect(await pdfText(pdfOf("brochure"), { first: 1, last: 1 })).not.toContain(`1 / ${pages}`);
    const second = await pdfText(pdfOf("brochure"), { first: 2, last: 2 });
    expect(second).toContain(`2 / ${pages}`);
    expect(second).toContain("CISSO vs CISSP: Security Leadership Sooner");
  });

  it("writes PDFs that qpdf finds sound", async () => {
    for (const piece of PIECES)
      await expect(run("qpdf", ["--check", pdfOf(piece)])).resolves.toBeDefined();
  });

  it("sets title, author, subject and keywords", async () => {
    const info = await pdfInfo(pdfOf("brochure"));
    expect(info.Title).toBe("CISSO vs CISSP: Security Leadership Sooner");
    expect(info.Author).toBe("Mile2");
    expect(info.Subject).toMatch(/^Why Mile2.s Certified Information Systems Security Officer/);
    expect(info.Keywords).toBe("CISSO, CISSP, Brochure");
    expect(info.Creator).toBe("collateral");
  });

  it("shows every claim heading and every quote in every piece", async () => {
    for (const piece of ["brochure", "deck", "one-pager"] as const) {
      const text = squash(await pdfText(pdfOf(piece)));
      for (const claim of model.claims) expect(text).toContain(squash(claim.title));
      // Set large (pull quote, slide), a quote drops the comma that ran on into the sentence.
      for (const quote of model.claims.flatMap((c) => c.quotes))
        expect(text).toContain(squash(quote.text.replace(/[\s,;:]+$/, "")));
    }
  });

  it("lists every reference with its pages, linked to the cited URL", async () => {
    for (const piece of PIECES) {
      const text = squash(await pdfText(pdfOf(piece)));
      expect(text).toContain(squash("CISSO Exam Blueprint Outline, Mile2, p. 2"));
      expect(text).toContain(squash("CISSP Certification Exam Outline, ISC2"));
      const links = await pdfLinks(await readFile(pdfOf(piece)));
      for (const url of URLS) expect(links).toContain(url);
    }
  });

  it("embeds every font and never shows an HTML entity", async () => {
    for (const piece of PIECES) {
      const fonts = await pdfFonts(pdfOf(piece));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      const text = await pdfText(pdfOf(piece));
      expect(text).not.toMatch(/&amp;|&lt;|&gt;|&quot;|&#/);
      expect(text).toContain("&");
    }
  });
});

describe("tailored pieces", () => {
  it("prints an audience one-pager for a prospect in memory, citing only its claims' sources", async () => {
    const rendered = renderPiece(templates, model, "one-pager", {
      audience: "early-career",
      prospect: { company: "Acme Federal", contact: "Dana Smith" },
    });
    const { pdf, pages } = await printPdf(manager, rendered);
    expect(pages).toBe(1);
    expect([...new Set(await pdfLinks(pdf))]).toEqual([URLS[0]]);
    const file = path.join(outDir, "tailored.pdf");
    await writeFile(file, pdf);
    const text = flat(await pdfText(file));
    expect(text).toMatch(/Prepared for Acme Federal/i);
    expect(text).toContain("Attn: Dana Smith");
    expect(text).toMatch(/for early-career candidates/i);
  });

  it("prints the brochure on A4 when asked", async () => {
    const rendered = renderPiece(templates, model, "brochure", { paper: "a4" });
    const { pdf } = await printPdf(manager, rendered);
    const file = path.join(outDir, "a4.pdf");
    await writeFile(file, pdf);
    expect((await pdfInfo(file))["Page size"]).toMatch(/^594\.96 x 841\.92 pts/);
  });

  it("stamps a failing quote in a draft", async () => {
    const failing = fixtureModel({
      statuses: { "accessible-entry-point/q1": "misattributed" },
    });
    const { pdf } = await printPdf(
      manager,
      renderPiece(templates, failing, "brochure", { draft: true }),
    );
    const file = path.join(outDir, "draft.pdf");
    await writeFile(file, pdf);
    expect(flat(await pdfText(file))).toMatch(/UNVERIFIED — MISATTRIBUTED/i);
  });

  it("takes a PNG of the first page for previews", async () => {
    const png = await screenshotPng(manager, renderPiece(templates, model, "one-pager", {}), 400);
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");
    expect(Buffer.from(png).readUInt32BE(16)).toBe(400);
  });
});

describe("the one-pager that cannot fit", () => {
  it("condenses to each claim's headline, benefit and quotes before failing", async () => {
    const long = structuredClone(model);
    const claim = long.claims.find((c) => c.id.startsWith("strong-role-fit"))!;
    claim.blocks = Array.from({ length: 12 }, () => structuredClone(claim.blocks[0]!));
    const printed = await printToPdf(manager, renderPiece(templates, long, "one-pager", {}));
    expect(printed.pages).toBe(1);
    expect(printed.condensed).toBe(true);
    expect(printed.html).toMatch(/data-fit-form="compact"/);
  });

  it("fails alone naming the longest claims: the other pieces are written", async () => {
    const long = structuredClone(model);
    for (const claim of long.claims) claim.title = `${claim.title} `.repeat(25).trim();
    const target = await mkdtemp(path.join(os.tmpdir(), "collateral-overflow-"));
    const rendered = PIECES.filter((p) => p !== "deck").map((piece) =>
      renderPiece(templates, long, piece, {}),
    );
    const error = await exportPieces(manager, rendered, target, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PieceLayoutError);
    expect((error as PieceLayoutError).exitCode).toBe(1);
    expect((error as Error).message).toMatch(
      /one-pager does not fit on one page even condensed to each claim's headline, benefit and quotes/,
    );
    expect((error as Error).message).toContain("“Strong Role Fit for Emerging Security Managers");
    expect((error as PieceLayoutError).written.map((p) => p.piece)).toEqual(["brochure"]);
    expect((await readdir(target)).filter((f) => f.endsWith(".pdf"))).toEqual(["brochure.pdf"]);
    await rm(target, { recursive: true, force: true });
  });
});

describe("slides that cannot fit", () => {
  it("steps a long slide down, and fails naming a slide that cannot fit at all", async () => {
    const long = structuredClone(model);
    long.claims[0]!.title = "A rather long headline that needs two lines on a slide";
    const printed = await printToPdf(manager, renderPiece(templates, long, "deck", {}));
    expect(printed.pages).toBe(model.claims.length + 4);
    long.claims[0]!.title = "An absurdly long headline ".repeat(60).trim();
    const error = await printToPdf(manager, renderPiece(templates, long, "deck", {})).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CollateralError);
    expect((error as Error).message).toMatch(
      /deck: the slide “An absurdly long headline.*does not fit/,
    );
  });
});
