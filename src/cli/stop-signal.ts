// SIGINT / SIGTERM as a graceful stop for the long-running commands (watch, serve).

export interface StopSignal {
  /** Resolves on the first SIGINT or SIGTERM. */
  signalled: Promise<void>;
  /** Whether one has come. */
  readonly stopped: boolean;
}

/**
 * The first SIGINT / SIGTERM resolves `signalled`; a second one, while closing, exits at once. The listeners stay
 * until the process ends: while one is there, the browser manager's own signal hook leaves Chromium, and the exit
 * status (0), to the graceful close.
 */
export function stopSignal(): StopSignal {
  let stopped = false;
  let resolve: () => void = () => undefined;
  const signalled = new Promise<void>((r) => {
    resolve = r;
  });
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    stopped = true;
    resolve();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signalled,
    get stopped() {
      return stopped;
    },
  };
}
