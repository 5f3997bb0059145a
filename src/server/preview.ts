// `watch --serve`: the HTML outputs on loopback, reloaded in the browser after every rebuild (server-sent events).
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { CollateralError } from "../model/index.js";

const RELOAD_SCRIPT = `new EventSource("/__events").onmessage = () => location.reload();`;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
};

export interface Preview {
  url: string;
  reload(): void;
  close(): Promise<void>;
}

export async function startPreview(
  root: string,
  port: number,
  host = "127.0.0.1",
): Promise<Preview> {
  const outDir = path.join(root, "output");
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://preview");
    if (url.pathname === "/__events") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (url.pathname === "/__reload.js") return send(res, 200, "text/javascript", RELOAD_SCRIPT);
    serveFile(outDir, url.pathname === "/" ? "/brochure.html" : url.pathname, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new CollateralError(
          error.code === "EADDRINUSE"
            ? `port ${port} is in use: pass another with --port N (0 picks a free one)`
            : `the live preview cannot listen on ${host}:${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/`,
    reload: () => {
      for (const c of clients) c.write("data: reload\n\n");
    },
    close: async () => {
      for (const c of clients) c.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser tab keeps its connections open: do not wait for it to let go.
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serveFile(
  outDir: string,
  pathname: string,
  res: http.ServerResponse,
): Promise<void> {
  let file: string;
  try {
    file = path.resolve(outDir, `.${decodeURIComponent(pathname)}`);
  } catch {
    return send(res, 400, "text/plain", "bad path"); // malformed %-escape
  }
  if (!file.startsWith(outDir + path.sep)) return send(res, 403, "text/plain", "forbidden");
  try {
    let body: Buffer | string = await readFile(file);
    const ext = path.extname(file);
    if (ext === ".html")
      body = body
        .toString("utf8")
        .replace("</body>", `<script src="/__reload.js"></script></body>`);
    send(res, 200, TYPES[ext] ?? "application/octet-stream", body);
  } catch {
    send(res, 404, "text/plain", "not built yet");
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}
