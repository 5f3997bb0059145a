// Benchmark helpers: run the real CLI in a temp copy of the workspace, time it, take medians.
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "..");
export const BIN = path.join(REPO, "bin/collateral.js");

export async function tempWorkspace() {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-bench-"));
  await cp(path.join(REPO, "sources"), path.join(root, "sources"), { recursive: true });
  return root;
}

/** Runs a command; resolves with wall time (ms), exit code and peak RSS (KiB, from /usr/bin/time when present). */
export function timed(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const useTime = process.platform === "linux";
    const [cmd, argv] = useTime
      ? ["/usr/bin/time", ["-f", "%M", command, ...args]]
      : [command, args];
    const started = performance.now();
    const child = spawn(cmd, argv, {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      const rss = useTime ? Number(stderr.trim().split("\n").at(-1)) : Number.NaN;
      resolve({ ms, code, rssKiB: rss, stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (ms) => `${Math.round(ms)} ms`;

export async function removeCache(root) {
  await rm(path.join(root, ".collateral-cache"), { recursive: true, force: true });
}
