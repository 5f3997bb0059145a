// The portal's bounds on connections and renders: each a named option with a documented default.

export interface PortalLimits {
  /** Connections open at once; more are refused (a client holding idle sockets cannot starve the rest). */
  maxConnections: number;
  /** A request's headers must arrive within this (slow-loris clients are cut off). */
  headersTimeoutMs: number;
  /** The whole request must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed (longer than a render that queued). */
  idleTimeoutMs: number;
  /** A browser page is closed and a fresh one opened after this many prints (its memory grows). */
  recyclePageAfter: number;
  /** Chromium is restarted, between renders, after this many renders (as Gotenberg's restart-after). */
  restartBrowserAfter: number;
}

export const DEFAULT_PORTAL_LIMITS: PortalLimits = {
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 120_000,
  recyclePageAfter: 100,
  restartBrowserAfter: 1000,
};
