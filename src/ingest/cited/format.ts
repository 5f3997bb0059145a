// Which kind of document a cited file is: by its extension, else by its first bytes.
import path from "node:path";

export type CitedFormat = "pdf" | "html";

const EXTENSIONS: Record<string, CitedFormat> = {
  ".pdf": "pdf",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
};

export function formatFromExtension(file: string): CitedFormat | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

/** What the first kilobyte says the bytes are: a PDF header, HTML markup, or neither. */
export function sniffFormat(bytes: Uint8Array): CitedFormat | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  const text = head.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "").replace(/\0/g, "");
  if (/^\s*<(!doctype\s+html|html|head|body|meta|title|!--)/i.test(text)) return "html";
  if (/<(html|body|div|p)[\s>]/i.test(text)) return "html";
  return null;
}

/** NUL bytes in the first kilobyte of a file without a UTF-16 byte order mark: not text at all. */
export function looksBinary(bytes: Uint8Array): boolean {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 1024).includes(0);
}

/** Why bytes named as a saved page are no page at all, or null. */
export function notHtml(bytes: Uint8Array): string | null {
  if (sniffFormat(bytes) === "pdf")
    return "not really an HTML page: the file is a PDF (name it .pdf)";
  if (looksBinary(bytes)) return "not really an HTML page: the file holds binary data";
  return null;
}
