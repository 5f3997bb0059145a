// PDF bytes → raw text per page (pdf-parse over pdf.js), or the reason the file cannot be read.

export type PdfText = { ok: true; pages: string[] } | { ok: false; reason: string };

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
  // Imported here, not at the top: pdf.js is the heaviest module there is, and a cached run never needs it.
  const { PasswordException, PDFParse } = await import("pdf-parse");
  // pdf.js may keep a reference to the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: "" });
    const pages = result.pages.map((p) => p.text);
    if (pages.length === 0) return { ok: false, reason: "the PDF has no pages" };
    if (pages.every((p) => p.trim() === "")) {
      return { ok: false, reason: "the PDF has no extractable text (scanned images only?)" };
    }
    return { ok: true, pages };
  } catch (error) {
    return { ok: false, reason: describePdfError(error, PasswordException) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Readers require the %%EOF marker within the last 1024 bytes; a cut-off download lacks it. */
function endsWithEofMarker(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).includes("%%EOF");
}

function describePdfError(
  error: unknown,
  PasswordException: new (...args: never[]) => Error,
): string {
  if (error instanceof PasswordException) return "the PDF is encrypted with a password";
  const message = error instanceof Error ? error.message : String(error);
  if (/password/i.test(message)) return "the PDF is encrypted with a password";
  if (/invalid pdf|xref|unexpected end|missing pdf|bad xref|invalid root/i.test(message)) {
    return `the PDF is damaged or truncated (${message})`;
  }
  return `the PDF cannot be read (${message})`;
}
