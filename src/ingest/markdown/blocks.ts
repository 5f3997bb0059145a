// A claim's body, node by node → flat Blocks, each naming the lists and blockquotes it sits in.
import type { Content, Table as MdTable, PhrasingContent } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import type { Block, Claim, Container, Inline, Message, Table } from "../../model/index.js";
import { headingAttributes } from "./claim-id.js";
import type { Definitions } from "./definitions.js";
import { flattenPhrasing } from "./flatten.js";
import type { Locator } from "./locator.js";
import { type ClaimAccumulator, extractQuotes, extractRowQuotes } from "./quotes.js";

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
        for (const child of item.children) addContent(child, walk, [...within, list, entry]);
      });
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

/** What the body cannot carry, said in one line with its position (rule `unsupported-content`). */
export function noteLeftOut(node: Content, walk: BlockWalk): void {
  if (node.type === "html" && /^\s*<!--/.test(node.value)) return;
  walk.messages.push({
    position: walk.locator.at(node.position?.start.offset ?? 0),
    reason: `${node.type === "html" ? "raw HTML" : node.type} is not carried into collateral and was left out`,
    rule: "unsupported-content",
  });
}

function push(walk: BlockWalk, within: Container[], block: Block): void {
  walk.current!.blocks.push(within.length ? { ...block, within } : block);
}

function inlinesOf(children: PhrasingContent[], walk: BlockWalk): Inline[] {
  const pieces = flattenPhrasing(children, walk.defs, walk.locator, walk.messages);
  return extractQuotes(pieces, walk.current!, walk.locator);
}

function phrasingBlock(
  kind: Block["kind"],
  children: PhrasingContent[],
  at: number,
  walk: BlockWalk,
  topLevel: boolean,
): Block {
  const inlines = inlinesOf(children, walk);
  const first = inlines[0];
  // Only a paragraph of the claim's own (not one in a list or a blockquote) is its benefit.
  const benefit =
    topLevel &&
    kind === "paragraph" &&
    first?.kind === "text" &&
    /^\s*benefits?\s*:/i.test(first.text);
  return { kind, role: benefit ? "benefit" : "body", inlines, position: walk.locator.at(at) };
}

/** A `###` (or deeper) heading; a `{#id}` on it is not printed (ids are for claims). */
function headingBlock(node: Extract<Content, { type: "heading" }>, walk: BlockWalk): Block {
  const block = phrasingBlock(
    "heading",
    node.children,
    node.position?.start.offset ?? 0,
    walk,
    false,
  );
  const last = block.inlines.at(-1);
  if (last?.kind === "text") {
    const end = node.position?.end.offset ?? 0;
    const { title } = headingAttributes(mdToString(node), end, walk.locator, []);
    if (title !== mdToString(node)) {
      const cut = last.text.replace(/\s*\{[^{}]*\}\s*$/, "");
      block.inlines = [...block.inlines.slice(0, -1), ...(cut ? [{ ...last, text: cut }] : [])];
    }
  }
  return block;
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

function noteTaskItem(item: Extract<Content, { type: "listItem" }>, walk: BlockWalk): void {
  walk.messages.push({
    position: walk.locator.at(item.position?.start.offset ?? 0),
    reason:
      "a task list checkbox ([ ] or [x]) is not carried: the item prints as a plain list item",
    rule: "unsupported-content",
  });
}
