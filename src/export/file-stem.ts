// Text a user typed (a prospect's company) → a name safe for a file or folder, in ASCII or in its own letters.

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
 * The same stem with the company's own letters kept (any script, accents included): letters, marks and digits
 * only, so no path, quote, control or direction character survives. The ASCII stem when nothing is left.
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

/**
 * The folder under output/ that a build tailored to an audience and/or a prospect writes its pieces to:
 * `for-<audience>`, `for-<audience>-<prospect>`, `for-<prospect>`; null for the generic build. The `for-`
 * prefix keeps it apart from output/'s own files and folders (assets/, one-pagers/).
 */
export function tailoredFolder(audience?: string, prospect?: string): string | null {
  const company = prospect?.trim();
  const parts = [audience || "", company ? unicodeFileStem(company) : ""].filter(Boolean);
  return parts.length ? `for-${parts.join("-")}` : null;
}
