// Nothing outside the render folder reaches a page: no local files, no network, no scripts — end to end and at export.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserManager, printToPdf } from "../../src/export/index.js";
import type { RenderedPiece } from "../../src/render/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  loadTemplates,
  PIECES,
  renderPiece,
} from "../../src/render/index.js";
import { cissoModel } from "../helpers/cisso-model.js";
import { pdfText } from "./pdf-read.js";

const PASSWD = "root:x:0:0";

let manager: BrowserManager;
let server: http.Server;
let origin: string;
const hits: string[] = [];
let scratch: string;

beforeAll(async () => {
  manager = new BrowserManager();
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("body { background: red }");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = await mkdtemp(path.join(os.tmpdir(), "collateral-safety-"));
});

afterAll(async () => {
  await manager?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});

async function textOf(pdf: Uint8Array): Promise<string> {
  const file = path.join(scratch, `print-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  return pdfText(file);
}

describe("a hostile source, end to end through ingest", () => {
  it("prints no local file and sends no request", async () => {
    const root = path.join(scratch, "workspace");
    await mkdir(path.join(root, "sources"), { recursive: true });
    await writeFile(
      path.join(root, "sources/hostile.md"),
      [
        "---",
        "title: Safety check",
        "product: Widget",
        "---",
        "",
        "## Safe Claim",
        "",
        "Widgets are “fast and safe indeed” per [Spec][spec]. ![x](file:///etc/passwd)",
        "",
        '<img src="http://169.254.169.254/">',
        "",
        `<img src="${origin}/markdown-img"> <iframe src="file:///etc/passwd"></iframe>`,
        "",
        `![y](${origin}/markdown-image)`,
        "",
        "[spec]: https://example.com/spec.pdf",
        "",
      ].join("\n"),
    );
    await writeFile(
      path.join(root, "sources/sources.yaml"),
      "- id: spec\n  title: Spec\n  url: https://example.com/spec.pdf\n  file: cited/spec.pdf\n",
    );
    const model = await cissoModel(root);
    const templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
    for (const piece of PIECES) {
      const rendered = renderPiece(templates, model, piece, {});
      expect(rendered.html).not.toMatch(/169\.254|etc\/passwd|<iframe|<img src="http/);
      const printed = await printToPdf(manager, rendered);
      expect(await textOf(printed.pdf)).not.toContain(PASSWD);
      expect(printed.blocked).toEqual([]);
    }
    expect(hits).toEqual([]);
  });
});

describe("hostile HTML at the export stage", () => {
  it("aborts every request outside the render folder and runs no script", async () => {
    const secret = path.join(os.tmpdir(), `collateral-secret-${process.pid}.txt`);
    await writeFile(secret, `${PASSWD}:SECRET-NEXT-TO-RENDER-FOLDER`);
    const html = `<!doctype html><html><head><title>Hostile</title>
<link rel="stylesheet" href="http://169.254.169.254/x.css">
<link rel="stylesheet" href="${origin}/link.css">
<style>@import url("${origin}/import.css"); body { background: url("${origin}/bg.png"); }</style>
</head><body>
<h1>Hostile page</h1>
<img src="file:///etc/passwd">
<iframe src="file:///etc/passwd" width="600" height="400"></iframe>
<object data="file:///etc/passwd" width="600" height="200"></object>
<iframe src="../${path.basename(secret)}" width="600" height="100"></iframe>
<img src="${origin}/img.png">
<script>fetch("${origin}/fetch"); document.body.append("SCRIPT-RAN");</script>
</body></html>`;
    const rendered: RenderedPiece = {
      piece: "brochure",
      html,
      title: "Hostile",
      meta: { title: "Hostile", author: "t", subject: "t", keywords: [] },
      assets: [],
    };
    const printed = await printToPdf(manager, rendered);
    const text = await textOf(printed.pdf);
    expect(text).toContain("Hostile page");
    expect(text).not.toContain(PASSWD);
    expect(text).not.toContain("SECRET-NEXT-TO-RENDER-FOLDER");
    expect(text).not.toContain("SCRIPT-RAN");
    expect(printed.blocked).toEqual(
      expect.arrayContaining([
        "file:///etc/passwd",
        "http://169.254.169.254/x.css",
        `${origin}/link.css`,
        `${origin}/img.png`,
      ]),
    );
    expect(printed.blocked.some((url) => url.endsWith(path.basename(secret)))).toBe(true);
    await rm(secret, { force: true });
    expect(hits).toEqual([]);
  });

  it("keeps the piece on the page when it tries to navigate away, and no request leaves", async () => {
    const html = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${origin}/refresh"></head>
<body><h1>Redirecting</h1></body></html>`;
    const rendered: RenderedPiece = {
      piece: "deck",
      html,
      title: "Redirect",
      meta: { title: "Redirect", author: "t", subject: "t", keywords: [] },
      assets: [],
    };
    for (let i = 0; i < 3; i++) {
      const printed = await printToPdf(manager, rendered);
      expect(await textOf(printed.pdf)).toContain("Redirecting");
    }
    expect(hits).toEqual([]);
  });
});
