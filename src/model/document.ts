// Document data from front matter: title, product, competitor, tagline and the audiences one-pagers are tailored to.
import { z } from "zod";

export const AudienceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "audience id must match [a-z0-9-]+"),
    label: z.string().min(1),
    claims: z.array(z.string()).min(1),
    /** Optional one-line pitch shown on the tailored one-pager. */
    summary: z.string().optional(),
  })
  .strict();
export type Audience = z.infer<typeof AudienceSchema>;

/** One row of the product-vs-competitor comparison table. */
export const ComparisonRowSchema = z
  .object({
    aspect: z.string().min(1),
    product: z.string().min(1),
    competitor: z.string().min(1),
    claim: z.string().optional(),
  })
  .strict();
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

export const DocumentMetaSchema = z
  .object({
    /** When the front matter has none: the first `#` heading, else the file name (see ingest/workspace.ts). */
    title: z.string().min(1),
    /** Optional for `check`; every piece names it, so `build` says when it is missing (render/needs.ts). */
    product: z.string().min(1).optional(),
    competitor: z.string().optional(),
    tagline: z.string().optional(),
    subtitle: z.string().optional(),
    author: z.string().optional(),
    date: z
      .union([z.string(), z.date()])
      .optional()
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    audiences: z.array(AudienceSchema).default([]),
    comparison: z.array(ComparisonRowSchema).default([]),
    cta: z
      .object({ heading: z.string(), text: z.string(), url: z.string().optional() })
      .strict()
      .optional(),
  })
  .passthrough();
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
