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
  /** `check --live` only: the quote against what its URL serves now. */
  live: z.lazy(() => LiveQuoteSchema).optional(),
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
  /** A broken or timed-out link only: an archived copy to cite instead (the local copy stays the evidence). */
  archive: z.lazy(() => ArchiveSuggestionSchema).optional(),
});
export type LinkResult = z.infer<typeof LinkResultSchema>;

export const SummarySchema = z.object({
  quotes: z.number().int(),
  verified: z.number().int(),
  failed: z.number().int(),
  uncited: z.number().int(),
  links: z.number().int(),
  broken: z.number().int(),
  /** Local copies whose bytes no longer match their lock entry (present when a source has a lock problem or `--live`). */
  modified: z.number().int().optional(),
  /** Lock entries recording another URL or file than the registry's (present when there is one). */
  stale: z.number().int().optional(),
  /** `check --live` only: sources by live status, and the requests it took. */
  live: z.lazy(() => LiveSummarySchema).optional(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ReportSchema = z.object({
  ok: z.boolean(),
  quotes: z.array(QuoteResultSchema),
  links: z.array(LinkResultSchema),
  summary: SummarySchema,
  /** One per registry entry: its local copy against `sources/sources.lock`, and with `--live` against its URL. */
  sources: z.array(z.lazy(() => SourceResultSchema)).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export function summarize(
  quotes: QuoteResult[],
  links: LinkResult[],
  sources?: SourceResult[],
): Report {
  const failedQuotes = quotes.filter((q) => FAILING_QUOTE_STATUSES.includes(q.status)).length;
  const brokenLinks = links.filter((l) => FAILING_LINK_STATUSES.includes(l.status)).length;
  const failingSources = (sources ?? []).filter(isFailingSource).length;
  const modified = (sources ?? []).filter((s) => s.lock === "modified").length;
  const stale = (sources ?? []).filter((s) => s.lock === "stale").length;
  const live = sources?.some((s) => s.live) ? liveSummary(sources) : undefined;
  return {
    ok: failedQuotes === 0 && brokenLinks === 0 && failingSources === 0,
    quotes,
    links,
    summary: {
      quotes: quotes.length,
      verified: quotes.filter((q) => q.status === "verified").length,
      failed: failedQuotes,
      uncited: quotes.filter((q) => q.status === "uncited").length,
      links: links.length,
      broken: brokenLinks,
      ...((modified > 0 || live) && { modified }),
      ...(stale > 0 && { stale }),
      ...(live && { live }),
    },
    ...(sources && { sources }),
  };
}

/** The local copy against its entry in `sources/sources.lock`. */
export const LockStatusSchema = z.enum([
  /** The bytes are the locked ones. */
  "locked",
  /** The bytes differ from the locked ones: edited or replaced by hand since (fails `ok`). */
  "modified",
  /** The lock entry records another URL or local file than the registry names now: the copy is another document's evidence (fails `ok`). */
  "stale",
  /** No lock entry (or no lock file): nothing records which bytes were quoted (a warning). */
  "unlocked",
  /** No local copy to compare (the quotes say `source-missing`). */
  "missing",
]);
export type LockStatus = z.infer<typeof LockStatusSchema>;

/** What the URL serves now, against the local copy (`check --live`). */
export const LiveStatusSchema = z.enum([
  /** A 304 to the locked validators, or the same bytes. */
  "unchanged",
  /** New bytes in which every quote citing the document is still found (a warning). */
  "changed-quotes-hold",
  /** New bytes from which a quote is gone (fails `ok`). */
  "changed-quote-gone",
  /** The URL now serves something that is not the registered kind of document, or cannot be read (fails `ok`). */
  "not-a-document",
  /** No answer with a document: the link status says why; the local copy stays the evidence. */
  "unreachable",
  /** The URL answered (2xx) but gave no document to check: an empty 204, a partial 206, a body over the cap or one that stalled (fails `ok`). */
  "no-document",
]);
export type LiveStatus = z.infer<typeof LiveStatusSchema>;
export const FAILING_LIVE_STATUSES: readonly LiveStatus[] = [
  "changed-quote-gone",
  "not-a-document",
  "no-document",
];

export const LiveSourceSchema = z.object({
  status: LiveStatusSchema,
  httpStatus: z.number().int().nullable(),
  finalUrl: z.string().nullable(),
  /** sha256 and size of the live bytes (null when none were read: a 304, a failure). */
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  /** New bytes only: whether the text read from them is the local copy's, word for word (a PDF saved again). */
  textUnchanged: z.boolean().nullable(),
  /** The live copy's page count (PDF), when it was read. */
  pageCount: z.number().int().nullable(),
  reason: z.string(),
  /** HTTP requests this source took (redirects and retries included). */
  requests: z.number().int(),
});
export type LiveSource = z.infer<typeof LiveSourceSchema>;

export const SourceResultSchema = z.object({
  id: z.string(),
  file: z.string(),
  url: z.string(),
  lock: LockStatusSchema,
  /** sha256 of the local copy (null when it is missing). */
  sha256: z.string().nullable(),
  /** sha256 the lock records (null without an entry). */
  lockedSha256: z.string().nullable(),
  reason: z.string(),
  /** The registry entry's line in sources/sources.yaml (annotations point there). */
  position: PositionSchema.optional(),
  /** `check --live` only (cited sources). */
  live: LiveSourceSchema.optional(),
});
export type SourceResult = z.infer<typeof SourceResultSchema>;

export const LiveQuoteSchema = z.object({
  /** `holds`: found in the live copy; `gone`: not there (fails `ok`); `not-checked`: no live copy to read. */
  status: z.enum(["holds", "gone", "not-checked"]),
  /** Where it is in the live copy (PDF pages; empty for a saved page or when gone). */
  pages: z.array(z.number().int().min(1)),
  /** For a gone quote: the live copy's passage closest to the quote's anchor, with its page. */
  closest: z.object({ text: z.string(), page: z.number().int().nullable() }).nullable(),
  reason: z.string(),
});
export type LiveQuote = z.infer<typeof LiveQuoteSchema>;

export const ArchiveSuggestionSchema = z.object({
  /** A Wayback Machine URL: the snapshot nearest the `accessed` date. */
  url: z.string(),
  /** `built`: made from the URL and date, not asked; `available`: the availability endpoint named this snapshot (`--archive`). */
  kind: z.enum(["built", "available"]),
  /** The snapshot's timestamp (YYYYMMDD or YYYYMMDDhhmmss), when known. */
  timestamp: z.string().nullable(),
});
export type ArchiveSuggestion = z.infer<typeof ArchiveSuggestionSchema>;

export const LiveSummarySchema = z.object({
  sources: z.number().int(),
  unchanged: z.number().int(),
  changed: z.number().int(),
  gone: z.number().int(),
  notDocument: z.number().int(),
  unreachable: z.number().int(),
  /** Answered without a document (`no-document`); present when there is one. */
  noDocument: z.number().int().optional(),
  requests: z.number().int(),
});
export type LiveSummary = z.infer<typeof LiveSummarySchema>;

export function isFailingSource(s: SourceResult): boolean {
  return (
    s.lock === "modified" ||
    s.lock === "stale" ||
    (s.live !== undefined && FAILING_LIVE_STATUSES.includes(s.live.status))
  );
}

function liveSummary(sources: SourceResult[]): LiveSummary {
  const live = sources.flatMap((s) => (s.live ? [s.live] : []));
  const count = (status: LiveStatus) => live.filter((l) => l.status === status).length;
  return {
    sources: live.length,
    unchanged: count("unchanged"),
    changed: count("changed-quotes-hold") + count("changed-quote-gone"),
    gone: count("changed-quote-gone"),
    notDocument: count("not-a-document"),
    unreachable: count("unreachable"),
    ...(count("no-document") > 0 && { noDocument: count("no-document") }),
    requests: live.reduce((n, l) => n + l.requests, 0),
  };
}
