// Review findings 4, 5 and 7: a lock entry for another URL or file is stale; --local never re-locks other bytes unasked; ids are looked up by own key.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LockFile, Report } from "../../src/model/index.js";
import { POLICY_V1, POLICY_V2, policyPdf } from "../fixtures/live/documents.js";
import { claimsFor, type Entry, registryFor, workspaceFor } from "../fixtures/live/one-source.js";
import { type DocServer, serve, startDocServer } from "../fixtures/live/server.js";
import { runCli } from "../helpers/workspace.js";

describe("the lock against what the registry names now", () => {
  let server: DocServer;
  let v1: Buffer;
  let v2: Buffer;
  const roots: string[] = [];
  const cli = (root: string, ...args: string[]) =>
    runCli([...args, "--allow-private-network"], root);
  const checkJson = async (root: string) => {
    const run = await runCli(["check", "--offline", "--format", "json"], root);
    return { run, report: JSON.parse(run.stdout) as Report };
  };
  const readLock = async (root: string) =>
    JSON.parse(await readFile(path.join(root, "sources/sources.lock"), "utf8")) as LockFile;
  const repoint = async (root: string, entries: Entry[]) => {
    await writeFile(path.join(root, "sources/claims.md"), claimsFor(entries));
    await writeFile(path.join(root, "sources/sources.yaml"), registryFor(entries));
  };
  const workspace = async (entries: Entry[], files: Record<string, Buffer> = {}) => {
    const root = await workspaceFor(entries, files);
    roots.push(root);
    return root;
  };

  beforeAll(async () => {
    server = await startDocServer();
    v1 = await policyPdf(POLICY_V1);
    v2 = await policyPdf(POLICY_V2, "2");
    server.route("/2024/policy.pdf", serve({ body: v1, type: "application/pdf", etag: '"a"' }));
    server.route("/2026/policy.pdf", serve({ body: v2, type: "application/pdf", etag: '"b"' }));
  });
  afterAll(async () => {
    await server.close();
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it("a citation re-pointed to another URL: check says the lock entry is stale (exit 1, in every format) and fetch downloads the new URL", async () => {
    const old: Entry = {
      id: "policy",
      url: `${server.base}/2024/policy.pdf`,
      file: "cited/policy.pdf",
    };
    const root = await workspace([old]);
    expect((await cli(root, "fetch")).code).toBe(0);
    const now = { ...old, url: `${server.base}/2026/policy.pdf` };
    await repoint(root, [now]);

    const { run, report } = await checkJson(root);
    expect(run.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.sources?.[0]).toMatchObject({ lock: "stale" });
    expect(report.sources?.[0]?.reason).toContain(
      `the lock records ${old.url}, but the registry now cites ${now.url}`,
    );
    expect(report.summary.stale).toBe(1);
    const github = await runCli(["check", "--offline", "--format", "github"], root);
    expect(github.stdout).toMatch(
      /^::error file=sources\/sources\.yaml,line=1,col=3,title=Lock entry is for another URL or file::policy: the lock records/m,
    );
    const junit = await runCli(["check", "--offline", "--format", "junit"], root);
    expect(junit.stdout).toMatch(
      /<testcase classname="sources" name="policy" file="sources\/sources\.yaml" line="1"><failure [^>]*type="stale"/,
    );

    const before = server.hits.get("/2026/policy.pdf") ?? 0;
    const fetch = await cli(root, "fetch");
    expect(server.hits.get("/2026/policy.pdf")).toBe(before + 1);
    expect(fetch.stdout).toMatch(
      /policy +updated cited\/policy\.pdf: .*the URL the registry now cites/,
    );
    // The quote is not in the 2026 edition: said, exit 1, and the new copy is the evidence now.
    expect(fetch.code).toBe(1);
    expect(await readFile(path.join(root, "sources/cited/policy.pdf"))).toEqual(v2);
    expect((await readLock(root)).sources.policy).toMatchObject({ url: now.url, etag: '"b"' });
    expect((await checkJson(root)).report.sources?.[0]?.lock).toBe("locked");
  });

  it("a local copy renamed in the registry: stale until `fetch --local` moves the entry, keeping what was downloaded", async () => {
    const entry: Entry = {
      id: "policy",
      url: `${server.base}/2024/policy.pdf`,
      file: "cited/policy.pdf",
    };
    const root = await workspace([entry]);
    expect((await cli(root, "fetch")).code).toBe(0);
    await rename(
      path.join(root, "sources/cited/policy.pdf"),
      path.join(root, "sources/cited/exam-policy.pdf"),
    );
    await repoint(root, [{ ...entry, file: "cited/exam-policy.pdf" }]);
    const stale = await checkJson(root);
    expect(stale.run.code).toBe(1);
    expect(stale.report.sources?.[0]?.reason).toContain(
      "the lock records the local copy cited/policy.pdf, but the registry now names cited/exam-policy.pdf",
    );
    const local = await runCli(["fetch", "--local"], root);
    expect(local.code).toBe(0);
    expect(local.stdout).toMatch(
      /policy +locked cited\/exam-policy\.pdf: the lock entry now names/,
    );
    expect((await readLock(root)).sources.policy).toMatchObject({
      file: "cited/exam-policy.pdf",
      etag: '"a"',
      finalUrl: entry.url,
    });
    expect((await checkJson(root)).run.code).toBe(0);
  });

  it("fetch --local does not re-lock a copy edited since it was downloaded, unless it is named or --force", async () => {
    const entry: Entry = {
      id: "policy",
      url: `${server.base}/2024/policy.pdf`,
      file: "cited/policy.pdf",
    };
    const root = await workspace([entry]);
    expect((await cli(root, "fetch")).code).toBe(0);
    const locked = await readLock(root);
    const claim = "CISSO is accepted by every federal agency";
    await writeFile(
      path.join(root, "sources/cited/policy.pdf"),
      await policyPdf([`${POLICY_V1[0]} ${claim}.`]),
    );
    await repoint(root, [{ ...entry, quote: claim }]);

    const refused = await runCli(["fetch", "--local"], root);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /policy +kept: not re-locked: the local copy is not the locked one .*edited or replaced by hand\. `collateral fetch --local policy` \(or `--force`\) locks it as it stands.*\(sources\/sources\.yaml:1:3\)/,
    );
    expect(await readLock(root)).toEqual(locked);
    expect((await checkJson(root)).report.sources?.[0]?.lock).toBe("modified");

    const forced = await runCli(["fetch", "--local", "--force"], root);
    expect(forced.code).toBe(0);
    expect((await readLock(root)).sources.policy).toMatchObject({ fetched: null, etag: null });
    expect((await runCli(["fetch", "--force"], root)).code).toBe(2);
  });

  it("after quotes change, a plain fetch refreshes their anchors without a request or re-locking the bytes", async () => {
    const entry: Entry = {
      id: "policy",
      url: `${server.base}/2024/policy.pdf`,
      file: "cited/policy.pdf",
    };
    const root = await workspace([entry]);
    expect((await cli(root, "fetch")).code).toBe(0);
    const before = await readLock(root);
    await repoint(root, [
      { ...entry, quote: "meant for managers, auditors, and security professionals" },
    ]);
    const hits = server.hits.get("/2024/policy.pdf");
    const run = await cli(root, "fetch");
    expect(run.code).toBe(0);
    expect(server.hits.get("/2024/policy.pdf")).toBe(hits);
    const after = await readLock(root);
    expect(after.sources.policy?.sha256).toBe(before.sources.policy?.sha256);
    expect(after.sources.policy?.fetched).toBe(before.sources.policy?.fetched);
    expect(after.sources.policy?.quotes[0]?.exact).toBe(
      "meant for managers, auditors, and security professionals",
    );
  });

  it("a registry id named like an inherited property (constructor) crashes neither fetch nor check", async () => {
    const body = await policyPdf(POLICY_V1);
    const entries: Entry[] = ["normal", "constructor"].map((id) => ({
      id,
      url: `https://example.com/${id}.pdf`,
      file: `cited/${id}.pdf`,
    }));
    const files = Object.fromEntries(entries.map((e) => [e.file, body]));
    const root = await workspace(entries, files);
    const fetch = await runCli(["fetch", "--local", "normal"], root);
    expect(fetch.stderr).toBe("");
    expect(fetch.code).toBe(0);
    const { run, report } = await checkJson(root);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(report.sources?.map((s) => s.lock)).toEqual(["locked", "unlocked"]);
    expect((await runCli(["fetch", "--local"], root)).code).toBe(0);
    expect(Object.keys((await readLock(root)).sources)).toEqual(["constructor", "normal"]);
  });

  it("a lock whose sources hold a key that is no registry id (__proto__) is bad input, exit 2 at its line", async () => {
    const root = await workspace([
      { id: "policy", url: "https://example.com/p.pdf", file: "cited/policy.pdf" },
    ]);
    await writeFile(
      path.join(root, "sources/sources.lock"),
      '{\n  "lockVersion": 1,\n  "sources": {\n    "__proto__": {}\n  }\n}\n',
    );
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sources\/sources\.lock:\d+:\d+: .*a registry id/);
  });
});
