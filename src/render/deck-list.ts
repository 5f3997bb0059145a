// A list used as a slide's points: its top-level items, tidied to read as points, and its numbering kept.
import type { Block, Container } from "../model/index.js";

/** A list longer than this shows its first items; every item stays in the speaker notes. */
export const MAX_LIST_POINTS = 5;

export interface ListPoints {
  points: string[];
  /** The number the first point carries when the list is ordered ("3." in the source → 3); null for bullets. */
  start: number | null;
}

const lists = (block: Block) =>
  (block.within ?? []).filter((c): c is Extract<Container, { kind: "list" }> => c.kind === "list");

/** The item container right after `list` in the block's containers: the item of that list it belongs to. */
const itemOf = (block: Block, list: Container | undefined) => {
  const within = block.within ?? [];
  const item = list ? within[within.indexOf(list) + 1] : undefined;
  return item?.kind === "item" ? item : null;
};

/**
 * "unmatched items surface …;" → "Unmatched items surface ….": a trailing `;`, `,` or `:` and a dangling "and"/"or"
 * go; a lowercase first word is capitalised (not a code span, nor a word such as "iPhone"); a full stop ends it
 * when the list is one of sentences.
 */
export function tidyItem(text: string, sentence: boolean): string {
  let s = text.trim();
  for (let before = ""; before !== s; ) {
    before = s;
    s = s.replace(/[\s,;:—–]+$/, "").replace(/\s+(?:and|or)$/i, "");
  }
  if (/^\p{Ll}[\p{Ll}'’-]*(?:\s|$|[,.;:!?])/u.test(s)) s = s.charAt(0).toUpperCase() + s.slice(1);
  if (sentence && !/[.!?…”"。！？」』）؟]$/.test(s))
    s += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(s) ? "。" : ".";
  return s;
}

/**
 * Items to points: only the top-level items (a nested item is detail for the notes), at most MAX_LIST_POINTS.
 * The list reads as sentences when the author punctuated any item (`.`, `;`, `,`): then every point ends with a
 * full stop; a list of bare phrases stays bare. An ordered list keeps its numbers.
 */
export function listPoints(items: readonly Block[], text: (b: Block) => string): ListPoints {
  const written = items.map((block) => ({ block, text: text(block) })).filter((i) => i.text);
  if (!written.length) return { points: [], start: null };
  const depth = Math.min(...written.map((i) => lists(i.block).length));
  const top = written.filter((i) => lists(i.block).length === depth).slice(0, MAX_LIST_POINTS);
  const sentence = top.some((i) => /[.!?;,。！？]$/.test(i.text.trim()));
  // The list the shown items belong to: numbered only when they are all items of one ordered list.
  const own = top.map((i) => lists(i.block)[depth - 1]);
  const first = own[0];
  const ordered = first?.ordered === true && own.every((l) => l?.id === first.id);
  return {
    points: top.map((i) => tidyItem(i.text, sentence)),
    start: ordered ? (itemOf(top[0]!.block, first)?.number ?? first.start ?? 1) : null,
  };
}
