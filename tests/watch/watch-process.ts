// Test helper: a real `collateral watch` process in a temp workspace, its stderr as lines, and polling with deadlines.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { BIN } from "../helpers/workspace.js";

/** Polls `check` until it returns something truthy; fails with `what` after the deadline (never a timing assertion). */
export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 45_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class WatchProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private partial = "";

  constructor(
    readonly root: string,
    args: string[] = [],
  ) {
    this.child = spawn(process.execPath, [BIN, "watch", ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stderr?.on("data", (chunk: Buffer) => {
      const text = this.partial + chunk.toString("utf8");
      const parts = text.split("\n");
      this.partial = parts.pop() ?? "";
      this.lines.push(...parts);
    });
    this.child.stdout?.resume();
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => resolve({ code, signal })),
    );
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything printed so far, for failure messages. */
  get log(): string {
    return this.lines.join("\n");
  }

  /** The first line at or after `from` that matches. */
  async line(match: RegExp, from = 0): Promise<string> {
    return until(`a line matching ${match} in:\n${this.log}`, () =>
      this.lines.slice(from).find((l) => match.test(l)),
    );
  }

  /** The result line (✔ or ✖) of the next rebuild after line `from`. */
  async rebuild(from: number): Promise<string> {
    return this.line(/^[✔✖] /, from);
  }

  /** The lines printed from `from` on, up to (not including) the next result line after `after`. */
  detail(after: number): string[] {
    const rest = this.lines.slice(after + 1);
    const end = rest.findIndex((l) => /^[✔✖] |^watching/.test(l));
    return end < 0 ? rest : rest.slice(0, end);
  }

  kill(signal: NodeJS.Signals = "SIGTERM"): void {
    if (this.alive) this.child.kill(signal);
  }

  /** Process groups of the Chromium processes this watch started (each is spawned into its own group). */
  chromiumGroups(): number[] {
    return processTable()
      .filter((p) => p.ppid === this.pid && /chrom/i.test(p.command))
      .map((p) => p.pgid);
  }
}

/** pid, parent, process group and command of every process (ps), for checking what a process left behind. */
export function processTable(): { pid: number; ppid: number; pgid: number; command: string }[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,pgid=,comm="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4)
    .map(([pid, ppid, pgid, ...command]) => ({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      command: command.join(" "),
    }));
}

/** Saves like an editor that writes a temp file beside the target, then renames it over the target. */
export async function atomicSave(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `${path.basename(file)}.tmp-${process.pid}`);
  await writeFile(temp, text);
  await rename(temp, file);
}

export async function edit(file: string, from: string | RegExp, to: string): Promise<string> {
  const before = await readFile(file, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not found in ${file}`);
  await writeFile(file, after);
  return before;
}

export async function mtime(file: string): Promise<number> {
  return (await stat(file)).mtimeMs;
}
