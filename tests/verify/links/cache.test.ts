import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CACHE_DIR,
  CACHE_FILE,
  checkLinks,
  isPublicAddress,
  type LinkCheckOptions,
} from "../../../src/verify/links/index.js";
import { type LinkServer, startLinkServer } from "../../fixtures/links/server.js";

let server: LinkServer;
let root: string;
let clock = 1_000_000;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "collateral-links-"));
  return () => rm(root, { recursive: true, force: true });
});

const cacheFile = () => path.join(root, CACHE_DIR, CACHE_FILE);
const options = (extra: Partial<LinkCheckOptions> = {}): Partial<LinkCheckOptions> => ({
  root,
  isAllowedAddress: (ip) => ip === "127.0.0.1" || isPublicAddress(ip),
  timeoutMs: 500,
  backoffMs: 10,
  cacheTtlMs: 60_000,
  now: () => clock,
  ...extra,
});
const hits = (url: string) => server.hits.get(url.slice(server.base.length)) ?? 0;

async function run(url: string, extra: Partial<LinkCheckOptions> = {}) {
  const [result] = await checkLinks([{ url, positions: [] }], options(extra));
  return result!;
}

describe("the link cache (.collateral-cache/links.json)", () => {
  it("answers a second run from the cache without a request", async () => {
    const url = `${server.base}/ok?cache-1`;
    expect((await run(url)).cached).toBe(false);
    const second = await run(url);
    expect(second).toMatchObject({ status: "ok", httpStatus: 200, cached: true, elapsedMs: 0 });
    expect(hits(url)).toBe(1);
    const stored = JSON.parse(await readFile(cacheFile(), "utf8"));
    expect(stored.entries[url]).toMatchObject({ status: "ok", httpStatus: 200 });
  });

  it("keeps the final URL of a redirect", async () => {
    const url = `${server.base}/chain/1?cache`;
    await run(url);
    const second = await run(url);
    expect(second).toMatchObject({
      status: "redirected",
      cached: true,
      finalUrl: `${server.base}/chain/3`,
    });
  });

  it("checks again once the TTL has passed", async () => {
    const url = `${server.base}/ok?cache-ttl`;
    await run(url);
    clock += 59_000;
    expect((await run(url)).cached).toBe(true);
    clock += 2_000;
    expect((await run(url)).cached).toBe(false);
    expect(hits(url)).toBe(2);
  });

  it("never trusts an entry dated in the future", async () => {
    const url = `${server.base}/ok?cache-future`;
    await run(url);
    clock -= 10 * 60_000; // the clock set back: the entry now looks ten minutes ahead
    expect((await run(url)).cached).toBe(false);
  });

  it("never caches a failure", async () => {
    const url = `${server.base}/missing?cache`;
    await run(url);
    expect((await run(url)).cached).toBe(false);
    expect(hits(url)).toBe(4); // HEAD 404, then GET 404, twice
  });

  it("ignores a corrupt cache file and replaces it", async () => {
    const url = `${server.base}/ok?cache-corrupt`;
    await run(url);
    await writeFile(cacheFile(), "{ not json");
    const result = await run(url);
    expect(result).toMatchObject({ status: "ok", cached: false });
    expect(JSON.parse(await readFile(cacheFile(), "utf8")).entries[url].status).toBe("ok");
  });

  it("ignores a cache file of the wrong shape", async () => {
    const url = `${server.base}/ok?cache-shape`;
    await run(url);
    await writeFile(
      cacheFile(),
      JSON.stringify({ version: 1, entries: { [url]: { status: "ok" } } }),
    );
    expect((await run(url)).cached).toBe(false);
  });

  it("leaves no temp file behind", async () => {
    await run(`${server.base}/ok?cache-temp`);
    expect(await readdir(path.join(root, CACHE_DIR))).toEqual([CACHE_FILE]);
  });

  it("is off with cache: false", async () => {
    const url = `${server.base}/ok?cache-off`;
    await run(url, { cache: false });
    expect((await run(url, { cache: false })).cached).toBe(false);
    await expect(readFile(cacheFile())).rejects.toThrow();
  });

  it("does not let a result checked with private networks allowed answer a strict run", async () => {
    const url = `${server.base}/ok?cache-relaxed`;
    await run(url, { allowPrivateNetwork: true });
    const strict = await run(url, { isAllowedAddress: undefined });
    expect(strict).toMatchObject({ status: "blocked", cached: false });
  });

  it("re-checks a cached accepted status once it is no longer accepted", async () => {
    const url = `${server.base}/bot?cache`;
    expect((await run(url, { acceptStatus: [403] })).status).toBe("ok");
    expect((await run(url, { acceptStatus: [403] })).cached).toBe(true);
    expect(await run(url)).toMatchObject({ status: "broken", cached: false });
  });
});
