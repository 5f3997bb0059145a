// PDF bytes → running text per page and asides: pdf.js, then layout analysis. Runs in a reader process, within its limits.
import type { Aside } from "../../model/index.js";
import type { PageFragments } from "./pdf-layout/fragment.js";
import { layoutDocument } from "./pdf-layout/index.js";
import { LIMIT_REASONS, type ReadLimits } from "./reader/limits.js";
import { fragmentOf, type TextItem } from "./reader/pdf-items.js";

export type PdfText =
  | { ok: true; pages: string[]; asides: Aside[] }
  | { ok: false; reason: string };

const PDF_MAGIC = "%PDF-";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded once: the library and its worker code (which it would otherwise import on the first
 * document), then the natives their core-js polyfills replaced put back. Node 20's Array.prototype.push
 * and JSON.parse are correct; the polyfills made reading a long document a quarter slower. This runs in
 * a reader process of its own (see reader/), so the polyfills never reach the rest of collateral.
 */
function loadPdfJs(): Promise<PdfJs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse };
  pdfjs ??= (async () => {
    const module = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // @ts-expect-error: the worker module has no types; importing it sets globalThis.pdfjsWorker, which pdf.js uses in place.
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    return module;
  })();
  return pdfjs;
}

export async function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<PdfText> {
  if (bytes.byteLength === 0) return { ok: false, reason: "the file is empty" };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes(PDF_MAGIC)) {
    const looksHtml = /<(!doctype|html|head|body)/i.test(head);
    return {
      ok: false,
      reason: looksHtml
        ? "not really a PDF: the file is an HTML page (a login or error page saved by mistake?)"
        : "not really a PDF: no %PDF- header",
    };
  }
  // pdf.js recovers what it can from a cut-off file, and text read from part of a document is no proof.
  if (!endsWithEofMarker(bytes)) {
    return {
      ok: false,
      reason: "the PDF is truncated: no %%EOF marker at its end (an interrupted download?)",
    };
  }
  let drawn: PageFragments[];
  try {
    const read = await drawnPages(bytes, limits);
    if (!read.ok) return read;
    drawn = read.pages;
  } catch (error) {
    return { ok: false, reason: describePdfError(error) };
  }
  if (drawn.length === 0) return { ok: false, reason: "the PDF has no pages" };
  if (drawn.every((page) => page.fragments.every((f) => f.text.trim() === ""))) {
    return { ok: false, reason: "the PDF has no extractable text (scanned images only?)" };
  }
  const { pages, asides } = layoutDocument(drawn);
  return { ok: true, pages, asides };
}

/** Each page's text as drawn, after the page count is checked against its limit. */
async function drawnPages(
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<{ ok: true; pages: PageFragments[] } | { ok: false; reason: string }> {
  const { getDocument } = await loadPdfJs();
  const doc = await getDocument({
    // pdf.js may keep the buffer it is given; hand it a copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  }).promise;
  try {
    if (doc.numPages > limits.pages) {
      return { ok: false, reason: LIMIT_REASONS.pages(limits, doc.numPages) };
    }
    const pages: PageFragments[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await pageFragments(doc, n));
    return { ok: true, pages };
  } finally {
    await doc.destroy();
  }
}

async function pageFragments(
  doc: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>,
  n: number,
): Promise<PageFragments> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const fragments = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const style = content.styles[item.fontName];
      const fragment = fragmentOf(item as TextItem, viewport.transform as never, style);
      if (fragment) fragments.push(fragment);
    }
    return { width: viewport.width, height: viewport.height, fragments };
  } finally {
    page.cleanup();
  }
}

/** Readers require the %%EOF marker within the last 1024 bytes; a cut-off download lacks it. */
function endsWithEofMarker(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).includes("%%EOF");
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException" || /password/i.test(message)) {
    return "the PDF is encrypted with a password";
  }
  if (/invalid pdf|xref|unexpected end|missing pdf|bad xref|invalid root/i.test(message)) {
    return `the PDF is damaged or truncated (${message})`;
  }
  return `the PDF cannot be read (${message})`;
}
