// A claim's speaker notes: what the author marked `Notes:`, else the claim's full text; and the sources it cites.
import type { Block, Claim, CollateralModel } from "../model/index.js";
import type { CitationIndex } from "./citations.js";
import { blockText } from "./deck-points.js";
import { pageRef } from "./format.js";

/** One cited document as the speaker reads it out: "CISSO Exam Blueprint Outline, Mile2, p. 2" and its URL. */
export interface NoteSource {
  number: number;
  text: string;
  url: string;
}

/**
 * The author's `Notes:` blocks (a list under a bare `Notes:` as "• item" lines), else every body and benefit
 * block: a presenter without notes still has the whole claim to speak from. Paragraphs are separated by a blank line.
 */
export function speakerNotes(claim: Claim, quoteText: (id: string) => string | undefined): string {
  const marked = claim.blocks.filter((b) => b.role === "notes" && blockText(b, quoteText));
  const blocks = marked.length
    ? marked
    : claim.blocks.filter((b) => b.role === "body" || b.role === "benefit");
  let notes = "";
  let previous: Block | null = null;
  for (const block of blocks) {
    const text = blockText(block, quoteText, true);
    if (!text) continue;
    const item = block.kind === "list-item";
    // Items of one list stay together; everything else is its own paragraph.
    if (previous) notes += item && previous.kind === "list-item" ? "\n" : "\n\n";
    notes += item ? `• ${text}` : text;
    previous = block;
  }
  return notes;
}

/** The documents the claim cites, in the piece's numbering, with the pages this claim's verified quotes are on. */
export function noteSources(
  model: CollateralModel,
  claim: Claim,
  index: CitationIndex,
): NoteSource[] {
  const references = new Map(index.references().map((r) => [r.number, r]));
  const results = new Map(model.report.quotes.map((r) => [r.id, r]));
  const pages = new Map<number, number[]>();
  for (const quote of claim.quotes) {
    const number = index.numberFor(claim, quote.citation);
    const result = results.get(quote.id);
    if (number === null || result?.status !== "verified") continue;
    pages.set(number, [...(pages.get(number) ?? []), ...result.pages]);
  }
  const numbers = [...new Set(claim.citations.map((c) => index.numberFor(claim, c.index)))].filter(
    (n): n is number => n !== null,
  );
  return numbers
    .sort((a, b) => a - b)
    .flatMap((number) => {
      const ref = references.get(number);
      if (!ref) return [];
      const text = [ref.title, ref.publisher, pageRef(pages.get(number) ?? [])].filter(Boolean);
      return [{ number, text: text.join(", "), url: ref.url }];
    });
}
