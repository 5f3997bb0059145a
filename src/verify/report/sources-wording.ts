// The words every format uses for the lock and live results: per source, per quote, and the archive suggestion.
import type {
  LinkResult,
  LiveStatus,
  QuoteResult,
  Report,
  SourceResult,
} from "../../model/index.js";
import { formatPages } from "./wording.js";

export const LIVE_TITLES: Record<LiveStatus, string> = {
  unchanged: "Live copy unchanged",
  "changed-quotes-hold": "Cited document changed, quotes hold",
  "changed-quote-gone": "Quote gone from the live document",
  "not-a-document": "Cited URL no longer serves the document",
  unreachable: "Cited document unreachable",
  "no-document": "Cited URL answered without the document",
};

export const LOCK_TITLE_MODIFIED = "Local copy differs from its lock";
export const LOCK_TITLE_STALE = "Lock entry is for another URL or file";

/** A lock problem that fails the check (`modified`, `stale`): said before anything live. */
export function isLockProblem(s: SourceResult): boolean {
  return s.lock === "modified" || s.lock === "stale";
}

/** The title of a source's annotation: its lock problem, else its live status. */
export function sourceTitle(s: SourceResult): string {
  if (s.lock === "modified") return LOCK_TITLE_MODIFIED;
  if (s.lock === "stale") return LOCK_TITLE_STALE;
  return LIVE_TITLES[s.live?.status ?? "unchanged"];
}

/** Whether the report has anything about sources worth a section: a live check, or a lock problem. */
export function showSources(report: Report): boolean {
  return Boolean(report.sources?.some((s) => s.live || isLockProblem(s)));
}

/** "unchanged (HTTP 304, 1 request)", "changed, quotes hold: new bytes, text unchanged …". */
export function liveLine(s: SourceResult): string {
  const live = s.live;
  if (!live) return "";
  const http = live.httpStatus === null ? "" : `HTTP ${live.httpStatus}, `;
  const cost = `${http}${live.requests} request${live.requests === 1 ? "" : "s"}`;
  const label: Record<LiveStatus, string> = {
    unchanged: "unchanged",
    "changed-quotes-hold": live.textUnchanged
      ? "changed, quotes hold (text unchanged)"
      : "changed, quotes hold",
    "changed-quote-gone": "changed, quote gone",
    "not-a-document": "not a document",
    unreachable: "unreachable",
    "no-document": "answered without the document",
  };
  return `live: ${label[live.status]} (${cost})${live.reason ? `: ${live.reason}` : ""}`;
}

/** The source's problem or state in one sentence, for an annotation or a test case. */
export function sourceProblem(s: SourceResult): string {
  if (isLockProblem(s)) return s.reason;
  return liveLine(s);
}

/** A quote's live result, when it says something beyond "holds where it was". */
export function liveQuoteLine(q: QuoteResult): string | null {
  const live = q.live;
  if (!live) return null;
  if (live.status === "gone") return live.reason;
  if (live.status === "not-checked") return null;
  const pages = formatPages(live.pages);
  if (pages && pages !== formatPages(q.pages)) return `live copy: still there, now ${pages}`;
  return null;
}

export function isGoneLive(q: QuoteResult): boolean {
  return q.live?.status === "gone";
}

/** "archived copy: https://web.archive.org/web/20261124/…" (built, or named by the availability endpoint). */
export function archiveLine(link: LinkResult): string | null {
  if (!link.archive) return null;
  const how = link.archive.kind === "available" ? "archived copy" : "archived copy (suggested)";
  return `${how}: ${link.archive.url}`;
}

/** " · live: 2 unchanged, 1 changed, 1 quote gone (5 requests)", or "" without a live check. */
export function liveSummary(report: Report): string {
  const modified =
    (report.summary.modified ? ` · ${report.summary.modified} local copy modified` : "") +
    (report.summary.stale ? ` · ${report.summary.stale} lock entry stale` : "");
  const live = report.summary.live;
  if (!live) return modified;
  const gone = live.gone ? ` (${live.gone} with a quote gone)` : "";
  const parts = [
    `${live.unchanged} unchanged`,
    `${live.changed} changed${gone}`,
    ...(live.notDocument ? [`${live.notDocument} not a document`] : []),
    ...(live.unreachable ? [`${live.unreachable} unreachable`] : []),
    ...(live.noDocument ? [`${live.noDocument} without the document`] : []),
  ];
  return `${modified} · live: ${parts.join(", ")} (${live.requests} request${live.requests === 1 ? "" : "s"})`;
}
