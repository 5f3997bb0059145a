// Bad input found by an adversarial review: each is the author's to fix, so exit 2 with the file named,
// never a crash (exit 3), and nothing already in output/ is touched.
import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyWorkspace, runCli } from "../helpers/workspace.js";

const roots: string[] = [];
async function workspace(options: { templates?: boolean } = {}): Promise<string> {
  const root = await copyWorkspace(options);
  roots.push(root);
  return root;
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

const at = (root: string, rel: string) => path.join(root, rel);

describe("check --offline refuses bad input with exit 2, naming the file", () => {
  it("a folder named like a Markdown file", async () => {
    const root = await workspace();
    await mkdir(at(root, "sources/zz.md"));
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: sources\/zz\.md:1:1: it is a folder, not a Markdown file/m);
  });

  it("Markdown that is not UTF-8, at the line of the first bad byte", async () => {
    const root = await workspace();
    await writeFile(
      at(root, "sources/latin.md"),
      Buffer.from("## Caf\xe9 claim\n\nText.\n", "latin1"),
    );
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sources\/latin\.md:1:\d+: not UTF-8 text/);
  });

  it("a YAML alias bomb in the registry", async () => {
    const root = await workspace();
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(9)
          .fill(`*${"abcdefgh"[i - 1]}`)
          .join(", ")}]`,
      );
    const yaml = await readFile(at(root, "sources/sources.yaml"), "utf8");
    await writeFile(
      at(root, "sources/sources.yaml"),
      yaml.replace("- id: cissp-outline\n", `- id: cissp-outline\n  bomb: {${bomb.join(", ")}}\n`),
    );
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sources\/sources\.yaml:\d+:\d+: invalid YAML/);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it("an output/ that is a file", async () => {
    const root = await workspace();
    await writeFile(at(root, "output"), "not a folder");
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /cannot write .*output\/claims\.json: a file is in the way of its folder/,
    );
  });

  it("a stray argument", async () => {
    const run = await runCli(["check", "--offline", "extra"], await workspace());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/check takes no arguments \(got "extra"\)/);
  });

  it("a cited file that is a link to a file outside sources/ is not read", async () => {
    const root = await workspace();
    const outside = path.join(os.tmpdir(), `collateral-outside-${process.pid}.html`);
    await writeFile(outside, await readFile(at(root, "sources/cited/niccs-cisso.html")));
    await rm(at(root, "sources/cited/niccs-cisso.html"));
    await symlink(outside, at(root, "sources/cited/niccs-cisso.html"));
    try {
      const run = await runCli(["check", "--offline", "--format", "json"], root);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { quotes: { status: string; reason?: string }[] };
      expect(report.quotes.map((q) => q.status)).toContain("source-unreadable");
      expect(run.stdout).toMatch(/symbolic link/);
    } finally {
      await rm(outside, { force: true });
    }
  });

  it("a batch CSV without its header line", async () => {
    const root = await workspace();
    await writeFile(at(root, "rows.csv"), "security-managers,Acme\nfederal,Globex\n");
    const run = await runCli(["batch", "rows.csv"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rows\.csv:1: the first line must name the columns/);
  });
});

describe("build refuses bad output or templates with exit 2, and writes nothing", () => {
  it("a folder where a piece goes: no piece is written, none half", async () => {
    const root = await workspace();
    await mkdir(at(root, "output/brochure.pdf"), { recursive: true });
    const run = await runCli(["build"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*output\/brochure\.pdf: a folder is in the way/);
    expect(await readdir(at(root, "output"))).toEqual(["brochure.pdf"]);
  });

  it("a template that calls a partial that does not exist, or includes itself", async () => {
    const root = await workspace({ templates: true });
    const deck = at(root, "templates/deck.hbs");
    const good = await readFile(deck, "utf8");
    await writeFile(deck, `${good}\n{{> nosuchpartial}}\n`);
    let run = await runCli(["build", "--only", "deck"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /templates\/deck\.hbs: The partial nosuchpartial could not be found/,
    );

    await writeFile(deck, good);
    await writeFile(at(root, "templates/partials/brand.hbs"), "{{> brand}}");
    run = await runCli(["build", "--only", "deck"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a partial includes itself/);
  });
});
