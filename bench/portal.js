// Portal benchmark: autocannon against `collateral serve` on loopback, 8 concurrent clients, with and without cache.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { BIN, percentile, tempWorkspace } from "./lib.js";

export async function benchPortal(seconds) {
  const root = await tempWorkspace();
  // PORTAL_CONCURRENCY=N tries another number of renders at once (serve --concurrency; default 2).
  const concurrency = process.env.PORTAL_CONCURRENCY
    ? ["--concurrency", process.env.PORTAL_CONCURRENCY]
    : [];
  const args = [BIN, "serve", "--port", "0", "--queue", "64", ...concurrency];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => {
    log += d;
  });
  try {
    const url = await waitForUrl(() => log);
    await fetch(`${url}one-pager.pdf?audience=federal&company=Warmup`); // launch Chromium, fill template cache
    let n = 0;
    const fresh = () => `/one-pager.pdf?audience=federal&company=Prospect%20${n++}`;
    const alone = await run(url, seconds, fresh, 1);
    const uncached = await run(url, seconds, fresh, 8);
    const cached = await run(
      url,
      seconds,
      () => "/one-pager.pdf?audience=federal&company=Acme%20Federal",
      8,
    );
    print("uncached", alone);
    print("uncached", uncached);
    print("cached", cached);
    return { alone, uncached, cached };
  } finally {
    child.kill("SIGTERM");
  }
}

function run(url, seconds, path, connections) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
      },
      (error, result) => (error ? reject(error) : resolve({ ...result, times })),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) times.push(ms);
    });
  });
}

function print(label, r) {
  const clients = r.connections === 1 ? "1 client " : `${r.connections} clients`;
  const non2xx = r.non2xx ? `, ${r.non2xx} non-2xx` : "";
  const perSecond = r.times.length / r.duration;
  console.log(
    `portal ${label.padEnd(8)} ${clients}, ${r.duration} s: p50 ${Math.round(percentile(r.times, 50))} ms, ` +
      `p95 ${Math.round(percentile(r.times, 95))} ms, ${perSecond.toFixed(1)} PDFs/s (${r.times.length} PDFs${non2xx})`,
  );
}

async function waitForUrl(log) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const m = log().match(/portal at (http:\/\/\S+)/);
    if (m) return m[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`portal did not start: ${log()}`);
}
