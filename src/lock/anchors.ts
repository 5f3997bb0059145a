// Each quote citing a document, anchored in that document's text: the lock's record of where it was found.
import type { CitedText, Claim, QuoteAnchor } from "../model/index.js";
import { DocumentLibrary } from "../verify/quote/index.js";

/** The quotes that cite `source` (by their attributed citation), in the order the sources hold them. */
export function quotesCiting(claims: Claim[], source: string): { id: string; text: string }[] {
  return claims.flatMap((claim) =>
    claim.quotes.filter(
      (q) => q.citation !== null && claim.citations[q.citation]?.source === source,
    ),
  );
}

/** An anchor for every quote citing `source` that its text holds; a quote not found there has none. */
export function anchorsFor(
  claims: Claim[],
  texts: ReadonlyMap<string, CitedText>,
  source: string,
): QuoteAnchor[] {
  const library = new DocumentLibrary(texts);
  const text = texts.get(source);
  const html = text?.kind === "html";
  return quotesCiting(claims, source).flatMap((quote) => {
    const location = library.locate(quote.text, source);
    if (!location) return [];
    return [
      {
        quote: quote.id,
        exact: quote.text,
        prefix: location.prefix,
        suffix: location.suffix,
        pages: html ? [] : location.pages,
      },
    ];
  });
}
