// Text with `code` spans (front matter, slide points) → text runs, the spans in the monospace face without backticks.
import type { TextOptions, TextRun } from "./pptxgen.js";

/** The same spans `codeSpansHtml` sets as <code> in the PDF: a backtick pair on one line. */
const CODE_SPAN = /(`[^`\n]+`)/;

/** Plain words of `text` as the slide shows them: backticks of code spans dropped (for size estimates). */
export function withoutBackticks(text: string): string {
  return text
    .split(CODE_SPAN)
    .map((part) => (/^`[^`]+`$/.test(part) ? part.slice(1, -1) : part))
    .join("");
}

/**
 * One run per stretch of `text`, all with `options`; a code span's run in `mono`. The last run keeps any
 * `breakLine` (a paragraph ends after it), the others never break the line.
 */
export function codeRuns(text: string, options: TextOptions, mono: string): TextRun[] {
  const { breakLine, ...shared } = options;
  const parts = text.split(CODE_SPAN).filter(Boolean);
  const runs: TextRun[] = parts.map((part) =>
    /^`[^`]+`$/.test(part)
      ? { text: part.slice(1, -1), options: { ...shared, fontFace: mono } }
      : { text: part, options: { ...shared } },
  );
  if (!runs.length) runs.push({ text: "", options: { ...shared } });
  if (breakLine) runs.at(-1)!.options = { ...runs.at(-1)!.options, breakLine };
  return runs;
}
