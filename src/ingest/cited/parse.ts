// A cited file's bytes → its text per page, read in a bounded reader process; every failure is a reason, never a throw.
import { type CitedFormat, formatFromExtension, sniffFormat } from "./format.js";
import type { ParsedCited } from "./parse-result.js";
import type { PdfText } from "./read-pdf.js";
import { DEFAULT_READ_LIMITS, LIMIT_REASONS, type ReadLimits } from "./reader/limits.js";
import { readerPool } from "./reader/pool.js";

export type { ParsedCited } from "./parse-result.js";

/** `file` only lends its extension; the bytes decide when it has none that is known. */
export async function parseCitedBytes(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ParsedCited> {
  const kind = formatFromExtension(file) ?? sniffFormat(bytes);
  if (bytes.byteLength === 0) return failed(kind ?? "pdf", "the file is empty");
  if (kind === null) {
    return failed("pdf", "unknown format: the file is neither a PDF nor a saved HTML page");
  }
  if (bytes.byteLength > limits.fileMegabytes * 1e6) {
    return failed(kind, LIMIT_REASONS.fileMegabytes(limits, bytes.byteLength));
  }
  return readerPool().read(bytes, kind, limits);
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
