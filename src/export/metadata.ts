// Chromium writes only the Title: set Author, Subject, Keywords, Creator and Producer, keeping the rest intact.
import { PDFDocument } from "pdf-lib";
import type { RenderedPiece } from "../render/index.js";

export const CREATOR = "collateral";

export async function withMetadata(
  bytes: Uint8Array,
  meta: RenderedPiece["meta"],
): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer("collateral (Chromium + pdf-lib)");
  // No object streams: the file stays readable by every PDF tool, and only a little larger.
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false });
  return { pdf, pages: doc.getPageCount() };
}
