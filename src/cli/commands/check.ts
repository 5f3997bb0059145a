// `collateral check`: verify quotes (and links unless --offline); print the report; exit 0/1.
import { DEFAULT_MAX_BYTES } from "../../fetch/download.js";
import { check } from "../../pipeline.js";
import { DEFAULT_ARCHIVE_API } from "../../verify/archive/suggest.js";
import { looksOffline, OFFLINE_HINT } from "../../verify/links/index.js";
import { formatReport } from "../../verify/report/index.js";
import { list, type OptionSpec, oneOf, parseCommandArgs, positiveInt, usage } from "../args.js";
import { printMessages, useColor, yellow } from "../print.js";
import { readLimitOptions, readLimits } from "../read-limits.js";

export const checkOptions: OptionSpec = {
  ...readLimitOptions,
  offline: { type: "boolean" },
  format: { type: "string" },
  "allow-private-network": { type: "boolean" },
  cache: { type: "boolean" },
  "cache-ttl": { type: "string" },
  timeout: { type: "string" },
  accept: { type: "string" },
  live: { type: "boolean" },
  "max-bytes": { type: "string" },
  archive: { type: "boolean" },
  "archive-api": { type: "string" },
};

export async function runCheck(argv: string[], root: string): Promise<number> {
  const { values, positionals } = parseCommandArgs("check", argv, checkOptions);
  if (positionals.length) throw usage(`check takes no arguments (got "${positionals[0]}")`);
  const format = oneOf(
    "format",
    values.format,
    ["text", "json", "junit", "github"] as const,
    "text",
  );
  const cache = values.cache !== false;
  if (values.live && values.offline)
    throw usage("check: --live asks every URL; it cannot be --offline");
  const maxBytes = positiveInt("max-bytes", values["max-bytes"], DEFAULT_MAX_BYTES);
  if (maxBytes === 0) throw usage("--max-bytes must be at least 1");
  const result = await check(
    root,
    {
      offline: values.offline === true,
      live: values.live === true,
      maxBytes,
      archive: { ask: values.archive === true, api: archiveApi(values["archive-api"]) },
      links: {
        allowPrivateNetwork: values["allow-private-network"] === true,
        cache,
        cacheTtlMs: positiveInt("cache-ttl", values["cache-ttl"], 3600) * 1000,
        timeoutMs: positiveInt("timeout", values.timeout, 10_000),
        acceptStatus: list(values.accept).map(httpStatus),
      },
    },
    // --no-cache skips every cache: the link results and the parsed documents.
    { persistentCache: cache, readLimits: readLimits(values) },
  );
  if (format === "text") printMessages(result.messages, root);
  process.stdout.write(
    formatReport(result.model.report, format, {
      color: useColor(process.stdout),
      root,
      cwd: process.cwd(),
      messages: result.messages,
    }),
  );
  // On stderr, whatever the format: stdout stays the report a CI job parses.
  if (looksOffline(result.model.report.links))
    process.stderr.write(`${yellow("hint", useColor(process.stderr))}: ${OFFLINE_HINT}\n`);
  return result.model.report.ok ? 0 : 1;
}

/** The availability endpoint `--archive` asks: the option, else COLLATERAL_ARCHIVE_API, else the Wayback Machine's. */
function archiveApi(value: unknown): string {
  const given = typeof value === "string" ? value : process.env.COLLATERAL_ARCHIVE_API;
  if (!given) return DEFAULT_ARCHIVE_API;
  try {
    const url = new URL(given);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    // said below
  }
  throw usage(`--archive-api must be an http(s) URL (got "${given}")`);
}

/** One `--accept` entry: an HTTP status code; anything else is a usage error, not silently dropped. */
function httpStatus(value: string): number {
  const code = Number(value);
  if (!/^\d{3}$/.test(value) || code < 100 || code > 599)
    throw usage(`--accept takes HTTP status codes such as 403,429 (got "${value}")`);
  return code;
}
