// End to end: `collateral check` online, against a real HTTP server on 127.0.0.1, in every report format.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkResult, Report } from "../../src/model/index.js";
import { type LinkServer, startLinkServer } from "../fixtures/links/server.js";
import { BIN, type CliRun, copyWorkspace, runCli, runProcess } from "../helpers/workspace.js";

const REAL_URLS = {
  blueprint: "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf",
  outline: "https://www.isc2.org/certifications/cissp/cissp-certification-exam-outline",
  niccs:
    "https://niccs.cisa.gov/training/catalog/mile2/cisso-certified-information-systems-security-officer",
};
const MARKDOWN = "sources/cisso-vs-cissp.md";
/** Workflow command syntax: `::error file=F,line=L,col=C[,title=T]::message`, properties escaped. */
const GITHUB_COMMAND =
  /^::(error|warning) file=([^,:\r\n]+),line=(\d+),col=(\d+)(,title=[^,:\r\n]*)?::[^\r\n]+$/;

interface JunitCase {
  "@classname": string;
  "@name": string;
  failure?: { "@type": string; "@message": string; "#text": string };
}
interface JunitSuite {
  "@name": string;
  "@tests": string;
  "@failures": string;
  testcase: JunitCase[];
}
interface Junit {
  testsuites: { "@tests": string; "@failures": string; testsuite: JunitSuite[] };
}

function parseJunit(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => name === "testcase" || name === "testsuite",
  });
  return parser.parse(xml) as Junit;
}

function suite(doc: Junit, name: string): JunitSuite {
  const found = doc.testsuites.testsuite.find((s) => s["@name"] === name);
  if (!found) throw new Error(`no testsuite "${name}"`);
  return found;
}

function linkOf(report: Report, url: string): LinkResult {
  const link = report.links.find((l) => l.url === url);
  if (!link) throw new Error(`no link result for ${url}`);
  return link;
}

describe("collateral check online, against a loopback server", () => {
  let server: LinkServer;
  let root: string;
  let lines: string[];
  let url: { ok: string; missing: string; moved: string; movedTo: string };

  beforeAll(async () => {
    server = await startLinkServer();
    url = {
      ok: `${server.base}/ok/cisso-blueprint.pdf`,
      missing: `${server.base}/missing/cissp-outline`,
      moved: `${server.base}/chain/1`,
      movedTo: `${server.base}/chain/3`,
    };
    root = await copyWorkspace();
    // The registry and the Markdown cite the same URLs: point both at the server, and the lock with them
    // (a lock entry recording another URL than the registry's is stale, a failure of its own).
    for (const file of ["sources/sources.yaml", "sources/sources.lock", MARKDOWN]) {
      const text = await readFile(path.join(root, file), "utf8");
      const moved = text
        .replaceAll(REAL_URLS.blueprint, url.ok)
        .replaceAll(REAL_URLS.outline, url.missing)
        .replaceAll(REAL_URLS.niccs, url.moved);
      expect(moved).not.toContain("https://");
      await writeFile(path.join(root, file), moved);
    }
    lines = (await readFile(path.join(root, MARKDOWN), "utf8")).split("\n");
  });

  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  const check = (...args: string[]) => runCli(["check", ...args], root);
  const json = async (...args: string[]): Promise<{ run: CliRun; report: Report }> => {
    const run = await check("--format", "json", ...args);
    return { run, report: JSON.parse(run.stdout) as Report };
  };

  describe("with --allow-private-network", () => {
    it("--format json: ok, broken (404) and redirected with its final URL; exits 1", async () => {
      const { run, report } = await json("--allow-private-network", "--no-cache");
      expect(run.code).toBe(1);
      expect(report.ok).toBe(false);
      expect(report.summary).toEqual({
        quotes: 3,
        verified: 3,
        failed: 0,
        uncited: 0,
        links: 3,
        broken: 1,
      });
      expect(linkOf(report, url.ok)).toMatchObject({
        status: "ok",
        httpStatus: 200,
        finalUrl: url.ok,
        reason: "",
      });
      expect(linkOf(report, url.missing)).toMatchObject({
        status: "broken",
        httpStatus: 404,
        reason: "HTTP 404 Not Found",
      });
      expect(linkOf(report, url.moved)).toMatchObject({
        status: "redirected",
        httpStatus: 200,
        finalUrl: url.movedTo,
      });
      expect(linkOf(report, url.missing).positions).toEqual([
        expect.objectContaining({ file: MARKDOWN }),
      ]);
    });

    it("--format junit: valid XML, a testcase per quote and per URL, a failure for the 404", async () => {
      const run = await check("--allow-private-network", "--no-cache", "--format", "junit");
      expect(run.code).toBe(1);
      const doc = parseJunit(run.stdout);
      expect(doc.testsuites).toMatchObject({ "@tests": "6", "@failures": "1" });
      const quotes = suite(doc, "quotes").testcase;
      expect(quotes).toHaveLength(3);
      expect(quotes.filter((c) => c.failure)).toEqual([]);
      const links = suite(doc, "links").testcase;
      expect(links.map((c) => c["@name"]).sort()).toEqual([url.ok, url.missing, url.moved].sort());
      const failed = links.filter((c) => c.failure);
      expect(failed.map((c) => c["@name"])).toEqual([url.missing]);
      expect(failed[0]?.failure).toMatchObject({ "@type": "broken" });
      expect(failed[0]?.failure?.["#text"]).toMatch(/HTTP 404.*\n[\s\S]*cited at sources\//);
    });

    it("--format github: an ::error at the Markdown line that cites the broken URL", async () => {
      const run = await check("--allow-private-network", "--no-cache", "--format", "github");
      expect(run.code).toBe(1);
      const out = run.stdout.trimEnd().split("\n");
      const commands = out.filter((l) => l.startsWith("::"));
      expect(commands).toHaveLength(1);
      const match = GITHUB_COMMAND.exec(commands[0] ?? "");
      expect(match).not.toBeNull();
      const [, level, file, line, col] = match ?? [];
      expect(level).toBe("error");
      expect(file).toBe(MARKDOWN);
      // The annotation sits on the link in the prose, not on the reference definition at the bottom.
      const cited = lines[Number(line) - 1]?.slice(Number(col) - 1) ?? "";
      expect(cited).toMatch(/^\[ISC2\]\[cissp-outline\]/);
      expect(commands[0]).toContain(`::${url.missing} (HTTP 404): HTTP 404 Not Found`);
      expect(out.at(-1)).toMatch(/^3 quotes: 3 verified.* · 3 links: 2 ok, 1 broken$/);
    });

    it("with --root, annotates files from where CI stands, while JSON keeps workspace paths", async () => {
      const parent = path.dirname(root);
      const folder = path.basename(root);
      const args = ["check", "--root", folder, "--allow-private-network", "--no-cache"];
      const github = await runCli([...args, "--format", "github"], parent);
      expect(github.code).toBe(1);
      expect(github.stdout).toMatch(
        new RegExp(`^::error file=${folder}/sources/cisso-vs-cissp\\.md,line=\\d+,col=\\d+,`, "m"),
      );
      const report = JSON.parse((await runCli([...args, "--format", "json"], parent)).stdout);
      expect(linkOf(report, url.missing).positions[0]?.file).toBe(MARKDOWN);
    });

    it("--format text: each link's status, final URL and where it is cited", async () => {
      const run = await check("--allow-private-network", "--no-cache");
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`✔ ok [200] ${url.ok}`);
      expect(run.stdout).toContain(`✖ broken [404] ${url.missing}`);
      expect(run.stdout).toContain(`↪ redirected [200] ${url.moved}`);
      expect(run.stdout).toContain(`→ ${url.movedTo}`);
      expect(run.stdout).toMatch(/cited at sources\/cisso-vs-cissp\.md:\d+:\d+/);
    });

    it("exits 0 when every link holds (the 404 accepted with --accept)", async () => {
      const { run, report } = await json(
        "--allow-private-network",
        "--no-cache",
        "--accept",
        "404",
      );
      expect(run.code).toBe(0);
      expect(report.ok).toBe(true);
      expect(linkOf(report, url.missing)).toMatchObject({ status: "ok", httpStatus: 404 });
    });

    it("refuses an --accept that is not an HTTP status with exit 2", async () => {
      const run = await check("--allow-private-network", "--accept", "403,40x");
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--accept takes HTTP status codes/);
    });

    it("caches ok and redirected results in .collateral-cache/links.json, never a broken one", async () => {
      const cacheFile = path.join(root, ".collateral-cache/links.json");
      await rm(cacheFile, { force: true });
      const first = await json("--allow-private-network");
      expect(first.report.links.every((l) => !l.cached)).toBe(true);
      const cache = JSON.parse(await readFile(cacheFile, "utf8"));
      expect(Object.keys(cache.entries).sort()).toEqual([url.ok, url.moved].sort());
      const hits = new Map(server.hits);

      const second = await json("--allow-private-network");
      expect(linkOf(second.report, url.ok)).toMatchObject({ status: "ok", cached: true });
      expect(linkOf(second.report, url.moved)).toMatchObject({
        status: "redirected",
        finalUrl: url.movedTo,
        cached: true,
      });
      expect(linkOf(second.report, url.missing)).toMatchObject({ status: "broken", cached: false });
      expect(server.hits.get("/ok/cisso-blueprint.pdf")).toBe(hits.get("/ok/cisso-blueprint.pdf"));
      expect(server.hits.get("/chain/1")).toBe(hits.get("/chain/1"));
      expect(server.hits.get("/missing/cissp-outline")).toBeGreaterThan(
        hits.get("/missing/cissp-outline") ?? 0,
      );

      const fresh = await json("--allow-private-network", "--no-cache");
      expect(fresh.report.links.every((l) => !l.cached)).toBe(true);
    });
  });

  describe("without --allow-private-network", () => {
    it("blocks every loopback URL, never requests one, and exits 1", async () => {
      const requests = [...server.hits.values()].reduce((a, b) => a + b, 0);
      // The cache holds results of the relaxed runs above: they must not answer a strict run.
      const { run, report } = await json();
      expect(run.code).toBe(1);
      expect(report.links).toHaveLength(3);
      for (const link of report.links) {
        expect(link).toMatchObject({ status: "blocked", cached: false });
        expect(link.reason).toMatch(/127\.0\.0\.1, a loopback address/);
      }
      expect(report.summary.broken).toBe(3);
      expect([...server.hits.values()].reduce((a, b) => a + b, 0)).toBe(requests);
      const github = await check("--format", "github");
      expect(github.stdout).toMatch(
        /^::error file=sources\/cisso-vs-cissp\.md,.*title=Link blocked::/m,
      );
    });
  });
});

/** `sh -c COMMAND` in `cwd`, as a CI step runs it. */
function runShell(command: string, cwd: string): Promise<CliRun> {
  return runProcess("sh", ["-c", command], cwd);
}

describe("collateral check --format junit > report.xml on the real workspace, without internet", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyWorkspace();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("still verifies every quote, and reports each real URL with a reason", async () => {
    const run = await runShell(
      `"${process.execPath}" "${BIN}" check --format junit > report.xml`,
      root,
    );
    const xml = await readFile(path.join(root, "report.xml"), "utf8");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parseJunit(xml);
    const quotes = suite(doc, "quotes").testcase;
    expect(quotes).toHaveLength(3);
    expect(quotes.filter((c) => c.failure)).toEqual([]);
    const links = suite(doc, "links").testcase;
    expect(links.map((c) => c["@name"]).sort()).toEqual(Object.values(REAL_URLS).sort());
    // No network here: DNS fails and each URL is broken or timed out, with the reason. Should DNS work, ok is fine.
    for (const link of links) {
      if (!link.failure) continue;
      expect(["broken", "timeout"]).toContain(link.failure["@type"]);
      expect(link.failure["@message"].length).toBeGreaterThan(0);
    }
    const failures = links.filter((c) => c.failure).length;
    expect(doc.testsuites["@failures"]).toBe(String(failures));
    expect(run.code).toBe(failures ? 1 : 0);
    // stderr holds nothing but, when no URL resolved, the hint to check offline (stdout stays the report).
    expect(run.stderr.replace(/^hint: no network\? .*use --offline.*\n/, "")).toBe("");
  }, 90_000);
});
