// The check report in the four formats CI and people read: text, json, junit, github.
import type { Report } from "../../model/index.js";
import { formatGithub } from "./format-github.js";
import { formatJson } from "./format-json.js";
import { formatJunit } from "./format-junit.js";
import { formatText } from "./format-text.js";
import type { FormatOptions, ReportFormat } from "./wording.js";

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
  switch (format) {
    case "json":
      return formatJson(report);
    case "junit":
      return formatJunit(report, options);
    case "github":
      return formatGithub(report, options);
    default:
      return formatText(report, options);
  }
}
