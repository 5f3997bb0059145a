// One cited document's bytes → its text, as the reader process does it: a PDF through pdf.js and layout, a page through the parser (when no browser reads it).
import { decodeHtmlBytes } from "../decode-html.js";
import type { CitedFormat } from "../format.js";
import { notHtml } from "../format.js";
import type { ParsedCited } from "../parse-result.js";
import { readHtmlText } from "../read-html.js";
import { readPdf } from "../read-pdf.js";
import type { ReadLimits } from "./limits.js";

export async function readDocument(
  bytes: Uint8Array,
  kind: CitedFormat,
  limits: ReadLimits,
): Promise<ParsedCited> {
  try {
    return kind === "pdf" ? await parsePdf(bytes, limits) : parseHtml(bytes, limits);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind, reason: `the file cannot be read (${message})` };
  }
}

async function parsePdf(bytes: Uint8Array, limits: ReadLimits): Promise<ParsedCited> {
  const text = await readPdf(bytes, limits);
  return text.ok
    ? { ok: true, kind: "pdf", pages: text.pages, asides: text.asides }
    : { ok: false, kind: "pdf", reason: text.reason };
}

function parseHtml(bytes: Uint8Array, limits: ReadLimits): ParsedCited {
  const problem = notHtml(bytes);
  if (problem) return { ok: false, kind: "html", reason: problem };
  const text = readHtmlText(decodeHtmlBytes(bytes), limits);
  return text.ok
    ? { ok: true, kind: "html", pages: text.pages }
    : { ok: false, kind: "html", reason: text.reason };
}
