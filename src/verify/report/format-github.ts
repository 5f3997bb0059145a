// `--format github`: GitHub Actions workflow commands, so failures show as annotations on the lines.
import {
  isFailingSource,
  type LinkResult,
  type Position,
  printable,
  type QuoteResult,
  type Report,
} from "../../model/index.js";
import {
  archiveLine,
  isGoneLive,
  isLockProblem,
  LIVE_TITLES,
  liveQuoteLine,
  sourceProblem,
  sourceTitle,
} from "./sources-wording.js";
import {
  closestToShow,
  type FormatOptions,
  isFailingLink,
  isFailingQuote,
  LINK_TITLES,
  messageTitle,
  QUOTE_TITLES,
  quoteProblem,
  relativeFile,
  summaryLine,
  truncate,
} from "./wording.js";

/** Message escaping, per GitHub's toolkit (`escapeData`). */
export function escapeData(value: string): string {
  // Other control characters (ESC sequences a hostile page holds) are written visibly, never sent to the log.
  return printable(value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** Property escaping (`escapeProperty`): also ":" and ",", which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(report: Report, options: FormatOptions): string {
  const lines: string[] = [];
  for (const q of report.quotes) {
    if (isFailingQuote(q))
      lines.push(
        command("error", q.position, QUOTE_TITLES[q.status], quoteMessage(q), options.root),
      );
    else if (q.status === "uncited")
      lines.push(
        command("warning", q.position, QUOTE_TITLES[q.status], quoteMessage(q), options.root),
      );
  }
  for (const q of report.quotes.filter(isGoneLive)) {
    const live = liveQuoteLine(q) ?? "";
    const message = `“${truncate(q.text, 200)}” ${live}`;
    lines.push(
      command("error", q.position, LIVE_TITLES["changed-quote-gone"], message, options.root),
    );
  }
  for (const link of report.links.filter(isFailingLink))
    lines.push(...linkCommands(link, options.root));
  for (const s of report.sources ?? []) {
    // A gone quote is annotated at its own line above; its source adds nothing to that.
    const gone = !isLockProblem(s) && s.live?.status === "changed-quote-gone";
    const level = gone
      ? null
      : isFailingSource(s)
        ? "error"
        : s.live?.status === "changed-quotes-hold"
          ? "warning"
          : null;
    if (!level) continue;
    lines.push(
      command(
        level,
        s.position ?? null,
        sourceTitle(s),
        `${s.id}: ${sourceProblem(s)}`,
        options.root,
      ),
    );
  }
  for (const m of options.messages ?? [])
    lines.push(command("warning", m.position, messageTitle(m), m.reason, options.root));
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
}

function quoteMessage(q: QuoteResult): string {
  const shown = closestToShow(q);
  const closest = shown
    ? `\nClosest passage${shown.page ? ` (p. ${shown.page})` : ""}: “${truncate(shown.text, 300)}”`
    : "";
  return `“${truncate(q.text, 200)}” ${quoteProblem(q)}${closest}`;
}

/** One annotation at each place that cites the URL, so every citing line is marked. */
function linkCommands(link: LinkResult, root: string): string[] {
  const http = link.httpStatus === null ? "" : ` (HTTP ${link.httpStatus})`;
  const archive = archiveLine(link);
  const message = `${link.url}${http}: ${link.reason || link.status}${archive ? `\n${archive}` : ""}`;
  const title = LINK_TITLES[link.status];
  if (!link.positions.length) return [command("error", null, title, message, root)];
  return link.positions.map((p) => command("error", p, title, message, root));
}

function command(
  level: "error" | "warning",
  position: Position | null,
  title: string,
  message: string,
  root: string,
): string {
  const props: [string, string][] = position
    ? [
        ["file", relativeFile(position.file, root)],
        ["line", String(position.line)],
        ["col", String(position.column)],
      ]
    : [];
  props.push(["title", title]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  return `::${level} ${list}::${escapeData(message)}`;
}
