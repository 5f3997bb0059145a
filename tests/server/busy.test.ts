// A full render queue: 503 with Retry-After, while what is cached is still served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPortal, startPortal } from "../../src/server/index.js";
import { copyWorkspace } from "../helpers/workspace.js";
import { eventually, get, onePagerPath, textOf } from "./helpers.js";

let portal: RunningPortal;

beforeAll(async () => {
  // One render at a time, one waiting, each render held back: the queue fills on purpose.
  portal = await startPortal(await copyWorkspace(), {
    port: 0,
    concurrency: 1,
    queueSize: 1,
    renderDelayMs: 1500,
  });
});

afterAll(async () => {
  await portal?.close();
});

const request = (pathAndQuery: string) => get(portal.url, pathAndQuery);

async function queueReaches(running: number, waiting: number): Promise<boolean> {
  return eventually(async () => {
    const { queue } = (await request("/healthz")).json() as {
      queue: { running: number; waiting: number };
    };
    return queue.running === running && queue.waiting === waiting;
  });
}

describe("a full render queue", () => {
  it("answers 503 with Retry-After, serves cached one-pagers meanwhile, and finishes what it accepted", async () => {
    const cached = onePagerPath({ audience: "federal", company: "Cached Co" });
    expect((await request(cached)).headers.get("x-cache")).toBe("miss");

    const running = request(onePagerPath({ audience: "federal", company: "First Co" }));
    expect(await queueReaches(1, 0)).toBe(true);
    const waiting = request(onePagerPath({ audience: "federal", company: "Second Co" }));
    expect(await queueReaches(1, 1)).toBe(true);

    const refused = await request(onePagerPath({ audience: "federal", company: "Third Co" }));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
    expect(refused.json()).toEqual({ error: expect.stringMatching(/busy/) });

    const hit = await request(cached);
    expect(hit.status).toBe(200);
    expect(hit.headers.get("x-cache")).toBe("hit");

    // Bad input is still refused at once, and as bad input.
    expect((await request(onePagerPath({ audience: "federal", company: "" }))).status).toBe(400);

    const [first, second] = await Promise.all([running, waiting]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await textOf(second.body)).toContain("Second Co");
    expect(await queueReaches(0, 0)).toBe(true);
    expect((await request(onePagerPath({ audience: "federal", company: "Third Co" }))).status).toBe(
      200,
    );
  });

  it("rebuilds the brochure once for many requests at once, in one queue slot", async () => {
    expect(await queueReaches(0, 0)).toBe(true);
    const before = portal.backend.pieceBuilds;
    const replies = await Promise.all(Array.from({ length: 6 }, () => request("/brochure.pdf")));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(portal.backend.pieceBuilds).toBe(before + 1);
    // Up to date now: served as a file, no build.
    expect((await request("/brochure.pdf")).status).toBe(200);
    expect(portal.backend.pieceBuilds).toBe(before + 1);
  });
});
