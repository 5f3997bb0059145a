// The words every report format shares: status titles, page ranges, truncation, the summary line.
import path from "node:path";
import {
  FAILING_LINK_STATUSES,
  FAILING_QUOTE_STATUSES,
  type LinkResult,
  type LinkStatus,
  type Message,
  type Position,
  type QuoteResult,
  type QuoteStatus,
  type Report,
} from "../../model/index.js";
import { liveSummary } from "./sources-wording.js";

export type ReportFormat = "text" | "json" | "junit" | "github";

export interface FormatOptions {
  /** ANSI colour (text format only). */
  color: boolean;
  /** Workspace root: absolute paths in positions are shown relative to it. */
  root: string;
  /**
   * Where the reader stands (the CLI's working folder): text, junit and github show files relative to it, so
   * `--root docs/collateral` annotates `docs/collateral/sources/…`, the path GitHub knows. Default: the root.
   */
  cwd?: string;
  /**
   * The run's warnings (no lock, an entry nothing locks, a saved page read without a browser…): the text
   * format leaves them to stderr; json lists them under `messages`, github as `::warning`, junit as a suite.
   */
  messages?: readonly Message[];
}

export const QUOTE_TITLES: Record<QuoteStatus, string> = {
  verified: "Quote verified",
  "not-found": "Quote not found",
  misattributed: "Quote misattributed",
  uncited: "Uncited quote",
  "source-missing": "Cited source missing",
  "source-unreadable": "Cited source unreadable",
};

export const LINK_TITLES: Record<LinkStatus, string> = {
  ok: "Link ok",
  redirected: "Link redirected",
  broken: "Link broken",
  timeout: "Link timed out",
  blocked: "Link blocked",
  skipped: "Link not checked",
};

export const isFailingQuote = (q: QuoteResult) => FAILING_QUOTE_STATUSES.includes(q.status);
export const isFailingLink = (l: LinkResult) => FAILING_LINK_STATUSES.includes(l.status);

/** "p. 2", "pp. 2–3", "pp. 2, 5", or "" for none (HTML). */
export function formatPages(pages: readonly number[]): string {
  if (!pages.length) return "";
  if (pages.length === 1) return `p. ${pages[0]}`;
  const consecutive = pages.every((p, i) => i === 0 || p === (pages[i - 1] ?? 0) + 1);
  const first = pages[0];
  const last = pages[pages.length - 1];
  return consecutive ? `pp. ${first}–${last}` : `pp. ${pages.join(", ")}`;
}

/** Terminal control characters (ESC, BEL…) that must never reach a terminal or a log from source text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** One line, control characters removed, at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(CONTROL, "").replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The file as the user knows it: relative to the workspace root, with forward slashes. */
export function relativeFile(file: string, root: string): string {
  const relative = path.isAbsolute(file) && root ? path.relative(root, file) : file;
  return relative.split(path.sep).join("/");
}

/** The report with every position's file relative to `cwd` instead of the workspace root. */
export function relocate(report: Report, root: string, cwd: string): Report {
  if (!root || path.resolve(root) === path.resolve(cwd)) return report;
  const move = mover(root, cwd);
  return {
    ...report,
    quotes: report.quotes.map((q) => ({ ...q, position: move(q.position) })),
    links: report.links.map((l) => ({ ...l, positions: l.positions.map(move) })),
    ...(report.sources && {
      sources: report.sources.map((s) => (s.position ? { ...s, position: move(s.position) } : s)),
    }),
  };
}

/** The messages with their files relative to `cwd`, as `relocate` moves the report's. */
export function relocateMessages(
  messages: readonly Message[],
  root: string,
  cwd: string,
): readonly Message[] {
  if (!root || path.resolve(root) === path.resolve(cwd)) return messages;
  const move = mover(root, cwd);
  return messages.map((m) => ({ ...m, position: move(m.position) }));
}

function mover(root: string, cwd: string): (p: Position) => Position {
  return (p) => ({ ...p, file: path.relative(cwd, path.resolve(root, p.file)) });
}

/** A warning's annotation title: the lock's in words, any other by its rule. */
export function messageTitle(message: Message): string {
  const titles: Record<string, string> = {
    "lock-missing": "Cited documents not locked",
    "lock-entry-missing": "Cited document not locked",
    "lock-drift": "Local copy differs from its lock",
  };
  return titles[message.rule] ?? `Warning (${message.rule})`;
}

export function where(position: Position, root: string): string {
  return `${relativeFile(position.file, root)}:${position.line}:${position.column}`;
}

/** What went wrong with a failing or uncited quote, in one sentence. */
export function quoteProblem(q: QuoteResult): string {
  const cited = q.cited ?? q.citedUrl ?? "its source";
  const headline: Record<QuoteStatus, string> = {
    verified: `found in ${cited}`,
    "not-found": `not found in ${cited}`,
    misattributed: `not in ${cited}, but found in ${q.foundIn ?? "another document"}`,
    uncited: `has no citation${q.foundIn ? ` (found in ${q.foundIn})` : ""}`,
    "source-missing": `cites ${cited}, which has no registry entry or local copy`,
    "source-unreadable": `cites ${cited}, whose local copy cannot be read`,
  };
  const head = headline[q.status];
  if (!q.reason || head.includes(q.reason)) return head;
  // The matcher's reasons are whole sentences naming the documents ("not in X; the closest passage…"): no headline.
  const names = [q.cited, q.citedUrl, q.foundIn].filter((n): n is string => Boolean(n));
  if (names.some((n) => q.reason.includes(n))) return q.reason;
  return `${head}: ${q.reason}`;
}

/** The closest passage to show on its own line, or null when there is none or the reason already quotes it. */
export function closestToShow(q: QuoteResult): QuoteResult["closest"] {
  if (!q.closest) return null;
  const squash = (text: string) => text.replace(/\s+/g, " ").trim();
  return squash(q.reason).includes(squash(q.closest.text)) ? null : q.closest;
}

/** "3 quotes: 3 verified, 0 failed, 0 uncited · 3 links: 3 ok, 0 broken". */
export function summaryLine(report: Report): string {
  const s = report.summary;
  const ok = report.links.filter((l) => l.status === "ok" || l.status === "redirected").length;
  const skipped = report.links.filter((l) => l.status === "skipped").length;
  const links = [`${ok} ok`, `${s.broken} broken`, ...(skipped ? [`${skipped} skipped`] : [])];
  return `${plural(s.quotes, "quote")}: ${s.verified} verified, ${s.failed} failed, ${s.uncited} uncited · ${plural(s.links, "link")}: ${links.join(", ")}${liveSummary(report)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Claim ids in the order their first quote appears, each with its quotes. */
export function byClaim(quotes: readonly QuoteResult[]): Map<string, QuoteResult[]> {
  const groups = new Map<string, QuoteResult[]>();
  for (const q of quotes) groups.set(q.claim, [...(groups.get(q.claim) ?? []), q]);
  return groups;
}
