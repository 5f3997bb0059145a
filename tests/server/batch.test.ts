// `collateral batch FILE.csv` as a user runs it: one one-pager per good row, bad rows named by line.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, copyWorkspace, runCli } from "../helpers/workspace.js";
import { pageCount, preparedFor, textOf } from "./helpers.js";

let root: string;
let run: CliRun;

const CSV = [
  "audience,company,contact",
  "federal,Acme Federal,Jordan Lee",
  'security-managers,"Initech, Inc.",',
  "",
  "astronauts,Space Co,Buzz",
  "early-career,Ünïcode Lab,Zoë",
  "federal,Acme Federal,Pat Kim",
  "",
].join("\n");

beforeAll(async () => {
  root = await copyWorkspace();
  await writeFile(path.join(root, "prospects.csv"), CSV);
  run = await runCli(["batch", "prospects.csv"], root);
}, 120_000);

describe("collateral batch", () => {
  it("writes one one-pager per good row into output/one-pagers/", async () => {
    const files = (await readdir(path.join(root, "output", "one-pagers"))).sort();
    expect(files).toEqual([
      "Acme-Federal-federal-2.pdf",
      "Acme-Federal-federal.pdf",
      "Initech-Inc-security-managers.pdf",
      "Unicode-Lab-early-career.pdf",
    ]);
    const pdf = await readFile(
      path.join(root, "output", "one-pagers", "Initech-Inc-security-managers.pdf"),
    );
    expect(await pageCount(pdf)).toBe(1);
    expect(preparedFor(await textOf(pdf))).toMatch(/^Initech,Inc\./);
    const unicode = await readFile(
      path.join(root, "output", "one-pagers", "Unicode-Lab-early-career.pdf"),
    );
    const text = await textOf(unicode);
    expect(preparedFor(text)).toMatch(/^ÜnïcodeLab/);
    expect(text).toContain("Zoë");
  });

  it("gives a second row for the same company and audience its own file, in row order", async () => {
    const dir = path.join(root, "output", "one-pagers");
    expect(await textOf(await readFile(path.join(dir, "Acme-Federal-federal.pdf")))).toContain(
      "Jordan Lee",
    );
    expect(await textOf(await readFile(path.join(dir, "Acme-Federal-federal-2.pdf")))).toContain(
      "Pat Kim",
    );
  });

  it("names the bad row by its line in the file, skips it, and exits 1", () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('prospects.csv:5: unknown audience "astronauts"');
    expect(run.stderr).toContain("4 one-pager(s) written");
    expect(run.stderr).toContain("1 row(s) skipped");
    expect(run.stderr).not.toContain("internal error");
  });

  it("exits 0 when every row is good", async () => {
    await writeFile(path.join(root, "good.csv"), "audience,company\nfederal,Good Co\n");
    const good = await runCli(["batch", "good.csv"], root);
    expect(good.code, good.stderr).toBe(0);
    expect(await readdir(path.join(root, "output", "one-pagers"))).toContain("Good-Co-federal.pdf");
  });

  it("refuses a missing file or a second argument as bad input (exit 2)", async () => {
    const missing = await runCli(["batch", "nope.csv"], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.csv: cannot read (ENOENT)");
    expect((await runCli(["batch"], root)).code).toBe(2);
  });
});
