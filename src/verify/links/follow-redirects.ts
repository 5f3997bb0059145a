// Follow a URL's redirects by hand, so every hop's scheme and address pass the guard before it is requested.
import { schemeRefusal } from "./address-guard.js";
import { LinkFailure } from "./failure.js";
import { type HopContext, type HopState, requestHop } from "./hop-request.js";
import { discardBody, type ProbeResponse } from "./http-probe.js";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type Outcome =
  | { kind: "response"; response: ProbeResponse; finalUrl: string; hops: number; state: HopState }
  | {
      kind: "failure";
      failure: LinkFailure;
      finalUrl: string;
      hops: number;
      httpStatus: number | null;
    };

export async function followLink(
  url: string,
  ctx: HopContext & { maxRedirects: number },
): Promise<Outcome> {
  const state: HopState = { useGet: false, rateLimit: null };
  const chain: string[] = [];
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return fail(new LinkFailure("invalid", "not a valid URL"), url, 0, null);
  }
  let status: number | null = null;
  for (;;) {
    const hops = chain.length;
    const refusal = schemeRefusal(current);
    if (refusal) return fail(new LinkFailure("blocked", refusal), current.href, hops, status);
    chain.push(withoutHash(current));
    let response: ProbeResponse;
    try {
      response = await requestHop(requestUrl(current), ctx, state);
    } catch (error) {
      const failure =
        error instanceof LinkFailure ? error : new LinkFailure("network", String(error));
      return fail(failure, current.href, hops, status);
    }
    status = response.status;
    if (!REDIRECTS.has(response.status)) {
      return { kind: "response", response, finalUrl: current.href, hops, state };
    }
    discardBody(response);
    const next = nextHop(current, response, chain, ctx.maxRedirects);
    if (next instanceof LinkFailure) return fail(next, current.href, hops, status);
    current = next;
  }
}

/** Where a redirect points, or why it cannot be followed (no Location, a loop, too many hops). */
function nextHop(
  current: URL,
  response: ProbeResponse,
  chain: string[],
  maxRedirects: number,
): URL | LinkFailure {
  if (!response.location) {
    return new LinkFailure(
      "redirect",
      `HTTP ${response.status} redirect without a Location header`,
    );
  }
  let next: URL;
  try {
    next = new URL(response.location, current);
  } catch {
    return new LinkFailure("redirect", `redirect to an invalid URL: ${response.location}`);
  }
  const key = withoutHash(next);
  if (chain.includes(key)) {
    const loop = [...chain.slice(chain.indexOf(key)), key].join(" → ");
    return new LinkFailure("redirect", `redirect loop: ${loop}`);
  }
  if (chain.length > maxRedirects) {
    return new LinkFailure("redirect", `too many redirects (more than ${maxRedirects})`);
  }
  return next;
}

function fail(
  failure: LinkFailure,
  finalUrl: string,
  hops: number,
  httpStatus: number | null,
): Outcome {
  return { kind: "failure", failure, finalUrl, hops, httpStatus };
}

/** The fragment never reaches the server. */
function requestUrl(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = "";
  return copy;
}

export function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, "");
}
