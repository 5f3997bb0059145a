// `--format json`: the report exactly as the contract gives it, pretty-printed.
import type { Message, Report } from "../../model/index.js";

/** With `messages` (the CLI always passes them), the run's warnings follow as `messages`: `{ position, reason, rule }`. */
export function formatJson(report: Report, messages?: readonly Message[]): string {
  const { ok, quotes, links, summary, sources } = report;
  const shown = {
    ok,
    quotes,
    links,
    summary,
    ...(sources && { sources }),
    ...(messages && { messages }),
  };
  return `${JSON.stringify(shown, null, 2)}\n`;
}
