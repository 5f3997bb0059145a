// The text of a cited document as ingest extracted it: its running text per page, and the text that stands apart.
import { z } from "zod";

/**
 * Between two passages of a page's running text that a reader does not read as one: a heading and the
 * paragraph beside it, boxes of a form, two columns whose order is uncertain. A quote never crosses it
 * (not even with an ellipsis), and a line-end hyphen before it joins nothing. Readers put it on a line of
 * its own, and remove the character from the document's own text first.
 */
export const PASSAGE_BREAK = "\u001e";

/**
 * Text on a page that is not part of its running text: running headers and footers, footnotes at the
 * foot of a column, rotated margin stamps, labels below the last line. A quote is found within one of
 * them, never joined to the running text around it.
 */
export const AsideSchema = z.object({ page: z.number().int().min(1), text: z.string() });
export type Aside = z.infer<typeof AsideSchema>;

export const CitedTextSchema = z.discriminatedUnion("readable", [
  z.object({
    readable: z.literal(true),
    source: z.string(),
    kind: z.enum(["pdf", "html"]),
    /** Running text per page, in reading order (page n is pages[n-1]); passages apart by PASSAGE_BREAK. */
    pages: z.array(z.string()),
    /** Text standing apart from the running text, by page (none for a saved page). */
    asides: z.array(AsideSchema).optional(),
    /** sha256 of the file's bytes. */
    hash: z.string(),
  }),
  z.object({
    readable: z.literal(false),
    source: z.string(),
    kind: z.enum(["pdf", "html", "missing"]),
    reason: z.string(),
    hash: z.string().nullable(),
  }),
]);
export type CitedText = z.infer<typeof CitedTextSchema>;
export type ReadableText = Extract<CitedText, { readable: true }>;
