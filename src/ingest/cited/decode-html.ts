// The bytes of a saved HTML page → its characters, by the encoding a browser would read it in.
import { TextDecoder } from "@exodus/bytes/encoding.js";
import htmlEncodingSniffer from "html-encoding-sniffer";

/** How far into a page a declaration that comes late (after the prescan's 1024 bytes) is looked for: its head. */
const LATE_DECLARATION_BYTES = 64 * 1024;
const META = Buffer.from("<meta", "latin1");

/**
 * The page's characters, decoded the way browsers do (the WHATWG encoding sniffing algorithm, as jsdom
 * implements it in html-encoding-sniffer): a byte order mark, else a `<meta charset>` or `http-equiv`
 * declaration in the first 1024 bytes. Past those, browsers still honour a declaration the parser meets
 * later in the head (they re-read the page in it), so each later `<meta` in the head is pre-scanned the
 * same way. With no declaration at all, a page that is valid UTF-8 is UTF-8 (Chrome's and Firefox's
 * detectors agree), and anything else windows-1252, the default for Western locales: never the U+FFFD
 * that decoding a Latin-1 page as UTF-8 gives for every accented letter.
 */
export function decodeHtmlBytes(bytes: Uint8Array): string {
  return new TextDecoder(htmlEncoding(bytes)).decode(bytes);
}

/** The canonical name of the encoding the page is in. */
export function htmlEncoding(bytes: Uint8Array): string {
  const declared = sniff(bytes) ?? lateDeclaration(bytes);
  if (declared) return declared;
  return isUtf8(bytes) ? "UTF-8" : "windows-1252";
}

/** What the sniffing algorithm finds (BOM or prescan), or null when it falls back on its default. */
function sniff(bytes: Uint8Array): string | null {
  const a = htmlEncodingSniffer(bytes, { defaultEncoding: "UTF-8" });
  const b = htmlEncodingSniffer(bytes, { defaultEncoding: "windows-1252" });
  return a === b ? a : null;
}

function lateDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, LATE_DECLARATION_BYTES),
  );
  for (let at = head.indexOf(META, 1024); at >= 0; at = head.indexOf(META, at + 1)) {
    const found = sniff(head.subarray(at));
    if (found) return found;
  }
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new globalThis.TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
