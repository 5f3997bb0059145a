// `sources/sources.lock`: what each cited document's local copy was when it was locked, and where each quote sits in it.
import { z } from "zod";

export const LOCK_FILE = "sources/sources.lock";
export const LOCK_VERSION = 1;

/**
 * A quote anchored in the locked text the way the W3C Web Annotation `TextQuoteSelector` (and Hypothesis)
 * anchor one: the exact words, a few words either side and the pages. A later version is searched for the
 * whole anchor, so the passage that replaced a reworded quote is still found by what surrounds it.
 */
export const QuoteAnchorSchema = z
  .object({
    /** The quote's id (`<claim>/q<n>`). */
    quote: z.string(),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    /** 1-based pages in the locked copy; empty for a saved page. */
    pages: z.array(z.number().int().min(1)),
  })
  .strict();
export type QuoteAnchor = z.infer<typeof QuoteAnchorSchema>;

export const LockEntrySchema = z
  .object({
    /** The local copy, relative to sources/, as the registry names it. */
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lower-case hex digits"),
    size: z.number().int().min(0),
    /** The registry URL the copy was fetched from (or that it stands for, when locked as it stood). */
    url: z.string(),
    /** Where the URL led after redirects; null when the copy was never downloaded by collateral. */
    finalUrl: z.string().nullable(),
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
    contentType: z.string().nullable(),
    /** When collateral downloaded it (ISO 8601); null for a copy locked as it stood (`fetch --local`). */
    fetched: z.string().nullable(),
    quotes: z.array(QuoteAnchorSchema),
  })
  .strict();
export type LockEntry = z.infer<typeof LockEntrySchema>;

export const LockFileSchema = z
  .object({
    lockVersion: z.literal(LOCK_VERSION),
    /** One entry per registry id, in id order (ids as the registry spells them, so none is `__proto__`). */
    sources: z.record(
      z.string().regex(/^[a-z0-9-]+$/, "a registry id ([a-z0-9-]+)"),
      LockEntrySchema,
    ),
  })
  .strict();
export type LockFile = z.infer<typeof LockFileSchema>;
