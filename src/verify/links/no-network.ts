// Every cited URL failing name resolution says more about the machine (no network, no DNS) than about the links.
import type { LinkResult } from "../../model/index.js";

/** The reasons `toFailure` and `resolvePinned` give when a host name does not resolve. */
const UNRESOLVED = /^DNS lookup (failed for|for) /;

/** True when links were checked and every one failed name resolution. */
export function looksOffline(links: readonly LinkResult[]): boolean {
  const checked = links.filter((l) => l.status !== "skipped");
  return checked.length > 0 && checked.every((l) => UNRESOLVED.test(l.reason));
}

export const OFFLINE_HINT =
  "no network? every cited URL failed name resolution (DNS): use --offline to verify the quotes alone";
