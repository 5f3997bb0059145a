// Online link checking: is every cited URL still there? The pipeline calls checkLinks / skippedLinks.

export { addressRange, isPublicAddress, schemeRefusal } from "./address-guard.js";
export { CACHE_DIR, CACHE_FILE, LinkCache } from "./cache.js";
export { checkLinks, type LinkTarget, skippedLinks, urlBudgetMs } from "./check-links.js";
// For downloads (`collateral fetch`, `check --live`): the same guard, redirects, limits and verdicts.
export { classify, isAcceptedStatus, type Verdict } from "./classify.js";
export { followLink, type Outcome, withoutHash } from "./follow-redirects.js";
export { sameResource } from "./hop-request.js";
export { HostLimiter, Semaphore } from "./host-limiter.js";
export { discardBody, type ProbeResponse } from "./http-probe.js";
export { looksOffline, OFFLINE_HINT } from "./no-network.js";
export {
  addressPolicy,
  DEFAULT_LINK_CHECK_OPTIONS,
  isRelaxed,
  type LinkCheckOptions,
  resolveOptions,
} from "./options.js";
export type { ResolvedAddress } from "./resolve.js";
export { lookupAll } from "./resolve.js";
export { parseRetryAfter } from "./retry-after.js";
