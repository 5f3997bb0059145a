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
    title: z.string().min(1),
    product: z.string().min(1),
    competitor: z.string().optional(),
    tagline: z.string().optional(),
    subtitle: z.string().optional(),
    author: z.string().optional(),
    /** BCP 47 language of the text (`en`, `ja`, `zh-Hant`): hyphenation and the CJK face; default `en`. */
    lang: z
      .string()
      .regex(
        /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/,
        "lang must be a BCP 47 tag such as en, ja, zh-Hant",
      )
      .optional(),
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
