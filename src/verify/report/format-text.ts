// `--format text`: what an author reads in the terminal, quotes grouped by claim, then links, then the tally.
import {
  isFailingSource,
  type LinkResult,
  type LinkStatus,
  printable,
  type QuoteResult,
  type Report,
  type SourceResult,
} from "../../model/index.js";
import {
  archiveLine,
  isGoneLive,
  isLockProblem,
  liveLine,
  liveQuoteLine,
  showSources,
} from "./sources-wording.js";
import {
  byClaim,
  closestToShow,
  type FormatOptions,
  formatPages,
  isFailingLink,
  isFailingQuote,
  quoteProblem,
  summaryLine,
  truncate,
  where,
} from "./wording.js";

type Paint = (text: string) => string;
interface Palette {
  red: Paint;
  green: Paint;
  yellow: Paint;
  dim: Paint;
  bold: Paint;
}

function palette(on: boolean): Palette {
  const code = (n: number) => (text: string) => (on ? `\u001b[${n}m${text}\u001b[0m` : text);
  return { red: code(31), green: code(32), yellow: code(33), dim: code(2), bold: code(1) };
}

export function formatText(report: Report, options: FormatOptions): string {
  const p = palette(options.color);
  const lines: string[] = [];
  for (const [claim, quotes] of byClaim(report.quotes)) {
    lines.push(p.bold(`## ${claim}`));
    for (const q of quotes) lines.push(...quoteLines(q, p, options.root));
    lines.push("");
  }
  if (report.links.length) {
    lines.push(p.bold("Links"));
    for (const link of report.links) lines.push(...linkLines(link, p, options.root));
    lines.push("");
  }
  if (showSources(report)) {
    lines.push(p.bold("Cited documents"));
    const width = Math.max(0, ...(report.sources ?? []).map((s) => s.id.length));
    for (const source of report.sources ?? []) lines.push(...sourceLines(source, p, width));
    lines.push("");
  }
  const summary = summaryLine(report);
  lines.push(report.ok ? p.green(summary) : p.red(summary));
  return `${lines.join("\n")}\n`;
}

function quoteLines(q: QuoteResult, p: Palette, root: string): string[] {
  const mark =
    isFailingQuote(q) || isGoneLive(q)
      ? p.red("✖")
      : q.status === "uncited"
        ? p.yellow("⚠")
        : p.green("✔");
  const pages = formatPages(q.pages);
  const source = q.foundIn ?? q.cited;
  const detail = [q.status, source, pages].filter(Boolean).join(" · ");
  const lines = [
    `  ${mark} ${where(q.position, root)}  “${printable(truncate(q.text, 90))}”  ${p.dim(printable(detail))}`,
  ];
  const live = liveQuoteLine(q);
  if (live)
    lines.push(`      ${(isGoneLive(q) ? p.red : p.yellow)(printable(truncate(live, 400)))}`);
  if (q.status === "verified") return lines;
  const color = q.status === "uncited" ? p.yellow : p.red;
  lines.push(`      ${color(printable(quoteProblem(q)))}`);
  const closest = closestToShow(q);
  if (closest) {
    const page = closest.page === null ? "" : ` (p. ${closest.page})`;
    lines.push(
      `      ${p.dim(`closest passage${page}:`)} “${printable(truncate(closest.text, 200))}”`,
    );
  }
  return lines;
}

const LINK_MARKS: Record<LinkStatus, (p: Palette) => string> = {
  ok: (p) => p.green("✔"),
  redirected: (p) => p.green("↪"),
  broken: (p) => p.red("✖"),
  timeout: (p) => p.red("⧗"),
  blocked: (p) => p.red("⛔"),
  skipped: (p) => p.dim("–"),
};

function linkLines(link: LinkResult, p: Palette, root: string): string[] {
  const http = link.httpStatus === null ? "" : ` [${link.httpStatus}]`;
  const cached = link.cached ? p.dim(" (cached)") : "";
  const lines = [
    `  ${LINK_MARKS[link.status](p)} ${link.status}${http} ${printable(link.url)}${cached}`,
  ];
  if (link.finalUrl && link.finalUrl !== link.url)
    lines.push(`      → ${printable(link.finalUrl)}`);
  if (link.reason) {
    const color = isFailingLink(link) ? p.red : p.dim;
    lines.push(`      ${color(printable(link.reason))}`);
  }
  if (link.positions.length) {
    const cited = link.positions.map((pos) => where(pos, root)).join(", ");
    lines.push(`      ${p.dim(`cited at ${cited}`)}`);
  }
  const archive = archiveLine(link);
  if (archive) lines.push(`      ${p.yellow(printable(archive))}`);
  return lines;
}

function sourceLines(s: SourceResult, p: Palette, width: number): string[] {
  const failing = isFailingSource(s);
  const changed = s.live?.status === "changed-quotes-hold" || s.live?.status === "unreachable";
  const mark = failing ? p.red("✖") : changed ? p.yellow("⚠") : p.green("✔");
  const lines = [`  ${mark} ${s.id.padEnd(width)}  ${p.dim(`${s.file} · ${s.lock}`)}`];
  if (isLockProblem(s)) lines.push(`      ${p.red(printable(s.reason))}`);
  if (s.live) {
    const paint = failing ? p.red : changed ? p.yellow : p.dim;
    lines.push(`      ${paint(printable(liveLine(s)))}`);
  }
  return lines;
}
