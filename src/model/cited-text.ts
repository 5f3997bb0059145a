// The text of a cited document as ingest extracted it: one string per page (one page for HTML).
import { z } from "zod";

export const CitedTextSchema = z.discriminatedUnion("readable", [
  z.object({
    readable: z.literal(true),
    source: z.string(),
    kind: z.enum(["pdf", "html"]),
    /** Raw text per page, in page order (page n is pages[n-1]). */
    pages: z.array(z.string()),
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
