// Hostile or broken input from the workspace and the command line: bounded, linear, and said in the project's words.
import { spawn } from "node:child_process";
import { chmod, chown, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, copyWorkspace, runCli } from "../helpers/workspace.js";

/** Runs the CLI as the unprivileged user `nobody` (root reads every file; a permission error needs someone who cannot). */
function runAsNobody(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      uid: 65534,
      gid: 65534,
      env: { ...process.env, NO_COLOR: "1", HOME: os.tmpdir() },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

const asRoot = process.getuid?.() === 0;

describe("collateral import on hostile text", () => {
  it("reads one hard-wrapped paragraph of 800 KB in linear time", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-import-"));
    const file = path.join(dir, "long.txt");
    const line = "word ".repeat(14);
    await writeFile(
      file,
      `${Array.from({ length: 800_000 / line.length }, () => line).join("\n")}\n`,
    );
    const run = await runCli(["import", file], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(700_000);
  });

  it("turns 300,000 'Heading:' lines into headings without running out of stack", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-import-"));
    const file = path.join(dir, "headings.txt");
    await writeFile(file, Array.from({ length: 300_000 }, (_, i) => `Heading ${i}:`).join("\n\n"));
    const run = await runCli(["import", file], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("## Heading 299999");
  });

  it("refuses a device such as /dev/zero instead of reading it for ever (exit 2)", async () => {
    const run = await runCli(["import", "/dev/zero"], os.tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/dev\/zero: not a regular file/);
  });
});

describe("the workspace's own files", () => {
  it("refuses a source document over 5 MB at its first line (exit 2), before parsing it", async () => {
    const root = await copyWorkspace();
    await writeFile(path.join(root, "sources/zz-huge.md"), `# Huge\n\n${"x".repeat(6_000_000)}\n`);
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sources\/zz-huge\.md:1:1: larger than 5 MB/);
  });

  it.runIf(asRoot)(
    "says a registry it may not read is unreadable (permission denied, exit 2), not missing",
    async () => {
      const root = await copyWorkspace();
      await chown(root, 65534, 65534);
      for (const f of [
        "sources",
        "sources/cited",
        "sources/sources.yaml",
        "sources/cisso-vs-cissp.md",
      ]) {
        await chown(path.join(root, f), 65534, 65534).catch(() => undefined);
      }
      await chmod(path.join(root, "sources/sources.yaml"), 0o000);
      const run = await runAsNobody(["check", "--offline"], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/cannot read sources\/sources\.yaml \(permission denied\)/);
    },
  );

  it.runIf(asRoot)(
    "says a template it may not read is unreadable (exit 2, naming the file), not a crash",
    async () => {
      const root = await copyWorkspace({ templates: true });
      await chown(root, 65534, 65534);
      await chmod(path.join(root, "templates/brochure.hbs"), 0o000);
      const run = await runAsNobody(["build", "--only", "brochure"], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /templates\/brochure\.hbs:1:1: cannot read the template \(permission denied\)/,
      );
    },
  );
});

describe("text from cited documents on a terminal", () => {
  it("prints a page's control characters escaped, so it cannot repaint the report", async () => {
    const root = await copyWorkspace();
    const page = path.join(root, "sources/cited/niccs-cisso.html");
    const html = await readFile(page, "utf8");
    // A hostile page: an escape sequence that clears the screen, inside the passage closest to a failing quote.
    await writeFile(
      page,
      html.replaceAll("validated by the NSA", "validated \u001b[2J\u001b[H by the NSA"),
    );
    const run = await runCli(["check", "--offline", "--format", "text"], root);
    expect(run.stdout).not.toContain("\u001b");
    expect(run.stdout).toContain("\\x1b[2J");
    const github = await runCli(["check", "--offline", "--format", "github"], root);
    expect(github.stdout).not.toContain("\u001b");
  });
});

describe("output/ after an interrupted build", () => {
  it("says when output/ holds a piece the last build did not record, and sweeps stale temp files", async () => {
    const root = await copyWorkspace();
    const built = await runCli(["build"], root);
    expect(built.code).toBe(0);
    expect(
      JSON.parse(await readFile(path.join(root, "output/build.json"), "utf8")).files,
    ).toHaveProperty(["brochure.pdf"]);
    // As if a build died after writing a new brochure and before recording it, leaving a temp file too.
    const brochure = path.join(root, "output/brochure.pdf");
    await writeFile(
      brochure,
      Buffer.concat([await readFile(brochure), Buffer.from("\n% newer\n")]),
    );
    const stale = path.join(root, "output/.deck.pdf.999999.0123456789ab.tmp");
    await writeFile(stale, "partial");
    const checked = await runCli(["check", "--offline"], root);
    expect(checked.stderr).toMatch(/output\/brochure\.pdf is not the one the last build recorded/);
    const rebuilt = await runCli(["build"], root);
    expect(rebuilt.code).toBe(0);
    await expect(readFile(stale)).rejects.toThrow();
    const after = await runCli(["check", "--offline"], root);
    expect(after.stderr).not.toMatch(/not the one the last build recorded/);
  });
});
