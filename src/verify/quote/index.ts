// Quote matching: normalize, strip running lines, locate, classify. The pipeline calls verifyQuotes.

export {
  classifyQuote,
  type QuoteInput,
  verifyContext,
  verifyQuote,
  verifyQuotes,
} from "./classify.js";
export { closestPassage, type Passage } from "./closest.js";
export { MAX_ELLIPSIS_GAP } from "./ellipsis.js";
export { DocumentLibrary, type Found, type VerifyContext } from "./library.js";
export { lineKey } from "./line-pattern.js";
export { type Location, locateQuote } from "./locate.js";
export { isNegation } from "./negation.js";
export { type NormalizedText, normalizeText, normalizeWithOffsets } from "./normalize.js";
export { type PreparedText, prepareText } from "./prepare.js";
export { quoteParts } from "./quote-parts.js";
export { stripRunningLines } from "./running-lines.js";
export { type Token, tokenize, words } from "./tokenize.js";
