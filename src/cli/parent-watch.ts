// The launcher's death as a stop for the long-running commands: `npx` killed, a test runner gone, a closed terminal.
import { readFileSync } from "node:fs";

const LOOK_EVERY_MS = 500;

/**
 * Calls `gone` once when the process that started collateral is gone. `npx collateral serve` runs as
 * npm → `sh -c` → node: killing npm orphans the shell, not node, so node's own parent never changes.
 * The launchers above node (shells running `-c`, npm and npx) are remembered at start; collateral is
 * orphaned when its parent changes (re-parented, as the reader watchdog sees it), when one of them
 * is re-parented (the one above it died), or when the topmost has exited. A user's own shell is no
 * launcher: a closed terminal sends SIGHUP instead, which `stopSignal` takes as a stop too.
 */
export function watchParent(gone: () => void): () => void {
  const chain = launcherChain();
  const timer = setInterval(() => {
    if (!orphaned(chain)) return;
    clearInterval(timer);
    gone();
  }, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Our parent, then each launcher above it (Linux; elsewhere the parent alone). */
function launcherChain(): number[] {
  const chain = [process.ppid];
  for (let pid = process.ppid; isLauncher(pid) && chain.length < 8; ) {
    const above = stat(pid)?.ppid;
    if (!above || above <= 1) break;
    chain.push(above);
    pid = above;
  }
  return chain;
}

function orphaned(chain: number[]): boolean {
  if (process.ppid !== chain[0]) return true;
  for (let i = 0; i + 1 < chain.length; i++) {
    const info = stat(chain[i]!);
    if (info && info.ppid !== chain[i + 1]) return true;
  }
  const top = chain.at(-1)!;
  const info = stat(top);
  // Gone, or a zombie no one reaps (a container's init may not): either way it has exited.
  return process.platform === "linux" && (!info || info.state === "Z");
}

/** A shell running a command line (`sh -c …`), or npm / npx: what stands between a user and collateral. */
function isLauncher(pid: number): boolean {
  const argv = cmdline(pid);
  if (!argv.length) return false;
  const name = (argv[0] ?? "").split("/").at(-1) ?? "";
  if (/^(npm|npx)( |$)/.test(name)) return true;
  if (/^(node|nodejs)$/.test(name) && /npm-cli\.js|npx-cli\.js/.test(argv[1] ?? "")) return true;
  return /^(sh|dash|bash|zsh)$/.test(name) && argv.includes("-c");
}

function stat(pid: number): { ppid: number; state: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const [state, ppid] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: state ?? "", ppid: Number(ppid) };
  } catch {
    return null;
  }
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}
