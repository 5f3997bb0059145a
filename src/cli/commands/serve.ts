// `collateral serve`: the sales portal until SIGINT/SIGTERM, then a graceful shutdown.
import { RENDER_CONCURRENCY } from "../../server/app.js";
import { startPortal } from "../../server/index.js";
import { type OptionSpec, parseCommandArgs, positiveInt } from "../args.js";

export const serveOptions: OptionSpec = {
  port: { type: "string" },
  host: { type: "string" },
  queue: { type: "string" },
  concurrency: { type: "string" },
};

export async function runServe(argv: string[], root: string): Promise<number> {
  const { values } = parseCommandArgs("serve", argv, serveOptions);
  const portal = await startPortal(root, {
    port: positiveInt("port", values.port, 4310),
    host: typeof values.host === "string" ? values.host : "127.0.0.1",
    queueSize: positiveInt("queue", values.queue, 16),
    concurrency: Math.max(1, positiveInt("concurrency", values.concurrency, RENDER_CONCURRENCY)),
  });
  process.stderr.write(`sales portal at ${portal.url} (Ctrl-C to stop)\n`);
  await stopSignal();
  process.stderr.write("shutting down: finishing in-flight requests…\n");
  await portal.close();
  return 0;
}

/**
 * Resolves on the first SIGINT / SIGTERM; a second one exits at once. The listeners stay until the process ends:
 * while they are there, the browser manager leaves Chromium, and the exit status (0), to the graceful close.
 */
function stopSignal(): Promise<void> {
  let stopping = false;
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
      stopping = true;
      resolve();
    };
    process.on("SIGINT", handler);
    process.on("SIGTERM", handler);
  });
}
