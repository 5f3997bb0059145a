// Review finding 1: the lock's validators go only to the URL that gave them, and a 304 from any other URL is not "unchanged".
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LockFile, Report } from "../../src/model/index.js";
import { POLICY_V1, POLICY_V2, policyPdf } from "../fixtures/live/documents.js";
import { workspaceFor } from "../fixtures/live/one-source.js";
import {
  type DocServer,
  type Handler,
  redirect,
  serve,
  startDocServer,
} from "../fixtures/live/server.js";
import { runCli } from "../helpers/workspace.js";

interface Seen {
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

describe("validators are sent only to the locked final URL", () => {
  let server: DocServer;
  let port: string;
  let v1: Buffer;
  let v2: Buffer;
  const seen: Seen[] = [];
  const roots: string[] = [];
  /** The handler, with the conditional headers each request carried written down. */
  const logged =
    (handler: Handler): Handler =>
    (req, res) => {
      seen.push({
        path: (req.url ?? "").replace(/\?.*$/, ""),
        ifNoneMatch: (req.headers["if-none-match"] as string | undefined) ?? null,
        ifModifiedSince: (req.headers["if-modified-since"] as string | undefined) ?? null,
      });
      handler(req, res);
    };
  const cli = (root: string, ...args: string[]) =>
    runCli([...args, "--allow-private-network"], root);
  const live = async (root: string) => {
    const run = await cli(root, "check", "--live", "--no-cache", "--format", "json");
    return { run, report: JSON.parse(run.stdout) as Report };
  };
  const workspace = async (docPath: string) => {
    const root = await workspaceFor([
      { id: "policy", url: `${server.base}${docPath}`, file: "cited/policy.pdf" },
    ]);
    roots.push(root);
    return root;
  };

  beforeAll(async () => {
    server = await startDocServer();
    port = new URL(server.base).port;
    v1 = await policyPdf(POLICY_V1);
    v2 = await policyPdf(POLICY_V2, "2");
  });
  afterAll(async () => {
    await server.close();
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it("a redirect to another host whose document answers 304 to the same ETag: no validators go there, its bytes are read, the quote is gone (exit 1)", async () => {
    server.route("/a/doc.pdf", serve({ body: v1, type: "application/pdf", etag: '"v1"' }));
    const root = await workspace("/a/doc.pdf");
    expect((await cli(root, "fetch")).code).toBe(0);

    // The publisher's URL now leads to another host, whose (other) document uses the same ETag scheme.
    const mirror = `http://localhost:${port}/mirror/doc.pdf`;
    server.route("/a/doc.pdf", logged(redirect(mirror)));
    server.route(
      "/mirror/doc.pdf",
      logged(serve({ body: v2, type: "application/pdf", etag: '"v1"' })),
    );
    seen.length = 0;
    const { run, report } = await live(root);
    expect(seen).toEqual([
      { path: "/a/doc.pdf", ifNoneMatch: '"v1"', ifModifiedSince: null },
      { path: "/mirror/doc.pdf", ifNoneMatch: null, ifModifiedSince: null },
    ]);
    expect(run.code).toBe(1);
    expect(report.sources?.[0]?.live).toMatchObject({
      status: "changed-quote-gone",
      httpStatus: 200,
      finalUrl: mirror,
    });
    expect(report.quotes[0]?.live?.status).toBe("gone");

    const update = await cli(root, "fetch", "--update", "--dry-run");
    expect(update.stdout).toMatch(/policy +would update cited\/policy\.pdf/);
  });

  it("Last-Modified only: a redirect to an older document elsewhere, which would 304 to the locked date, is read in full", async () => {
    const lastModified = (body: Buffer, date: string): Handler =>
      serve({ body, type: "application/pdf", lastModified: date });
    server.route("/b/doc.pdf", lastModified(v1, "Tue, 24 Nov 2026 08:12:00 GMT"));
    const root = await workspace("/b/doc.pdf");
    expect((await cli(root, "fetch")).code).toBe(0);
    server.route("/b/doc.pdf", redirect(`http://localhost:${port}/archive/2025.pdf`, 301));
    server.route("/archive/2025.pdf", logged(lastModified(v2, "Mon, 03 Mar 2025 10:00:00 GMT")));
    seen.length = 0;
    const { run, report } = await live(root);
    expect(seen).toEqual([{ path: "/archive/2025.pdf", ifNoneMatch: null, ifModifiedSince: null }]);
    expect(run.code).toBe(1);
    expect(report.sources?.[0]?.live?.status).toBe("changed-quote-gone");
  });

  it("a copy locked after a redirect: the validators go to the final URL, not the first hop, and its 304 is unchanged (exit 0)", async () => {
    server.route("/c/doc.pdf", logged(redirect("/c/current.pdf")));
    server.route(
      "/c/current.pdf",
      logged(serve({ body: v1, type: "application/pdf", etag: '"c1"' })),
    );
    const root = await workspace("/c/doc.pdf");
    expect((await cli(root, "fetch")).code).toBe(0);
    const lock = JSON.parse(
      await readFile(path.join(root, "sources/sources.lock"), "utf8"),
    ) as LockFile;
    expect(lock.sources.policy?.finalUrl).toBe(`${server.base}/c/current.pdf`);
    seen.length = 0;
    const { run, report } = await live(root);
    expect(seen).toEqual([
      { path: "/c/doc.pdf", ifNoneMatch: null, ifModifiedSince: null },
      { path: "/c/current.pdf", ifNoneMatch: '"c1"', ifModifiedSince: null },
    ]);
    expect(run.code).toBe(0);
    expect(report.sources?.[0]?.live).toMatchObject({ status: "unchanged", httpStatus: 304 });
  });

  it("fetch --update sends them the same way, and a 304 from a URL they were not sent to is asked again without them", async () => {
    server.route("/d/doc.pdf", serve({ body: v1, type: "application/pdf", etag: '"d1"' }));
    const root = await workspace("/d/doc.pdf");
    expect((await cli(root, "fetch")).code).toBe(0);
    // The other URL answers its first request 304 whatever it carried (a cache confused about what it was asked).
    let plain = 0;
    let first = true;
    server.route("/d/doc.pdf", redirect("/d/elsewhere.pdf"));
    server.route(
      "/d/elsewhere.pdf",
      logged((req, res) => {
        if (first || req.headers["if-none-match"]) {
          first = false;
          return res.writeHead(304).end();
        }
        plain++;
        res
          .writeHead(200, { "content-type": "application/pdf", "content-length": v2.length })
          .end(v2);
      }),
    );
    seen.length = 0;
    const run = await cli(root, "fetch", "--update");
    expect(seen.map((s) => s.ifNoneMatch)).toEqual([null, null]);
    expect(plain).toBe(1);
    expect(run.stdout).toMatch(/policy +updated cited\/policy\.pdf/);
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v2);
  });
});
