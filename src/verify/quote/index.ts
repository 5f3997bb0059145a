// Quote matching: normalize, locate, classify. The pipeline calls verifyQuotes.

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
export { type Location, locateQuote } from "./locate.js";
export { type NormalizedText, normalizeText, normalizeWithOffsets } from "./normalize.js";
export { type PreparedText, type PrepareOptions, prepareText } from "./prepare.js";
export { quoteParts } from "./quote-parts.js";
export { type Token, tokenize, words } from "./tokenize.js";
