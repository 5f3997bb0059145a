// End to end: `collateral fetch` and `check --live` against a real HTTP server on 127.0.0.1 serving successive versions of a PDF and a page.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LockFile, QuoteResult, Report, SourceResult } from "../../src/model/index.js";
import {
  CLAIMS,
  LOGIN_PAGE,
  PAGE_V1,
  POLICY_V1,
  POLICY_V2,
  policyPdf,
  REGISTRY,
} from "../fixtures/live/documents.js";
import {
  availability,
  type DocServer,
  endless,
  redirect,
  serve,
  startDocServer,
  status,
} from "../fixtures/live/server.js";
import { type CliRun, runCli } from "../helpers/workspace.js";

const PDF_PATH = "/docs/policy.pdf";
const PAGE_PATH = "/catalog/security-officer";

describe("fetch, the lock and check --live against a loopback server", () => {
  let server: DocServer;
  let root: string;
  let pdfUrl: string;
  let pageUrl: string;
  let v1: Buffer;

  const cli = (...args: string[]) => runCli([...args, "--allow-private-network"], root);
  const live = async (...args: string[]): Promise<{ run: CliRun; report: Report }> => {
    const run = await cli("check", "--live", "--format", "json", ...args);
    return { run, report: JSON.parse(run.stdout) as Report };
  };
  const source = (report: Report, id: string): SourceResult => {
    const found = report.sources?.find((s) => s.id === id);
    if (!found) throw new Error(`no source ${id}`);
    return found;
  };
  const quote = (report: Report, claim: string): QuoteResult => {
    const found = report.quotes.find((q) => q.claim === claim);
    if (!found) throw new Error(`no quote of ${claim}`);
    return found;
  };
  const readLockFile = async () =>
    JSON.parse(await readFile(path.join(root, "sources/sources.lock"), "utf8")) as LockFile;

  beforeAll(async () => {
    server = await startDocServer();
    pdfUrl = `${server.base}${PDF_PATH}`;
    pageUrl = `${server.base}${PAGE_PATH}`;
    v1 = await policyPdf(POLICY_V1);
    server.route(PDF_PATH, serve({ body: v1, type: "application/pdf", etag: '"policy-v1"' }));
    // The page has no validators: a live check compares its bytes.
    server.route(
      PAGE_PATH,
      serve({ body: Buffer.from(PAGE_V1), type: "text/html; charset=utf-8" }),
    );
    root = await mkdtemp(path.join(os.tmpdir(), "collateral-live-"));
    await mkdir(path.join(root, "sources/cited"), { recursive: true });
    await writeFile(path.join(root, "sources/claims.md"), CLAIMS(pdfUrl, pageUrl));
    await writeFile(path.join(root, "sources/sources.yaml"), REGISTRY(pdfUrl, pageUrl));
  });

  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("fetch downloads each missing local copy and locks it; check --offline then verifies every quote", async () => {
    const dry = await cli("fetch", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/policy +would download cited\/policy\.pdf/);
    await expect(readFile(path.join(root, "sources/sources.lock"))).rejects.toThrow();

    const run = await cli("fetch");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/policy +downloaded cited\/policy\.pdf/);
    expect(run.stdout).toMatch(/catalog +downloaded cited\/catalog\.html/);
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v1);

    const lock = await readLockFile();
    expect(Object.keys(lock.sources)).toEqual(["catalog", "policy"]);
    expect(lock.sources.policy).toMatchObject({
      file: "cited/policy.pdf",
      size: v1.length,
      url: pdfUrl,
      finalUrl: pdfUrl,
      etag: '"policy-v1"',
      contentType: "application/pdf",
    });
    expect(lock.sources.policy?.fetched).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(lock.sources.policy?.quotes.map((q) => q.quote)).toEqual([
      "no-requirements/q1",
      "audience/q1",
    ]);
    expect(lock.sources.policy?.quotes[0]).toMatchObject({
      exact: "there are no minimum requirements needed to sit the exam",
      pages: [1],
    });
    expect(lock.sources.policy?.quotes[0]?.prefix).toMatch(/leadership credentials$/);
    expect(lock.sources.policy?.quotes[0]?.suffix).toMatch(/^The course is meant/);
    expect(lock.sources.catalog?.quotes[0]?.pages).toEqual([]);

    const check = await runCli(["check", "--offline", "--format", "json"], root);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as Report;
    expect(report.summary).toMatchObject({ quotes: 3, verified: 3, failed: 0 });
    expect(report.sources?.map((s) => s.lock)).toEqual(["locked", "locked"]);
  });

  it("the locked version again: one request each, a 304 to the ETag, the same bytes for the page → unchanged, exit 0", async () => {
    const before = { pdf: server.hits.get(PDF_PATH) ?? 0, page: server.hits.get(PAGE_PATH) ?? 0 };
    const { run, report } = await live();
    expect(run.code).toBe(0);
    expect(server.hits.get(PDF_PATH)).toBe(before.pdf + 1);
    expect(server.hits.get(PAGE_PATH)).toBe(before.page + 1);
    expect(source(report, "policy").live).toMatchObject({
      status: "unchanged",
      httpStatus: 304,
      requests: 1,
    });
    expect(source(report, "catalog").live).toMatchObject({
      status: "unchanged",
      httpStatus: 200,
      requests: 1,
    });
    expect(report.links.map((l) => l.status)).toEqual(["ok", "ok"]);
    expect(report.summary.live).toMatchObject({ sources: 2, unchanged: 2, requests: 2 });
    expect(quote(report, "audience").live).toMatchObject({ status: "holds", pages: [1] });
  });

  it("new bytes, same text (saved again) → changed, quotes hold, text unchanged; exit 0", async () => {
    const resaved = await policyPdf(POLICY_V1, "1 (saved again)");
    expect(resaved).not.toEqual(v1);
    server.route(PDF_PATH, serve({ body: resaved, type: "application/pdf", etag: '"policy-v1b"' }));
    const { run, report } = await live();
    expect(run.code).toBe(0);
    expect(source(report, "policy").live).toMatchObject({
      status: "changed-quotes-hold",
      textUnchanged: true,
      pageCount: 2,
    });
    const text = await cli("check", "--live");
    expect(text.stdout).toContain("live: changed, quotes hold (text unchanged)");
  });

  it("a changed sentence → that quote gone, with the live passage closest to its anchor and its page; the other holds on its new page; exit 1", async () => {
    const v2 = await policyPdf(POLICY_V2, "2");
    server.route(PDF_PATH, serve({ body: v2, type: "application/pdf", etag: '"policy-v2"' }));
    const { run, report } = await live();
    expect(run.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(source(report, "policy").live).toMatchObject({
      status: "changed-quote-gone",
      textUnchanged: false,
    });
    const gone = quote(report, "no-requirements");
    // The local copy still holds it: the contract's status is unchanged, the live field says it is gone.
    expect(gone.status).toBe("verified");
    expect(gone.live?.status).toBe("gone");
    expect(gone.live?.closest?.page).toBe(1);
    expect(gone.live?.closest?.text).toMatch(/two years of documented experience to sit the exam/);
    expect(quote(report, "audience").live).toMatchObject({ status: "holds", pages: [2] });
    expect(quote(report, "validated").live?.status).toBe("holds");
    expect(report.summary.live).toMatchObject({ changed: 1, gone: 1 });

    const github = await cli("check", "--live", "--format", "github");
    expect(github.code).toBe(1);
    const line = (await readFile(path.join(root, "sources/claims.md"), "utf8"))
      .split("\n")
      .findIndex((l) => l.includes("no minimum requirements"));
    expect(github.stdout).toMatch(
      new RegExp(
        `^::error file=sources/claims\\.md,line=${line + 1},col=\\d+,title=Quote gone from the live document::.*two years`,
        "m",
      ),
    );
    const junit = await cli("check", "--live", "--format", "junit");
    expect(junit.stdout).toContain('type="live-gone"');
    expect(junit.stdout).toContain('type="changed-quote-gone"');
    const text = await cli("check", "--live");
    expect(text.stdout).toMatch(
      /no longer in the live copy of policy; the closest passage on p\. 1 now reads/,
    );
    expect(text.stdout).toContain("live copy: still there, now p. 2");

    // The live copy is never written over the local one by check.
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v1);
  });

  it("a redirect to a login page instead of the PDF → not a document, exit 1", async () => {
    server.route(PDF_PATH, redirect("/login?next=/docs/policy.pdf"));
    server.route("/login", (_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(LOGIN_PAGE),
    );
    const { run, report } = await live();
    expect(run.code).toBe(1);
    const policy = source(report, "policy").live;
    expect(policy?.status).toBe("not-a-document");
    expect(policy?.reason).toContain("an HTML page (“Sign in – Example Portal”) instead of a PDF");
    expect(policy?.finalUrl).toContain("/login");
    expect(quote(report, "audience").live?.status).toBe("not-checked");
  });

  it("fetch refuses to save a login page where the PDF was", async () => {
    const run = await cli("fetch", "--update", "policy");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/policy +failed: not saved: the URL now serves an HTML page/);
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v1);
  });

  it("a 404 → unreachable, the link broken with an archived copy for the accessed date; --archive asks the availability endpoint", async () => {
    server.route(PDF_PATH, status(404));
    const { run, report } = await live();
    expect(run.code).toBe(1);
    expect(source(report, "policy").live?.status).toBe("unreachable");
    const link = report.links.find((l) => l.url === pdfUrl);
    expect(link).toMatchObject({ status: "broken", httpStatus: 404 });
    expect(link?.archive).toEqual({
      url: `https://web.archive.org/web/20261124/${pdfUrl}`,
      kind: "built",
      timestamp: "20261124",
    });
    expect(quote(report, "no-requirements").status).toBe("verified");

    server.route("/wayback/available", availability(`${server.base}/archive`));
    const asked = await live("--archive", "--archive-api", `${server.base}/wayback/available`);
    expect(asked.report.links.find((l) => l.url === pdfUrl)?.archive).toEqual({
      url: `${server.base}/archive/web/20261124093000/${pdfUrl}`,
      kind: "available",
      timestamp: "20261124093000",
    });
    expect(server.hits.get("/wayback/available")).toBe(1);
  });

  it("a body over --max-bytes is refused without reading it all, announced or not: no document, exit 1", async () => {
    server.route(PDF_PATH, endless(null));
    const { run, report } = await live("--max-bytes", "200000");
    expect(run.code).toBe(1);
    expect(source(report, "policy").live).toMatchObject({ status: "no-document" });
    expect(source(report, "policy").live?.reason).toMatch(/larger than the 195 KB cap/);
    // The server wrote on until the client hung up: a little past the cap, never the endless rest.
    expect(server.written.get(PDF_PATH) ?? 0).toBeLessThan(8 * 1024 * 1024);

    server.route(PDF_PATH, endless(900 * 1024 * 1024));
    const announced = await live("--max-bytes", "200000");
    expect(source(announced.report, "policy").live?.reason).toMatch(/900 MB announced/);
  });

  it("fetch --update takes the new version on purpose: writes it, re-locks, prints which quotes change status, exits 1 for the gone one", async () => {
    const v2 = await policyPdf(POLICY_V2, "2");
    server.route(PDF_PATH, serve({ body: v2, type: "application/pdf", etag: '"policy-v2"' }));
    const dry = await cli("fetch", "--update", "--dry-run", "policy");
    expect(dry.stdout).toMatch(/policy +would update cited\/policy\.pdf/);
    expect(dry.stdout).toContain("nothing written (--dry-run)");
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v1);

    const run = await cli("fetch", "--update", "policy");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/policy +updated cited\/policy\.pdf/);
    expect(run.stdout).toMatch(/Quotes that change status:/);
    expect(run.stdout).toMatch(
      /sources\/claims\.md:\d+:\d+ +“there are no minimum requirements.*” +verified \(p\. 1\) → not-found/,
    );
    expect(run.stdout).toMatch(
      /“managers, auditors, and security professionals” +verified \(p\. 1\) → verified \(p\. 2\)/,
    );
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v2);
    const lock = await readLockFile();
    expect(lock.sources.policy).toMatchObject({ etag: '"policy-v2"', size: v2.length });
    expect(lock.sources.policy?.quotes.map((q) => q.quote)).toEqual(["audience/q1"]);
    const check = await runCli(["check", "--offline"], root);
    expect(check.code).toBe(1);
  });

  it("a local copy edited after locking is reported (exit 1) until it is locked again with --local", async () => {
    const file = path.join(root, "sources/cited/catalog.html");
    await writeFile(file, PAGE_V1.replace("standard 4011", "standard 4011 and standard 4016"));
    const run = await runCli(["check", "--offline", "--format", "json"], root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(source(report, "catalog")).toMatchObject({ lock: "modified" });
    expect(source(report, "catalog").reason).toMatch(/edited or replaced by hand/);
    const github = await runCli(["check", "--offline", "--format", "github"], root);
    expect(github.stdout).toMatch(
      /^::error file=sources\/sources\.yaml,line=6,col=3,title=Local copy differs from its lock::catalog: /m,
    );
    const fetch = await cli("fetch", "catalog");
    expect(fetch.code).toBe(1);
    expect(fetch.stdout).toMatch(
      /catalog +kept: the local copy was edited or replaced since it was locked/,
    );

    const relock = await runCli(["fetch", "--local", "catalog"], root);
    expect(relock.code).toBe(0);
    const after = JSON.parse(
      (await runCli(["check", "--offline", "--format", "json"], root)).stdout,
    );
    expect(source(after, "catalog").lock).toBe("locked");
    expect((await readLockFile()).sources.catalog?.fetched).toBeNull();
  });
});
