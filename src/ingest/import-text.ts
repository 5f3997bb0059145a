// Plain text as pasted from a word processor → a Markdown draft in the authoring format.
import { decodeHTML } from "entities";

/** A heading is a short chunk (this many words at most) that ends with ":". */
const MAX_HEADING_WORDS = 12;
/** A line of a URL list: the URL alone, after a list mark, or after a label ("Blueprint: https://…"). */
const URL_LINE = /^(?:[-*•]\s+|\d{1,3}[.)]\s+)?(?:([^:]{1,80}?):\s+)?(https?:\/\/\S+)$/;

export interface ImportOptions {
  /** Used for the draft's front matter title when the text has none of its own. */
  title?: string;
}

export function importPlainText(raw: string, options: ImportOptions = {}): string {
  const lines = decodeHTML(raw.replace(/^\uFEFF/, ""))
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const groups = paragraphGroups(lines);
  const urls: Link[] = [];
  const body: string[] = [];
  // Appended item by item: a spread of 300,000 headings would overflow the stack.
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const list = urlList(group);
    if (list) for (const link of list) urls.push(link);
    // A label over a URL list ("Links:", "Sources:") heads no claim: the list becomes references.
    else if (isLabel(group) && urlList(groups[i + 1] ?? [])) continue;
    else for (const item of groupToMarkdown(group)) body.push(item);
  }
  const parts = [frontMatter(options.title ?? "Untitled"), ...body, ...references(urls)];
  return `${parts.join("\n\n")}\n`;
}

/**
 * Lines → groups of content lines that belong together. Hard-wrapped exports often put an empty line
 * after every line ("double-spaced"); there a paragraph break is a line holding only spaces, or a run
 * of several blank lines. In ordinary text any blank line is a break.
 */
function paragraphGroups(lines: string[]): string[][] {
  const doubleSpaced = isDoubleSpaced(lines);
  const shortLine = 0.6 * typicalLength(lines);
  const groups: string[][] = [];
  let current: string[] = [];
  let gap: string[] = [];
  const flush = () => {
    if (current.length) groups.push(current);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() !== "") {
      const last = current.at(-1) ?? "";
      // A short line that ends a sentence ends its paragraph, even where the export lost the break.
      const endsShort = /[.!?”"]$/.test(last) && last.length < shortLine;
      if (current.length && (isBreak(gap, doubleSpaced) || endsShort)) flush();
      current.push(line.trim().replace(/\s+/g, " "));
      gap = [];
    } else gap.push(line);
  }
  flush();
  return groups;
}

/** The median length of content lines: the width the text was wrapped at. */
function typicalLength(lines: string[]): number {
  const lengths = lines
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

function isDoubleSpaced(lines: string[]): boolean {
  let single = 0;
  let adjacent = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!.trim();
    const here = lines[i]!.trim();
    if (prev !== "" && here !== "") adjacent++;
    if (prev !== "" && lines[i] === "" && (lines[i + 1] ?? "").trim() !== "") single++;
  }
  return single > adjacent * 2 && single >= 3;
}

function isBreak(gap: string[], doubleSpaced: boolean): boolean {
  if (!doubleSpaced) return gap.length > 0;
  return gap.length > 1 || gap.some((l) => l.length > 0);
}

/**
 * One group → headings (short chunks ending in ":") and the paragraph text between them. The chunk's
 * words are counted as lines are added, never by joining it again: linear in the group's length.
 */
function groupToMarkdown(group: string[]): string[] {
  const out: string[] = [];
  let chunk: string[] = [];
  let words = 0;
  let lastWasHeading = false;
  for (const line of group) {
    chunk.push(line);
    words += wordCount(line);
    const endsInColon = line.endsWith(":");
    if (endsInColon && words <= MAX_HEADING_WORDS) {
      out.push(`${lastWasHeading ? "###" : "##"} ${chunk.join(" ").replace(/:$/, "").trim()}`);
      chunk = [];
      words = 0;
      lastWasHeading = true;
    } else if (!endsInColon && words > MAX_HEADING_WORDS) {
      lastWasHeading = false;
    }
  }
  if (chunk.length) out.push(chunk.join(" "));
  return out;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function frontMatter(title: string): string {
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    "product: TODO",
    "competitor: TODO",
    "tagline: TODO",
    "audiences: []",
    "---",
    "<!-- Draft made by `collateral import`. Fill in each TODO above (check and build warn until you do).",
    "     Link the labels that lost their links to the references at the end, e.g. [Label][ref-1],",
    "     and register each URL in sources/sources.yaml. -->",
  ].join("\n");
}

interface Link {
  url: string;
  label: string | null;
}

/** The links of a group that is a URL list, under a label line or not; null when it is prose. */
function urlList(group: string[]): Link[] | null {
  const lines = isLabel(group.slice(0, 1)) && group.length > 1 ? group.slice(1) : group;
  if (lines.length === 0) return null;
  const links: Link[] = [];
  for (const line of lines) {
    const match = URL_LINE.exec(line);
    if (!match) return null;
    links.push({ url: match[2]!, label: match[1]?.trim() || null });
  }
  return links;
}

/** One short line ending in ":" with no URL: a heading, or the label of the list below it. */
function isLabel(group: string[]): boolean {
  const line = group[0] ?? "";
  return (
    group.length === 1 &&
    line.endsWith(":") &&
    !/https?:\/\//.test(line) &&
    wordCount(line) <= MAX_HEADING_WORDS
  );
}

/** Link reference definitions; a line's label becomes the reference's title (`"Exam blueprint"`). */
function references(urls: Link[]): string[] {
  if (urls.length === 0) return [];
  const title = (label: string | null) => (label ? ` ${JSON.stringify(label)}` : "");
  return [urls.map((link, i) => `[ref-${i + 1}]: ${link.url}${title(link.label)}`).join("\n")];
}
