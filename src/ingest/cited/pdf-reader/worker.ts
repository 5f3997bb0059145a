// A worker thread running pdf.js: a PDF's bytes → each page's text as drawn (fragments with positions).
// pdf.js runs here, never on the main thread: its legacy build replaces Array.prototype.push process-wide
// with a slower polyfill, and a hostile file must not be able to stall the process that asked.
import { parentPort } from "node:worker_threads";
import type { PageFragments } from "../pdf-layout/fragment.js";
import { fragmentOf, type TextItem } from "./items.js";
import type { FromWorker, ToWorker } from "./protocol.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded once: the library and its worker code (which it would otherwise import on the first
 * document), then the natives their core-js polyfills replaced put back. Node 20's Array.prototype.push
 * and JSON.parse are correct; the polyfills made reading a long document a quarter slower.
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

async function read(job: Extract<ToWorker, { type: "read" }>): Promise<void> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: job.bytes,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  const doc = await task.promise;
  try {
    post({ type: "count", id: job.id, pages: doc.numPages });
    const next = job.nextPage;
    for (let n = Atomics.add(next, 0, 1) + 1; n <= doc.numPages; n = Atomics.add(next, 0, 1) + 1) {
      post({ type: "page", id: job.id, page: n, fragments: await pageFragments(doc, n) });
    }
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

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

parentPort?.on("message", (job: ToWorker) => {
  read(job).then(
    () => post({ type: "done", id: job.id }),
    (error: unknown) =>
      post({
        type: "error",
        id: job.id,
        name: error instanceof Error ? error.name : "Error",
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
