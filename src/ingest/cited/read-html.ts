// A saved HTML page → its text by parsing alone, when no browser is at hand: one line per block, without scripts, styles or what its markup hides.
import { Parser } from "htmlparser2";
import { DEFAULT_READ_LIMITS, LIMIT_REASONS, type ReadLimits } from "./reader/limits.js";
import { collapse, STRUCK_MARK } from "./saved-page/page-lines.js";
import { scriptMark } from "./script-mark.js";

/** Thrown from the parser's callback to stop it at the depth limit. */
class TooDeep extends Error {}

/** The reason a page that shows nothing is unreadable. */
export const NO_VISIBLE_TEXT = "the HTML page has no visible text";

export type HtmlText = { ok: true; pages: [string] } | { ok: false; reason: string };

/** Elements whose content is never shown as text. */
const UNSHOWN = new Set([
  "head",
  "title",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "canvas",
  "video",
  "audio",
  "datalist",
]);

/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

/**
 * Struck-out text ("<del>not</del>", "<s>$99</s>") is not what the page says now. It is left out, with a
 * mark in its place that no quote can match across, so the words either side never become neighbours:
 * neither "is not FIPS validated" nor "is FIPS validated" is read out of "is <del>not</del> FIPS validated".
 */
const STRUCK = new Set(["del", "s", "strike"]);

/** Table cells sit side by side: a space apart, not a line apart. */
const CELLS = new Set(["td", "th"]);

/**
 * Raised and lowered text is marked as a PDF's text layer marks ² and ₂ (see normalize.ts): "10<sup>2</sup>"
 * must never read "102", nor "Secure<sup>1</sup>" "Secure1". A mark with no letter or digit (®) is left as is.
 */
const SCRIPTS = new Set(["sup", "sub"]);

interface Open {
  name: string;
  hidden: boolean;
  /** A <details> without `open`: only its <summary> shows. */
  closedDetails: boolean;
  /** For <sup> and <sub>: where its text starts in the line, and how many lines were done then. */
  mark?: { at: number; lines: number };
}

/**
 * The page's visible text. `limits.htmlDepth` bounds how deep its elements may nest: htmlparser2's time
 * grows with the square of the depth, and a page nested a million deep is no page a reader sees.
 */
export function readHtmlText(
  html: string,
  limits: Pick<ReadLimits, "htmlDepth"> = DEFAULT_READ_LIMITS,
): HtmlText {
  const lines: string[] = [];
  const stack: Open[] = [{ name: "#document", hidden: false, closedDetails: false }];
  let line = "";
  let preDepth = 0;
  const top = () => stack[stack.length - 1]!;
  const endLine = () => {
    const text = collapse(line);
    if (text !== "") lines.push(text);
    line = "";
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length > limits.htmlDepth) throw new TooDeep();
        const parent = top();
        if (!parent.hidden && STRUCK.has(name)) line += STRUCK_MARK;
        const hidden =
          STRUCK.has(name) ||
          parent.hidden ||
          (parent.closedDetails && name !== "summary") ||
          UNSHOWN.has(name) ||
          isHidden(name, attribs);
        stack.push({
          name,
          hidden,
          closedDetails: name === "details" && !("open" in attribs),
          ...(SCRIPTS.has(name) && { mark: { at: line.length, lines: lines.length } }),
        });
        if (hidden) return;
        if (name === "pre") preDepth++;
        if (BLOCKS.has(name) || name === "br") endLine();
        else if (CELLS.has(name)) line += " ";
      },
      onclosetag(name) {
        // htmlparser2 closes every element it opened (implied and void ones too), in order.
        const open = stack.length > 1 && top().name === name ? stack.pop() : undefined;
        if (!open || open.hidden) return;
        if (open.mark && open.mark.lines === lines.length) {
          const before = line.slice(0, open.mark.at);
          const kind = name === "sub" ? "sub" : "sup";
          const mark = scriptMark(line.slice(open.mark.at), kind, before.trimEnd());
          line = (mark.startsWith(" ") ? before : before.trimEnd()) + mark;
        }
        if (name === "pre") preDepth--;
        if (BLOCKS.has(name)) endLine();
        else if (CELLS.has(name)) line += " ";
      },
      ontext(text) {
        const here = top();
        if (here.hidden || here.closedDetails) return;
        if (preDepth === 0) {
          line += text;
          return;
        }
        const [first, ...rest] = text.split("\n");
        line += first;
        for (const part of rest) {
          endLine();
          line += part;
        }
      },
    },
    { decodeEntities: true },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (error instanceof TooDeep)
      return { ok: false, reason: LIMIT_REASONS.htmlDepth({ ...DEFAULT_READ_LIMITS, ...limits }) };
    throw error;
  }
  endLine();
  if (lines.length === 0) return { ok: false, reason: NO_VISIBLE_TEXT };
  return { ok: true, pages: [lines.join("\n")] };
}

/** Hidden from sight. Not aria-hidden: that hides from screen readers only, and the words are still on the page. */
function isHidden(name: string, attribs: Record<string, string>): boolean {
  if ("hidden" in attribs) return true;
  if (name === "input" && attribs.type?.trim().toLowerCase() === "hidden") return true;
  if (name === "dialog" && !("open" in attribs)) return true;
  return attribs.style !== undefined && styleHides(attribs.style);
}

/** Whether an inline style takes the element out of sight: display:none or visibility:hidden. */
function styleHides(style: string): boolean {
  return style.split(";").some((declaration) => {
    const colon = declaration.indexOf(":");
    if (colon < 0) return false;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/i, "")
      .trim()
      .toLowerCase();
    return (
      (property === "display" && value === "none") ||
      (property === "visibility" && (value === "hidden" || value === "collapse"))
    );
  });
}
