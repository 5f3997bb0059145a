// Test helpers for the portal: loopback requests, PDFs read back, and the Chromium processes this process started.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { pdfText, squash } from "../export/pdf-read.js";

export interface Reply {
  status: number;
  headers: Headers;
  body: Buffer;
  json(): unknown;
}

/** GET `pathAndQuery` (already encoded) on the portal at `base`. */
export async function get(base: string, pathAndQuery: string): Promise<Reply> {
  const response = await fetch(new URL(pathAndQuery, base));
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    body,
    json: () => JSON.parse(body.toString("utf8")),
  };
}

export function onePagerPath(params: Record<string, string>): string {
  return `/one-pager.pdf?${new URLSearchParams(params)}`;
}

/** The PDF's text, as pdftotext reads it. */
export async function textOf(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-portal-pdf-"));
  try {
    const file = path.join(dir, "read.pdf");
    await writeFile(file, pdf);
    return await pdfText(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

/**
 * What follows "Prepared for" in the PDF text, without white space (the name wraps in its narrow box) and
 * without the bidi embeddings pdftotext adds around right-to-left runs.
 */
export function preparedFor(text: string): string {
  const flat = squash(text).replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
  const at = flat.toLowerCase().indexOf("preparedfor");
  return at < 0 ? "" : flat.slice(at + "preparedfor".length);
}

/** Pids of live Chromium processes whose parent is this process (the browser managers spawn them directly). */
export function chromiumChildren(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // pid (comm) state ppid …: comm may hold spaces, so split after its closing parenthesis.
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) === process.pid && state !== "Z" && /chrom/i.test(comm))
        pids.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` until it holds or `ms` pass; for things that happen "soon" (a process exiting), never for speed. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
): Promise<boolean> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
