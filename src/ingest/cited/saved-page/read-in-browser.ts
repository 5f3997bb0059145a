// A saved page read in Chromium: laid out with its own styles, scripts off, nothing loaded, within the time limit.
import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { type HtmlText, NO_VISIBLE_TEXT } from "../read-html.js";
import { LIMIT_REASONS, type ReadLimits } from "../reader/limits.js";
import { pageLines } from "./page-lines.js";
import { SAVED_PAGE_MARKS, visibleText } from "./visible-text.js";

/** The running browser to open pages in (the pipeline's, launched on first use). */
export type OpenBrowser = () => Promise<Browser>;

/** A desktop window: media queries for phones hide or show text as a reader at a desk would see it. */
const VIEWPORT = { width: 1280, height: 900 };

/**
 * What a reader sees of the page: the browser parses it as every browser does (comments, misnested tags,
 * tables), applies the styles the page holds, and `visibleText` drops what they hide. The page's scripts
 * never run and nothing it links to is fetched (images, stylesheets, frames): a saved page is read as it
 * is, offline, and cannot call out. Past `seconds` (what is left of `limits.seconds`) the page is closed
 * and the document unreadable, the limit named.
 */
export async function readInBrowser(
  html: string,
  openBrowser: OpenBrowser,
  limits: Pick<ReadLimits, "seconds">,
  seconds = limits.seconds,
): Promise<HtmlText> {
  const browser = await openBrowser();
  const page = await browser.newPage();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), seconds * 1000);
  });
  try {
    const read = readPage(page, html);
    read.catch(() => undefined);
    const result = await Promise.race([read, timeout]);
    if (result === "timeout") {
      return { ok: false, reason: LIMIT_REASONS.seconds(limits) };
    }
    const lines = pageLines(result, SAVED_PAGE_MARKS);
    if (lines.length === 0) return { ok: false, reason: NO_VISIBLE_TEXT };
    return { ok: true, pages: [lines.join("\n")] };
  } finally {
    clearTimeout(timer);
    await closeSoon(page);
  }
}

async function readPage(page: Page, html: string): Promise<string> {
  await page.setJavaScriptEnabled(false);
  await page.setViewport(VIEWPORT);
  await page.setRequestInterception(true);
  page.on("request", (request) => refuse(page, request));
  await page.setContent(html, { waitUntil: "load", timeout: 0 });
  return page.evaluate(visibleText, SAVED_PAGE_MARKS);
}

/**
 * Nothing is fetched. A navigation the page asks for (a meta refresh) is answered "204 No Content", which
 * keeps the page on screen where aborting it would put an error page in its place.
 */
function refuse(page: Page, request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  if (
    request.isNavigationRequest() &&
    request.frame() === page.mainFrame() &&
    request.url() !== "about:blank"
  ) {
    void request.respond({ status: 204, body: "" }).catch(() => undefined);
    return;
  }
  if (request.url().startsWith("data:") || request.url() === "about:blank") {
    void request.continue().catch(() => undefined);
    return;
  }
  void request.abort("blockedbyclient").catch(() => undefined);
}

/** Closes the page, giving up after a few seconds on one whose renderer hangs. */
async function closeSoon(page: Page): Promise<void> {
  await Promise.race([
    page.close().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 3000).unref()),
  ]);
}
