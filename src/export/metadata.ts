// Chromium writes only the Title: add Author, Subject, Keywords, Creator and Producer, leaving its bytes untouched.
import type { RenderedPiece } from "../render/index.js";

export const CREATOR = "collateral";
export const PRODUCER = "collateral (Chromium + pdf-lib)";

type Meta = RenderedPiece["meta"];

export async function withMetadata(
  bytes: Uint8Array,
  meta: Meta,
): Promise<{ pdf: Uint8Array; pages: number }> {
  return appendInfo(bytes, meta) ?? (await rewriteInfo(bytes, meta));
}

/** A PDF text string that holds any Unicode: UTF-16BE with a byte-order mark, in hex. */
function pdfString(text: string): string {
  const hex = [...text]
    .flatMap((c) => {
      const code = c.codePointAt(0)!;
      return code > 0xffff
        ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)]
        : [code];
    })
    .map((unit) => unit.toString(16).padStart(4, "0"))
    .join("");
  return `<FEFF${hex}>`;
}

/** The page count: the largest /Count among the page-tree nodes. */
function countPages(text: string): number | null {
  const counts = text
    .split("endobj")
    .filter((obj) => /\/Type\s*\/Pages\b/.test(obj))
    .map((obj) => Number(/\/Count\s+(\d+)/.exec(obj)?.[1] ?? Number.NaN))
    .filter(Number.isFinite);
  return counts.length ? Math.max(...counts) : null;
}

/**
 * An incremental update (a new Info object, xref section and trailer appended after Chromium's %%EOF):
 * fast, and every byte Chromium wrote (tags, outline, links, fonts) stays as it was. Null when the file is
 * not the classic-xref layout this expects; the caller then rewrites it with pdf-lib.
 */
export function appendInfo(
  bytes: Uint8Array,
  meta: Meta,
): { pdf: Uint8Array; pages: number } | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const trailer = text.slice(text.lastIndexOf("trailer"));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(trailer)?.[1];
  const pages = countPages(text);
  if (
    !Number.isInteger(size) ||
    !root ||
    !prev ||
    pages === null ||
    /\/XRefStm|\/Encrypt/.test(trailer)
  )
    return null;
  const created = /\/CreationDate\s*(\(D:[^)]*\))/.exec(text)?.[1];
  const info = [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords.join(", "))}`,
    `/Creator ${pdfString(CREATOR)}`,
    `/Producer ${pdfString(PRODUCER)}`,
    ...(created ? [`/CreationDate ${created}`] : []),
  ].join("\n");
  const lead = text.endsWith("\n") ? "" : "\n";
  const objectAt = bytes.byteLength + lead.length;
  const object = `${size} 0 obj\n<<${info}>>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    `${lead}${object}xref\n${size} 1\n${String(objectAt).padStart(10, "0")} 00000 n \n` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const pdf = new Uint8Array(bytes.byteLength + update.length);
  pdf.set(bytes, 0);
  pdf.set(Buffer.from(update, "latin1"), bytes.byteLength);
  return { pdf, pages };
}

/** The general path: pdf-lib loads and re-saves the whole file with the new Info. */
export async function rewriteInfo(
  bytes: Uint8Array,
  meta: Meta,
): Promise<{ pdf: Uint8Array; pages: number }> {
  const { PDFDocument } = await import("pdf-lib");
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false });
  return { pdf, pages: doc.getPageCount() };
}
