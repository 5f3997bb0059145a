// Test helpers for the quote matcher: fixture pages, claims with citations, and cited-text maps.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Citation, CitedText, Claim, Quote } from "../../../src/model/index.js";

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/verify");

/** A fixture's pages (form-feed separated blocks). */
export function fixturePages(name: string): string[] {
  return readFileSync(path.join(FIXTURES, `${name}.txt`), "utf8")
    .split(/\n?\f\n?/)
    .map((page) => page.replace(/\n$/, ""));
}

export const URLS: Record<string, string> = {
  "cisso-blueprint": "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf",
  "cissp-outline": "https://www.isc2.org/certifications/cissp/cissp-certification-exam-outline",
  "niccs-cisso": "https://niccs.cisa.gov/training/catalog/mile2/cisso",
};

export function readable(source: string, pages: string[], kind: "pdf" | "html" = "pdf"): CitedText {
  return { readable: true, source, kind, pages, hash: `hash-${source}` };
}

/** The three fixture documents, as the cited-text store would hand them over. */
export function fixtureTexts(): Map<string, CitedText> {
  return new Map([
    ["cisso-blueprint", readable("cisso-blueprint", fixturePages("cisso-blueprint"))],
    ["cissp-outline", readable("cissp-outline", fixturePages("cissp-outline"))],
    ["niccs-cisso", readable("niccs-cisso", fixturePages("niccs-cisso"), "html")],
  ]);
}

/** A quote and what it cites: a registry id, an unregistered URL, or nothing. */
export type QuoteSpec = { text: string } & ({ cite: string } | { url: string } | { uncited: true });

/** One claim holding the quotes, each with its own citation (in order). */
export function claimOf(id: string, specs: QuoteSpec[]): Claim {
  const citations: Citation[] = [];
  const quotes: Quote[] = specs.map((spec, i) => {
    const position = { file: "sources/test.md", line: i + 1, column: 5 };
    let citation: number | null = null;
    if (!("uncited" in spec)) {
      const registered = "cite" in spec;
      citation = citations.length;
      citations.push({
        index: citation,
        url: registered ? (URLS[spec.cite] ?? `https://example.com/${spec.cite}`) : spec.url,
        source: registered ? spec.cite : null,
        label: "source",
        kind: "reference",
        position: { ...position, column: 60 },
      });
    }
    return { id: `${id}/q${i + 1}`, claim: id, text: spec.text, citation, position };
  });
  return {
    id,
    title: id,
    position: { file: "sources/test.md", line: 1, column: 1 },
    blocks: [],
    quotes,
    citations,
  };
}
