// mdast of one source document → claims: each `##` heading opens one, its body runs to the next `##`.
import { slug as githubSlug } from "github-slugger";
import type { Content, Heading, Root } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import type { Block, Claim, Message } from "../../model/index.js";
import type { Definitions } from "./definitions.js";
import { flattenPhrasing } from "./flatten.js";
import type { Locator } from "./locator.js";
import { type ClaimAccumulator, extractQuotes } from "./quotes.js";

interface Walk {
  defs: Definitions;
  locator: Locator;
  messages: Message[];
  claims: Claim[];
  current: (Claim & ClaimAccumulator) | null;
  slugs: Map<string, number>;
}

export interface CollectOptions {
  /** The title of the one claim a document without any `##` heading makes (its `#` heading or file name). */
  wholeTitle?: string;
}

export function collectClaims(
  tree: Root,
  defs: Definitions,
  locator: Locator,
  messages: Message[],
  options: CollectOptions = {},
): Claim[] {
  const walk: Walk = { defs, locator, messages, claims: [], current: null, slugs: new Map() };
  const isClaimHeading = (node: Content) => node.type === "heading" && node.depth === 2;
  // A page with no `##` at all (a whitepaper, a README) is one claim, so its quotes are checked all the same.
  const whole = options.wholeTitle !== undefined && !tree.children.some(isClaimHeading);
  const title = whole
    ? tree.children.find((n) => n.type === "heading" && n.depth === 1)
    : undefined;
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 2) openClaim(node, walk);
    else if (node === title) continue;
    else if (walk.current) addContent(node, walk);
    else if (whole && isContent(node)) {
      startClaim(options.wholeTitle!, node.position?.start.offset ?? 0, walk);
      addContent(node, walk);
    } else noteOutsideClaim(node, walk);
  }
  return walk.claims;
}

/** Prose a claim is made of (not front matter, definitions, comments or rules). */
function isContent(node: Content): boolean {
  return ["paragraph", "list", "blockquote", "heading", "table", "code"].includes(node.type);
}

function openClaim(heading: Heading, walk: Walk): void {
  const title = mdToString(heading).trim().replace(/:\s*$/, "");
  startClaim(title, heading.position?.start.offset ?? 0, walk);
}

function startClaim(title: string, offset: number, walk: Walk): void {
  const id = uniqueSlug(title, walk.slugs);
  const claim = {
    id,
    title,
    position: walk.locator.at(offset),
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
      for (const item of node.children) for (const child of item.children) listChild(child, walk);
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

function listChild(node: Content, walk: Walk): void {
  if (node.type === "paragraph") {
    walk.current!.blocks.push(toBlock("list-item", node.children, node, walk));
  } else addContent(node, walk);
}

function toBlock(
  kind: Block["kind"],
  children: Extract<Content, { type: "paragraph" }>["children"],
  node: Content,
  walk: Walk,
): Block {
  const pieces = flattenPhrasing(children, walk.defs, walk.locator, walk.messages);
  const inlines = extractQuotes(pieces, walk.current!, walk.locator);
  const first = inlines[0];
  const benefit =
    kind === "paragraph" && first?.kind === "text" && /^\s*benefits?\s*:/i.test(first.text);
  return {
    kind,
    role: benefit ? "benefit" : "body",
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
