// `collateral serve`: the sales portal until SIGINT/SIGTERM, then a graceful shutdown.
import { RENDER_CONCURRENCY } from "../../export/index.js";
import { type Access, isLoopback, startPortal } from "../../server/index.js";
import { DEFAULT_PORTAL_LIMITS } from "../../server/limits.js";
import { type OptionSpec, parseCommandArgs, positiveInt, usage, type Values } from "../args.js";
import { readLimitOptions, readLimits } from "../read-limits.js";
import { stopSignal } from "../stop-signal.js";

export const serveOptions: OptionSpec = {
  ...readLimitOptions,
  users: { type: "string" },
  "trust-proxy-user": { type: "string" },
  auth: { type: "boolean" },
  "max-connections": { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  queue: { type: "string" },
  concurrency: { type: "string" },
};

export async function runServe(argv: string[], root: string): Promise<number> {
  const { values } = parseCommandArgs("serve", argv, serveOptions);
  const host = typeof values.host === "string" ? values.host : "127.0.0.1";
  const access = accessOf(values);
  const portal = await startPortal(root, {
    port: positiveInt("port", values.port, 4310),
    host,
    ...(access && { access }),
    limits: {
      maxConnections: positiveInt(
        "max-connections",
        values["max-connections"],
        DEFAULT_PORTAL_LIMITS.maxConnections,
      ),
    },
    queueSize: positiveInt("queue", values.queue, 16),
    concurrency: Math.max(1, positiveInt("concurrency", values.concurrency, RENDER_CONCURRENCY)),
    readLimits: readLimits(values),
  });
  process.stderr.write(`sales portal at ${portal.url} (Ctrl-C to stop)\n`);
  if (access?.kind === "anyone" && !isLoopback(host)) {
    process.stderr.write(
      `warning: --no-auth: anyone who can reach ${host} can use the portal and read its content\n`,
    );
  }
  await stopSignal().signalled;
  process.stderr.write("shutting down: finishing in-flight requests…\n");
  await portal.close();
  return 0;
}

/** The one access choice the options make, or none; two at once is a usage error. */
function accessOf(values: Values): Access | undefined {
  const choices: Access[] = [];
  if (typeof values.users === "string") choices.push({ kind: "users", file: values.users });
  if (typeof values["trust-proxy-user"] === "string") {
    choices.push({ kind: "proxy-user", header: values["trust-proxy-user"] });
  }
  if (values.auth === false) choices.push({ kind: "anyone" });
  if (choices.length > 1) {
    throw usage(
      "serve takes one access choice: --users FILE, --trust-proxy-user HEADER or --no-auth",
    );
  }
  return choices[0];
}
