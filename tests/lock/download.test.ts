// The downloader on its own: a drip is cut at the URL's time budget, the guard refuses loopback unless allowed, validators are sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Downloader } from "../../src/fetch/download.js";
import { type DocServer, drip, serve, startDocServer } from "../fixtures/live/server.js";

describe("Downloader", () => {
  let server: DocServer;
  beforeAll(async () => {
    server = await startDocServer();
    server.route("/drip", drip(50));
    server.route(
      "/doc",
      serve({
        body: Buffer.from("%PDF-1.4\n"),
        type: "application/pdf",
        etag: '"v1"',
        lastModified: "Tue, 24 Nov 2026 08:00:00 GMT",
      }),
    );
  });
  afterAll(() => server.close());

  it("gives up on a body that drips within every timeout but past the URL's time budget", async () => {
    // Budget: three timeouts and the Retry-After cap, 3 × 400 ms here; a byte every 50 ms never looks idle.
    const downloader = new Downloader({
      allowPrivateNetwork: true,
      timeoutMs: 400,
      maxRetryAfterMs: 0,
      cache: false,
    });
    const result = await downloader.download(`${server.base}/drip`);
    expect(result.kind).toBe("failed");
    expect(result.kind === "failed" && result.reason).toMatch(
      /gave up: the body took longer than this URL's time budget \(\d+ bytes read\)/,
    );
    expect(result.link.status).toBe("ok");
  });

  it("refuses a loopback URL without the private-network allowance, sending nothing", async () => {
    const before = server.hits.get("/doc") ?? 0;
    const result = await new Downloader({ cache: false }).download(`${server.base}/doc`);
    expect(result).toMatchObject({ kind: "failed", requests: 0, link: { status: "blocked" } });
    expect(result.link.reason).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(server.hits.get("/doc") ?? 0).toBe(before);
  });

  it("sends the validators and takes a 304 as not modified, in one request", async () => {
    const downloader = new Downloader({ allowPrivateNetwork: true, cache: false });
    const first = await downloader.download(`${server.base}/doc`);
    expect(first).toMatchObject({
      kind: "body",
      etag: '"v1"',
      lastModified: "Tue, 24 Nov 2026 08:00:00 GMT",
      requests: 1,
    });
    const again = await downloader.download(`${server.base}/doc`, {
      etag: '"v1"',
      lastModified: null,
      url: `${server.base}/doc`,
    });
    expect(again).toMatchObject({
      kind: "not-modified",
      requests: 1,
      link: { status: "ok", httpStatus: 304 },
    });
    const stale = await downloader.download(`${server.base}/doc`, {
      etag: '"v0"',
      lastModified: null,
      url: `${server.base}/doc`,
    });
    expect(stale.kind).toBe("body");
  });
});
