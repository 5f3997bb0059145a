// Cited documents (PDF, saved HTML page) → their text per page: the public face of ingest/cited.
export { type CitedPath, resolveCitedPath, resolveContainedPath } from "./cited-path.js";
export { decodeHtmlBytes } from "./decode-html.js";
export { type CitedFormat, formatFromExtension, looksBinary, sniffFormat } from "./format.js";
export { hashBytes } from "./hash.js";
export { type CitedParser, loadCitedTexts } from "./load.js";
export { type ParsedCited, parseCitedBytes, readPdfPages } from "./parse.js";
export { type LaidOut, layoutDocument } from "./pdf-layout/index.js";
export { type HtmlText, readHtmlText } from "./read-html.js";
export type { PdfText } from "./read-pdf.js";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "./reader/limits.js";
export type { OpenBrowser } from "./saved-page/read-in-browser.js";
