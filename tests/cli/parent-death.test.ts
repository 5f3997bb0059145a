// `watch` and `serve` end, Chromium with them, when whatever started them goes away: npx killed, a closed terminal.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, copyWorkspace } from "../helpers/workspace.js";
import { until } from "../watch/watch-process.js";

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  command: string;
}

function processes(): Proc[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,pgid=,stat=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5)
    .map(([pid, ppid, pgid, state, ...command]) => ({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      state: state ?? "",
      command: command.join(" "),
    }));
}

/** Running, not a zombie left for a parent (or a container's init) to reap. */
const running = (p: Proc) => !p.state.startsWith("Z");

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/**
 * A launcher shaped like `npx collateral …` (npm → `sh -c` → node): the shell stays between them, so killing
 * the launcher leaves collateral's own parent, the shell, alive. `direct` leaves the shell out.
 */
function launch(
  root: string,
  args: string[],
  direct = false,
): { launcher: ChildProcess; output: () => string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
  const [file, argv] = direct
    ? [process.execPath, [BIN, ...args]]
    : ["sh", ["-c", `${command}; exit $?`]];
  const script = `require("node:child_process").spawn(${JSON.stringify(file)}, ${JSON.stringify(argv)}, { stdio: "inherit" }); setInterval(() => {}, 1000);`;
  const launcher = spawn(process.execPath, ["-e", script], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(launcher);
  let output = "";
  launcher.stdout?.on("data", (d) => {
    output += d;
  });
  launcher.stderr?.on("data", (d) => {
    output += d;
  });
  return { launcher, output: () => output };
}

/** collateral's node process under the launcher (through the shell, or directly), and its Chromium's process groups. */
function tree(launcher: number): { node: Proc | undefined; chromium: number[] } {
  const all = processes();
  const below = (pid: number) => all.filter((p) => p.ppid === pid);
  const shells = below(launcher);
  // The shell's command line names BIN too: node is the one that runs it.
  const node = [...shells, ...shells.flatMap((s) => below(s.pid))].find(
    (p) => p.command.startsWith(process.execPath) && p.command.includes(BIN),
  );
  const chromium = node
    ? below(node.pid)
        .filter((p) => /chrom/i.test(p.command) && running(p))
        .map((p) => p.pgid)
    : [];
  return { node, chromium };
}

const cases: [string, string[], RegExp, boolean][] = [
  ["watch, under npx's shell", ["watch"], /^watching sources\//m, false],
  ["serve, under npx's shell", ["serve", "--port", "0"], /^sales portal at /m, false],
  ["serve, started directly", ["serve", "--port", "0"], /^sales portal at /m, true],
];

describe("a launcher's death", () => {
  for (const [name, args, ready, direct] of cases) {
    it(`ends ${name}, and the Chromium it started`, async () => {
      const root = await copyWorkspace();
      const { launcher, output } = launch(root, args, direct);
      await until(`${args[0]} to be ready:\n${output()}`, () => ready.test(output()));
      const { node, chromium } = await until("collateral and its Chromium", () => {
        const found = tree(launcher.pid!);
        return found.node && found.chromium.length ? found : null;
      });
      launcher.kill("SIGKILL");
      await until(
        `collateral (pid ${node!.pid}) to exit:\n${output()}`,
        () => {
          const all = processes();
          const alive = (test: (p: Proc) => boolean) => all.some((p) => test(p) && running(p));
          return !alive((p) => p.pid === node!.pid) && !alive((p) => chromium.includes(p.pgid));
        },
        30_000,
      );
      expect(output()).toContain("the process that started collateral is gone: stopping");
      expect(output()).not.toContain("internal error");
    });
  }

  it("ends serve gracefully on SIGHUP (a closed terminal)", async () => {
    const root = await copyWorkspace();
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    started.push(child);
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    await until("the portal", () => stderr.includes("sales portal at"));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGHUP");
    expect(await exited).toBe(0);
    expect(stderr).toContain("shutting down");
  });
});
