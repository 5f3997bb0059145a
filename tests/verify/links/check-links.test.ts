import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkResult } from "../../../src/model/index.js";
import {
  checkLinks,
  isPublicAddress,
  type LinkCheckOptions,
} from "../../../src/verify/links/index.js";
import { type LinkServer, startLinkServer } from "../../fixtures/links/server.js";

let server: LinkServer;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(() => server.close());

/** Tests treat exactly 127.0.0.1 as public; every other private address stays refused. */
const onLoopback: Partial<LinkCheckOptions> = {
  isAllowedAddress: (ip) => ip === "127.0.0.1" || isPublicAddress(ip),
  cache: false,
  timeoutMs: 300,
  backoffMs: 20,
};

const pos = { file: "sources/x.md", line: 3, column: 5 };
let unique = 0;
const fresh = (path: string) =>
  `${server.base}${path}${path.includes("?") ? "&" : "?"}u=${++unique}`;

async function checkOne(url: string, options: Partial<LinkCheckOptions> = {}): Promise<LinkResult> {
  const [result] = await checkLinks([{ url, positions: [pos] }], { ...onLoopback, ...options });
  return result as LinkResult;
}

describe("checkLinks against a real server on 127.0.0.1", () => {
  it("reports a 200 as ok with its status, final URL and the places that cite it", async () => {
    const url = fresh("/ok");
    const result = await checkOne(url);
    expect(result).toMatchObject({ url, status: "ok", httpStatus: 200, finalUrl: url, reason: "" });
    expect(result.positions).toEqual([pos]);
    expect(result.cached).toBe(false);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("asks with HEAD first and reads no more", async () => {
    const url = fresh("/ok");
    await checkOne(url);
    expect(server.methods.get(new URL(url).pathname + new URL(url).search)).toEqual(["HEAD"]);
  });

  it("reports a 404 as broken with the status in the reason", async () => {
    const result = await checkOne(fresh("/missing"));
    expect(result).toMatchObject({ status: "broken", httpStatus: 404 });
    expect(result.reason).toContain("404 Not Found");
  });

  it("follows a 301 → 302 → 200 chain and reports redirected with the final URL", async () => {
    const result = await checkOne(`${server.base}/chain/1`);
    expect(result).toMatchObject({ status: "redirected", httpStatus: 200 });
    expect(result.finalUrl).toBe(`${server.base}/chain/3`);
  });

  it("detects a redirect loop and says so", async () => {
    const result = await checkOne(`${server.base}/loop/a`);
    expect(result.status).toBe("broken");
    expect(result.reason).toMatch(/redirect loop/);
    expect(result.reason).toContain("/loop/b");
  });

  it("gives up after the redirect limit", async () => {
    const result = await checkOne(`${server.base}/hop/0`, { maxRedirects: 3 });
    expect(result.status).toBe("broken");
    expect(result.reason).toMatch(/too many redirects \(more than 3\)/);
    expect(server.hits.get("/hop/3")).toBe(1);
    expect(server.hits.get("/hop/4")).toBeUndefined();
  });

  it("honours Retry-After on a 429 and then reports ok", async () => {
    const started = Date.now();
    const result = await checkOne(fresh("/rate"));
    expect(result).toMatchObject({ status: "ok", httpStatus: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("gives up at once when Retry-After asks for longer than the cap", async () => {
    const url = fresh("/rate-long");
    const result = await checkOne(url, { maxRetryAfterMs: 2000 });
    expect(result).toMatchObject({ status: "broken", httpStatus: 429 });
    expect(result.reason).toMatch(/Retry-After 3600 s exceeds the 2 s cap/);
    // Asked once, never again.
    expect(server.hits.get(new URL(url).pathname + new URL(url).search)).toBe(1);
  });

  it("retries a 503 and reports ok when the server recovers", async () => {
    const url = fresh("/flaky");
    const result = await checkOne(url);
    expect(result).toMatchObject({ status: "ok", httpStatus: 200 });
  });

  it("reports a server that stays 503 as broken after the retries", async () => {
    const url = fresh("/down");
    const result = await checkOne(url, { retries: 2 });
    expect(result).toMatchObject({ status: "broken", httpStatus: 503 });
    const key = url.slice(server.base.length);
    // Each attempt is HEAD then GET (HEAD's 5xx is asked again with GET once): 1 + 2 retries.
    expect(server.methods.get(key)).toEqual(["HEAD", "GET", "GET", "GET"]);
  });

  it("falls back to GET when HEAD is refused with 405", async () => {
    const url = fresh("/no-head");
    const result = await checkOne(url);
    expect(result).toMatchObject({ status: "ok", httpStatus: 200 });
    expect(server.methods.get(url.slice(server.base.length))).toEqual(["HEAD", "GET"]);
  });

  it("reports a response slower than the timeout as timeout", async () => {
    const url = fresh("/slow");
    const result = await checkOne(url, { timeoutMs: 300, retries: 0 });
    expect(result.status).toBe("timeout");
    expect(result.reason).toMatch(/no response within 300 ms/);
    // HEAD times out, GET gets one more chance: two requests, no more.
    expect(server.methods.get(new URL(url).pathname + new URL(url).search)).toEqual([
      "HEAD",
      "GET",
    ]);
  });

  it("reports a final 3xx other than 300 and 304 as broken (305 Use Proxy)", async () => {
    const result = await checkOne(fresh("/use-proxy"));
    expect(result).toMatchObject({ status: "broken", httpStatus: 305 });
  });

  it("gives one URL a time budget, however its server spreads redirects and retries", async () => {
    // Each hop answers in 0.4 s, well within the 1 s timeout; eight of them pass the 3 × 1 s budget.
    const result = await checkOne(`${server.base}/drip/1`, { timeoutMs: 1000, maxRetryAfterMs: 0 });
    expect(result.status).toBe("timeout");
    expect(result.reason).toMatch(/time budget/);
  });

  it("reports a 101 Switching Protocols as broken, and never hangs on it", async () => {
    const raw = net.createServer((socket) => {
      socket.once("data", () =>
        socket.end("HTTP/1.1 101 Switching Protocols\r\nupgrade: x\r\nconnection: upgrade\r\n\r\n"),
      );
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = raw.address() as net.AddressInfo;
      const result = await checkOne(`http://127.0.0.1:${port}/switch`);
      expect(result).toMatchObject({ status: "broken", httpStatus: 101 });
    } finally {
      raw.close();
    }
  });

  it("accepts a status the user lists (403 from a site that refuses bots)", async () => {
    expect((await checkOne(fresh("/bot"))).status).toBe("broken");
    const accepted = await checkOne(fresh("/bot"), { acceptStatus: [403] });
    expect(accepted).toMatchObject({ status: "ok", httpStatus: 403 });
    expect(accepted.reason).toMatch(/accepted/);
  });

  it("checks each distinct URL once and answers in input order", async () => {
    const a = fresh("/ok");
    const b = fresh("/missing");
    const results = await checkLinks(
      [
        { url: a, positions: [pos] },
        { url: b, positions: [] },
        { url: `${a}#section`, positions: [] },
      ],
      onLoopback,
    );
    expect(results.map((r) => r.url)).toEqual([a, b, `${a}#section`]);
    expect(results.map((r) => r.status)).toEqual(["ok", "broken", "ok"]);
    expect(server.hits.get(a.slice(server.base.length))).toBe(1);
  });

  it("keeps to the per-host limit", async () => {
    const targets = Array.from({ length: 8 }, (_, i) => ({
      url: `${server.base}/pool/${i}`,
      positions: [],
    }));
    const results = await checkLinks(targets, {
      ...onLoopback,
      perHostConcurrency: 2,
      concurrency: 8,
    });
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(server.maxInFlight()).toBeLessThanOrEqual(2);
    expect(server.maxInFlight()).toBe(2);
  });

  it("pins the connection to the address it checked (no second DNS answer is trusted)", async () => {
    let lookups = 0;
    const url = `http://collateral.test:${server.port}/ok?pinned`;
    const result = await checkOne(url, {
      resolveHost: async () => {
        lookups++;
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    expect(result.status).toBe("ok");
    expect(lookups).toBe(1);
  });

  it("reports a refused connection as broken, without crashing the run", async () => {
    const closed = await startLinkServer();
    const base = closed.base;
    await closed.close();
    const result = await checkOne(`${base}/ok`, { retries: 0 });
    expect(result).toMatchObject({ status: "broken", httpStatus: null });
    expect(result.reason).toMatch(/connection refused/);
  });

  it("falls back to GET when the server drops the connection on HEAD", async () => {
    const url = fresh("/head-reset");
    const result = await checkOne(url, { retries: 0 });
    expect(result).toMatchObject({ status: "ok", httpStatus: 200 });
    expect(server.methods.get(url.slice(server.base.length))).toEqual(["HEAD", "GET"]);
  });

  it("reports every URL with a reason when DNS fails, at once (no retry), and never throws", async () => {
    const noDns = Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    let lookups = 0;
    const results = await checkLinks(
      ["https://mile2.com/a.pdf", "https://niccs.cisa.gov/b", "https://www.isc2.org/c"].map(
        (url) => ({
          url,
          positions: [pos],
        }),
      ),
      {
        cache: false,
        resolveHost: () => {
          lookups++;
          return Promise.reject(noDns);
        },
      },
    );
    // One lookup per URL: a name that does not exist is not asked again.
    expect(lookups).toBe(3);
    expect(results.map((r) => r.status)).toEqual(["broken", "broken", "broken"]);
    expect(results[0]!.reason).toBe("DNS lookup failed for mile2.com (ENOTFOUND)");
  });

  it("keeps going when one URL of a run fails in every way at once", async () => {
    const results = await checkLinks(
      [
        { url: "not a url", positions: [] },
        { url: fresh("/missing"), positions: [] },
        { url: "http://10.0.0.1/", positions: [] },
        { url: fresh("/ok"), positions: [] },
      ],
      onLoopback,
    );
    expect(results.map((r) => r.status)).toEqual(["broken", "broken", "blocked", "ok"]);
    expect(results[0]!.reason).toBe("not a valid URL");
  });
});
