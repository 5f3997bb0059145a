import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, REPO, runCli } from "../helpers/workspace.js";

describe("collateral check --offline on the CISSO workspace", () => {
  it("exits 0 with every seed quote verified and its page given", async () => {
    const run = await runCli(["check", "--offline", "--format", "json"], REPO);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ quotes: 3, verified: 3, failed: 0 });
    const byCited = Object.fromEntries(
      report.quotes.map((q: { cited: string; pages: number[] }) => [q.cited, q]),
    );
    expect(byCited["cisso-blueprint"].pages.length).toBeGreaterThan(0);
    expect(byCited["niccs-cisso"].pages).toEqual([]);
    expect(report.links.every((l: { status: string }) => l.status === "skipped")).toBe(true);
  });

  describe("when the author breaks one word of a quote", () => {
    let root: string;
    beforeAll(async () => {
      root = await copyWorkspace();
      const file = path.join(root, "sources/cisso-vs-cissp.md");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("no minimum requirements", "no maximum requirements"));
    });

    it("exits 1 naming the file, line and column of the quote", async () => {
      const run = await runCli(["check", "--offline"], root);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/sources\/cisso-vs-cissp\.md:66:12/);
      expect(run.stdout).toMatch(/not-found|not found/i);
    });

    it("shows the closest passage the cited document really has", async () => {
      const run = await runCli(["check", "--offline", "--format", "json"], root);
      const report = JSON.parse(run.stdout);
      const failed = report.quotes.find((q: { status: string }) => q.status !== "verified");
      expect(failed.status).toBe("not-found");
      expect(failed.closest.text).toMatch(/no minimum requirements/);
    });

    it("annotates it for GitHub once, with the closest passage given once", async () => {
      const run = await runCli(["check", "--offline", "--format", "github"], root);
      expect(run.code).toBe(1);
      const [annotation, ...rest] = run.stdout.split("\n").filter((l) => l.startsWith("::"));
      expect(rest).toEqual([]);
      expect(annotation).toMatch(
        /^::error file=sources\/cisso-vs-cissp\.md,line=66,col=12,title=Quote not found::/,
      );
      expect(annotation?.match(/no minimum requirements/g)).toHaveLength(1);
    });

    it("writes output/claims.json with the verification results", async () => {
      await runCli(["check", "--offline"], root);
      const model = JSON.parse(await readFile(path.join(root, "output/claims.json"), "utf8"));
      expect(model.report.ok).toBe(false);
      expect(model.claims.length).toBe(6);
    });
  });

  it("exits 2 with a usage message for an unknown flag or format", async () => {
    const bad = await runCli(["check", "--format", "yaml"], REPO);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of text, json, junit, github/);
    const unknown = await runCli(["check", "--bogus"], REPO);
    expect(unknown.code).toBe(2);
  });
});

describe("collateral import", () => {
  it("prints a Markdown draft of the seed", async () => {
    const run = await runCli(
      ["import", path.join(REPO, "tests/fixtures/seed/cisso-vs-cissp.txt")],
      REPO,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^---\ntitle: "cisso vs cissp"/);
    expect(run.stdout).toContain("## Flexible Exam Options & Learning Path");
  });

  it("exits 2 for an unreadable file", async () => {
    const run = await runCli(["import", "/nonexistent/file.txt"], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read \(ENOENT\)/);
  });
});
