// `--format junit`: JUnit XML for CI test tabs: one suite of quotes (classname = claim), one of links.
import {
  isFailingSource,
  type LinkResult,
  type Message,
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
  sourceProblem,
} from "./sources-wording.js";
import {
  closestToShow,
  type FormatOptions,
  formatPages,
  isFailingLink,
  isFailingQuote,
  LINK_TITLES,
  messageTitle,
  quoteProblem,
  relativeFile,
  truncate,
  where,
} from "./wording.js";
import { xmlAttr, xmlText } from "./xml.js";

interface Case {
  xml: string;
  failed: boolean;
  skipped: boolean;
}

export function formatJunit(report: Report, options: FormatOptions): string {
  const quotes = report.quotes.map((q) => quoteCase(q, options.root));
  const links = report.links.map((l) => linkCase(l, options.root));
  // Cited documents get their own suite only when there is something to say (a live check, a modified copy).
  const sources = showSources(report)
    ? (report.sources ?? []).map((s) => sourceCase(s, options.root))
    : [];
  const warnings = (options.messages ?? []).map((m) => warningCase(m, options.root));
  const all = [...quotes, ...links, ...sources, ...warnings];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="collateral check" ${counts(all)}>`,
    suite("quotes", quotes),
    suite("links", links),
    ...(sources.length ? [suite("sources", sources)] : []),
    ...(warnings.length ? [suite("warnings", warnings)] : []),
    `</testsuites>`,
    "",
  ].join("\n");
}

function counts(cases: Case[]): string {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  return `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
}

function suite(name: string, cases: Case[]): string {
  const body = cases.map((c) => c.xml).join("\n");
  return `  <testsuite name="${name}" ${counts(cases)}>${body ? `\n${body}\n  ` : ""}</testsuite>`;
}

function quoteCase(q: QuoteResult, root: string): Case {
  const attrs = `classname="${xmlAttr(q.claim)}" name="${xmlAttr(`“${truncate(q.text, 80)}”`)}" file="${xmlAttr(relativeFile(q.position.file, root))}" line="${q.position.line}"`;
  const failed = isFailingQuote(q);
  const closest = closestToShow(q);
  const detail = [
    `${where(q.position, root)}: “${q.text}” ${quoteProblem(q)}`,
    ...(closest
      ? [`closest passage${closest.page ? ` (p. ${closest.page})` : ""}: “${closest.text}”`]
      : []),
  ].join("\n");
  let inner = "";
  const gone = isGoneLive(q);
  if (failed) {
    inner = `<failure message="${xmlAttr(quoteProblem(q))}" type="${q.status}">${xmlText(detail)}</failure>`;
  } else if (gone) {
    const live = liveQuoteLine(q) ?? "";
    inner = `<failure message="${xmlAttr(truncate(live, 300))}" type="live-gone">${xmlText(`${where(q.position, root)}: “${q.text}” ${live}`)}</failure>`;
  } else if (q.status === "uncited") {
    inner = `<system-out>${xmlText(`warning: ${detail}`)}</system-out>`;
  } else {
    const pages = formatPages(q.pages);
    inner = `<system-out>${xmlText(`verified in ${q.foundIn ?? q.cited ?? ""}${pages ? `, ${pages}` : ""}`)}</system-out>`;
  }
  return {
    xml: `    <testcase ${attrs}>${inner}</testcase>`,
    failed: failed || gone,
    skipped: false,
  };
}

function sourceCase(s: SourceResult, root: string): Case {
  const line = s.position ? ` line="${s.position.line}"` : "";
  const attrs = `classname="sources" name="${xmlAttr(s.id)}" file="${xmlAttr(relativeFile(s.position?.file ?? "sources/sources.yaml", root))}"${line}`;
  const failed = isFailingSource(s);
  const detail = [
    `${s.file} (${s.lock})`,
    ...(isLockProblem(s) || s.lock === "unlocked" ? [s.reason] : []),
    ...(s.live ? [liveLine(s)] : []),
  ].join("\n");
  const type = isLockProblem(s) ? s.lock : (s.live?.status ?? s.lock);
  const inner = failed
    ? `<failure message="${xmlAttr(truncate(sourceProblem(s), 300))}" type="${type}">${xmlText(detail)}</failure>`
    : `<system-out>${xmlText(detail)}</system-out>`;
  return { xml: `    <testcase ${attrs}>${inner}</testcase>`, failed, skipped: false };
}

/** A warning passes (it fails nothing) and says itself in its output, at its file and line. */
function warningCase(m: Message, root: string): Case {
  const attrs = `classname="warnings" name="${xmlAttr(messageTitle(m))}" file="${xmlAttr(relativeFile(m.position.file, root))}" line="${m.position.line}"`;
  const text = `warning: ${where(m.position, root)}: ${m.reason} [${m.rule}]`;
  return {
    xml: `    <testcase ${attrs}><system-out>${xmlText(text)}</system-out></testcase>`,
    failed: false,
    skipped: false,
  };
}

function linkCase(link: LinkResult, root: string): Case {
  const attrs = `classname="links" name="${xmlAttr(link.url)}" time="${(link.elapsedMs / 1000).toFixed(3)}"`;
  const failed = isFailingLink(link);
  const skipped = link.status === "skipped";
  const cited = link.positions.map((p) => where(p, root)).join(", ");
  const detail = [
    `${LINK_TITLES[link.status]}${link.httpStatus === null ? "" : ` (HTTP ${link.httpStatus})`}: ${link.url}`,
    ...(link.finalUrl && link.finalUrl !== link.url ? [`final URL: ${link.finalUrl}`] : []),
    ...(link.reason ? [link.reason] : []),
    ...(cited ? [`cited at ${cited}`] : []),
    ...(link.archive ? [archiveLine(link) ?? ""] : []),
  ].join("\n");
  let inner = `<system-out>${xmlText(detail)}</system-out>`;
  if (failed) {
    inner = `<failure message="${xmlAttr(link.reason || LINK_TITLES[link.status])}" type="${link.status}">${xmlText(detail)}</failure>`;
  } else if (skipped) {
    inner = `<skipped message="${xmlAttr(link.reason || "not checked")}"/>`;
  }
  return { xml: `    <testcase ${attrs}>${inner}</testcase>`, failed, skipped };
}
