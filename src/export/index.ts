// Export stage: rendered pieces → PDFs (and HTML, PNG previews) in the output folder, via one shared Chromium.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CollateralError, EXIT } from "../model/index.js";
import type { Piece, RenderedPiece } from "../render/index.js";
import { copyAssets, sweepContentImages } from "./assets.js";
import { assertWritable, writeFileAtomic } from "./atomic-write.js";
import type { BrowserManager } from "./browser.js";
import { sessionFor } from "./page-pool.js";
import { type PrintResult, printToPdf } from "./print-pdf.js";

export { assertWritable, writeFileAtomic } from "./atomic-write.js";
export { BrowserManager, type BrowserManagerOptions } from "./browser.js";
export { findChromium, HOW_TO_GET_CHROMIUM, isHeadlessShell } from "./browser-finder.js";
export { retryIfBrowserGone } from "./browser-gone.js";
export { type Preview, type PreviewOptions, previewPng } from "./preview.js";
export { type PrintResult, printPdf, printToPdf, screenshotPng } from "./print-pdf.js";

export interface ExportedPiece {
  piece: Piece;
  pdfPath: string;
  htmlPath: string;
  pages: number;
  /** The one-pager took its compact form (each claim's headline, benefit and quotes) to fit. */
  condensed: boolean;
  /** Milliseconds this piece took: its print (the first one also waits for Chromium's first page) and its files. */
  ms: number;
  pngPath?: string;
}

export interface ExportOptions {
  /** Also write <piece>.png, the first page, for previews. */
  png?: boolean;
  /** Called as each piece's files land (the pieces print concurrently). */
  onPiece?: (piece: ExportedPiece) => void;
  /** Pieces printed at once (default: PRINT_CONCURRENCY). */
  concurrency?: number;
  /**
   * Write each piece as soon as it has printed, in order, instead of all of them once every one has (watch mode:
   * the first piece lands a print sooner; a later piece that fails leaves the earlier ones new).
   */
  writeEach?: boolean;
}

/**
 * Printing is CPU-bound, and Chromium itself keeps a core busy: on 2 cores the three pieces print sooner one after
 * another on one page (cold build 4.1 s) than on two pages (4.7 s) or three (6.4 s), because opening a page costs
 * more than printing on a warm one. Half the cores, at most three.
 */
export const PRINT_CONCURRENCY = Math.max(
  1,
  Math.min(3, Math.floor(os.availableParallelism() / 2)),
);

/**
 * Tailored one-pagers rendered at once (portal, batch): one more than the cores. Measured with the headless
 * shell on 2 cores, 8 clients: 10.0 PDFs/s at 1, 11.9 at 2, 14.8 at 3, 11.2 at 4 (a render waits on Chromium as
 * much as it works).
 */
export const RENDER_CONCURRENCY = Math.max(2, Math.min(4, os.availableParallelism() + 1));

export const PNG_WIDTH = 800;

/** Launch Chromium and open `pages` locked-down pages now, so the first print does not pay for them. */
export async function warmUp(manager: BrowserManager, pages = PRINT_CONCURRENCY): Promise<void> {
  const { pool } = await sessionFor(manager);
  await pool.warm(pages);
}

/**
 * Pieces that could not be laid out (too long, too wide even at the smallest type): each one failed alone, the
 * others were written. Exit 1, like a failed quote: the content needs a change, and nothing broken was written.
 */
export class PieceLayoutError extends CollateralError {
  constructor(
    readonly failures: readonly { piece: Piece; error: CollateralError }[],
    readonly written: readonly ExportedPiece[],
    outDir: string,
  ) {
    const kept = failures.map((f) => path.join(path.basename(outDir), `${f.piece}.pdf`)).join(", ");
    const others = written.length ? `${written.map((p) => p.piece).join(" and ")} written; ` : "";
    super(`${failures.map((f) => f.error.message).join("\n")}\n(${others}${kept} left as it was)`, {
      exitCode: EXIT.failed,
      rule: "fit",
    });
    this.name = "PieceLayoutError";
  }
}

/** A print that failed because its content cannot be laid out: that piece fails alone. */
const isLayoutFailure = (reason: unknown): reason is CollateralError =>
  reason instanceof CollateralError && reason.rule === "fit";

/**
 * Prints every piece concurrently (one browser, one page each); writes PDF, HTML and assets only when all printed,
 * except a piece that cannot be laid out: the others are written, then PieceLayoutError says which failed.
 */
export async function exportPieces(
  manager: BrowserManager,
  rendered: RenderedPiece[],
  outDir: string,
  options: ExportOptions = {},
): Promise<ExportedPiece[]> {
  if (rendered.length === 0) return [];
  await assertWritable(
    rendered.flatMap((r) =>
      ["pdf", "html", ...(options.png ? ["png"] : [])].map((ext) =>
        path.join(outDir, `${r.piece}.${ext}`),
      ),
    ),
  );
  const took = new Map<RenderedPiece, number>();
  const print = async (piece: RenderedPiece) => {
    const started = performance.now();
    const result = await printToPdf(manager, piece, options.png ? { pngWidth: PNG_WIDTH } : {});
    took.set(piece, performance.now() - started);
    return result;
  };
  const write = async (piece: RenderedPiece, result: PrintResult) => {
    const started = performance.now();
    const exported = await writePiece(piece.piece, result, outDir);
    exported.ms = Math.round((took.get(piece) ?? 0) + performance.now() - started);
    options.onPiece?.(exported);
    return exported;
  };
  const limit = options.concurrency ?? PRINT_CONCURRENCY;
  const settled = options.writeEach
    ? await (async () => {
        await copyAssets(rendered, outDir);
        return settleLimited(rendered, limit, async (p) => write(p, await print(p)));
      })()
    : await settleLimited(rendered, limit, print);
  const failed = settled.find((p) => p.status === "rejected" && !isLayoutFailure(p.reason));
  if (failed?.status === "rejected") throw failed.reason;
  const failures = rendered.flatMap((r, i) => {
    const result = settled[i];
    return result?.status === "rejected" ? [{ piece: r.piece, error: result.reason }] : [];
  });
  const ok = rendered.filter((_, i) => settled[i]?.status === "fulfilled");
  let written: ExportedPiece[];
  if (options.writeEach) {
    written = settled.flatMap((p) => (p.status === "fulfilled" ? [p.value as ExportedPiece] : []));
  } else {
    if (ok.length) await copyAssets(ok, outDir);
    written = await Promise.all(
      rendered.flatMap((piece, i) => {
        const result = settled[i];
        return result?.status === "fulfilled" ? [write(piece, result.value as PrintResult)] : [];
      }),
    );
  }
  if (failures.length) throw new PieceLayoutError(failures, written, outDir);
  await sweepContentImages(outDir);
  return written;
}

async function writePiece(
  piece: Piece,
  printed: PrintResult,
  outDir: string,
): Promise<ExportedPiece> {
  const base = path.join(outDir, piece);
  await Promise.all([
    writeFileAtomic(`${base}.pdf`, printed.pdf),
    writeFileAtomic(`${base}.html`, printed.html),
    printed.png && writeFileAtomic(`${base}.png`, printed.png),
  ]);
  return {
    piece,
    pdfPath: `${base}.pdf`,
    htmlPath: `${base}.html`,
    pages: printed.pages,
    condensed: printed.condensed,
    ms: 0,
    ...(printed.png && { pngPath: `${base}.png` }),
  };
}

/** Promise.allSettled over `items`, at most `limit` running at once, results in input order. */
async function settleLimited<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i] as T).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
