// `--format json`: the report exactly as the contract gives it, pretty-printed.
import type { Report } from "../../model/index.js";

export function formatJson(report: Report): string {
  const { ok, quotes, links, summary, sources } = report;
  return `${JSON.stringify({ ok, quotes, links, summary, ...(sources && { sources }) }, null, 2)}\n`;
}
