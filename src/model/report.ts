// Verification results: one per quote, one per cited URL, and the summary CI reads (`check --format json`).
import { z } from "zod";
import { PositionSchema } from "./position.js";

export const QuoteStatusSchema = z.enum([
  "verified",
  "not-found",
  "misattributed",
  "uncited",
  "source-missing",
  "source-unreadable",
]);
export type QuoteStatus = z.infer<typeof QuoteStatusSchema>;

/** Statuses that make `ok` false. */
export const FAILING_QUOTE_STATUSES: readonly QuoteStatus[] = [
  "not-found",
  "misattributed",
  "source-missing",
  "source-unreadable",
];

export const QuoteResultSchema = z.object({
  id: z.string(),
  claim: z.string(),
  text: z.string(),
  /** Registry id of the cited document, or null (uncited, or URL not registered). */
  cited: z.string().nullable(),
  citedUrl: z.string().nullable().default(null),
  status: QuoteStatusSchema,
  pages: z.array(z.number().int().min(1)),
  foundIn: z.string().nullable(),
  reason: z.string(),
  position: PositionSchema,
  /** For failures: the passage of the cited document closest to the quote, so the author sees what it says. */
  closest: z
    .object({ text: z.string(), page: z.number().int().nullable() })
    .nullable()
    .default(null),
});
export type QuoteResult = z.infer<typeof QuoteResultSchema>;

export const LinkStatusSchema = z.enum([
  "ok",
  "redirected",
  "broken",
  "timeout",
  "blocked",
  "skipped",
]);
export type LinkStatus = z.infer<typeof LinkStatusSchema>;
export const FAILING_LINK_STATUSES: readonly LinkStatus[] = ["broken", "timeout", "blocked"];

export const LinkResultSchema = z.object({
  url: z.string(),
  status: LinkStatusSchema,
  httpStatus: z.number().int().nullable(),
  finalUrl: z.string().nullable(),
  reason: z.string(),
  /** Every place in the sources that cites this URL. */
  positions: z.array(PositionSchema).default([]),
  /** Milliseconds spent, or 0 when answered from the cache. */
  elapsedMs: z.number().default(0),
  cached: z.boolean().default(false),
});
export type LinkResult = z.infer<typeof LinkResultSchema>;

export const SummarySchema = z.object({
  quotes: z.number().int(),
  verified: z.number().int(),
  failed: z.number().int(),
  uncited: z.number().int(),
  links: z.number().int(),
  broken: z.number().int(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ReportSchema = z.object({
  ok: z.boolean(),
  quotes: z.array(QuoteResultSchema),
  links: z.array(LinkResultSchema),
  summary: SummarySchema,
});
export type Report = z.infer<typeof ReportSchema>;

export function summarize(quotes: QuoteResult[], links: LinkResult[]): Report {
  const failedQuotes = quotes.filter((q) => FAILING_QUOTE_STATUSES.includes(q.status)).length;
  const brokenLinks = links.filter((l) => FAILING_LINK_STATUSES.includes(l.status)).length;
  return {
    ok: failedQuotes === 0 && brokenLinks === 0,
    quotes,
    links,
    summary: {
      quotes: quotes.length,
      verified: quotes.filter((q) => q.status === "verified").length,
      failed: failedQuotes,
      uncited: quotes.filter((q) => q.status === "uncited").length,
      links: links.length,
      broken: brokenLinks,
    },
  };
}
