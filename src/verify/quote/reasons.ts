// The sentences a failed or uncited quote is reported with: what went wrong, and where to look.
import type { Passage } from "./closest.js";
import type { Found } from "./library.js";

/** " (p. 2)", " (pp. 2–3)", or "" for HTML or no pages. */
export function pagesNote(pages: readonly number[]): string {
  const first = pages[0];
  const last = pages.at(-1);
  if (first === undefined || last === undefined) return "";
  return first === last ? ` (p. ${first})` : ` (pp. ${first}–${last})`;
}

export function notFoundReason(cited: string, closest: Passage | null): string {
  if (!closest) return `not in ${cited}, and no passage of it resembles the quote`;
  const where = closest.page === null ? "" : ` on p. ${closest.page}`;
  return `not in ${cited}; the closest passage${where} reads: “${closest.text}”`;
}

export function misattributedReason(cited: string, found: Found, pages: number[]): string {
  return `not in ${cited}, but found in ${found.source}${pagesNote(pages)}: cite that document instead`;
}

export function uncitedReason(found: Found | null, pages: number[]): string {
  return found
    ? `no citation in its paragraph; the quote is in ${found.source}${pagesNote(pages)}`
    : "no citation in its paragraph, and the quote is in no registered document";
}

export function unregisteredReason(url: string): string {
  return `the cited URL ${url} has no entry in sources/sources.yaml`;
}

export function missingCopyReason(cited: string, detail: string): string {
  return `${cited} has no local copy to check against: ${detail}`;
}

export function unreadableReason(cited: string, detail: string): string {
  return `${cited} cannot be read: ${detail}`;
}
