// Each quote → its status under the contract: verified, not-found, misattributed, uncited, source-missing, source-unreadable.
import type { Citation, CitedText, Claim, Quote, QuoteResult } from "../../model/index.js";
import { DocumentLibrary, type VerifyContext } from "./library.js";
import type { PreparedText } from "./prepare.js";
import {
  misattributedReason,
  missingCopyReason,
  notFoundReason,
  uncitedReason,
  unreadableReason,
  unregisteredReason,
} from "./reasons.js";

/**
 * Verifies every quote of every claim against the document it cites (and, for the reason
 * and `foundIn`, against the other registered documents). `texts` maps registry id → text.
 * Each document is prepared once per call, when a quote first needs it.
 */
export function verifyQuotes(claims: Claim[], texts: Map<string, CitedText>): QuoteResult[] {
  const context = verifyContext(texts);
  return claims.flatMap((claim) =>
    claim.quotes.map((quote) => classifyQuote(quote, claim, context)),
  );
}

/** One quote to verify, with the citation it is attributed to (null when uncited). */
export interface QuoteInput {
  quote: Quote;
  citation: Citation | null;
}

/**
 * What verifying needs: every registered document's text (registry id → text), each prepared
 * once, when a quote first needs it. One context per run: `prepared` (registry id → prepared
 * text) is trusted to match `texts`. Across runs an unchanged document is not prepared again
 * anyway (see library.ts).
 */
export function verifyContext(
  texts: ReadonlyMap<string, CitedText>,
  prepared?: Map<string, PreparedText>,
): VerifyContext {
  return new DocumentLibrary(texts, prepared);
}

/** The quote's status under the contract, with pages, the document holding it and a reason. */
export function verifyQuote({ quote, citation }: QuoteInput, context: VerifyContext): QuoteResult {
  const base = resultBase(quote, citation);
  if (citation === null) return uncited(base, context);
  if (citation.source === null) {
    return { ...base, status: "source-missing", reason: unregisteredReason(citation.url) };
  }
  return checkCited(base, citation.source, context);
}

/** A quote of a claim, its citation looked up by index; an index with no citation is a missing source. */
export function classifyQuote(quote: Quote, claim: Claim, context: VerifyContext): QuoteResult {
  if (quote.citation === null) return verifyQuote({ quote, citation: null }, context);
  const citation = claim.citations[quote.citation];
  if (citation) return verifyQuote({ quote, citation }, context);
  return {
    ...resultBase(quote, null),
    status: "source-missing",
    reason: `citation ${quote.citation} of claim ${claim.id} does not exist`,
  };
}

function resultBase(quote: Quote, citation: Citation | null): QuoteResult {
  return {
    id: quote.id,
    claim: quote.claim,
    text: quote.text,
    cited: citation?.source ?? null,
    citedUrl: citation?.url ?? null,
    status: "verified",
    pages: [],
    foundIn: null,
    reason: "",
    position: quote.position,
    closest: null,
  };
}

function checkCited(base: QuoteResult, cited: string, library: VerifyContext): QuoteResult {
  const text = library.text(cited);
  if (!text || (!text.readable && text.kind === "missing")) {
    const detail = text && !text.readable ? text.reason : "no text was loaded for it";
    return { ...base, status: "source-missing", reason: missingCopyReason(cited, detail) };
  }
  if (!text.readable) {
    return { ...base, status: "source-unreadable", reason: unreadableReason(cited, text.reason) };
  }
  const location = library.locate(base.text, cited);
  if (location) {
    const pages = text.kind === "html" ? [] : location.pages;
    return { ...base, status: "verified", pages, foundIn: cited };
  }
  const closest = library.closest(base.text, cited);
  const found = library.findElsewhere(base.text, cited);
  if (found) {
    const pages = pagesIn(found.source, found.location.pages, library);
    const reason = misattributedReason(cited, found, pages);
    return { ...base, status: "misattributed", foundIn: found.source, pages, reason, closest };
  }
  return { ...base, status: "not-found", reason: notFoundReason(cited, closest), closest };
}

function uncited(base: QuoteResult, library: VerifyContext): QuoteResult {
  const found = library.findElsewhere(base.text, null);
  const pages = found ? pagesIn(found.source, found.location.pages, library) : [];
  return {
    ...base,
    status: "uncited",
    foundIn: found?.source ?? null,
    pages,
    reason: uncitedReason(found, pages),
  };
}

/** Pages are only meaningful in a PDF; an HTML page has none. */
function pagesIn(source: string, pages: number[], library: VerifyContext): number[] {
  return library.text(source)?.kind === "html" ? [] : pages;
}
