// Each quote → its status under the contract: verified, not-found, misattributed, uncited, source-missing, source-unreadable.
import type { CitedText, Claim, Quote, QuoteResult } from "../../model/index.js";
import { DocumentLibrary } from "./library.js";
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
  const library = new DocumentLibrary(texts);
  return claims.flatMap((claim) =>
    claim.quotes.map((quote) => classifyQuote(quote, claim, library)),
  );
}

export function classifyQuote(quote: Quote, claim: Claim, library: DocumentLibrary): QuoteResult {
  const citation = quote.citation === null ? undefined : claim.citations[quote.citation];
  const base: QuoteResult = {
    id: quote.id,
    claim: claim.id,
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
  if (quote.citation === null) return uncited(base, library);
  if (!citation) {
    return {
      ...base,
      status: "source-missing",
      reason: `citation ${quote.citation} does not exist`,
    };
  }
  if (citation.source === null) {
    return { ...base, status: "source-missing", reason: unregisteredReason(citation.url) };
  }
  return checkCited(base, citation.source, library);
}

function checkCited(base: QuoteResult, cited: string, library: DocumentLibrary): QuoteResult {
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

function uncited(base: QuoteResult, library: DocumentLibrary): QuoteResult {
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
function pagesIn(source: string, pages: number[], library: DocumentLibrary): number[] {
  return library.text(source)?.kind === "html" ? [] : pages;
}
