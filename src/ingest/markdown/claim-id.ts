// `## Heading {#id}`: the attribute syntax of Pandoc, kramdown and Quarto pins a claim's id; without it, the slug.
import { CollateralError, type Message } from "../../model/index.js";
import type { Locator } from "./locator.js";

/** A trailing `{…}` attribute block holding at least one `#id` or `.class` token. */
const ATTRIBUTES =
  /\s*\{\s*((?:[#.][^\s{}]*|[\w-]+=(?:"[^"]*"|\S*))(?:\s+(?:[#.][^\s{}]*|[\w-]+=(?:"[^"]*"|\S*)))*)\s*\}\s*$/;

/** What audiences and comparison rows can name: lowercase letters, digits and hyphens. */
export const CLAIM_ID = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

export interface HeadingAttributes {
  /** The heading text without its attribute block. */
  title: string;
  /** The `#id`, or null when the heading has none. */
  id: string | null;
}

/**
 * Splits a heading's text from its trailing `{#id}`. `at` is where the heading's text ends in the
 * source (the attribute block's position is searched back from it). A malformed id is an error; other
 * attributes (`.class`, `key=value`) mean nothing in collateral and are dropped with a warning.
 */
export function headingAttributes(
  text: string,
  end: number,
  locator: Locator,
  messages: Message[],
): HeadingAttributes {
  const match = ATTRIBUTES.exec(text);
  if (!match) return { title: text, id: null };
  const tokens = match[1]!.split(/\s+/);
  const source = locator.text.lastIndexOf("{", end);
  const position = locator.at(Math.max(source, 0));
  const ids = tokens.filter((t) => t.startsWith("#")).map((t) => t.slice(1));
  const others = tokens.filter((t) => !t.startsWith("#"));
  if (others.length) {
    messages.push({
      position,
      reason: `heading attributes ${others.join(" ")} mean nothing in collateral and are left out (only {#id} is read)`,
      rule: "unsupported-content",
    });
  }
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
  return { title: text.slice(0, match.index).trimEnd(), id };
}

function suggestId(id: string): string {
  return id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
