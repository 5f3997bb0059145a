import { describe, expect, it } from "vitest";
import { HostLimiter, parseRetryAfter, Semaphore } from "../../../src/verify/links/index.js";
import { backoffDelay } from "../../../src/verify/links/retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-24T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
  });

  it("reads an HTTP date as the time left until it", () => {
    expect(parseRetryAfter("Tue, 24 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("returns null for an absent or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
    // Date.parse takes these; an HTTP date they are not.
    expect(parseRetryAfter("x 2", now)).toBeNull();
    expect(parseRetryAfter("Mon 1", now)).toBeNull();
  });

  it("reads the obsolete date forms, and keeps an absurd number of seconds printable", () => {
    expect(parseRetryAfter("Tuesday, 24-Nov-26 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue Nov 24 12:00:30 2026", now)).toBe(30_000);
    expect(Number.isFinite(parseRetryAfter("9".repeat(400), now))).toBe(true);
  });
});

describe("backoffDelay", () => {
  it("doubles on each attempt, with bounded jitter", () => {
    expect([0, 1, 2].map((a) => backoffDelay(a, 100, () => 0))).toEqual([100, 200, 400]);
    expect(backoffDelay(1, 100, () => 1)).toBe(240);
  });
});

describe("Semaphore and HostLimiter", () => {
  it("never lets more than the limit run at once", async () => {
    const semaphore = new Semaphore(3);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        semaphore.run(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it("limits each host separately", async () => {
    const hosts = new HostLimiter(1);
    const a = await hosts.acquire("a.example");
    const b = await hosts.acquire("b.example");
    let second = false;
    const waiting = hosts.acquire("a.example").then((release) => {
      second = true;
      release();
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false);
    a();
    await waiting;
    expect(second).toBe(true);
    b();
  });

  it("holds a paused host until the pause ends", async () => {
    const hosts = new HostLimiter(2);
    hosts.pause("slow.example", Date.now() + 150);
    const started = Date.now();
    const release = await hosts.acquire("slow.example");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    release();
    const other = await hosts.acquire("fast.example");
    other();
  });
});
