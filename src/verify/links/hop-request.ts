// One hop of a link check: resolve and guard, HEAD then GET when HEAD is refused, retries with backoff.
import { LinkFailure } from "./failure.js";
import type { HostLimiter } from "./host-limiter.js";
import { discardBody, type Method, type ProbeResponse, probe } from "./http-probe.js";
import { type ResolvedAddress, resolvePinned } from "./resolve.js";
import { backoffDelay, parseRetryAfter, sleep } from "./retry-after.js";

export interface HopContext {
  isAllowed: (ip: string) => boolean;
  resolveHost: (hostname: string) => Promise<ResolvedAddress[]>;
  hosts: HostLimiter;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  userAgent: string;
  /**
   * When this URL's check must be over (epoch ms), whatever its retries, redirects and waits: each
   * request's timeout is cut to it and no wait may run past it. Absent: no overall limit.
   */
  deadline?: number;
  /** GET from the first request, never HEAD (a download wants the body). */
  getOnly?: boolean;
  /**
   * Conditional headers (a download's validators), sent only on the hop whose URL is `url`: validators
   * describe one resource, and another URL's 304 to them says nothing about it.
   */
  conditional?: { url: string; headers: Record<string, string> };
  /** Keep the final response's body open (a download); the host's slot is held until it closes. */
  keepBody?: boolean;
  /** Told of every request sent (a live check counts what it cost). */
  onRequest?: () => void;
}

/** The time left for this URL, in ms (Infinity without a deadline). */
function timeLeft(ctx: HopContext): number {
  return ctx.deadline === undefined ? Number.POSITIVE_INFINITY : ctx.deadline - Date.now();
}

function outOfTime(): LinkFailure {
  return new LinkFailure(
    "timeout",
    "gave up: retries, redirects and waits took longer than this URL's time budget",
  );
}

/** Sleep, unless that would run past the deadline. */
async function wait(ms: number, ctx: HopContext): Promise<void> {
  if (ms >= timeLeft(ctx)) throw outOfTime();
  await sleep(ms);
}

/** Per-URL state carried across hops: once a server refuses HEAD, ask with GET from then on. */
export interface HopState {
  useGet: boolean;
  /** Set when a 429 was given up on: the Retry-After asked for more than the cap. */
  rateLimit: string | null;
}

/** The response for one URL, after HEAD→GET fallback and retries; throws LinkFailure. */
export async function requestHop(
  url: URL,
  ctx: HopContext,
  state: HopState,
): Promise<ProbeResponse> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= ctx.retries;
    let response: ProbeResponse;
    try {
      response = await headThenGet(url, ctx, state);
    } catch (error) {
      if (!(error instanceof LinkFailure) || !error.transient || last) throw error;
      await wait(backoffDelay(attempt, ctx.backoffMs), ctx);
      continue;
    }
    if (last) return response;
    if (response.status === 429 || response.status >= 500) discardBody(response);
    if (response.status === 429) {
      const pause = rateLimitWait(response, attempt, ctx, state);
      if (pause === null) return response;
      if (pause >= timeLeft(ctx)) throw outOfTime();
      ctx.hosts.pause(url.hostname, Date.now() + pause);
    } else if (response.status >= 500) {
      await wait(backoffDelay(attempt, ctx.backoffMs), ctx);
    } else {
      return response;
    }
  }
}

/** How long to wait before retrying a 429, or null to give up (Retry-After beyond the cap). */
function rateLimitWait(
  response: ProbeResponse,
  attempt: number,
  ctx: HopContext,
  state: HopState,
): number | null {
  const asked = parseRetryAfter(response.retryAfter, Date.now());
  if (asked === null) return backoffDelay(attempt, ctx.backoffMs);
  if (asked <= ctx.maxRetryAfterMs) return asked;
  state.rateLimit = `rate limited: Retry-After ${Math.ceil(asked / 1000)} s exceeds the ${Math.round(ctx.maxRetryAfterMs / 1000)} s cap`;
  return null;
}

/**
 * HEAD first: it moves no body. Many servers answer HEAD wrongly (405, 501, 403, even 404 or 500
 * where GET gives 200) or drop the connection, so any HEAD error except 429 is asked again with GET.
 */
async function headThenGet(url: URL, ctx: HopContext, state: HopState): Promise<ProbeResponse> {
  if (state.useGet || ctx.getOnly) return send(url, "GET", ctx);
  try {
    const head = await send(url, "HEAD", ctx);
    if (head.status < 400 || head.status === 429) return head;
  } catch (error) {
    if (!(error instanceof LinkFailure) || !headMayRecover(error)) throw error;
  }
  state.useGet = true;
  return send(url, "GET", ctx);
}

/** Failures a GET might not share: the server spoke (or hung) but mishandled HEAD. */
function headMayRecover(failure: LinkFailure): boolean {
  return failure.kind === "network" || failure.kind === "timeout";
}

/**
 * Wait for a slot on the host, then resolve, check and probe within the timeout. The clock starts
 * once the slot is ours, so time queued behind other requests to the host never counts as a timeout.
 */
async function send(url: URL, method: Method, ctx: HopContext): Promise<ProbeResponse> {
  const release = await ctx.hosts.acquire(url.hostname);
  const left = timeLeft(ctx);
  if (left <= 0) {
    release();
    throw outOfTime();
  }
  const controller = new AbortController();
  const failure =
    left < ctx.timeoutMs
      ? outOfTime()
      : new LinkFailure("timeout", `no response within ${ctx.timeoutMs} ms`);
  const timer = setTimeout(() => controller.abort(failure), Math.min(ctx.timeoutMs, left));
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(failure), { once: true });
  });
  timedOut.catch(() => undefined);
  let holdSlot = false;
  try {
    const address = await Promise.race([
      resolvePinned(url.hostname, ctx.isAllowed, ctx.resolveHost),
      timedOut,
    ]);
    ctx.onRequest?.();
    // Raced against the clock as well: a request that neither answers nor fails never outlives its timeout.
    const response = await Promise.race([
      probe({
        url,
        method,
        address,
        userAgent: ctx.userAgent,
        signal: controller.signal,
        ...(isConditionalHop(url, ctx) && { headers: ctx.conditional?.headers }),
        ...(ctx.keepBody && { keepBody: true }),
      }),
      timedOut,
    ]);
    // A body still to be read keeps its request in flight: the host's slot is given back when it closes.
    if (response.body && !response.body.destroyed) {
      holdSlot = true;
      response.body.once("close", release);
    }
    return response;
  } finally {
    clearTimeout(timer);
    if (!holdSlot) release();
  }
}

/** Whether this request goes to the URL the validators describe (fragments never reach a server). */
export function isConditionalHop(url: URL, ctx: Pick<HopContext, "conditional">): boolean {
  return ctx.conditional !== undefined && sameResource(url.href, ctx.conditional.url);
}

/** Two URLs naming the same resource: equal once parsed, fragments aside. */
export function sameResource(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = "";
    y.hash = "";
    return x.href === y.href;
  } catch {
    return false;
  }
}
