// `## Heading {#id}`: the attribute syntax of Pandoc, kramdown and Quarto pins a claim's id; without it, the slug.
import type { Heading, Text } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import { CollateralError, type Message } from "../../model/index.js";
import type { Locator } from "./locator.js";

/** A trailing `{…}` attribute block holding at least one `#id`, `.class` or `key=value` token. */
const ATTRIBUTES =
  /\s*\{\s*((?:[#.][^\s{}]*|[\w-]+=(?:"[^"]*"|\S*))(?:\s+(?:[#.][^\s{}]*|[\w-]+=(?:"[^"]*"|\S*)))*)\s*\}\s*$/;

/** What audiences and comparison rows can name: lowercase letters, digits and hyphens. */
export const CLAIM_ID = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

export interface HeadingAttributes {
  /** The heading's plain text without its attribute block. */
  title: string;
  /** The `#id` of a `##` claim heading, or null when it has none (a subheading's is never read). */
  id: string | null;
  /** How many characters of the heading's last text node the attribute block takes (0 without one). */
  cut: number;
}

/**
 * Splits a heading's text from its trailing attribute block. The block counts only when it is plain text
 * as written at the very end of the heading: `{#x}` inside a code span, or with its brace escaped
 * (`\{#x}`), is the heading's text. On a `##` claim heading, `{#id}` pins the claim's id (a malformed or
 * second id is an error); on a `###` subheading an id means nothing and is dropped silently. Every other
 * attribute (`.class`, `key=value`) means nothing in collateral: dropped, with a warning naming it.
 */
export function headingAttributes(
  heading: Heading,
  locator: Locator,
  messages: Message[],
): HeadingAttributes {
  const whole = mdToString(heading);
  const last = heading.children.at(-1);
  const match = last?.type === "text" ? ATTRIBUTES.exec(last.value) : null;
  if (!last || !match || !writtenAsIs(last as Text, match[0], locator)) {
    return { title: whole.trim(), id: null, cut: 0 };
  }
  const text = last as Text;
  const cut = text.value.length - match.index;
  const start = text.position?.start.offset ?? 0;
  const source = locator.text.slice(start, text.position?.end.offset ?? start);
  const position = locator.at(start + Math.max(source.lastIndexOf("{"), 0));
  const tokens = match[1]!.split(/\s+/);
  const ids = tokens.filter((t) => t.startsWith("#")).map((t) => t.slice(1));
  const others = tokens.filter((t) => !t.startsWith("#"));
  if (others.length) {
    messages.push({
      position,
      reason: `heading attributes ${others.join(" ")} mean nothing in collateral and are left out (only a \`##\` heading's {#id} is read)`,
      rule: "unsupported-content",
    });
  }
  const title = whole.slice(0, whole.length - cut).trim();
  if (heading.depth !== 2) return { title, id: null, cut };
  if (ids.length > 1) {
    throw new CollateralError(`a heading has one id, not ${ids.length}: {#${ids.join(" #")}}`, {
      position,
      rule: "claim-id",
    });
  }
  const id = ids[0] ?? null;
  if (id !== null && !CLAIM_ID.test(id)) {
    const fixed = suggestId(id);
    throw new CollateralError(
      `claim id "${id}" must be lowercase letters, digits and hyphens (like audience ids)${fixed ? `, e.g. {#${fixed}}` : ""}`,
      { position, rule: "claim-id" },
    );
  }
  return { title, id, cut };
}

/** Whether the attribute block stands in the source exactly as parsed (no escaped brace, no entity). */
function writtenAsIs(text: Text, block: string, locator: Locator): boolean {
  const start = text.position?.start.offset;
  const end = text.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const source = locator.text.slice(start, end).trimEnd();
  const written = block.trim();
  // `\{#x}`: the author escaped the brace to print it.
  return source.endsWith(written) && source[source.length - written.length - 1] !== "\\";
}

function suggestId(id: string): string {
  return id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
