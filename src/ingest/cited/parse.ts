// A cited file's bytes → its text per page, read in a bounded reader process; every failure is a reason, never a throw.
import { decodeHtmlBytes } from "./decode-html.js";
import { type CitedFormat, formatFromExtension, sniffFormat } from "./format.js";
import type { ParsedCited } from "./parse-result.js";
import { NO_VISIBLE_TEXT } from "./read-html.js";
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
  // The parser goes first, in a reader process within every limit: a page nested a million deep or
  // too big to parse is refused at once, before a browser spends the whole time limit laying it out.
  const started = performance.now();
  const parsed = await readerPool().read(bytes, "html", limits);
  // What the parser takes for hidden a style may show again (a child set back to visible).
  if (!parsed.ok && parsed.reason !== NO_VISIBLE_TEXT) return parsed;
  // No browser to be had (none installed, say): the parser's reading stands.
  const opened = await browser().then(
    (b) => () => Promise.resolve(b),
    () => null,
  );
  if (!opened) return parsed;
  // One time limit for the whole reading: the browser has what the parser left of it.
  const left = limits.seconds - (performance.now() - started) / 1000;
  if (left <= 0) return failed("html", LIMIT_REASONS.seconds(limits));
  const text = await readInBrowser(decodeHtmlBytes(bytes), opened, limits, left);
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
