// Escaping for the HTML the pipeline itself produces (claim bodies): every text is escaped, only safe URLs are linked.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "=": "&#61;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The URL when it is http(s) or mailto, else null: a `javascript:` or `file:` link never reaches a page. */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A CSS string literal for any text: everything but plain letters, digits and spaces is hex-escaped. */
export function cssString(text: string): string {
  const body = [...text]
    // The space after a hex escape ends it and is consumed by the CSS parser, so it never shows.
    .map((c) => (/[A-Za-z0-9 ,.]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `))
    .join("");
  return `"${body}"`;
}

/** Soft line breaks from the Markdown source become single spaces. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ");
}
