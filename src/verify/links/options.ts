// The knobs of a link check, their defaults, and the address policy they imply.
import { isPublicAddress } from "./address-guard.js";
import type { ResolvedAddress } from "./resolve.js";

export interface LinkCheckOptions {
  /** Workspace root: the cache lives in `<root>/.collateral-cache/links.json`. Empty: no cache. */
  root: string;
  /** Lift the private/loopback/link-local address check (schemes other than http(s) stay refused). */
  allowPrivateNetwork: boolean;
  /** Replace the address decision (tests allow one loopback address this way); default strict. */
  isAllowedAddress?: (ip: string) => boolean;
  /** Resolve a host name to every address it has (default `dns.lookup` with `all: true`). */
  resolveHost?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Read and write the result cache between runs. */
  cache: boolean;
  /** How long an ok/redirected result stays fresh in the cache. */
  cacheTtlMs: number;
  /** Per request: DNS, connect and response headers must all arrive within this. */
  timeoutMs: number;
  /** HTTP statuses that count as ok besides 2xx (e.g. 403 for sites that refuse bots). */
  acceptStatus: number[];
  /** Retries for 5xx, 429 and transient network errors. */
  retries: number;
  /** First backoff delay; doubles on each retry. */
  backoffMs: number;
  /** The longest `Retry-After` honoured; a longer one gives up at once. */
  maxRetryAfterMs: number;
  maxRedirects: number;
  /** Requests in flight to one host at once. */
  perHostConcurrency: number;
  /** URLs being checked at once. */
  concurrency: number;
  userAgent: string;
  /** Clock, injectable for cache-expiry tests. */
  now: () => number;
}

export const DEFAULT_LINK_CHECK_OPTIONS: LinkCheckOptions = {
  root: "",
  allowPrivateNetwork: false,
  cache: true,
  cacheTtlMs: 60 * 60 * 1000,
  timeoutMs: 10_000,
  acceptStatus: [],
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  maxRedirects: 10,
  perHostConcurrency: 2,
  concurrency: 16,
  userAgent: "collateral-link-check/0.1",
  now: Date.now,
};

/** Defaults filled in; `undefined` in the input never overrides a default. */
export function resolveOptions(options: Partial<LinkCheckOptions>): LinkCheckOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_LINK_CHECK_OPTIONS, ...defined };
}

/** The address decision in force: the injected one, everything, or public addresses only. */
export function addressPolicy(options: LinkCheckOptions): (ip: string) => boolean {
  if (options.isAllowedAddress) return options.isAllowedAddress;
  return options.allowPrivateNetwork ? () => true : isPublicAddress;
}

/** Whether results were produced under a looser policy than the default (they must not serve a strict run). */
export function isRelaxed(options: LinkCheckOptions): boolean {
  return options.allowPrivateNetwork || options.isAllowedAddress !== undefined;
}
