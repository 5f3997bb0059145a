// Stopping the portal: in-flight requests finish, then Chromium goes, whether started by the API or the CLI.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { startPortal } from "../../src/server/index.js";
import { BIN, copyWorkspace, runCli } from "../helpers/workspace.js";
import { alive, chromiumChildren, eventually, get, onePagerPath, textOf } from "./helpers.js";

let root: string;

beforeAll(async () => {
  root = await copyWorkspace();
});

async function queueRunning(url: string, ms?: number): Promise<boolean> {
  return eventually(async () => {
    const { queue } = (await get(url, "/healthz")).json() as { queue: { running: number } };
    return queue.running > 0;
  }, ms);
}

describe("closing the portal", () => {
  it("leaves no Chromium behind", async () => {
    const portal = await startPortal(root, { port: 0 });
    const reply = await get(portal.url, onePagerPath({ audience: "federal", company: "Close Co" }));
    expect(reply.status).toBe(200);
    const pid = portal.backend.pipeline.browser.process?.pid;
    expect(pid).toBeTypeOf("number");
    expect(chromiumChildren()).toContain(pid);
    await portal.close();
    expect(alive(pid!)).toBe(false);
    expect(chromiumChildren()).toEqual([]);
  });

  it("finishes a render in flight before it closes Chromium", async () => {
    const portal = await startPortal(root, { port: 0, renderDelayMs: 1000 });
    const pending = get(portal.url, onePagerPath({ audience: "federal", company: "In Flight Co" }));
    expect(await queueRunning(portal.url)).toBe(true);
    await portal.close();
    const reply = await pending;
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(await textOf(reply.body)).toContain("In Flight Co");
    expect(chromiumChildren()).toEqual([]);
  });

  it("launches no Chromium after a close that came while it was still starting", async () => {
    const portal = await startPortal(root, { port: 0 });
    await portal.close();
    // The warm-up started by startPortal would launch Chromium a second or two later: watch for it.
    expect(await eventually(() => chromiumChildren().length > 0, 4000)).toBe(false);
  });
});

describe("collateral serve", () => {
  /** Starts `collateral serve --port 0` and resolves with the URL it prints. */
  function serve(): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    return new Promise((resolve, reject) => {
      child.stderr!.on("data", (d) => {
        stderr += d;
        const url = stderr.match(/sales portal at (http:\/\/\S+)/)?.[1];
        if (url) resolve({ child, url, stderr: () => stderr });
      });
      child.on("exit", (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
  }

  /** Chromium processes started by `pid`. */
  function chromiumOf(pid: number): number[] {
    return readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          const stat = readFileSync(`/proc/${name}/stat`, "utf8");
          const [, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return Number(ppid) === pid && /chrom/i.test(stat.slice(0, stat.lastIndexOf(")")));
        } catch {
          return false;
        }
      })
      .map(Number);
  }

  it("serves until SIGTERM, finishes the request in flight, closes Chromium and exits 0", async () => {
    const { child, url, stderr } = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await eventually(async () => (await get(url, "/healthz")).status === 200)).toBe(true);
    const browsers = chromiumOf(child.pid!);
    expect(browsers).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const pending = get(
      url,
      onePagerPath({ audience: "training-organizations", company: "Sig Co" }),
    );
    let answered = false;
    const answer = () => {
      answered = true;
    };
    pending.then(answer, answer);
    // Signal while the render runs (or, on a fast machine, just after it was answered).
    await eventually(async () => answered || (await queueRunning(url, 50)));
    child.kill("SIGTERM");
    const reply = await pending;
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(await textOf(reply.body)).toContain("Sig Co");
    expect(await exited).toBe(0);
    expect(stderr()).toContain("shutting down");
    expect(await eventually(() => browsers.every((pid) => !alive(pid)))).toBe(true);
  });

  it("refuses a port already in use with a usage error, not a crash", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = await runCli(["serve", "--port", String(port)], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(run.stderr).not.toContain("internal error");
    } finally {
      blocker.close();
    }
  });
});
