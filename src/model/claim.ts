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
    /** `inline code`: printed in the code face, without its backticks. */
    code: z.boolean().optional(),
    /** ~~struck out~~ (GFM). */
    strike: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("quote"),
    quote: z.string(),
    /**
     * Marks the author set on the whole quote, printed with it: a struck-out quote (~~“…”~~) prints struck,
     * never as an endorsement (nor set large as a pull quote); `code`, `strong`, `emphasis` likewise.
     */
    strike: z.boolean().optional(),
    code: z.boolean().optional(),
    strong: z.boolean().optional(),
    emphasis: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("cite"), citation: z.number().int(), label: z.string() }),
  /** A link that is not a citation: printed as its text (a bare URL as the URL), never numbered. */
  z.object({ kind: z.literal("link"), text: z.string(), url: z.string() }),
  z.object({ kind: z.literal("break") }),
  /** A workspace image: `src` relative to the workspace root (`sources/assets/shot.png`). */
  z.object({
    kind: z.literal("image"),
    src: z.string(),
    alt: z.string(),
    position: PositionSchema,
    /**
     * SHA-256 of the bytes judged when the workspace was loaded: only those bytes are ever copied and
     * printed (a file swapped afterwards is refused), and the copy's name carries it. Absent until judged.
     */
    sha256: z.string().optional(),
    /** A raster image's width in pixels (absent for SVG): it prints at 150 ppi, at most its column's width. */
    width: z.number().int().positive().optional(),
  }),
]);
export type Inline = z.infer<typeof InlineSchema>;

/** An image larger than this is no product screenshot: refused before it is read, and never copied. */
export const MAX_IMAGE_BYTES = 25_000_000;

/**
 * A container a block sits in, outermost first. Blocks stay a flat list (every reader of the model
 * walks them in order); consecutive blocks naming the same container `id` share it, which is all a
 * renderer needs to rebuild the nesting.
 */
export const ContainerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("blockquote"), id: z.number().int() }),
  z.object({
    kind: z.literal("list"),
    id: z.number().int(),
    ordered: z.boolean(),
    /** An ordered list's first number (`3.` starts at 3); null for bullets. */
    start: z.number().int().nullable(),
  }),
  /** One item of the list just before it in `within`; `number` is its printed number when ordered. */
  z.object({ kind: z.literal("item"), id: z.number().int(), number: z.number().int().nullable() }),
]);
export type Container = z.infer<typeof ContainerSchema>;

export const TableAlignSchema = z.enum(["left", "center", "right"]).nullable();

/** A GFM table: each cell a run of inlines (quotes and citations in cells are verified like any other). */
export const TableSchema = z.object({
  align: z.array(TableAlignSchema),
  head: z.array(z.array(InlineSchema)),
  rows: z.array(z.array(z.array(InlineSchema))),
});
export type Table = z.infer<typeof TableSchema>;

export const BlockSchema = z.object({
  /** `table` carries its cells in `table` (its `inlines` are empty); `code` is a fenced code block. */
  kind: z.enum(["paragraph", "list-item", "heading", "table", "code"]),
  /**
   * A paragraph that opens with "Benefit:" is the claim's called-out benefit. One that opens with "Slide:"
   * (and the list right after a bare "Slide:") is what the claim's slide shows; "Notes:" likewise is the
   * slide's speaker notes. Slide and notes blocks are for the deck only.
   */
  role: z.enum(["body", "benefit", "slide", "notes"]).default("body"),
  inlines: z.array(InlineSchema),
  position: PositionSchema,
  /** Lists and blockquotes around the block, outermost first; absent at the top level. */
  within: z.array(ContainerSchema).optional(),
  table: TableSchema.optional(),
});
export type Block = z.infer<typeof BlockSchema>;

/**
 * The label each role opens with, and the space after it: one pattern both gives the role and strips the label
 * where a piece shows what follows it (the deck's points), so `Slide :` is read and stripped alike.
 */
export const ROLE_LABEL = {
  benefit: /^\s*benefits?\s*:\s*/i,
  slide: /^\s*slides?\s*:\s*/i,
  notes: /^\s*(?:speaker\s+)?notes\s*:\s*/i,
} as const satisfies Partial<Record<Block["role"], RegExp>>;

/** A web link in a claim that cites nothing (not a registry URL, no quote attributed to it): checked like a citation. */
export const LinkSchema = z.object({
  url: z.string(),
  text: z.string(),
  position: PositionSchema,
});
export type Link = z.infer<typeof LinkSchema>;

/** Every inline of a block, table cells included, in reading order. */
export function blockInlines(block: Block): Inline[] {
  if (!block.table) return block.inlines;
  return [
    ...block.inlines,
    ...block.table.head.flat(),
    ...block.table.rows.flatMap((row) => row.flat()),
  ];
}

export const ClaimSchema = z.object({
  /** The heading's `{#id}` when it has one, else its GitHub-style slug. */
  id: z.string(),
  title: z.string(),
  position: PositionSchema,
  blocks: z.array(BlockSchema),
  quotes: z.array(QuoteSchema),
  citations: z.array(CitationSchema),
  /**
   * Web links that are not citations (prose links, bare URLs): printed in the text, checked, never
   * numbered. Always written by this version; optional so a model written before it still reads.
   */
  links: z.array(LinkSchema).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;
