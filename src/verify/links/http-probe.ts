// One HTTP request to a pinned address: status and the headers a link check needs; the body is never read (unless a download keeps it).
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { LinkFailure, toFailure } from "./failure.js";
import type { ResolvedAddress } from "./resolve.js";

export type Method = "HEAD" | "GET";

export interface ProbeResponse {
  status: number;
  location: string | null;
  retryAfter: string | null;
  /** The validators and type a download records (`collateral fetch`, `check --live`). */
  etag?: string | null;
  lastModified?: string | null;
  contentType?: string | null;
  contentLength?: number | null;
  /** The body, still unread, when the request asked to keep it; the caller reads or destroys it. */
  body?: IncomingMessage | null;
}

export interface ProbeRequest {
  url: URL;
  method: Method;
  address: ResolvedAddress;
  userAgent: string;
  signal: AbortSignal;
  /** Extra request headers (a download's `If-None-Match` / `If-Modified-Since`). */
  headers?: Record<string, string>;
  /** Keep the response body open for the caller instead of dropping the connection at the head. */
  keepBody?: boolean;
}

/** Send the request; resolve with the response head, then drop the connection. */
export function probe(request: ProbeRequest): Promise<ProbeResponse> {
  const { url, method, signal } = request;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(timeoutFailure(signal));
    const req = client.request(url, {
      method,
      agent: false,
      lookup: pinnedLookup(request.address),
      headers: {
        "user-agent": request.userAgent,
        accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
        "accept-encoding": "identity",
        connection: "close",
        ...request.headers,
      },
    });
    const onAbort = () => req.destroy(timeoutFailure(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    const done = () => signal.removeEventListener("abort", onAbort);
    req.on("response", (res) => {
      done();
      if (request.keepBody) return resolve({ ...responseHead(res), body: res });
      resolve(responseHead(res));
      res.destroy();
      req.destroy();
    });
    req.on("error", (error) => {
      done();
      reject(error instanceof LinkFailure ? error : toFailure(error, url.hostname));
    });
    // A 101 Switching Protocols is a response head too; without this listener Node drops the
    // socket silently and neither "response" nor "error" ever comes.
    req.on("upgrade", (res, socket) => {
      done();
      resolve(responseHead(res));
      socket.destroy();
    });
    // Whatever else ends the request without a response settles it (a no-op once settled).
    req.on("close", () => {
      done();
      reject(new LinkFailure("network", "the connection closed without a response"));
    });
    req.end();
  });
}

function responseHead(res: IncomingMessage): ProbeResponse {
  const header = (name: string) => {
    const value = res.headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  const length = Number(header("content-length") ?? Number.NaN);
  return {
    status: res.statusCode ?? 0,
    location: header("location"),
    retryAfter: header("retry-after"),
    etag: header("etag"),
    lastModified: header("last-modified"),
    contentType: header("content-type"),
    contentLength: Number.isSafeInteger(length) && length >= 0 ? length : null,
  };
}

/** Drop a kept body that nobody will read (a redirect, a retried 5xx). */
export function discardBody(response: ProbeResponse): void {
  response.body?.destroy();
}

/** A `lookup` that answers with the address already checked, so no second DNS answer is trusted. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    const all = typeof options === "object" && options !== null && "all" in options && options.all;
    if (all) {
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

function timeoutFailure(signal: AbortSignal): LinkFailure {
  const reason: unknown = signal.reason;
  return reason instanceof LinkFailure ? reason : new LinkFailure("timeout", "request timed out");
}
