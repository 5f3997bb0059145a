// Online link checking: is every cited URL still there? The pipeline calls checkLinks / skippedLinks.

export { addressRange, isPublicAddress, schemeRefusal } from "./address-guard.js";
export { CACHE_DIR, CACHE_FILE, LinkCache } from "./cache.js";
export { checkLinks, type LinkTarget, skippedLinks } from "./check-links.js";
export { isAcceptedStatus } from "./classify.js";
export { HostLimiter, Semaphore } from "./host-limiter.js";
export { looksOffline, OFFLINE_HINT } from "./no-network.js";
export { DEFAULT_LINK_CHECK_OPTIONS, type LinkCheckOptions } from "./options.js";
export type { ResolvedAddress } from "./resolve.js";
export { parseRetryAfter } from "./retry-after.js";
