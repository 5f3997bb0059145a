// A prospect's company name → a safe download file name and Content-Disposition header.

/** ASCII-only, no path or header metacharacters, never empty, at most ~60 characters. */
export function safeFileStem(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return ascii || "prospect";
}

/**
 * The same stem with the company's own letters kept (any script, accents included) for `filename*`: letters,
 * marks and digits only, so no path, quote, control or direction character survives. The ASCII stem when
 * nothing is left.
 */
export function unicodeFileStem(text: string): string {
  const stem = [
    ...text
      .normalize("NFC")
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  ]
    .slice(0, 60)
    .join("")
    .replace(/-+$/, "");
  return stem || safeFileStem(text);
}

/** RFC 6266: a plain ASCII fallback plus the UTF-8 name (RFC 5987), both safe to put in a header. */
export function contentDisposition(fileName: string, utf8Name = fileName): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16)}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
