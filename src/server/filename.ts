// A prospect's company name → a safe download file name and Content-Disposition header.

export { safeFileStem, unicodeFileStem } from "../export/file-stem.js";

/** RFC 6266: a plain ASCII fallback plus the UTF-8 name (RFC 5987), both safe to put in a header. */
export function contentDisposition(fileName: string, utf8Name = fileName): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16)}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
