import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/workspace.js";

const tempDir = () => mkdtemp(path.join(os.tmpdir(), "collateral-init-"));

describe("collateral init", () => {
  it("makes a workspace that checks and builds green at once, and says what to run next", async () => {
    const parent = await tempDir();
    const init = await runCli(["init", "my-collateral"], parent);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("Next:\n  cd my-collateral\n  npx collateral check");
    expect(init.stdout).toContain("npx collateral build");
    const root = path.join(parent, "my-collateral");
    expect((await readdir(root)).sort()).toEqual([".gitignore", "sources"]);
    expect(await readFile(path.join(root, ".gitignore"), "utf8")).toMatch(
      /^output\/$[\s\S]*^\.collateral-cache\/$/m,
    );
    const check = await runCli(["check", "--offline"], root);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe("");
    expect(check.stdout).toContain("1 quote: 1 verified, 0 failed, 0 uncited");
    const build = await runCli(["build"], root);
    expect(build.code).toBe(0);
    for (const piece of ["brochure", "one-pager", "deck"]) {
      const info = execFileSync("pdfinfo", [path.join(root, "output", `${piece}.pdf`)], {
        encoding: "utf8",
      });
      expect(info).toMatch(/Pages:\s+\d/);
    }
    const text = execFileSync("pdftotext", [path.join(root, "output/one-pager.pdf"), "-"], {
      encoding: "utf8",
    });
    // Where the title wraps depends on the type step the one-pager fits at: read it as one line.
    expect(text.replace(/\s+/g, " ")).toContain("Requirements Everyone Reads the Same Way");
    // The tailored one-pager of its audience builds too.
    expect(
      (await runCli(["build", "--only", "one-pager", "--audience", "engineering-leads"], root))
        .code,
    ).toBe(0);
  });

  it("comments every front matter field it writes", async () => {
    const root = await tempDir();
    expect((await runCli(["init"], root)).code).toBe(0);
    const markdown = await readFile(path.join(root, "sources/claims.md"), "utf8");
    const front = markdown.split("---\n")[1]!;
    for (const line of front.split("\n").filter((l) => /^[a-z]+:/.test(l))) {
      expect(line, `no comment on: ${line}`).toMatch(/#/);
    }
    for (const key of ["title", "product", "competitor", "tagline", "subtitle", "author", "date"])
      expect(front).toMatch(new RegExp(`^#? ?${key}:`, "m"));
  });

  it("in the current folder, prints check, build and watch", async () => {
    const root = await tempDir();
    const init = await runCli(["init"], root);
    expect(init.stdout).toMatch(
      /Next:\n {2}npx collateral check.*\n {2}npx collateral build.*\n {2}npx collateral watch/,
    );
  });

  it("refuses to overwrite anything, and writes nothing when it refuses", async () => {
    const root = await tempDir();
    expect((await runCli(["init"], root)).code).toBe(0);
    const before = await readFile(path.join(root, "sources/claims.md"), "utf8");
    const again = await runCli(["init"], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      "sources, .gitignore already exist: init makes a new workspace and overwrites nothing",
    );
    expect(await readFile(path.join(root, "sources/claims.md"), "utf8")).toBe(before);

    const other = await tempDir();
    await writeFile(path.join(other, ".gitignore"), "node_modules/\n");
    const refused = await runCli(["init"], other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(".gitignore already exists");
    expect(await readdir(other)).toEqual([".gitignore"]);
    expect(await readFile(path.join(other, ".gitignore"), "utf8")).toBe("node_modules/\n");
  });

  it("refuses a DIR that is a file, and a second folder", async () => {
    const root = await tempDir();
    await mkdir(path.join(root, "x"));
    await writeFile(path.join(root, "file"), "");
    const file = await runCli(["init", "file"], root);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("file exists and is not a folder");
    const two = await runCli(["init", "a", "b"], root);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("init takes at most one DIR");
  });
});
