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
      "Ünïcode-Lab-early-career.pdf",
    ]);
    const pdf = await readFile(
      path.join(root, "output", "one-pagers", "Initech-Inc-security-managers.pdf"),
    );
    expect(await pageCount(pdf)).toBe(1);
    expect(preparedFor(await textOf(pdf))).toMatch(/^Initech,Inc\./);
    const unicode = await readFile(
      path.join(root, "output", "one-pagers", "Ünïcode-Lab-early-career.pdf"),
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

  it("names each written row by its line in the file, whatever order they finish in", () => {
    for (const [line, name] of [
      [2, "Acme-Federal-federal.pdf"],
      [3, "Initech-Inc-security-managers.pdf"],
      [6, "Ünïcode-Lab-early-career.pdf"],
      [7, "Acme-Federal-federal-2.pdf"],
    ] as const)
      expect(run.stderr).toMatch(new RegExp(`✔ prospects\\.csv:${line} → ${name} \\(\\d/5\\)`));
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

describe("collateral batch, as spreadsheets save CSV", () => {
  it("reads semicolons (Excel where the decimal mark is a comma), matches audiences in any case, says what is near", async () => {
    await writeFile(
      path.join(root, "excel.csv"),
      "\uFEFFaudience;company;contact\r\nFEDERAL;Société Générale;Zoë\r\nfederl;Typo Co;\r\nfederal;;\r\n",
    );
    const excel = await runCli(["batch", "excel.csv"], root);
    expect(excel.code, excel.stderr).toBe(1);
    expect(excel.stderr).toContain("✔ excel.csv:2 → Société-Générale-federal.pdf");
    expect(excel.stderr).toContain(
      'excel.csv:3: unknown audience "federl" (did you mean "federal"?) (known: ',
    );
    expect(excel.stderr).toContain(
      "excel.csv:4: company is empty: type the prospect's name; skipped",
    );
    const pdf = await readFile(path.join(root, "output/one-pagers/Société-Générale-federal.pdf"));
    expect(preparedFor(await textOf(pdf))).toMatch(/^SociétéGénérale/);
  });

  it("reads tabs", async () => {
    await writeFile(path.join(root, "tabs.tsv"), "company\taudience\nTab Co\tearly-career\n");
    const tabs = await runCli(["batch", "tabs.tsv"], root);
    expect(tabs.code, tabs.stderr).toBe(0);
    expect(tabs.stderr).toContain("✔ tabs.tsv:2 → Tab-Co-early-career.pdf");
  });

  it("refuses columns it cannot tell apart, saying to use commas", async () => {
    await writeFile(path.join(root, "pipes.csv"), "audience|company\nfederal|Pipe Co\n");
    const pipes = await runCli(["batch", "pipes.csv"], root);
    expect(pipes.code).toBe(2);
    expect(pipes.stderr).toContain(
      "pipes.csv:1: cannot tell how the columns are separated: use commas",
    );
  });
});
