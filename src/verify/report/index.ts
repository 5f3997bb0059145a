// The check report in the four formats CI and people read: text, json, junit, github.
import type { Report } from "../../model/index.js";
import { formatGithub } from "./format-github.js";
import { formatJson } from "./format-json.js";
import { formatJunit } from "./format-junit.js";
import { formatText } from "./format-text.js";
import { type FormatOptions, type ReportFormat, relocate, relocateMessages } from "./wording.js";

export { escapeData, escapeProperty, formatGithub } from "./format-github.js";
export { formatJson } from "./format-json.js";
export { formatJunit } from "./format-junit.js";
export { formatText } from "./format-text.js";
export { formatPages, summaryLine } from "./wording.js";
export type { FormatOptions, ReportFormat };

export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "json", "junit", "github"];

export function formatReport(
  report: Report,
  format: ReportFormat,
  options: FormatOptions = { color: false, root: "" },
): string {
  // JSON keeps the contract's workspace-relative positions; the others show paths from where the reader stands.
  if (format === "json") return formatJson(report, options.messages);
  const shown = options.cwd === undefined ? report : relocate(report, options.root, options.cwd);
  if (options.messages && options.cwd !== undefined) {
    options = {
      ...options,
      messages: relocateMessages(options.messages, options.root, options.cwd),
    };
  }
  switch (format) {
    case "junit":
      return formatJunit(shown, options);
    case "github":
      return formatGithub(shown, options);
    default:
      return formatText(shown, options);
  }
}
