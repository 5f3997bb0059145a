// Citations that cite nothing → prose links: only a registry URL, or the URL a quote is attributed to, is a numbered source.
import type { Block, Citation, Claim, Inline } from "../model/index.js";

/**
 * A web link in a claim is parsed as a citation (the registry is not known yet). Once citations are
 * resolved against the registry, one that names no registered document, that no quote is attributed
 * to and that is not a footnote (a footnote is a reference by its form) becomes a link: printed in the
 * text as its words (a bare URL as the URL), listed in `links` to be checked, never numbered. A quote's
 * citation stays one even unregistered, so the quote fails as `source-missing` instead of passing
 * uncited. The remaining citations are renumbered in order, and quotes and cites with them.
 */
export function separateProseLinks(claim: Claim): Claim {
  const quoted = new Set(claim.quotes.map((q) => q.citation));
  const prose = (c: Citation) => c.source === null && !quoted.has(c.index) && c.kind !== "footnote";
  if (!claim.citations.some(prose)) return claim;
  const renumber = new Map<number, number>();
  const citations: Citation[] = [];
  for (const c of claim.citations) {
    if (prose(c)) continue;
    renumber.set(c.index, citations.length);
    citations.push({ ...c, index: citations.length });
  }
  const byIndex = new Map(claim.citations.map((c) => [c.index, c]));
  const inline = (i: Inline): Inline => {
    if (i.kind !== "cite") return i;
    const kept = renumber.get(i.citation);
    if (kept !== undefined) return { ...i, citation: kept };
    const c = byIndex.get(i.citation)!;
    return { kind: "link", text: c.label || c.url, url: c.url };
  };
  const block = (b: Block): Block => ({
    ...b,
    inlines: b.inlines.map(inline),
    ...(b.table && {
      table: {
        ...b.table,
        head: b.table.head.map((cell) => cell.map(inline)),
        rows: b.table.rows.map((row) => row.map((cell) => cell.map(inline))),
      },
    }),
  });
  return {
    ...claim,
    blocks: claim.blocks.map(block),
    quotes: claim.quotes.map((q) => ({
      ...q,
      citation: q.citation === null ? null : (renumber.get(q.citation) ?? null),
    })),
    citations,
    links: [
      ...(claim.links ?? []),
      ...claim.citations
        .filter(prose)
        .map((c) => ({ url: c.url, text: c.label || c.url, position: c.position })),
    ],
  };
}
