// A cited file's bytes → its text per page, read in a bounded reader process; every failure is a reason, never a throw.
import { decodeHtmlBytes } from "./decode-html.js";
import { type CitedFormat, formatFromExtension, notHtml, sniffFormat } from "./format.js";
import type { ParsedCited } from "./parse-result.js";
import type { PdfText } from "./read-pdf.js";
import { DEFAULT_READ_LIMITS, LIMIT_REASONS, type ReadLimits } from "./reader/limits.js";
import { readerPool } from "./reader/pool.js";
import { type OpenBrowser, readInBrowser } from "./saved-page/read-in-browser.js";

export type { ParsedCited } from "./parse-result.js";

/**
 * `file` only lends its extension; the bytes decide when it has none that is known. A saved page is read
 * in `browser` when one is given (what its styles hide is left out), else by parsing its markup alone.
 */
export async function parseCitedBytes(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  browser?: OpenBrowser,
): Promise<ParsedCited> {
  const kind = formatFromExtension(file) ?? sniffFormat(bytes);
  if (bytes.byteLength === 0) return failed(kind ?? "pdf", "the file is empty");
  if (kind === null) {
    return failed("pdf", "unknown format: the file is neither a PDF nor a saved HTML page");
  }
  if (bytes.byteLength > limits.fileMegabytes * 1e6) {
    return failed(kind, LIMIT_REASONS.fileMegabytes(limits, bytes.byteLength));
  }
  if (kind === "html" && browser) return readSavedPage(bytes, browser, limits);
  return readerPool().read(bytes, kind, limits);
}

async function readSavedPage(
  bytes: Uint8Array,
  browser: OpenBrowser,
  limits: ReadLimits,
): Promise<ParsedCited> {
  const problem = notHtml(bytes);
  if (problem) return failed("html", problem);
  // No browser to be had (none installed, say): the page is read by parsing it, as it always was.
  const opened = await browser().then(
    (b) => () => Promise.resolve(b),
    () => null,
  );
  if (!opened) return readerPool().read(bytes, "html", limits);
  const text = await readInBrowser(decodeHtmlBytes(bytes), opened, limits);
  return text.ok ? { ok: true, kind: "html", pages: text.pages } : failed("html", text.reason);
}

/** A PDF's running text and asides (the reader process's answer for a .pdf). */
export async function readPdfPages(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<PdfText> {
  const parsed = await parseCitedBytes(bytes, "cited.pdf", limits);
  return parsed.ok ? { ok: true, pages: parsed.pages, asides: parsed.asides ?? [] } : parsed;
}

function failed(kind: CitedFormat, reason: string): ParsedCited {
  return { ok: false, kind, reason };
}
