// Check every cited URL: each distinct one once, concurrently within limits, answers from the cache first.
import type { LinkResult, Position } from "../../model/index.js";
import { LinkCache } from "./cache.js";
import { classify, type Verdict } from "./classify.js";
import { followLink, withoutHash } from "./follow-redirects.js";
import { HostLimiter, Semaphore } from "./host-limiter.js";
import { addressPolicy, isRelaxed, type LinkCheckOptions, resolveOptions } from "./options.js";
import { lookupAll } from "./resolve.js";

export interface LinkTarget {
  url: string;
  positions: Position[];
}

interface Checked extends Verdict {
  elapsedMs: number;
  cached: boolean;
}

/** One result per target, in input order. Never throws for a URL's sake: trouble becomes a status. */
export async function checkLinks(
  targets: LinkTarget[],
  options: Partial<LinkCheckOptions> = {},
): Promise<LinkResult[]> {
  const opts = resolveOptions(options);
  const cache = opts.cache && opts.root ? await LinkCache.load(opts.root, cachePolicy(opts)) : null;
  const check = checker(opts, cache);
  const runs = new Map<string, Promise<Checked>>();
  const results = await Promise.all(
    targets.map(async (target) => {
      const key = cacheKey(target.url);
      let run = runs.get(key);
      if (!run) {
        run = check(target.url, key);
        runs.set(key, run);
      }
      return { url: target.url, positions: target.positions, ...(await run) };
    }),
  );
  await cache?.save();
  return results;
}

/** `--offline`: every link reported as skipped, nothing requested. */
export function skippedLinks(targets: LinkTarget[]): LinkResult[] {
  return targets.map((t) => ({
    url: t.url,
    status: "skipped",
    httpStatus: null,
    finalUrl: null,
    reason: "not checked (--offline)",
    positions: t.positions,
    elapsedMs: 0,
    cached: false,
  }));
}

function checker(opts: LinkCheckOptions, cache: LinkCache | null) {
  const total = new Semaphore(Math.max(1, opts.concurrency));
  const ctx = {
    ...opts,
    isAllowed: addressPolicy(opts),
    resolveHost: opts.resolveHost ?? lookupAll,
    hosts: new HostLimiter(opts.perHostConcurrency),
  };
  return async (url: string, key: string): Promise<Checked> => {
    const hit = cache?.get(key);
    if (hit) return { ...hit, elapsedMs: 0, cached: true };
    return total.run(async () => {
      const started = performance.now();
      let verdict: Verdict;
      try {
        // One URL never holds the run for long, however a server spreads its retries and redirects.
        const deadline = Date.now() + urlBudgetMs(opts);
        verdict = classify(url, await followLink(url, { ...ctx, deadline }), opts.acceptStatus);
      } catch (error) {
        verdict = {
          status: "broken",
          httpStatus: null,
          finalUrl: null,
          reason: `check failed: ${String(error)}`,
        };
      }
      cache?.set(key, verdict);
      return { ...verdict, elapsedMs: Math.round(performance.now() - started), cached: false };
    });
  };
}

/** Time for one URL, all requests and waits together: three timeouts and one honoured Retry-After (60 s by default). */
export function urlBudgetMs(opts: LinkCheckOptions): number {
  return 3 * opts.timeoutMs + opts.maxRetryAfterMs;
}

function cachePolicy(opts: LinkCheckOptions) {
  return {
    ttlMs: opts.cacheTtlMs,
    relaxed: isRelaxed(opts),
    acceptStatus: opts.acceptStatus,
    now: opts.now,
  };
}

/** The same document whatever the fragment: `#section` never reaches the server. */
function cacheKey(url: string): string {
  try {
    return withoutHash(new URL(url));
  } catch {
    return url;
  }
}
