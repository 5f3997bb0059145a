// Claims, their prose, quotes and citations: what marketing wrote, with a position on everything.
import { z } from "zod";
import { PositionSchema } from "./position.js";

export const CitationSchema = z.object({
  /** Index within the claim's citations. */
  index: z.number().int().min(0),
  url: z.string(),
  /** Registry id when the URL is registered; null when it is not. */
  source: z.string().nullable(),
  label: z.string(),
  kind: z.enum(["inline", "reference", "autolink", "footnote"]),
  position: PositionSchema,
});
export type Citation = z.infer<typeof CitationSchema>;

export const QuoteSchema = z.object({
  /** `<claim id>/q<n>`, stable while quotes keep their order. */
  id: z.string(),
  claim: z.string(),
  /** The quoted words, without the quote marks. */
  text: z.string(),
  /** Index into the claim's citations, or null when uncited. */
  citation: z.number().int().nullable(),
  position: PositionSchema,
});
export type Quote = z.infer<typeof QuoteSchema>;

export const InlineSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    text: z.string(),
    strong: z.boolean().optional(),
    emphasis: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("quote"), quote: z.string() }),
  z.object({ kind: z.literal("cite"), citation: z.number().int(), label: z.string() }),
  z.object({ kind: z.literal("link"), text: z.string(), url: z.string() }),
  z.object({ kind: z.literal("break") }),
]);
export type Inline = z.infer<typeof InlineSchema>;

export const BlockSchema = z.object({
  kind: z.enum(["paragraph", "list-item", "heading"]),
  /**
   * A paragraph that opens with "Benefit:" is the claim's called-out benefit. One that opens with "Slide:"
   * (and the list right after a bare "Slide:") is what the claim's slide shows; "Notes:" likewise is the
   * slide's speaker notes. Slide and notes blocks are for the deck only.
   */
  role: z.enum(["body", "benefit", "slide", "notes"]).default("body"),
  inlines: z.array(InlineSchema),
  position: PositionSchema,
});
export type Block = z.infer<typeof BlockSchema>;

export const ClaimSchema = z.object({
  id: z.string(),
  title: z.string(),
  position: PositionSchema,
  blocks: z.array(BlockSchema),
  quotes: z.array(QuoteSchema),
  citations: z.array(CitationSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;
