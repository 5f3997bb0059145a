// Download one cited URL: the link check's guard, redirects, retries and per-host limits, a GET whose body is read within a size cap and a time budget.
import type { IncomingMessage } from "node:http";
import {
  addressPolicy,
  classify,
  discardBody,
  followLink,
  HostLimiter,
  type LinkCheckOptions,
  lookupAll,
  type Outcome,
  type ProbeResponse,
  resolveOptions,
  Semaphore,
  sameResource,
  urlBudgetMs,
  type Verdict,
} from "../verify/links/index.js";

/** 50 MB: larger than any brochure or standard a team cites, small enough to hold in memory. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface DownloadOptions extends LinkCheckOptions {
  /** The body is refused past this many bytes, counted while it streams. */
  maxBytes: number;
}

/** What the server said the locked version was: sent as `If-None-Match` / `If-Modified-Since`. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
  /** The URL that answered with them (the locked final URL): they are sent there and nowhere else. */
  url: string;
}

export type Download =
  /** A 304 to the validators: the locked version is still what the URL serves. */
  | { kind: "not-modified"; link: Verdict }
  | {
      kind: "body";
      link: Verdict;
      bytes: Buffer;
      /** The URL after redirects. */
      finalUrl: string;
      etag: string | null;
      lastModified: string | null;
      contentType: string | null;
    }
  /** No document: the link failed (its verdict says why), or it answered without a usable body. */
  | { kind: "failed"; link: Verdict; reason: string; finalUrl: string };

/** Downloads share one set of limits: per host, in all, as the link check's. */
export class Downloader {
  private readonly opts: DownloadOptions;
  private readonly hosts: HostLimiter;
  private readonly total: Semaphore;
  /** Requests sent, redirects and retries included (the figure a live check costs). */
  requests = 0;

  constructor(options: Partial<DownloadOptions> = {}) {
    this.opts = { ...resolveOptions(options), maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
    this.hosts = new HostLimiter(this.opts.perHostConcurrency);
    this.total = new Semaphore(Math.max(1, this.opts.concurrency));
  }

  get options(): DownloadOptions {
    return this.opts;
  }

  /** The download, and the requests it took (redirects and retries included). */
  async download(url: string, validators?: Validators): Promise<Download & { requests: number }> {
    let requests = 0;
    const counted = () => {
      requests++;
      this.requests++;
    };
    const result = await this.total.run(() => this.fetchOne(url, validators, counted));
    return { ...result, requests };
  }

  private async fetchOne(
    url: string,
    validators: Validators | undefined,
    onRequest: () => void,
  ): Promise<Download> {
    const opts = this.opts;
    const deadline = Date.now() + urlBudgetMs(opts);
    const conditional = validators && hasValidators(validators) ? validators : undefined;
    const first = await this.follow(url, conditional, deadline, onRequest);
    if (first.kind !== "not-modified" || first.validated) return this.read(url, first, deadline);
    // A 304 from a URL the validators were not sent to (a redirect elsewhere) proves nothing: ask again without them.
    return this.read(url, await this.follow(url, undefined, deadline, onRequest), deadline);
  }

  private async follow(
    url: string,
    validators: Validators | undefined,
    deadline: number,
    onRequest: () => void,
  ): Promise<Followed> {
    const opts = this.opts;
    const outcome = await followLink(url, {
      ...opts,
      isAllowed: addressPolicy(opts),
      resolveHost: opts.resolveHost ?? lookupAll,
      hosts: this.hosts,
      deadline,
      getOnly: true,
      keepBody: true,
      ...(validators && {
        conditional: { url: validators.url, headers: conditionalHeaders(validators) },
      }),
      onRequest,
    });
    if (outcome.kind === "response" && outcome.response.status === 304) {
      discardBody(outcome.response);
      const validated = validators !== undefined && sameResource(outcome.finalUrl, validators.url);
      return { kind: "not-modified", outcome, validated };
    }
    return { kind: "answer", outcome };
  }

  private async read(url: string, followed: Followed, deadline: number): Promise<Download> {
    const opts = this.opts;
    const { outcome } = followed;
    const link = classify(url, outcome, opts.acceptStatus);
    if (outcome.kind === "failure") {
      return { kind: "failed", link, reason: link.reason, finalUrl: outcome.finalUrl };
    }
    if (followed.kind === "not-modified") {
      if (followed.validated) return { kind: "not-modified", link: { ...link, reason: "" } };
      const reason = "HTTP 304 to a request without validators: no document";
      return { kind: "failed", link, reason, finalUrl: outcome.finalUrl };
    }
    const response = outcome.response;
    if (response.status !== 200 && response.status !== 203) {
      discardBody(response);
      const why = link.status === "broken" ? link.reason : `HTTP ${response.status}: no document`;
      return { kind: "failed", link, reason: why, finalUrl: outcome.finalUrl };
    }
    const body = await readBody(response, opts.maxBytes, deadline, opts.timeoutMs);
    if (!body.ok) return { kind: "failed", link, reason: body.reason, finalUrl: outcome.finalUrl };
    return {
      kind: "body",
      link,
      bytes: body.bytes,
      finalUrl: outcome.finalUrl,
      etag: response.etag ?? null,
      lastModified: response.lastModified ?? null,
      contentType: response.contentType ?? null,
    };
  }
}

/** A followed URL: its answer, or a 304 and whether it came from the URL the validators describe. */
type Followed =
  | { kind: "answer"; outcome: Outcome }
  | { kind: "not-modified"; outcome: Outcome & { kind: "response" }; validated: boolean };

function hasValidators(v: Validators): boolean {
  return Boolean(v.etag || v.lastModified);
}

function conditionalHeaders(validators?: Validators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers["if-none-match"] = validators.etag;
  if (validators?.lastModified) headers["if-modified-since"] = validators.lastModified;
  return headers;
}

type BodyRead = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/**
 * The body, counted as it streams: refused at once when `Content-Length` is over the cap, cut off
 * when the bytes pass it, and given up past the URL's time budget or a silence as long as a timeout
 * (a server dripping a byte a second holds nobody's run).
 */
export function readBody(
  response: ProbeResponse,
  maxBytes: number,
  deadline: number,
  idleMs: number,
): Promise<BodyRead> {
  const body = response.body as IncomingMessage | null | undefined;
  if (!body) return Promise.resolve({ ok: false, reason: "the response had no body" });
  if (response.contentLength != null && response.contentLength > maxBytes) {
    body.destroy();
    return Promise.resolve({ ok: false, reason: tooLarge(maxBytes, response.contentLength) });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const finish = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(budget);
      clearTimeout(idle);
      if (!result.ok) body.destroy();
      resolve(result);
    };
    const budget = setTimeout(
      () =>
        finish({
          ok: false,
          reason: `gave up: the body took longer than this URL's time budget (${length} bytes read)`,
        }),
      Math.max(0, deadline - Date.now()),
    );
    let idle = setTimeout(() => undefined, 0);
    const stalled = () =>
      finish({
        ok: false,
        reason: `the body stalled: no data for ${idleMs} ms (${length} bytes read)`,
      });
    const rearm = () => {
      clearTimeout(idle);
      idle = setTimeout(stalled, idleMs);
    };
    rearm();
    body.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) return finish({ ok: false, reason: tooLarge(maxBytes, null) });
      chunks.push(chunk);
      rearm();
    });
    body.on("end", () => finish({ ok: true, bytes: Buffer.concat(chunks, length) }));
    body.on("error", (error) =>
      finish({ ok: false, reason: `the body was cut off: ${error.message}` }),
    );
    body.on("close", () => {
      if (!body.complete)
        finish({ ok: false, reason: "the connection closed before the body ended" });
    });
  });
}

function tooLarge(maxBytes: number, announced: number | null): string {
  const size = announced === null ? "more than that" : `${megabytes(announced)} announced`;
  return `larger than the ${megabytes(maxBytes)} cap (${size}; --max-bytes raises it)`;
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return mb >= 10 || Number.isInteger(mb) ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}
