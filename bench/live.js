// `check --live` against `check` on the CISSO workspace, its three cited documents served from a loopback server:
// unchanged (304 to the locked ETag), unchanged without validators (same bytes), and changed (the blueprint saved again: read and verified).
import { readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { BIN, fmt, median, tempWorkspace, timed } from "./lib.js";

const REAL = {
  "cisso-blueprint": "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf",
  "cissp-outline": "https://www.isc2.org/certifications/cissp/cissp-certification-exam-outline",
  "niccs-cisso":
    "https://niccs.cisa.gov/training/catalog/mile2/cisso-certified-information-systems-security-officer",
};
const FILES = {
  "cisso-blueprint": ["cited/cisso-exam-blueprint.pdf", "application/pdf"],
  "cissp-outline": ["cited/cissp-exam-outline.pdf", "application/pdf"],
  "niccs-cisso": ["cited/niccs-cisso.html", "text/html; charset=utf-8"],
};

export async function benchLive(runs) {
  const root = await tempWorkspace();
  const docs = {};
  for (const [id, [file, type]] of Object.entries(FILES)) {
    const body = await readFile(path.join(root, "sources", file));
    docs[`/${id}`] = { body, type, etag: `"${id}-1"` };
  }
  let hits = 0;
  let validators = true;
  const server = http.createServer((req, res) => {
    hits++;
    const doc = docs[req.url ?? ""];
    if (!doc) return res.writeHead(404).end();
    if (validators && req.headers["if-none-match"] === doc.etag) return res.writeHead(304).end();
    const headers = { "content-type": doc.type, "content-length": doc.body.length };
    res
      .writeHead(200, validators ? { ...headers, etag: doc.etag } : headers)
      .end(req.method === "HEAD" ? undefined : doc.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const file of [
    "sources/sources.yaml",
    "sources/cisso-vs-cissp.md",
    "sources/sources.lock",
  ]) {
    let text = await readFile(path.join(root, file), "utf8");
    for (const [id, url] of Object.entries(REAL)) text = text.replaceAll(url, `${base}/${id}`);
    await writeFile(path.join(root, file), text);
  }
  const cli = (...args) => timed(process.execPath, [BIN, ...args, "--allow-private-network"], root);
  // Record the server's validators in the lock (same bytes: nothing is replaced), and warm the parsed-text cache.
  const locked = await cli("fetch", "--update");
  if (locked.code !== 0) throw new Error(`fetch --update failed: ${locked.stderr}`);
  await cli("check", "--offline");

  const measure = async (args, before = async () => {}) => {
    const times = [];
    let requests = 0;
    for (let i = 0; i < runs; i++) {
      await before(i);
      await rm(path.join(root, ".collateral-cache/links.json"), { force: true });
      const start = hits;
      const r = await cli(...args);
      if (r.code !== 0 && r.code !== 1) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
      requests = hits - start;
      times.push(r.ms);
    }
    return { ms: median(times), requests };
  };
  const offline = await measure(["check", "--offline"]);
  const online = await measure(["check"]);
  const unchanged = await measure(["check", "--live"]);
  validators = false;
  const sameBytes = await measure(["check", "--live"]);
  validators = true;
  const original = docs["/cisso-blueprint"].body;
  // Each run a new version (new bytes, same text): read cold and verified, as CI meets a revised document.
  const changed = await measure(["check", "--live"], async (i) => {
    const pdf = await PDFDocument.load(original);
    pdf.setTitle(`CISSO Exam Blueprint Outline, revision ${i + 2}`);
    docs["/cisso-blueprint"] = {
      ...docs["/cisso-blueprint"],
      body: Buffer.from(await pdf.save()),
      etag: `"r${i + 2}"`,
    };
  });
  server.close();
  await rm(root, { recursive: true, force: true });

  console.log(
    `check --live on the CISSO workspace (3 cited documents on loopback), median of ${runs}:`,
  );
  const row = (name, r) =>
    console.log(
      `  ${name.padEnd(52)} ${fmt(r.ms).padStart(8)}  ${r.requests} requests  ${(r.ms / online.ms).toFixed(2)} × check`,
    );
  row("check --offline (parsed documents cached)", offline);
  row("check (links: HEAD)", online);
  row("check --live, unchanged (304 to the locked ETag)", unchanged);
  row("check --live, unchanged without validators (same bytes)", sameBytes);
  row("check --live, blueprint changed (new bytes, read cold)", changed);
  return { offline, online, unchanged, sameBytes, changed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLive(Number(process.env.BENCH_RUNS ?? 5));
}
