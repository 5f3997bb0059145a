// Is what a URL served the kind of document the registry names? A login or error page is not a PDF.
import { formatFromExtension, looksBinary, sniffFormat } from "../../ingest/cited/index.js";
import { type Served, signInPage } from "./sign-in-page.js";

/**
 * Why the bytes are not the registry's kind of document (named by the local copy's extension), or null.
 * With `via` (where the URL led), a saved page is also refused when it is a sign-in or error page redirected to.
 */
export function notTheDocument(
  bytes: Uint8Array,
  file: string,
  contentType: string | null,
  via?: Served,
): string | null {
  const want = formatFromExtension(file);
  const served = describe(bytes, contentType);
  if (bytes.byteLength === 0) return "the URL now serves an empty body";
  if (want === "pdf") {
    // A PDF starts with its header (a few bytes of junk before it are tolerated by readers, as by sniffFormat).
    return sniffFormat(bytes) === "pdf" ? null : `the URL now serves ${served} instead of a PDF`;
  }
  if (want === "html") {
    if (sniffFormat(bytes) === "pdf") return "the URL now serves a PDF instead of a web page";
    if (looksBinary(bytes)) return `the URL now serves ${served} instead of a web page`;
    const type = (contentType ?? "").toLowerCase();
    if (type && !/html|xml|text\/plain/.test(type)) {
      return `the URL now serves ${served} instead of a web page`;
    }
    return via ? signInPage(bytes, via) : null;
  }
  return null;
}

/** "an HTML page (“Sign in – Mile2”)", "application/zip (binary)", "text/plain". */
function describe(bytes: Uint8Array, contentType: string | null): string {
  const kind = sniffFormat(bytes);
  if (kind === "html") {
    const head = Buffer.from(bytes.subarray(0, 16_384)).toString("utf8");
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i
      .exec(head)?.[1]
      ?.replace(/\s+/g, " ")
      .trim();
    return title ? `an HTML page (“${title}”)` : "an HTML page";
  }
  const type = contentType?.split(";")[0]?.trim();
  if (kind === "pdf") return "a PDF";
  return type ? `${type}${looksBinary(bytes) ? " (binary)" : ""}` : "something else";
}
