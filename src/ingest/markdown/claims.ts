// mdast of one source document → claims: each `##` heading opens one, its body runs to the next `##`.
import { slug as githubSlug } from "github-slugger";
import type { Content, Heading, Root } from "mdast";
import { type Claim, CollateralError, type Message } from "../../model/index.js";
import { addContent, type BlockWalk, withoutAttributes } from "./blocks.js";
import { headingAttributes } from "./claim-id.js";
import type { Definitions } from "./definitions.js";
import { flattenPhrasing, type Piece } from "./flatten.js";
import type { Locator } from "./locator.js";
import { type ClaimAccumulator, extractQuotes } from "./quotes.js";

interface Walk extends BlockWalk {
  claims: Claim[];
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
  const walk: Walk = {
    defs,
    locator,
    messages,
    claims: [],
    current: null,
    slugs: new Map(),
    containers: 0,
  };
  const isClaimHeading = (node: Content) => node.type === "heading" && node.depth === 2;
  // A page with no `##` at all (a whitepaper, a README) is one claim, so its quotes are checked all the same.
  const whole = options.wholeTitle !== undefined && !tree.children.some(isClaimHeading);
  const title = whole
    ? tree.children.find((n) => n.type === "heading" && n.depth === 1)
    : undefined;
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 2) openClaim(node, walk);
    else if (node === title) continue;
    else if (walk.current) addContent(node, walk, []);
    else if (whole && isContent(node)) {
      startClaim(options.wholeTitle!, null, node.position?.start.offset ?? 0, walk);
      addContent(node, walk, []);
    } else noteOutsideClaim(node, walk);
  }
  return walk.claims;
}

/** Prose a claim is made of (not front matter, definitions, comments or rules). */
function isContent(node: Content): boolean {
  return ["paragraph", "list", "blockquote", "heading", "table", "code"].includes(node.type);
}

function openClaim(heading: Heading, walk: Walk): void {
  const { title: raw, id: pinned, cut } = headingAttributes(heading, walk.locator, walk.messages);
  const title = raw.replace(/:\s*$/, "");
  const offset = heading.position?.start.offset ?? 0;
  if (title === "") {
    throw new CollateralError(
      `a claim heading needs a title: it is printed above the claim${pinned ? ` (the {#${pinned}} only names it)` : ""}`,
      { position: walk.locator.at(offset), rule: "claim-title" },
    );
  }
  // The title prints its words, quote marks and all: a quote in it is verified like any, attributed within
  // the heading (a citation there is the claim's). Nothing else of the heading but its words prints, and the
  // printed title is made of the very pieces whose quotes are verified: raw HTML (a comment) and a refused
  // image's alt text are in neither, and the heading's warnings are said like the body's.
  const pieces = withoutAttributes(
    flattenPhrasing(heading.children, walk.defs, walk.locator, walk.messages),
    cut,
  );
  const printed = titleOf(pieces).replace(/:\s*$/, "");
  // The id keeps coming from the heading's whole text, as before: a pinned or linked id never moves.
  const claim = startClaim(printed || title, pinned, offset, walk, title);
  extractQuotes(pieces, claim, walk.locator, walk.messages);
}

/** The words a heading's pieces print: text, link and citation labels, an image's alt text. */
function titleOf(pieces: Piece[]): string {
  const text = pieces.map((p) => {
    if (p.type === "text") return p.value;
    if (p.type === "link") return p.text;
    if (p.type === "cite") return p.label || (p.kind === "autolink" ? p.url : "");
    if (p.type === "image") return p.alt;
    return " ";
  });
  return text.join("").replace(/\s+/g, " ").trim();
}

function startClaim(
  title: string,
  pinned: string | null | undefined,
  offset: number,
  walk: Walk,
  slugOf = title,
): ClaimAccumulator & Claim {
  // A pinned id is the author's: never renumbered (a repeat is an error, said where both are).
  const id = pinned ?? uniqueSlug(slugOf, walk.slugs);
  const claim = {
    id,
    title,
    position: walk.locator.at(offset),
    blocks: [],
    quotes: [],
    citations: [],
    links: [],
    claim: id,
  };
  walk.current = claim;
  walk.claims.push(claim);
  return claim;
}

/** GitHub's rule: the slug, then -1, -2 … for repeats within the document. */
function uniqueSlug(title: string, seen: Map<string, number>): string {
  const base = githubSlug(title) || "claim";
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

function noteOutsideClaim(node: Content, walk: Walk): void {
  const quiet = ["definition", "footnoteDefinition", "yaml", "thematicBreak"];
  if (quiet.includes(node.type)) return;
  if (node.type === "html" && /^\s*<!--/.test(node.value)) return;
  if (node.type === "heading" && node.depth === 1) return;
  walk.messages.push({
    position: walk.locator.at(node.position?.start.offset ?? 0),
    reason: "text before the first `##` heading belongs to no claim and is left out",
    rule: "outside-claim",
  });
}
