// Hostile cited documents are read within their bounds: a clear reason, the reader killed, collateral's own thread free.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_READ_LIMITS,
  parseCitedBytes,
  type ReadLimits,
} from "../../../../src/ingest/cited/index.js";
import { formFanOut, inflating, manyPages } from "./pdfs.js";

/** Reads the bytes as collateral does, counting how often a 50 ms timer fired meanwhile (its thread stays free). */
async function read(bytes: Buffer, file: string, limits: Partial<ReadLimits> = {}) {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, 50);
  try {
    const parsed = await parseCitedBytes(new Uint8Array(bytes), file, {
      ...DEFAULT_READ_LIMITS,
      ...limits,
    });
    return { parsed, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe("hostile cited documents", () => {
  it("stops reading a PDF whose forms draw each other 2^30 times at its time limit, the event loop free meanwhile", async () => {
    const pdf = formFanOut(30);
    expect(pdf.length).toBeLessThan(20_000);
    const { parsed, ticks } = await read(pdf, "fanout.pdf", { seconds: 2 });
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/took longer than 2 s/),
    });
    expect(ticks).toBeGreaterThan(10);
  });

  it("refuses a PDF of 50,000 pages at its page limit", async () => {
    const { parsed } = await read(manyPages(50_000), "pages.pdf");
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/50,000 pages, more than the limit of 2,000/),
    });
  });

  it("stops a PDF whose content inflates past its memory limit", async () => {
    const pdf = inflating(400);
    expect(pdf.length).toBeLessThan(1_000_000);
    const { parsed } = await read(pdf, "inflating.pdf", { memoryMegabytes: 200, seconds: 60 });
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than 200 MB of memory/),
    });
  });

  it("refuses a saved page nested a million elements deep at its depth limit", async () => {
    const page = Buffer.from(`<html><body>${"<div>".repeat(1_000_000)}deep</body></html>`);
    const { parsed } = await read(page, "deep.html");
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nest more than 1,000 deep/),
    });
  });

  it("refuses a file larger than its size limit before reading it", async () => {
    const page = Buffer.from(`<html><body><p>${"words ".repeat(400_000)}</p></body></html>`);
    const { parsed } = await read(page, "huge.html", { fileMegabytes: 1 });
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/2\.4 MB, larger than the limit of 1 MB/),
    });
  });

  it("reads the next document normally after a reader was killed", async () => {
    await read(formFanOut(30), "fanout.pdf", { seconds: 1 });
    const { parsed } = await read(manyPages(3), "fine.pdf");
    expect(parsed).toMatchObject({ ok: true });
  });

  it("ends its reader when collateral is killed mid-read, however busy the reader is", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-orphan-"));
    const file = path.join(dir, "fanout.pdf");
    await writeFile(file, formFanOut(30));
    const parse = pathToFileURL(path.resolve("dist/src/ingest/cited/parse.js")).href;
    // collateral, reading the fan-out with a time limit far away, then killed outright (no clean-up runs).
    const collateral = spawn(process.execPath, [
      "--input-type=module",
      "-e",
      `const { parseCitedBytes } = await import(${JSON.stringify(parse)});
       const { readFileSync } = await import("node:fs");
       await parseCitedBytes(readFileSync(${JSON.stringify(file)}), "fanout.pdf", { seconds: 600, fileMegabytes: 100, pages: 2000, memoryMegabytes: 4096, htmlDepth: 1000 });`,
    ]);
    let reader: number | undefined;
    for (let i = 0; i < 100 && reader === undefined; i++) {
      await sleep(100);
      reader = childrenOf(collateral.pid!)[0];
    }
    expect(reader).toBeDefined();
    await sleep(500);
    collateral.kill("SIGKILL");
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      await sleep(100);
      alive = isAlive(reader!);
    }
    if (alive) process.kill(reader!, "SIGKILL");
    expect(alive).toBe(false);
  });
});

function childrenOf(pid: number): number[] {
  const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)]).stdout.toString();
  return out.split(/\s+/).filter(Boolean).map(Number);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !spawnSync("ps", ["-o", "stat=", "-p", String(pid)])
      .stdout.toString()
      .startsWith("Z");
  } catch {
    return false;
  }
}
