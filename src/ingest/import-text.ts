// Plain text as pasted from a word processor → a Markdown draft in the authoring format.
import { decodeHTML } from "entities";

/** A heading is a short chunk (this many words at most) that ends with ":". */
const MAX_HEADING_WORDS = 12;
const URL_LINE = /^https?:\/\/\S+$/;

export interface ImportOptions {
  /** Used for the draft's front matter title when the text has none of its own. */
  title?: string;
}

export function importPlainText(raw: string, options: ImportOptions = {}): string {
  const lines = decodeHTML(raw.replace(/^\uFEFF/, ""))
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const groups = paragraphGroups(lines);
  const urls: string[] = [];
  const body: string[] = [];
  // Appended item by item: a spread of 300,000 headings would overflow the stack.
  for (const group of groups) {
    const into = group.every((l) => URL_LINE.test(l)) ? urls : body;
    for (const item of into === urls ? group : groupToMarkdown(group)) into.push(item);
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
    "<!-- Draft made by `collateral import`. Link the labels that lost their links to the",
    "     references at the end, e.g. [Label][ref-1], and register each URL in sources/sources.yaml. -->",
  ].join("\n");
}

function references(urls: string[]): string[] {
  if (urls.length === 0) return [];
  return [urls.map((url, i) => `[ref-${i + 1}]: ${url}`).join("\n")];
}
