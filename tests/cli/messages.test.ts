// What a new user reads when something is off: the project's words, one path style, a hint where it helps.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nearest } from "../../src/model/index.js";
import { copyWorkspace, runCli } from "../helpers/workspace.js";

describe("did you mean", () => {
  it("finds the slip: a letter missing, two swapped, a dash lost, a prefix, any case", () => {
    const flags = ["--offline", "--format", "--no-cache", "--timeout"];
    expect(nearest("--offlin", flags)).toBe("--offline");
    expect(nearest("--fromat", flags)).toBe("--format");
    expect(nearest("--nocache", flags)).toBe("--no-cache");
    expect(nearest("--off", flags)).toBe("--offline");
    expect(nearest("SRE-LEADS", ["sre-leads", "federal"])).toBe("sre-leads");
    expect(nearest("biuld", ["build", "check", "watch"])).toBe("build");
    expect(nearest("--foo", flags)).toBeNull();
    expect(nearest("xyz", ["json", "text"])).toBeNull();
  });
});

describe("usage errors say what was meant (exit 2, nothing started)", () => {
  const cases: [string[], string][] = [
    [["check", "--offlin"], "error: check: unknown option --offlin (did you mean --offline?)"],
    [["check", "--nocache"], "unknown option --nocache (did you mean --no-cache?)"],
    [["build", "--audeince", "x"], "build: unknown option --audeince (did you mean --audience?)"],
    [["biuld"], 'unknown command "biuld" (did you mean "build"?)'],
    [["check", "--format", "jsn"], '(got "jsn"); did you mean "json"?'],
    [["check", "--format"], "check: --format needs a value"],
    [["check", "--offline=yes"], "check: --offline is a switch and takes no value"],
    [["init", "--force"], "init: unknown option --force (it takes no options)"],
    [
      ["check", "--xyz"],
      "(it takes --read-timeout, --read-max-pages, --read-max-mb, --read-memory-mb, --offline, --format, --allow-private-network, --no-cache,",
    ],
  ];
  for (const [args, message] of cases) {
    it(`collateral ${args.join(" ")}`, async () => {
      const run = await runCli(args, os.tmpdir());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toContain("TypeError");
      expect(run.stderr).not.toContain("ERR_PARSE_ARGS");
    });
  }
});

describe("one path style: from the folder collateral runs in", () => {
  it("check's report, its warnings and build's errors all name ../ws/sources/… when run from elsewhere", async () => {
    const root = await copyWorkspace();
    const md = path.join(root, "sources/cisso-vs-cissp.md");
    const text = await readFile(md, "utf8");
    // A warning (an unknown front matter key) and a failing quote.
    await writeFile(
      md,
      text
        .replace("tagline:", "tagine: x\ntagline:")
        .replace("there are no minimum requirements", "there are no maximum requirements"),
    );
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "collateral-cwd-"));
    const shown = path.relative(elsewhere, root).split(path.sep).join("/");
    const check = await runCli(["check", "--offline", "--root", root], elsewhere);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      new RegExp(`✖ ${reEscape(shown)}/sources/cisso-vs-cissp\\.md:\\d+:\\d+`),
    );
    expect(check.stderr).toMatch(
      new RegExp(
        `^${reEscape(shown)}/sources/cisso-vs-cissp\\.md:\\d+:\\d+: warning: unknown front matter key "tagine"`,
      ),
    );
    const build = await runCli(["build", "--root", root], elsewhere);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(
      new RegExp(
        `\\n {2}${reEscape(shown)}/sources/cisso-vs-cissp\\.md:\\d+:\\d+: not-found: “there are no maximum`,
      ),
    );
    // Run in the workspace, the same files are sources/…
    const inside = await runCli(["check", "--offline"], root);
    expect(inside.stderr).toMatch(
      /^sources\/cisso-vs-cissp\.md:\d+:\d+: warning: unknown front matter key/,
    );
  });

  it("an input error names the file from the working folder too", async () => {
    const root = await copyWorkspace();
    await writeFile(path.join(root, "sources/sources.yaml"), "- id: [\n");
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "collateral-cwd-"));
    const run = await runCli(["check", "--offline", "--root", root], elsewhere);
    expect(run.code).toBe(2);
    const shown = path.relative(elsewhere, root).split(path.sep).join("/");
    expect(run.stderr).toMatch(
      new RegExp(`^error: ${reEscape(shown)}/sources/sources\\.yaml:\\d+:\\d+: invalid YAML`),
    );
  });
});

describe("check without a network", () => {
  it("says 'no network? use --offline' when every cited URL fails name resolution", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "collateral-dns-"));
    expect((await runCli(["init"], root)).code).toBe(0);
    // .invalid never resolves (RFC 6761), network or not.
    for (const file of ["sources/sources.yaml", "sources/claims.md"]) {
      const target = path.join(root, file);
      const text = await readFile(target, "utf8");
      await writeFile(target, text.replaceAll("www.rfc-editor.org", "rfc-editor.invalid"));
    }
    const run = await runCli(["check", "--no-cache"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("DNS lookup failed for rfc-editor.invalid");
    expect(run.stderr).toContain(
      "hint: no network? every cited URL failed name resolution (DNS): use --offline to verify the quotes alone",
    );
    const json = await runCli(["check", "--no-cache", "--format", "json"], root);
    expect(JSON.parse(json.stdout).ok).toBe(false);
    expect(json.stderr).toContain("no network?");
    expect((await runCli(["check", "--offline"], root)).stderr).not.toContain("no network?");
  });

  it("gives no such hint when one URL resolves", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "collateral-dns-"));
    await mkdir(path.join(root, "sources"));
    const { looksOffline } = await import("../../src/verify/links/index.js");
    const link = (reason: string, status: "broken" | "ok" = "broken") => ({
      url: "https://x/",
      status,
      httpStatus: null,
      finalUrl: null,
      reason,
      positions: [],
      elapsedMs: 0,
      cached: false,
    });
    expect(looksOffline([link("DNS lookup failed for a (ENOTFOUND)"), link("", "ok")])).toBe(false);
    expect(
      looksOffline([link("DNS lookup failed for a (ENOTFOUND)"), link("HTTP 404 Not Found")]),
    ).toBe(false);
    expect(looksOffline([link("DNS lookup failed for a (EAI_AGAIN)")])).toBe(true);
    expect(looksOffline([])).toBe(false);
  });
});

function reEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
