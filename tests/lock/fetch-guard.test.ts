// Review findings 2 and 3: fetch writes only inside sources/ (links followed), never a sign-in page as a saved copy, never one file for two ids; stale temp files are swept.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model/index.js";
import { LOGIN_PAGE, PAGE_V1, POLICY_V1, policyPdf } from "../fixtures/live/documents.js";
import { type Entry, workspaceFor } from "../fixtures/live/one-source.js";
import { type DocServer, redirect, serve, startDocServer } from "../fixtures/live/server.js";
import { runCli } from "../helpers/workspace.js";

const PAGE_QUOTE = "validated by the agency for standard 4012";

describe("fetch writes only what the registry names, only inside sources/", () => {
  let server: DocServer;
  let v1: Buffer;
  const temps: string[] = [];
  const cli = (root: string, ...args: string[]) =>
    runCli([...args, "--allow-private-network"], root);
  const workspace = async (entries: Entry[], files: Record<string, string | Buffer> = {}) => {
    const root = await workspaceFor(entries, files);
    temps.push(root);
    return root;
  };
  const outsideFolder = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-outside-"));
    temps.push(dir);
    return dir;
  };
  const lockText = (root: string) =>
    readFile(path.join(root, "sources/sources.lock"), "utf8").catch(() => "");

  beforeAll(async () => {
    server = await startDocServer();
    v1 = await policyPdf(POLICY_V1);
    server.route("/doc.pdf", serve({ body: v1, type: "application/pdf" }));
    server.route("/page", serve({ body: Buffer.from(PAGE_V1), type: "text/html" }));
  });
  afterAll(async () => {
    await server.close();
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it("refuses a registry file with .. (naming its line in sources.yaml), writes nothing, and the other entries are fetched", async () => {
    const escaped = `escaped-${process.pid}-${Date.now()}.pdf`;
    const root = await workspace([
      { id: "good", url: `${server.base}/doc.pdf`, file: "cited/good.pdf" },
      { id: "escape", url: `${server.base}/doc.pdf?copy`, file: `../../${escaped}` },
    ]);
    const run = await cli(root, "fetch");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /escape +failed: not written: file "\.\.\/\.\.\/escaped-.*\.pdf" is outside sources\/.* \(sources\/sources\.yaml:5:3\)/,
    );
    expect(existsSync(path.resolve(root, "sources", "..", "..", escaped))).toBe(false);
    expect(run.stdout).toMatch(/good +downloaded cited\/good\.pdf/);
    expect(await lockText(root)).not.toContain('"escape"');
  });

  it("refuses to write through a cited folder that is a symbolic link out of the workspace", async () => {
    const outside = await outsideFolder();
    const root = await workspace([
      { id: "policy", url: `${server.base}/doc.pdf`, file: "cited/policy.pdf" },
    ]);
    await rm(path.join(root, "sources/cited"), { recursive: true });
    await symlink(outside, path.join(root, "sources/cited"));
    const run = await cli(root, "fetch");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /policy +failed: not written: cited leads \(by a symbolic link\) outside sources\/.*\(sources\/sources\.yaml:1:3\)/,
    );
    expect(await readdir(outside)).toEqual([]);
    expect(await lockText(root)).toBe("");
  });

  it("refuses --update over a local copy that is a link to a file outside, which stays as it was", async () => {
    const outside = await outsideFolder();
    await writeFile(path.join(outside, "theirs.pdf"), "not ours");
    const root = await workspace([
      { id: "policy", url: `${server.base}/doc.pdf`, file: "cited/policy.pdf" },
    ]);
    await symlink(path.join(outside, "theirs.pdf"), path.join(root, "sources/cited/policy.pdf"));
    const run = await cli(root, "fetch", "--update");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/policy +failed: not written: cited\/policy\.pdf leads/);
    expect(await readFile(path.join(outside, "theirs.pdf"), "utf8")).toBe("not ours");
  });

  it("refuses two registry ids that share one local file, each naming the other's line", async () => {
    const root = await workspace([
      { id: "first", url: `${server.base}/doc.pdf`, file: "cited/same.pdf" },
      { id: "second", url: `${server.base}/page`, file: "cited/./same.pdf" },
    ]);
    const run = await cli(root, "fetch");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /first +failed: not written: cited\/same\.pdf is also the local copy of second \(sources\/sources\.yaml:5:3\)/,
    );
    expect(run.stdout).toMatch(
      /second +failed: .*local copy of first \(sources\/sources\.yaml:1:3\)/,
    );
    expect(existsSync(path.join(root, "sources/cited/same.pdf"))).toBe(false);
  });

  it("sweeps temp files an interrupted fetch left in sources/cited, and leaves a running process's own", async () => {
    const root = await workspace([
      { id: "policy", url: `${server.base}/doc.pdf`, file: "cited/policy.pdf" },
    ]);
    const cited = path.join(root, "sources/cited");
    // A pid no process has (above Linux's pid_max), and this test's own pid.
    await writeFile(path.join(cited, ".policy.pdf.99999999.0123456789ab.tmp"), "half");
    await writeFile(path.join(cited, `.policy.pdf.${process.pid}.0123456789ab.tmp`), "mine");
    expect((await cli(root, "fetch")).code).toBe(0);
    expect((await readdir(cited)).sort()).toEqual(
      [`.policy.pdf.${process.pid}.0123456789ab.tmp`, "policy.pdf"].sort(),
    );
  });

  describe("a saved page (.html) redirected to a sign-in or error page", () => {
    const pageEntry = (url: string): Entry[] => [
      { id: "catalog", url, file: "cited/catalog.html", quote: PAGE_QUOTE },
    ];

    it("is refused by fetch: nothing written, no lock entry, exit 1", async () => {
      server.route("/catalog/entry", redirect("/login?next=/catalog/entry"));
      server.route("/login", serve({ body: Buffer.from(LOGIN_PAGE), type: "text/html" }));
      const root = await workspace(pageEntry(`${server.base}/catalog/entry`));
      const run = await cli(root, "fetch");
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /catalog +failed: not saved: the URL now redirects to a sign-in or error page \(“Sign in – Example Portal”\)/,
      );
      expect(run.stdout).toContain("it asks for a password");
      expect(existsSync(path.join(root, "sources/cited/catalog.html"))).toBe(false);
      expect(await lockText(root)).toBe("");
    });

    it("an error page by its title alone (no password, an ordinary path) is refused too", async () => {
      server.route("/catalog/moved", redirect("/errors/gone"));
      server.route(
        "/errors/gone",
        serve({
          body: Buffer.from(
            "<html><head><title>404 Not Found</title></head><body>Gone</body></html>",
          ),
          type: "text/html",
        }),
      );
      const root = await workspace(pageEntry(`${server.base}/catalog/moved`));
      const run = await cli(root, "fetch");
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/its title is “404 Not Found”/);
    });

    it("check --live calls it not a document (exit 1) where the copy was locked", async () => {
      server.route("/catalog/live", serve({ body: Buffer.from(PAGE_V1), type: "text/html" }));
      const root = await workspace(pageEntry(`${server.base}/catalog/live`));
      expect((await cli(root, "fetch")).code).toBe(0);
      server.route("/catalog/live", redirect(`/sso/authorize?return=/catalog/live`));
      server.route(
        "/sso/authorize",
        serve({ body: Buffer.from("<html><body>Redirecting…</body></html>"), type: "text/html" }),
      );
      const run = await cli(root, "check", "--live", "--no-cache", "--format", "json");
      expect(run.code).toBe(1);
      const live = (JSON.parse(run.stdout) as Report).sources?.[0]?.live;
      expect(live?.status).toBe("not-a-document");
      expect(live?.reason).toMatch(/its address \(.*\/sso\/authorize\) is a sign-in step/);
    });

    it("a page that moved to an ordinary address, or holds a login box at the address cited, is still saved", async () => {
      server.route("/catalog/old", redirect("/catalog/2026/entry"));
      server.route("/catalog/2026/entry", serve({ body: Buffer.from(PAGE_V1), type: "text/html" }));
      const moved = await workspace(pageEntry(`${server.base}/catalog/old`));
      expect((await cli(moved, "fetch")).code).toBe(0);

      const withLoginBox = PAGE_V1.replace(
        "<body>",
        '<body><form action="/login"><input type="password" name="p"></form>',
      );
      server.route("/catalog/boxed", serve({ body: Buffer.from(withLoginBox), type: "text/html" }));
      const boxed = await workspace(pageEntry(`${server.base}/catalog/boxed`));
      const run = await cli(boxed, "fetch");
      expect(run.code).toBe(0);
      expect(await readFile(path.join(boxed, "sources/cited/catalog.html"), "utf8")).toBe(
        withLoginBox,
      );
    });
  });
});
