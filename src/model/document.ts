// Document data from front matter: title, product, competitor, tagline and the audiences one-pagers are tailored to.
import { z } from "zod";
import { LabelsSchema } from "./labels.js";

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

/**
 * What the generic one-pager holds (`one-pager:` in the front matter): its claims, in order (default: all), and
 * its form: `auto` prints each claim in full and, when that cannot fit on the page, condensed to its headline,
 * benefit and quotes; `full` never condenses (a one-pager that cannot fit fails); `compact` always condenses.
 * A list is short for `{ claims: [...] }`.
 */
export const OnePagerSchema = z.union([
  z
    .array(z.string())
    .min(1)
    .transform((claims) => ({ claims, form: "auto" as const })),
  z
    .object({
      claims: z.array(z.string()).min(1).optional(),
      form: z.enum(["auto", "full", "compact"]).default("auto"),
    })
    .strict(),
]);
export type OnePagerSetting = z.infer<typeof OnePagerSchema>;
export type OnePagerForm = OnePagerSetting["form"];

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
    /** BCP 47 language of the document (default en): date format, quote marks, hyphenation. */
    lang: z.string().optional(),
    /** Fixed labels in the author's words ("The benefit" → "Der Vorteil"), over the theme's and the defaults. */
    labels: LabelsSchema.optional(),
    audiences: z.array(AudienceSchema).default([]),
    comparison: z.array(ComparisonRowSchema).default([]),
    "one-pager": OnePagerSchema.optional(),
    cta: z
      .object({ heading: z.string(), text: z.string(), url: z.string().optional() })
      .strict()
      .optional(),
  })
  .passthrough();
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
