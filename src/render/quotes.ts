// One quote as a piece shows it: its words, citation number, source line, and a stamp when it is not verified.
import {
  type Claim,
  type CollateralModel,
  FAILING_QUOTE_STATUSES,
  type QuoteResult,
} from "../model/index.js";
import type { CitationIndex } from "./citations.js";
import { collapseSpace } from "./escape.js";
import { pageRef } from "./format.js";

export interface QuoteView {
  id: string;
  text: string;
  /** The words set large (pull quote, slide): trailing commas and semicolons of the running text dropped. */
  pullText: string;
  /** Superscript citation number, or null when uncited. */
  number: number | null;
  /** "CISSO Exam Blueprint Outline, Mile2, p. 2", or "" when uncited. */
  source: string;
  href: string | null;
  status: string;
  /** "UNVERIFIED — not-found" for a quote that failed (or was never checked); null when it holds. */
  stamp: string | null;
}

export function quoteViews(
  model: CollateralModel,
  claim: Claim,
  index: CitationIndex,
): QuoteView[] {
  const results = new Map(model.report.quotes.map((r) => [r.id, r]));
  const references = new Map(index.references().map((r) => [r.number, r]));
  return claim.quotes.map((quote) => {
    const result = results.get(quote.id);
    const number = index.numberFor(claim, quote.citation);
    const reference = number === null ? undefined : references.get(number);
    const pages = result?.status === "verified" ? pageRef(result.pages, index.locale.labels) : "";
    const text = collapseSpace(quote.text).trim();
    return {
      id: quote.id,
      text,
      pullText: text.replace(/[\s,;:]+$/, ""),
      number,
      source: reference
        ? [reference.title, reference.publisher, pages].filter(Boolean).join(", ")
        : "",
      href: reference?.href ?? null,
      status: result?.status ?? "not checked",
      stamp: stampFor(result, index.locale.labels.unverified),
    };
  });
}

function stampFor(result: QuoteResult | undefined, word: string): string | null {
  if (!result) return `${word} — not checked`;
  return FAILING_QUOTE_STATUSES.includes(result.status) ? `${word} — ${result.status}` : null;
}
