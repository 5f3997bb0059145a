// Citation numbering for one piece: numbers in order of first use across its claims, one reference per cited document.
import {
  blockInlines,
  type Citation,
  type Claim,
  type CollateralModel,
  type QuoteResult,
  type Source,
} from "../model/index.js";
import { safeUrl } from "./escape.js";
import { formatDate, pageRef } from "./format.js";
import { DEFAULT_LOCALE, fillLabel, type Locale } from "./labels.js";

export interface Reference {
  number: number;
  /** Registry id, or null for a URL the registry does not know. */
  id: string | null;
  title: string;
  publisher: string;
  url: string;
  /** The URL when it is safe to link (http, https, mailto), else null. */
  href: string | null;
  /** "p. 2", "pp. 2–3" (in the document's words), or "" (HTML sources, or no verified quote). */
  pages: string;
  /** The local copy's date in the document's format ("November 24, 2026"), or "". */
  accessed: string;
  /** "accessed November 24, 2026" in the document's words, or "". */
  accessedText: string;
  /** "CISSO Exam Blueprint Outline, Mile2, p. 2". */
  text: string;
}

interface Entry {
  citation: Citation;
  source: Source | undefined;
  pages: number[];
}

function keyOf(citation: Citation): string {
  return citation.source ?? `url:${citation.url}`;
}

/** The citations of the inlines in reading order: quotes point at their citation, cites are one. */
function citationsInOrder(claim: Claim): Citation[] {
  const quoteCitation = new Map(claim.quotes.map((q) => [q.id, q.citation]));
  const order: number[] = [];
  for (const inline of claim.blocks.flatMap(blockInlines)) {
    if (inline.kind === "cite") order.push(inline.citation);
    if (inline.kind === "quote") {
      const index = quoteCitation.get(inline.quote);
      if (index !== null && index !== undefined) order.push(index);
    }
  }
  order.push(...claim.citations.map((c) => c.index));
  return order.flatMap((i) => claim.citations.filter((c) => c.index === i));
}

export class CitationIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(
    model: CollateralModel,
    claims: readonly Claim[],
    readonly locale: Locale = DEFAULT_LOCALE,
  ) {
    const sources = new Map(model.sources.map((s) => [s.id, s]));
    const results = new Map(model.report.quotes.map((r) => [r.id, r]));
    for (const claim of claims) {
      for (const citation of citationsInOrder(claim)) {
        const key = keyOf(citation);
        if (!this.entries.has(key))
          this.entries.set(key, {
            citation,
            source: sources.get(citation.source ?? ""),
            pages: [],
          });
      }
      for (const quote of claim.quotes) this.addPages(claim, quote.citation, results.get(quote.id));
    }
  }

  private addPages(claim: Claim, index: number | null, result: QuoteResult | undefined): void {
    const citation = claim.citations.find((c) => c.index === index);
    if (!citation || result?.status !== "verified") return;
    this.entries.get(keyOf(citation))?.pages.push(...result.pages);
  }

  /** The superscript number of a claim's citation, or null when the claim has no such citation. */
  numberFor(claim: Claim, index: number | null): number | null {
    const citation = claim.citations.find((c) => c.index === index);
    if (!citation) return null;
    const position = [...this.entries.keys()].indexOf(keyOf(citation));
    return position < 0 ? null : position + 1;
  }

  references(): Reference[] {
    return [...this.entries.values()].map((entry, i) => toReference(entry, i + 1, this.locale));
  }
}

function toReference(
  { citation, source, pages }: Entry,
  number: number,
  locale: Locale,
): Reference {
  const url = source?.url ?? citation.url;
  const title = source?.title ?? (citation.label || url);
  const publisher = source?.publisher ?? "";
  const pageText = pageRef(pages, locale.labels);
  const accessed = formatDate(source?.accessed, locale.lang);
  return {
    number,
    id: source?.id ?? null,
    title,
    publisher,
    url,
    href: safeUrl(url),
    pages: pageText,
    accessed,
    accessedText: accessed ? fillLabel(locale.labels.accessed, { date: accessed }) : "",
    text: [title, publisher, pageText].filter(Boolean).join(", "),
  };
}
