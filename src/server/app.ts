// The sales portal's routes (fastify): schema-checked input, JSON errors, security headers, a bounded queue.
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { RENDER_CONCURRENCY } from "../export/index.js";
import { CollateralError, didYouMean } from "../model/index.js";
import type { PortalBackend, PortalContent } from "./backend.js";
import { contentDisposition, safeFileStem, unicodeFileStem } from "./filename.js";
import { DEFAULT_PORTAL_LIMITS, type PortalLimits } from "./limits.js";
import { QueueFullError, RenderQueue } from "./queue.js";
import { faviconSvg, salesPage } from "./sales-page.js";
import { type OnePagerQuery, onePagerQuery, previewQuery } from "./schemas.js";
import { validationSentence } from "./validation.js";

export interface PortalOptions {
  /** Renders at once (pages in the pool). */
  concurrency?: number;
  /** Requests allowed to wait for a render; beyond that, 503. */
  queueSize?: number;
  logger?: boolean;
  /** Connection and request bounds (defaults: DEFAULT_PORTAL_LIMITS). */
  limits?: Partial<PortalLimits>;
}

const CSP =
  "default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; form-action 'self'; " +
  "base-uri 'none'; frame-ancestors 'none'";

/** On every answer, errors included. */
const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export function createPortal(backend: PortalBackend, options: PortalOptions = {}): FastifyInstance {
  const limits = { ...DEFAULT_PORTAL_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1024,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // A parameter the route does not know is refused (400), not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    // A malformed URL or an over-long parameter is answered like any bad request: JSON, security headers.
    frameworkErrors: (error, _req, res) => {
      const reply = res as unknown as FastifyReply;
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .code(status)
        .headers(SECURITY_HEADERS)
        .send({ error: `invalid request: ${error.message}` });
    },
    // Requests Node refuses before a route sees them (headers too large: 431) get the headers too.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const status =
        error.code === "HPE_HEADER_OVERFLOW"
          ? "431 Request Header Fields Too Large"
          : "400 Bad Request";
      const body = JSON.stringify({ error: status.slice(4).toLowerCase() });
      const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`);
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
          `${headers.join("")}Connection: close\r\n\r\n${body}`,
      );
    },
  });
  app.server.headersTimeout = limits.headersTimeoutMs;
  app.server.maxConnections = limits.maxConnections;
  app.addHook("onRequest", refuseBrokenEscapes);
  const queue = new RenderQueue(options.concurrency ?? RENDER_CONCURRENCY, options.queueSize ?? 16);
  app.decorate("renderQueue", queue);
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_req, reply) => {
    // While closing, an answer to a request in flight ends its keep-alive connection: close() waits for it.
    if (closing) reply.header("Connection", "close");
    reply.headers(SECURITY_HEADERS);
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: "not found" }));
  pageRoutes(app, backend, queue);
  renderRoutes(app, backend, queue);
  app.addHook("onClose", async () => backend.close());
  return app;
}

/** The page, its assets, and the JSON a monitor or a script reads. */
function pageRoutes(app: FastifyInstance, backend: PortalBackend, queue: RenderQueue): void {
  app.get("/", async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(salesPage(await pageContent(backend))),
  );
  app.get("/assets/portal.css", async (_req, reply) =>
    reply
      .type("text/css; charset=utf-8")
      .header("Cache-Control", "max-age=300")
      .send(await backend.portalCss()),
  );
  app.get<{ Params: { file: string } }>("/assets/fonts/:file", async (req, reply) => {
    const file = await backend.fontFile(req.params.file);
    if (!file) return reply.code(404).send({ error: "not found" });
    return reply
      .type("font/woff2")
      .header("Cache-Control", "max-age=86400")
      .send(createReadStream(file));
  });
  app.get("/assets/favicon.svg", async (_req, reply) =>
    reply
      .type("image/svg+xml")
      .header("Cache-Control", "max-age=300")
      .send(faviconSvg(await backend.portalCss())),
  );
  app.get("/assets/logo", async (_req, reply) => {
    const logo = await backend.logo?.();
    if (!logo) return reply.code(404).send({ error: "not found" });
    return reply
      .type(logo.type)
      .header("Cache-Control", "max-age=300")
      .send(createReadStream(logo.path));
  });
  app.get("/healthz", async (_req, reply) => {
    const ready = await backend.ready();
    return reply
      .code(ready ? 200 : 503)
      .send({ ok: ready, queue: queue.size, ...(await backend.health?.()) });
  });
  app.get("/api/audiences", async () =>
    (await backend.content()).audiences.map(({ id, label, claims }) => ({ id, label, claims })),
  );
}

/** The page's content, and whether the theme has a logo to show in place of the product's name. */
async function pageContent(backend: PortalBackend): Promise<PortalContent> {
  const content = await backend.content();
  const logo = await backend.logo?.().catch(() => null);
  return { ...content, logo: Boolean(logo) };
}

/** What costs a render: tailored one-pagers and previews go through the queue; built pieces are served as files. */
function renderRoutes(app: FastifyInstance, backend: PortalBackend, queue: RenderQueue): void {
  app.get<{ Querystring: OnePagerQuery }>(
    "/one-pager.pdf",
    { schema: { querystring: onePagerQuery } },
    async (req, reply) => {
      const audience = await knownAudience(backend, req.query.audience);
      // One form for one name: "café" typed precomposed or decomposed is the same one-pager (and cache entry).
      const company = req.query.company.normalize("NFC");
      const contact = req.query.contact?.normalize("NFC");
      const request = { audience, company, ...(contact && { contact }) };
      // A one-pager already rendered is sent at once, even when the render queue is full.
      const cached = await backend.cachedOnePager(request);
      const pdf = cached ?? (await queue.run(() => backend.onePager(request)));
      const name = (stem: string) => `${stem}-${audience}-one-pager.pdf`;
      return sendPdf(
        reply.header("X-Cache", cached ? "hit" : "miss"),
        pdf,
        contentDisposition(name(safeFileStem(company)), name(unicodeFileStem(company))),
      );
    },
  );
  app.get<{ Querystring: { audience: string } }>(
    "/preview.png",
    { schema: { querystring: previewQuery } },
    async (req, reply) => {
      const audience = await knownAudience(backend, req.query.audience);
      const png = await queue.run(() => backend.previewPng(audience));
      return reply.type("image/png").header("Cache-Control", "max-age=3600").send(Buffer.from(png));
    },
  );
  for (const piece of ["brochure", "deck"] as const) {
    app.get(`/${piece}.pdf`, async (_req, reply) => {
      // A rebuild for new content takes one slot in the render queue, however many ask for it.
      const file = await backend.builtPiece(piece, (task) => queue.run(task));
      if (!file)
        return reply
          .code(404)
          .send({ error: `no ${piece} has been built yet: run collateral build` });
      return reply
        .type("application/pdf")
        .header("Content-Disposition", contentDisposition(`${piece}.pdf`))
        .send(createReadStream(file));
    });
  }
  // The deck as PowerPoint slides: built beside deck.pdf by the same (re)build, for sales to adjust before a meeting.
  app.get("/deck.pptx", async (_req, reply) => {
    const pdf = await backend.builtPiece("deck", (task) => queue.run(task));
    const file = pdf && path.join(path.dirname(pdf), "deck.pptx");
    if (
      !file ||
      !(await access(file).then(
        () => true,
        () => false,
      ))
    )
      return reply.code(404).send({ error: "no deck has been built yet: run collateral build" });
    return reply
      .type(PPTX_TYPE)
      .header("Content-Disposition", contentDisposition("deck.pptx"))
      .send(createReadStream(file));
  });
}

const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** The audience's id as the front matter spells it (`SRE-Leads` is `sre-leads`), or a 400 with the nearest. */
async function knownAudience(backend: PortalBackend, audience: string): Promise<string> {
  const ids = (await backend.content()).audiences.map((a) => a.id);
  const id = ids.find((known) => known === audience.toLowerCase());
  if (id) return id;
  throw new CollateralError(
    `unknown audience "${audience}"${didYouMean(audience, ids)} (known: ${ids.join(", ")})`,
  );
}

function sendPdf(reply: FastifyReply, pdf: Uint8Array, disposition: string) {
  return reply
    .type("application/pdf")
    .header("Content-Disposition", disposition)
    .header("Cache-Control", "no-store")
    .send(Buffer.from(pdf));
}

/**
 * A query whose percent-escapes do not decode (`%E0%A4%A`, a cut-off UTF-8 sequence) is a 400 that says
 * so: decoded leniently, it would reach a handler as other text than the one sent.
 */
async function refuseBrokenEscapes(req: FastifyRequest, reply: FastifyReply) {
  const query = req.url.split("?")[1];
  if (!query) return;
  for (const part of query.split(/[&=]/)) {
    try {
      decodeURIComponent(part.replaceAll("+", " "));
    } catch {
      return reply.code(400).send({
        error: `invalid request: "${part.slice(0, 40)}" has a broken percent-escape (a % must be followed by two hex digits that spell UTF-8)`,
      });
    }
  }
}

/** Bad input → 400, full queue → 503 + Retry-After, a render that failed → 503; never a stack trace. */
function errorHandler(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if ("validation" in error && error.validation) {
    return reply
      .code(400)
      .send({ error: `invalid request: ${validationSentence(error, req.query)}` });
  }
  if (error instanceof QueueFullError) {
    return reply
      .code(503)
      .header("Retry-After", String(error.retryAfterSeconds))
      .send({ error: "busy: the render queue is full, try again shortly" });
  }
  if (error instanceof CollateralError) {
    const code = error.exitCode === 2 ? 400 : 503;
    if (code === 503) reply.header("Retry-After", "5");
    return reply.code(code).send({ error: error.message });
  }
  const status =
    "statusCode" in error && typeof error.statusCode === "number" && error.statusCode < 500
      ? error.statusCode
      : 503;
  if (status >= 500) reply.header("Retry-After", "5");
  return reply
    .code(status)
    .send({ error: status >= 500 ? "the renderer failed; try again" : error.message });
}
