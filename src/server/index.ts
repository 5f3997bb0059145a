// Starting and stopping the sales portal: one backend (one Chromium) for the server's life, graceful shutdown.
import type { FastifyInstance } from "fastify";
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
  await app.listen({ port: options.port ?? 4310, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  // Warm up: launch Chromium now, so the first salesperson does not wait for it.
  backend.ready().catch(() => undefined);
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
