// The package as a user gets it: packed, installed into a project of their own, imported and type-checked.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/workspace.js";

const run = promisify(execFile);
const TSC = path.join(REPO, "node_modules/typescript/bin/tsc");

/** The README's example, as it stands under "Using collateral from code". */
async function readmeExample(): Promise<string> {
  const readme = await readFile(path.join(REPO, "README.md"), "utf8");
  const section = readme.split("\n## Using collateral from code\n")[1]?.split("\n## ")[0] ?? "";
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("README: no ts example under 'Using collateral from code'");
  return code;
}

/** Fails to compile when the package's types are missing (everything `any`): each line must be an error. */
const TYPES_ARE_REAL = `import { type BuildOptions, check, type QuoteStatus, REPORT_FORMATS } from "collateral";
// @ts-expect-error no such status
export const status: QuoteStatus = "maybe";
// @ts-expect-error no such piece
export const only: BuildOptions = { only: ["poster"] };
// @ts-expect-error offline is a boolean
export const checked = () => check(".", { offline: "yes" });
export const formats: readonly string[] = REPORT_FORMATS;
`;

describe("the package, packed and installed into a project", () => {
  let project = "";

  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "collateral-pack-"));
    // --ignore-scripts: dist/ is already built (tests run after `npm run build`).
    const packed = await run("npm", ["pack", "--ignore-scripts", "--pack-destination", tmp], {
      cwd: REPO,
    });
    const tarball = path.join(tmp, packed.stdout.trim().split("\n").at(-1)!);
    project = path.join(tmp, "project");
    await mkdir(project);
    const own = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8"));
    await writeFile(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "my-project",
        private: true,
        type: "module",
        devDependencies: {
          "@types/node": own.devDependencies["@types/node"],
          typescript: own.devDependencies.typescript,
        },
      }),
    );
    // Offline: the dependencies this checkout already has are put in place (hard links), so npm finds
    // every one satisfied and fetches nothing; it then installs the tarball as for any user.
    await run("cp", [
      "-al",
      path.join(REPO, "node_modules"),
      path.join(project, "node_modules"),
    ]).catch(() =>
      run("cp", ["-a", path.join(REPO, "node_modules"), path.join(project, "node_modules")]),
    );
    await run(
      "npm",
      ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
      { cwd: project },
    );
    await writeFile(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          outDir: "out",
          types: ["node"],
        },
        include: ["*.ts"],
      }),
    );
    await writeFile(path.join(project, "example.ts"), await readmeExample());
    await writeFile(path.join(project, "types.ts"), TYPES_ARE_REAL);
  }, 240_000);

  it("installs the tarball as a package of its own, with its entry, types and bin", async () => {
    const installed = path.join(project, "node_modules/collateral");
    expect((await stat(installed)).isDirectory()).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8"));
    for (const file of [manifest.main, manifest.types, manifest.exports["."].default])
      expect((await stat(path.join(installed, file))).isFile()).toBe(true);
    await expect(stat(path.join(installed, "tests"))).rejects.toThrow();
    await expect(stat(path.join(installed, "sources"))).rejects.toThrow();
  });

  it("type-checks the README's example, and the types are real (not any)", async () => {
    const result = await run(process.execPath, [TSC, "-p", "."], { cwd: project }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(result.stdout).toBe("");
  }, 120_000);

  it("runs the README's example on a workspace made by the installed bin", async () => {
    await run("npx", ["--offline", "collateral", "init", "my-collateral"], { cwd: project });
    // Compiled by the test above; compiled here when this one runs alone.
    await stat(path.join(project, "out/example.js")).catch(() =>
      run(process.execPath, [TSC, "-p", "."], { cwd: project }),
    );
    const example = await run(process.execPath, ["out/example.js"], { cwd: project });
    expect(example.stdout).toContain("1 quote: 1 verified, 0 failed, 0 uncited");
    expect(example.stdout).toMatch(
      /my-collateral\/output\/for-engineering-leads\/one-pager\.pdf: 1 page\(s\)/,
    );
    const imported = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const c = await import("collateral"); console.log(typeof c.check, typeof c.build, typeof c.formatReport, typeof c.CollateralModelSchema)',
      ],
      { cwd: project },
    );
    expect(imported.stdout.trim()).toBe("function function function object");
  }, 120_000);
});
