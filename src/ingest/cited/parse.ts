// A cited file's bytes → its text per page, read as PDF or HTML; every failure is a reason, never a throw.
import type { Aside } from "../../model/index.js";
import { decodeHtmlBytes } from "./decode-html.js";
import { type CitedFormat, formatFromExtension, looksBinary, sniffFormat } from "./format.js";
import { readHtmlText } from "./read-html.js";
import { readPdfPages } from "./read-pdf.js";

export type ParsedCited =
  | { ok: true; kind: CitedFormat; pages: string[]; asides?: Aside[] }
  | { ok: false; kind: CitedFormat; reason: string };

/** `file` only lends its extension; the bytes decide when it has none that is known. */
export async function parseCitedBytes(bytes: Uint8Array, file: string): Promise<ParsedCited> {
  const kind = formatFromExtension(file) ?? sniffFormat(bytes);
  if (bytes.byteLength === 0) return failed(kind ?? "pdf", "the file is empty");
  if (kind === null) {
    return failed("pdf", "unknown format: the file is neither a PDF nor a saved HTML page");
  }
  try {
    return kind === "pdf" ? await parsePdf(bytes) : parseHtml(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed(kind, `the file cannot be read (${message})`);
  }
}

async function parsePdf(bytes: Uint8Array): Promise<ParsedCited> {
  const text = await readPdfPages(bytes);
  return text.ok
    ? { ok: true, kind: "pdf", pages: text.pages, asides: text.asides }
    : failed("pdf", text.reason);
}

function parseHtml(bytes: Uint8Array): ParsedCited {
  if (sniffFormat(bytes) === "pdf") {
    return failed("html", "not really an HTML page: the file is a PDF (name it .pdf)");
  }
  if (looksBinary(bytes))
    return failed("html", "not really an HTML page: the file holds binary data");
  const text = readHtmlText(decodeHtmlBytes(bytes));
  return text.ok ? { ok: true, kind: "html", pages: text.pages } : failed("html", text.reason);
}

function failed(kind: CitedFormat, reason: string): ParsedCited {
  return { ok: false, kind, reason };
}
