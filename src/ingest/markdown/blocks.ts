// A claim's body, node by node → flat Blocks, each naming the lists and blockquotes it sits in.
import type { Content, Table as MdTable, PhrasingContent } from "mdast";
import type { Block, Claim, Container, Inline, Message, Table } from "../../model/index.js";
import { headingAttributes } from "./claim-id.js";
import type { Definitions } from "./definitions.js";
import { flattenPhrasing, type Piece } from "./flatten.js";
import type { Locator } from "./locator.js";
import { quotesIn } from "./quote-marks.js";
import { type ClaimAccumulator, extractQuotes, extractRowQuotes } from "./quotes.js";
import { roleForListAfter, roleOf } from "./roles.js";

export interface BlockWalk {
  defs: Definitions;
  locator: Locator;
  messages: Message[];
  current: (Claim & ClaimAccumulator) | null;
  /** Containers opened so far in the document: each gets the next number as its id. */
  containers: number;
}

export function addContent(node: Content, walk: BlockWalk, within: Container[]): void {
  const at = node.position?.start.offset ?? 0;
  switch (node.type) {
    case "paragraph": {
      const kind = within.at(-1)?.kind === "item" ? "list-item" : "paragraph";
      push(walk, within, phrasingBlock(kind, node.children, at, walk, within.length === 0));
      return;
    }
    case "heading":
      push(walk, within, headingBlock(node, walk));
      return;
    case "list": {
      // A top-level list right after a bare "Slide:" or "Notes:" is the slide's points or notes, nested items too.
      const blocks = walk.current!.blocks;
      const role = within.length === 0 ? roleForListAfter(blocks.at(-1)) : "body";
      const first = blocks.length;
      addList(node, walk, within);
      if (role !== "body") for (const block of blocks.slice(first)) block.role = role;
      return;
    }
    case "blockquote": {
      const quote: Container = { kind: "blockquote", id: walk.containers++ };
      for (const child of node.children) addContent(child, walk, [...within, quote]);
      return;
    }
    case "table":
      push(walk, within, tableBlock(node, walk));
      return;
    case "code":
      noteQuotesInCode(node.value, at, walk);
      push(walk, within, {
        kind: "code",
        role: "body",
        inlines: [{ kind: "text", text: node.value, code: true }],
        position: walk.locator.at(at),
      });
      return;
    case "definition":
    case "footnoteDefinition":
    case "yaml":
    case "thematicBreak":
      return;
    default:
      noteLeftOut(node, walk);
  }
}

/** A list's items, each naming the list and its item in `within`, nested lists inside them. */
function addList(
  node: Extract<Content, { type: "list" }>,
  walk: BlockWalk,
  within: Container[],
): void {
  const start = node.ordered ? (node.start ?? 1) : null;
  const list: Container = {
    kind: "list",
    id: walk.containers++,
    ordered: !!node.ordered,
    start,
  };
  node.children.forEach((item, i) => {
    if (item.checked !== null && item.checked !== undefined) noteTaskItem(item, walk);
    const number = start === null ? null : start + i;
    const entry: Container = { kind: "item", id: walk.containers++, number };
    if (item.children.length === 0) noteEmptyItem(item, number, walk);
    for (const child of item.children) addContent(child, walk, [...within, list, entry]);
  });
}

/** What the body cannot carry, said in one line with its position (rule `unsupported-content`). */
export function noteLeftOut(node: Content, walk: BlockWalk): void {
  if (node.type === "html" && /^\s*<!--/.test(node.value)) return;
  walk.messages.push({
    position: walk.locator.at(node.position?.start.offset ?? 0),
    reason: `${node.type === "html" ? "raw HTML" : node.type} is not carried into collateral and was left out`,
    rule: "unsupported-content",
  });
}

/**
 * A code block prints as written, so a quote in it is not verified (code is not a claim about a document):
 * said, so that no quote reaches print without being either verified or warned about.
 */
function noteQuotesInCode(code: string, at: number, walk: BlockWalk): void {
  const quotes = quotesIn(code);
  if (quotes.length === 0) return;
  walk.messages.push({
    position: walk.locator.at(at),
    reason: `a quote in a code block (“${quotes[0]}”${quotes.length > 1 ? ` and ${quotes.length - 1} more` : ""}) prints as code and is never verified: move it out of the code block to have it checked`,
    rule: "quote-in-code",
  });
}

function push(walk: BlockWalk, within: Container[], block: Block): void {
  walk.current!.blocks.push(within.length ? { ...block, within } : block);
}

function inlinesOf(children: PhrasingContent[], walk: BlockWalk, cut = 0): Inline[] {
  const pieces = flattenPhrasing(children, walk.defs, walk.locator, walk.messages);
  return extractQuotes(withoutAttributes(pieces, cut), walk.current!, walk.locator, walk.messages);
}

/** The pieces without the last `cut` characters of the last one: a heading's `{…}` attribute block. */
export function withoutAttributes(pieces: Piece[], cut: number): Piece[] {
  const last = pieces.at(-1);
  if (cut === 0 || last?.type !== "text") return pieces;
  const value = last.value.slice(0, Math.max(last.value.length - cut, 0)).trimEnd();
  return [...pieces.slice(0, -1), ...(value ? [{ ...last, value }] : [])];
}

function phrasingBlock(
  kind: Block["kind"],
  children: PhrasingContent[],
  at: number,
  walk: BlockWalk,
  topLevel: boolean,
  cut = 0,
): Block {
  const inlines = inlinesOf(children, walk, cut);
  // Only a paragraph of the claim's own (not one in a list or a blockquote) is its benefit, slide or notes.
  const role = topLevel ? roleOf(kind, inlines) : "body";
  return { kind, role, inlines, position: walk.locator.at(at) };
}

/** A `###` (or deeper) heading; its `{…}` attribute block is not printed (ids are for claims; others are warned about). */
function headingBlock(node: Extract<Content, { type: "heading" }>, walk: BlockWalk): Block {
  const { cut } = headingAttributes(node, walk.locator, walk.messages);
  return phrasingBlock(
    "heading",
    node.children,
    node.position?.start.offset ?? 0,
    walk,
    false,
    cut,
  );
}

/** A GFM table: header row, body rows, column alignment; each cell's quotes attributed within the cell. */
function tableBlock(node: MdTable, walk: BlockWalk): Block {
  const [head, ...body] = node.children.map((row) =>
    extractRowQuotes(
      row.children.map((cell) =>
        flattenPhrasing(cell.children, walk.defs, walk.locator, walk.messages),
      ),
      walk.current!,
      walk.locator,
      walk.messages,
    ),
  );
  const width = Math.max(head?.length ?? 0, ...body.map((r) => r.length));
  const align = Array.from({ length: width }, (_, i) => node.align?.[i] ?? null);
  const table: Table = { align, head: head ?? [], rows: body };
  return {
    kind: "table",
    role: "body",
    inlines: [],
    position: walk.locator.at(node.position?.start.offset ?? 0),
    table,
  };
}

function noteEmptyItem(
  item: Extract<Content, { type: "listItem" }>,
  number: number | null,
  walk: BlockWalk,
): void {
  walk.messages.push({
    position: walk.locator.at(item.position?.start.offset ?? 0),
    reason: `list item ${number === null ? "" : `${number}. `}is empty and prints nothing${number === null ? "" : " (the items after it keep their numbers)"}`,
    rule: "empty-list-item",
  });
}

function noteTaskItem(item: Extract<Content, { type: "listItem" }>, walk: BlockWalk): void {
  walk.messages.push({
    position: walk.locator.at(item.position?.start.offset ?? 0),
    reason:
      "a task list checkbox ([ ] or [x]) is not carried: the item prints as a plain list item",
    rule: "unsupported-content",
  });
}
