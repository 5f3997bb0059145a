// The text the browser gave for a saved page → the lines the matcher reads: marks applied, white space as rendered.
import { scriptMark } from "../script-mark.js";
import type { SavedPageMarks } from "./visible-text.js";

/** Struck-out text's stand-in: words either side never become neighbours (see read-html.ts). */
export const STRUCK_MARK = " … ";

/** One line's white space as a browser renders it; soft hyphens and zero-width characters are invisible. */
export function collapse(text: string): string {
  return (
    text
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "")
      // Only the white space a browser collapses: a no-break or thin space stays, since it joins a
      // number to its sign or unit ("5&nbsp;%") for the matcher.
      .replace(/[ \t\n\f\r]+/g, " ")
      .trim()
  );
}

/**
 * innerText's lines, each with its raised and lowered runs read as the matcher reads ² and ₂ (the
 * innermost first), struck-out text as STRUCK_MARK, and white space collapsed; empty lines dropped.
 */
export function pageLines(rendered: string, marks: SavedPageMarks): string[] {
  const run = new RegExp(
    `([${marks.supOpen}${marks.subOpen}])([^${marks.supOpen}${marks.subOpen}${marks.supClose}${marks.subClose}]*)([${marks.supClose}${marks.subClose}])`,
    "u",
  );
  return rendered
    .split("\n")
    .map((line) => {
      let text = line.replaceAll(marks.struck, STRUCK_MARK);
      for (let found = run.exec(text); found; found = run.exec(text)) {
        const before = text.slice(0, found.index);
        const kind = found[1] === marks.subOpen ? "sub" : "sup";
        const mark = found[2]!.trim() === "" ? "" : scriptMark(found[2]!, kind, before.trimEnd());
        const after = text.slice(found.index + found[0].length);
        text = (mark.startsWith(" ") || mark === "" ? before : before.trimEnd()) + mark + after;
      }
      // A mark left open by a line break inside it reads as the text it holds.
      return collapse(text.replace(new RegExp(`[${Object.values(marks).join("")}]`, "gu"), ""));
    })
    .filter((line) => line !== "");
}
