// SIGINT / SIGTERM / SIGHUP, or the launcher's death, as a graceful stop for the long-running commands (watch, serve).
import { watchParent } from "./parent-watch.js";

/** Time a stop for a gone launcher gets to close in order before the process ends anyway. */
const ORPHAN_GRACE_MS = 10_000;

export interface StopSignal {
  /** Resolves on the first SIGINT, SIGTERM or SIGHUP, or when the process that started collateral is gone. */
  signalled: Promise<void>;
  /** Whether one has come. */
  readonly stopped: boolean;
}

/**
 * The first SIGINT / SIGTERM / SIGHUP (a closed terminal) resolves `signalled`; a second one, while closing,
 * exits at once. The listeners stay until the process ends: while one is there, the browser manager's own
 * signal hook leaves Chromium, and the exit status (0), to the graceful close. A launcher that dies without
 * a signal reaching collateral (`npx` killed) stops it too: nobody is left to press Ctrl-C, and its Chromium
 * and node processes would run on.
 */
export function stopSignal(): StopSignal {
  let stopped = false;
  let resolve: () => void = () => undefined;
  const signalled = new Promise<void>((r) => {
    resolve = r;
  });
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
    stopped = true;
    resolve();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  process.on("SIGHUP", handler);
  watchParent(() => {
    // Whoever read our output may be gone with the launcher: a write to a closed pipe is no crash.
    process.stdout.on("error", () => undefined);
    process.stderr.on("error", () => undefined);
    process.stderr.write("the process that started collateral is gone: stopping\n");
    setTimeout(() => process.exit(1), ORPHAN_GRACE_MS).unref();
    if (!stopped) {
      stopped = true;
      resolve();
    }
  });
  return {
    signalled,
    get stopped() {
      return stopped;
    },
  };
}
