// Test helper: a throw-away copy of this repository's CISSO workspace, and running the real CLI in it.
import { spawn } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(REPO, "bin/collateral.js");

/** Copies sources/ (and templates/ when asked) of the repository into a fresh temp folder. */
export async function copyWorkspace(options: { templates?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-e2e-"));
  await cp(path.join(REPO, "sources"), path.join(root, "sources"), { recursive: true });
  if (options.templates)
    await cp(path.join(REPO, "templates"), path.join(root, "templates"), { recursive: true });
  return root;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `collateral ARGS` as a user would (node bin/collateral.js), in `cwd`. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runProcess(process.execPath, [BIN, ...args], cwd, env);
}

/** Runs a command to its end in `cwd` (NO_COLOR set), collecting its output. */
export function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
