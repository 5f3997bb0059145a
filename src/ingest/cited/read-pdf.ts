// PDF bytes → running text per page and asides (pdf.js in a worker, then layout analysis), or why the file cannot be read.
import type { Aside } from "../../model/index.js";
import { layoutDocument } from "./pdf-layout/index.js";
import { pdfWorkers } from "./pdf-reader/pool.js";

export type PdfText =
  | { ok: true; pages: string[]; asides: Aside[] }
  | { ok: false; reason: string };

const PDF_MAGIC = "%PDF-";

export async function readPdfPages(bytes: Uint8Array): Promise<PdfText> {
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
  let drawn: Awaited<ReturnType<ReturnType<typeof pdfWorkers>["read"]>>;
  try {
    drawn = await pdfWorkers().read(bytes);
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
