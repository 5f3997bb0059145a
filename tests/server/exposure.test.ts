// A portal safe to put on a network: idle and slow connections closed, a connection limit, sign-in, strict queries,
// and /healthz and cached one-pagers answered while a hostile cited document is read.

import { readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPortal, startPortal, userLine } from "../../src/server/index.js";
import { copyWorkspace, runCli } from "../helpers/workspace.js";
import { formFanOut } from "../ingest/cited/hostile/pdfs.js";
import { get, onePagerPath } from "./helpers.js";

/** Opens a raw connection, sends `data` (if any), and resolves when the server closes it. */
function heldConnection(url: string, data?: string): Promise<"closed"> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => {
      if (data) socket.write(data);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve("closed"));
    setTimeout(() => reject(new Error("the server kept the connection open")), 20_000).unref();
  });
}

describe("connections", () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal(await copyWorkspace(), {
      port: 0,
      // Short, but longer than the first /healthz (Chromium starting) takes on two busy cores.
      limits: {
        idleTimeoutMs: 4000,
        headersTimeoutMs: 1500,
        keepAliveTimeoutMs: 300,
        requestTimeoutMs: 3000,
      },
    });
  });
  afterAll(() => portal.close());

  it("closes a connection that sends nothing, and one that sends its headers too slowly", async () => {
    await expect(heldConnection(portal.url)).resolves.toBe("closed");
    await expect(heldConnection(portal.url, "GET /healthz HTTP/1.1\r\nHost: x\r\n")).resolves.toBe(
      "closed",
    );
  });

  it("answers /healthz with memory figures after idle connections were closed", async () => {
    await Promise.all(Array.from({ length: 20 }, () => heldConnection(portal.url)));
    const health = await get(portal.url, "/healthz");
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, memoryMiB: { portal: expect.any(Number) } });
  });

  it("refuses a broken percent-escape and an unknown parameter with a sentence (400)", async () => {
    const broken = await get(portal.url, "/one-pager.pdf?audience=federal&company=%E0%A4%A");
    expect(broken.status).toBe(400);
    expect(String((broken.json() as { error: string }).error)).toMatch(/broken percent-escape/);
    const unknown = await get(
      portal.url,
      `${onePagerPath({ audience: "federal", company: "Acme" })}&colour=red`,
    );
    expect(unknown.status).toBe(400);
    expect(String((unknown.json() as { error: string }).error)).toMatch(/colour|additional/);
  });
});

describe("access", () => {
  it("refuses to listen beyond loopback without an access choice (exit 2), naming the choices", async () => {
    const root = await copyWorkspace();
    const run = await runCli(["serve", "--host", "0.0.0.0", "--port", "0"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--users FILE.*--trust-proxy-user HEADER.*--no-auth/s);
  });

  it("lets in only users who sign in, and leaves /healthz open to a probe", async () => {
    const root = await copyWorkspace();
    const users = path.join(root, "users.txt");
    await writeFile(users, `${await userLine("dana", "correct horse battery")}\n`);
    const portal = await startPortal(root, { port: 0, access: { kind: "users", file: users } });
    try {
      const none = await fetch(new URL("/api/audiences", portal.url));
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Basic/);
      const wrong = await fetch(new URL("/api/audiences", portal.url), {
        headers: {
          Authorization: `Basic ${Buffer.from("dana:wrong password").toString("base64")}`,
        },
      });
      expect(wrong.status).toBe(401);
      const right = await fetch(new URL("/api/audiences", portal.url), {
        headers: {
          Authorization: `Basic ${Buffer.from("dana:correct horse battery").toString("base64")}`,
        },
      });
      expect(right.status).toBe(200);
      expect((await get(portal.url, "/healthz")).status).toBe(200);
    } finally {
      await portal.close();
    }
  });

  it("trusts an authenticating proxy's user header, and nothing without it", async () => {
    const portal = await startPortal(await copyWorkspace(), {
      port: 0,
      access: { kind: "proxy-user", header: "X-Forwarded-User" },
    });
    try {
      expect((await fetch(new URL("/api/audiences", portal.url))).status).toBe(401);
      const signed = await fetch(new URL("/api/audiences", portal.url), {
        headers: { "X-Forwarded-User": "dana@example.com" },
      });
      expect(signed.status).toBe(200);
    } finally {
      await portal.close();
    }
  });

  it("makes a users file with `collateral users FILE NAME`, the password read from stdin", async () => {
    const root = await copyWorkspace();
    const file = path.join(root, "users.txt");
    const { spawn } = await import("node:child_process");
    const { BIN } = await import("../helpers/workspace.js");
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, "users", file, "lee"], {
        stdio: ["pipe", "ignore", "ignore"],
      });
      child.stdin.end("a long enough password\n");
      child.on("close", resolve);
    });
    expect(code).toBe(0);
    expect(await readFile(file, "utf8")).toMatch(/^lee:scrypt:16384:8:1:[^:]+:[^:]+\n$/);
  });
});

describe("a hostile cited document while the portal serves", () => {
  it("answers /healthz and a cached one-pager while the document is read, and goes on serving the last good content", async () => {
    const root = await copyWorkspace();
    const portal = await startPortal(root, {
      port: 0,
      readLimits: {
        seconds: 20,
        fileMegabytes: 100,
        pages: 2000,
        memoryMegabytes: 1024,
        htmlDepth: 1000,
      },
    });
    try {
      const request = onePagerPath({ audience: "federal", company: "Acme" });
      expect((await get(portal.url, request)).status).toBe(200);
      // An edit cites a PDF whose forms draw each other 2^30 times: reading it takes its whole time limit.
      await writeFile(path.join(root, "sources/cited/fanout.pdf"), formFanOut(30));
      const registry = path.join(root, "sources/sources.yaml");
      await writeFile(
        registry,
        `${await readFile(registry, "utf8")}\n- id: fanout\n  title: Fan-out\n  url: https://example.com/fanout.pdf\n  file: cited/fanout.pdf\n`,
      );
      const md = path.join(root, "sources/cisso-vs-cissp.md");
      await writeFile(
        md,
        (await readFile(md, "utf8")).replace(
          "## Accessible Entry Point",
          "## Accessible Entry Point\n\nIt says “a line of text” [x](https://example.com/fanout.pdf).\n",
        ),
      );
      const health = await get(portal.url, "/healthz");
      const cached = await get(portal.url, request);
      expect(health.status).toBe(200);
      expect(cached.status).toBe(200);
      expect(cached.headers.get("x-cache")).toBe("hit");
      // Both were answered while the reader still had its limit to run: the document is not read yet.
      expect(portal.backend.pipeline.cited.totalParsed).toBe(3);
    } finally {
      await portal.close();
    }
  });
});
