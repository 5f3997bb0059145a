// `collateral fetch [ID…]`: download the cited documents to their local copies and lock them; print what changed.

import { DEFAULT_MAX_BYTES } from "../../fetch/download.js";
import type { FetchResult } from "../../fetch/run.js";
import { formatPosition, LOCK_FILE, printable } from "../../model/index.js";
import { fetch } from "../../pipeline.js";
import { type OptionSpec, parseCommandArgs, positiveInt, usage } from "../args.js";
import { dim, green, red, useColor, yellow } from "../print.js";
import { readLimitOptions, readLimits } from "../read-limits.js";

export const fetchOptions: OptionSpec = {
  ...readLimitOptions,
  update: { type: "boolean" },
  local: { type: "boolean" },
  "dry-run": { type: "boolean" },
  force: { type: "boolean" },
  "max-bytes": { type: "string" },
  "allow-private-network": { type: "boolean" },
  timeout: { type: "string" },
};

export async function runFetch(argv: string[], root: string): Promise<number> {
  const { values, positionals } = parseCommandArgs("fetch", argv, fetchOptions);
  if (values.update && values.local) throw usage("fetch: --update and --local exclude each other");
  if (values.force && !values.local)
    throw usage(
      "fetch: --force goes with --local (it re-locks copies that differ from their lock)",
    );
  const maxBytes = positiveInt("max-bytes", values["max-bytes"], DEFAULT_MAX_BYTES);
  if (maxBytes === 0) throw usage("--max-bytes must be at least 1");
  const result = await fetch(
    root,
    {
      ids: positionals,
      update: values.update === true,
      local: values.local === true,
      dryRun: values["dry-run"] === true,
      force: values.force === true,
      maxBytes,
      links: {
        allowPrivateNetwork: values["allow-private-network"] === true,
        timeoutMs: positiveInt("timeout", values.timeout, 10_000),
        cache: false,
      },
    },
    { readLimits: readLimits(values) },
  );
  process.stdout.write(formatFetch(result, values["dry-run"] === true, useColor(process.stdout)));
  const failed = result.plans.some((p) => p.action === "failed" || p.action === "kept");
  return failed || result.failing.length ? 1 : 0;
}

const MARKS = {
  downloaded: (on: boolean) => green("↓", on),
  updated: (on: boolean) => yellow("↻", on),
  locked: (on: boolean) => green("🔒", on),
  unchanged: (on: boolean) => dim("=", on),
  kept: (on: boolean) => red("✖", on),
  failed: (on: boolean) => red("✖", on),
} as const;

const WOULD: Record<string, string> = {
  downloaded: "would download",
  updated: "would update",
  locked: "would lock",
};

export function formatFetch(result: FetchResult, dryRun: boolean, on: boolean): string {
  const lines: string[] = [];
  const width = Math.max(...result.plans.map((p) => p.source.id.length), 0);
  for (const p of result.plans) {
    const verb = (dryRun && WOULD[p.action]) || p.action;
    const what = ["downloaded", "updated", "locked"].includes(p.action) ? ` ${p.source.file}` : "";
    // A refused or kept entry names its line in sources.yaml, as every message about input does.
    const at =
      p.position && (p.action === "failed" || p.action === "kept")
        ? ` (${formatPosition(p.position)})`
        : "";
    lines.push(
      `${MARKS[p.action](on)} ${p.source.id.padEnd(width)}  ${verb}${what}: ${printable(p.reason)}${at}`,
    );
  }
  if (result.changes.length) {
    lines.push("", dryRun ? "Quotes that would change status:" : "Quotes that change status:");
    for (const c of result.changes) {
      const pages = (ps: number[]) => (ps.length ? ` (p. ${ps.join("–")})` : "");
      const after = `${c.after.status}${pages(c.after.pages)}`;
      const paint = c.after.status === "verified" ? green : red;
      lines.push(
        `  ${formatPosition(c.position)}  “${printable(truncate(c.text, 70))}”  ${c.before.status}${pages(c.before.pages)} → ${paint(after, on)}`,
      );
      if (c.after.status !== "verified" && c.after.reason)
        lines.push(`      ${printable(c.after.reason)}`);
    }
  }
  if (result.dropped.length) {
    lines.push(
      "",
      `dropped from ${LOCK_FILE} (no longer in the registry): ${result.dropped.join(", ")}`,
    );
  }
  const requests = result.requests ? ` · ${result.requests} request(s)` : "";
  const lock = dryRun
    ? "nothing written (--dry-run)"
    : result.lockWritten
      ? `${LOCK_FILE} written`
      : `${LOCK_FILE} unchanged`;
  lines.push("", `${lock}${requests}`);
  return `${lines.join("\n")}\n`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
