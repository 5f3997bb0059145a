// Starting and stopping the sales portal: one backend (one Chromium) for the server's life, graceful shutdown.

import path from "node:path";
import type { FastifyInstance } from "fastify";
import { inspectOutput } from "../export/manifest.js";
import { CollateralError, printable } from "../model/index.js";
import { OUTPUT_DIR } from "../pipeline.js";
import { type Access, assertAccessChosen, installAccess } from "./access.js";
import { createPortal, type PortalOptions } from "./app.js";
import { type BackendOptions, PipelineBackend } from "./pipeline-backend.js";

export interface StartOptions extends PortalOptions, BackendOptions {
  port?: number;
  host?: string;
  /** Who may use the portal; required when `host` is not loopback. */
  access?: Access;
}

export interface RunningPortal {
  app: FastifyInstance;
  backend: PipelineBackend;
  url: string;
  close(): Promise<void>;
}

export async function startPortal(
  root: string,
  options: StartOptions = {},
): Promise<RunningPortal> {
  const host = options.host ?? "127.0.0.1";
  assertAccessChosen(host, options.access);
  const backend = new PipelineBackend(root, options);
  const app = createPortal(backend, options);
  try {
    await installAccess(app, options.access);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const wanted = options.port ?? 4310;
  try {
    await app.listen({ port: wanted, host });
  } catch (error) {
    await app.close().catch(() => undefined);
    // A port in use or not allowed is a usage problem (exit 2), not a crash.
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CollateralError(`cannot listen on ${host}:${wanted} (${code}): try another --port`);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : wanted;
  // Warm up: launch Chromium now, so the first salesperson does not wait for it.
  backend.warmUp();
  for (const m of await inspectOutput(path.join(root, OUTPUT_DIR))) {
    process.stderr.write(`portal: warning: ${printable(m.reason)}\n`);
  }
  return {
    app,
    backend,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    // fastify's close stops accepting, lets in-flight requests finish, then runs onClose (closes Chromium).
    close: () => app.close(),
  };
}

export { type Access, isLoopback, userLine } from "./access.js";
export { createPortal } from "./app.js";
export type { PortalBackend } from "./backend.js";
