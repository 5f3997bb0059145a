// `collateral serve`: the sales portal until SIGINT/SIGTERM, then a graceful shutdown.
import { RENDER_CONCURRENCY } from "../../export/index.js";
import { startPortal } from "../../server/index.js";
import { type OptionSpec, parseCommandArgs, positiveInt } from "../args.js";
import { readLimitOptions, readLimits } from "../read-limits.js";
import { stopSignal } from "../stop-signal.js";

export const serveOptions: OptionSpec = {
  ...readLimitOptions,
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
    readLimits: readLimits(values),
  });
  process.stderr.write(`sales portal at ${portal.url} (Ctrl-C to stop)\n`);
  await stopSignal().signalled;
  process.stderr.write("shutting down: finishing in-flight requests…\n");
  await portal.close();
  return 0;
}
