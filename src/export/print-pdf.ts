// One piece's HTML → PDF (and a PNG of its first page) in a locked-down page of the shared browser.
import type { Page } from "puppeteer-core";
import type { RenderedPiece } from "../render/index.js";
import type { BrowserManager } from "./browser.js";
import { allFit, applySteps, fitToPage, overflowError } from "./fit.js";
import { withMetadata } from "./metadata.js";
import { type PrintJob, sessionFor } from "./page-pool.js";

const TIMEOUT = 30_000;

export interface PrintResult {
  pdf: Uint8Array;
  pages: number;
  /** The HTML as printed (with the fit step chosen for each fixed-size box). */
  html: string;
  /** URLs the page asked for and was refused. */
  blocked: string[];
  /** A box (the one-pager) took its compact form to fit. */
  condensed: boolean;
  png?: Uint8Array;
}

export interface PrintOptions {
  /** Also take a PNG of the first page, this many CSS pixels wide. */
  pngWidth?: number;
}

/** Sets the HTML into a pooled page (whose URL is the render folder's base page) and waits for its fonts. */
async function load(manager: BrowserManager, rendered: RenderedPiece, job: PrintJob) {
  const { folder, pool } = await sessionFor(manager);
  await folder.prepare(rendered.assets);
  const page = await pool.acquire(job);
  /** Back to the pool after a print; closed after a failure. */
  const done = (failed: boolean) => (failed ? pool.discard(page) : pool.release(page));
  try {
    // setContent keeps the base page's URL and skips a navigation: several times faster than goto().
    await page.setContent(rendered.html, { waitUntil: "load", timeout: TIMEOUT });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  } catch (error) {
    done(true);
    throw error;
  }
  return { page, done };
}

export async function printToPdf(
  manager: BrowserManager,
  rendered: RenderedPiece,
  options: PrintOptions = {},
): Promise<PrintResult> {
  const job: PrintJob = { blocked: [] };
  const { page, done } = await load(manager, rendered, job);
  let failed = true;
  try {
    const fits = await fitToPage(page);
    if (!allFit(fits)) throw overflowError(rendered.piece, fits);
    const raw = await page.pdf({
      tagged: true,
      outline: rendered.piece === "brochure",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      waitForFonts: false,
      timeout: TIMEOUT,
    });
    const { pdf, pages } = await withMetadata(raw, rendered.meta);
    if (rendered.piece === "one-pager" && pages !== 1)
      throw overflowError("one-pager", fits, pages);
    const png = options.pngWidth ? await firstPagePng(page, options.pngWidth) : undefined;
    failed = false;
    return {
      pdf,
      pages,
      html: applySteps(rendered.html, fits),
      blocked: job.blocked,
      condensed: fits.some((f) => f.condensed),
      ...(png && { png }),
    };
  } finally {
    done(failed);
  }
}

/** In memory, for the sales portal. */
export async function printPdf(
  manager: BrowserManager,
  rendered: RenderedPiece,
): Promise<{ pdf: Uint8Array; pages: number; blocked: string[] }> {
  const { pdf, pages, blocked } = await printToPdf(manager, rendered);
  return { pdf, pages, blocked };
}

/** The first page as PNG, `width` CSS pixels wide, for portal previews. */
export async function screenshotPng(
  manager: BrowserManager,
  rendered: RenderedPiece,
  width = 800,
): Promise<Uint8Array> {
  const job: PrintJob = { blocked: [] };
  const { page, done } = await load(manager, rendered, job);
  let failed = true;
  try {
    await fitToPage(page);
    const png = await firstPagePng(page, width);
    failed = false;
    return png;
  } finally {
    done(failed);
  }
}

let screenshotQueue: Promise<unknown> = Promise.resolve();

/** Screenshots need the page in front: one at a time, each page brought forward first. */
function firstPagePng(page: Page, width: number): Promise<Uint8Array> {
  const shot = screenshotQueue.then(async () => {
    await page.bringToFront();
    return capture(page, width);
  });
  screenshotQueue = shot.catch(() => undefined);
  return shot;
}

/** Screenshots the element marked `data-first-page` (the cover, the sheet, the title slide), scaled to `width`. */
async function capture(page: Page, width: number): Promise<Uint8Array> {
  const box = await page.evaluate(() => {
    const el = document.querySelector("[data-first-page]") ?? document.body;
    const r = el.getBoundingClientRect();
    return {
      x: r.left + window.scrollX,
      y: r.top + window.scrollY,
      width: r.width,
      height: r.height,
    };
  });
  const scale = width / Math.max(box.width, 1);
  await page.setViewport({
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
    deviceScaleFactor: scale,
  });
  try {
    return await page.screenshot({ type: "png", clip: box, captureBeyondViewport: true });
  } finally {
    await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 1 });
  }
}
