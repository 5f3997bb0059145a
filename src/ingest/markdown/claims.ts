// mdast of one source document → claims: each `##` heading opens one, its body runs to the next `##`.
import { slug as githubSlug } from "github-slugger";
import type { Content, Heading, List, Root } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import type { Block, Claim, Message } from "../../model/index.js";
import type { Definitions } from "./definitions.js";
import { flattenPhrasing } from "./flatten.js";
import type { Locator } from "./locator.js";
import { type ClaimAccumulator, extractQuotes } from "./quotes.js";
import { roleForListAfter, roleOf } from "./roles.js";

interface Walk {
  defs: Definitions;
  locator: Locator;
  messages: Message[];
  claims: Claim[];
  current: (Claim & ClaimAccumulator) | null;
  slugs: Map<string, number>;
}

export function collectClaims(
  tree: Root,
  defs: Definitions,
  locator: Locator,
  messages: Message[],
): Claim[] {
  const walk: Walk = { defs, locator, messages, claims: [], current: null, slugs: new Map() };
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 2) openClaim(node, walk);
    else if (walk.current) addContent(node, walk);
    else noteOutsideClaim(node, walk);
  }
  return walk.claims;
}

function openClaim(heading: Heading, walk: Walk): void {
  const title = mdToString(heading).trim().replace(/:\s*$/, "");
  const id = uniqueSlug(title, walk.slugs);
  const claim = {
    id,
    title,
    position: walk.locator.at(heading.position?.start.offset ?? 0),
    blocks: [],
    quotes: [],
    citations: [],
    claim: id,
  };
  walk.current = claim;
  walk.claims.push(claim);
}

/** GitHub's rule: the slug, then -1, -2 … for repeats within the document. */
function uniqueSlug(title: string, seen: Map<string, number>): string {
  const base = githubSlug(title) || "claim";
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

function addContent(node: Content, walk: Walk): void {
  const claim = walk.current!;
  switch (node.type) {
    case "paragraph":
      claim.blocks.push(toBlock("paragraph", node.children, node, walk));
      return;
    case "heading":
      claim.blocks.push(toBlock("heading", node.children, node, walk));
      return;
    case "list":
      addList(node, walk, roleForListAfter(claim.blocks.at(-1)));
      return;
    case "blockquote":
      for (const child of node.children) addContent(child, walk);
      return;
    case "definition":
    case "footnoteDefinition":
    case "yaml":
      return;
    default:
      noteOutsideClaim(node, walk);
  }
}

/** A list's items, nested lists included; `role` is "slide" or "notes" for a list under a bare label. */
function addList(list: List, walk: Walk, role: Block["role"]): void {
  for (const item of list.children) {
    for (const child of item.children) {
      if (child.type === "paragraph") {
        const block = toBlock("list-item", child.children, child, walk);
        walk.current!.blocks.push(role === "body" ? block : { ...block, role });
      } else if (child.type === "list") addList(child, walk, role);
      else addContent(child, walk);
    }
  }
}

function toBlock(
  kind: Block["kind"],
  children: Extract<Content, { type: "paragraph" }>["children"],
  node: Content,
  walk: Walk,
): Block {
  const pieces = flattenPhrasing(children, walk.defs, walk.locator, walk.messages);
  const inlines = extractQuotes(pieces, walk.current!, walk.locator);
  return {
    kind,
    role: roleOf(kind, inlines),
    inlines,
    position: walk.locator.at(node.position?.start.offset ?? 0),
  };
}

function noteOutsideClaim(node: Content, walk: Walk): void {
  const quiet = ["definition", "footnoteDefinition", "yaml", "thematicBreak"];
  if (quiet.includes(node.type)) return;
  if (node.type === "html" && /^\s*<!--/.test(node.value)) return;
  if (node.type === "heading" && node.depth === 1) return;
  walk.messages.push({
    position: walk.locator.at(node.position?.start.offset ?? 0),
    reason: walk.current
      ? `${node.type === "html" ? "raw HTML" : node.type} is not carried into collateral and was left out`
      : "text before the first `##` heading belongs to no claim and is left out",
    rule: walk.current ? "unsupported-content" : "outside-claim",
  });
}
