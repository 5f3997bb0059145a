import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkResult } from "../../../src/model/index.js";
import { addressRange, checkLinks, isPublicAddress } from "../../../src/verify/links/index.js";
import { type LinkServer, startLinkServer } from "../../fixtures/links/server.js";

let server: LinkServer;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(() => server.close());

const loopbackAllowed = (ip: string) => ip === "127.0.0.1" || isPublicAddress(ip);

async function check(url: string, options = {}): Promise<LinkResult> {
  const [result] = await checkLinks([{ url, positions: [] }], {
    cache: false,
    timeoutMs: 500,
    ...options,
  });
  return result as LinkResult;
}

describe("the address guard", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.169.254",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "::ffff:10.0.0.1",
    "::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:7f00:1::",
    "[::1]",
    "fe80::1%eth0",
    "::ffff:0:7f00:1",
    "::ffff:0:a9fe:a9fe",
    "64:ff9b:1::a9fe:a9fe",
    "2001::1",
    "2001:2::1",
    "3fff::1",
    "5f00::1",
    "192.88.99.1",
  ])("refuses %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "2001:4860:4860::8888",
    "2a00:1450:4001::1",
  ])("allows public %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it("names the range it refuses", () => {
    expect(addressRange("169.254.169.254")).toMatch(/link-local/);
    expect(addressRange("::ffff:127.0.0.1")).toBe("IPv4-mapped loopback");
  });
});

describe("checkLinks refuses what it must not reach", () => {
  it("blocks every loopback URL by default, without a request", async () => {
    const before = server.hits.get("/ok?default") ?? 0;
    for (const host of [
      "127.0.0.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "0x7f.1",
      "2130706433",
      "localhost",
    ]) {
      const result = await check(`http://${host}:${server.port}/ok?default`);
      expect(result.status, host).toBe("blocked");
      expect(result.reason, host).toMatch(/loopback/);
    }
    expect(server.hits.get("/ok?default") ?? 0).toBe(before);
  });

  it.each([
    "file:///etc/passwd",
    "ftp://example.com/file",
    "data:text/plain,hello",
    "javascript:alert(1)",
  ])("blocks %s even with private networks allowed", async (url) => {
    const result = await check(url, { allowPrivateNetwork: true });
    expect(result.status).toBe("blocked");
    expect(result.reason).toMatch(/scheme/);
  });

  it("allows loopback with allowPrivateNetwork", async () => {
    const result = await check(`${server.base}/ok?allowed`, { allowPrivateNetwork: true });
    expect(result.status).toBe("ok");
  });

  it("blocks a redirect from an allowed host to the cloud metadata address", async () => {
    const result = await check(`${server.base}/to-metadata`, { isAllowedAddress: loopbackAllowed });
    expect(result.status).toBe("blocked");
    expect(result.reason).toMatch(/169\.254\.169\.254.*link-local/);
    expect(result.finalUrl).toBe("http://169.254.169.254/latest/meta-data");
  });

  it("blocks a redirect to an IPv4-mapped loopback address before any request reaches it", async () => {
    const result = await check(`${server.base}/to-mapped`, { isAllowedAddress: loopbackAllowed });
    expect(result.status).toBe("blocked");
    expect(result.reason).toMatch(/IPv4-mapped loopback/);
    expect(server.hits.get("/secret")).toBeUndefined();
  });

  it("blocks a redirect to file:", async () => {
    const result = await check(`${server.base}/to-file`, { isAllowedAddress: loopbackAllowed });
    expect(result.status).toBe("blocked");
    expect(result.reason).toMatch(/scheme file:/);
  });

  it("blocks a name that resolves to a private address (checked on the resolved IP)", async () => {
    const result = await check("http://innocent.test/", {
      resolveHost: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
    });
    expect(result.status).toBe("blocked");
    expect(result.reason).toMatch(/innocent\.test resolves to 10\.0\.0\.7/);
  });
});
