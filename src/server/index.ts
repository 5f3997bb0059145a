// Starting and stopping the sales portal: one backend (one Chromium) for the server's life, graceful shutdown.
import type { FastifyInstance } from "fastify";
import { CollateralError } from "../model/index.js";
import { createPortal, type PortalOptions } from "./app.js";
import { type BackendOptions, PipelineBackend } from "./pipeline-backend.js";

export interface StartOptions extends PortalOptions, BackendOptions {
  port?: number;
  host?: string;
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
  const backend = new PipelineBackend(root, options);
  const app = createPortal(backend, options);
  const host = options.host ?? "127.0.0.1";
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
  return {
    app,
    backend,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    // fastify's close stops accepting, lets in-flight requests finish, then runs onClose (closes Chromium).
    close: () => app.close(),
  };
}

export { createPortal } from "./app.js";
export type { PortalBackend } from "./backend.js";
