// A paragraph's phrasing content → a flat run of text pieces and citation/link markers, in reading order.
import type { PhrasingContent } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import type { Citation, Message, Position } from "../../model/index.js";
import { type Definitions, isWebUrl, normalizeIdentifier } from "./definitions.js";
import { imageSource } from "./image-source.js";
import type { Locator } from "./locator.js";

export type Piece =
  | {
      type: "text";
      value: string;
      offset: number;
      exact: boolean;
      strong: boolean;
      emphasis: boolean;
      code: boolean;
      strike: boolean;
    }
  | { type: "image"; src: string; alt: string; position: Position; offset: number }
  | { type: "cite"; url: string; label: string; kind: Citation["kind"]; offset: number }
  | { type: "link"; text: string; url: string; offset: number }
  | { type: "break" };

interface Context {
  defs: Definitions;
  locator: Locator;
  messages: Message[];
  strong: boolean;
  emphasis: boolean;
  strike: boolean;
}

export function flattenPhrasing(
  nodes: PhrasingContent[],
  defs: Definitions,
  locator: Locator,
  messages: Message[],
): Piece[] {
  const pieces: Piece[] = [];
  const ctx: Context = { defs, locator, messages, strong: false, emphasis: false, strike: false };
  for (const node of nodes) flattenNode(node, ctx, pieces);
  return pieces;
}

function flattenNode(node: PhrasingContent, ctx: Context, out: Piece[]): void {
  const offset = node.position?.start.offset ?? -1;
  switch (node.type) {
    case "text":
      out.push(textPiece(node.value, offset, node.position?.end.offset, ctx));
      return;
    case "inlineCode":
      // The backticks are Markdown's, not the author's words: the code face marks it instead.
      out.push({ ...textPiece(node.value, offset, undefined, ctx), code: true });
      return;
    case "strong":
    case "emphasis":
    case "delete": {
      const inner = {
        ...ctx,
        strong: ctx.strong || node.type === "strong",
        emphasis: ctx.emphasis || node.type === "emphasis",
        strike: ctx.strike || node.type === "delete",
      };
      for (const child of node.children) flattenNode(child, inner, out);
      return;
    }
    case "image":
      imagePiece(node.url, node.alt ?? "", offset, ctx, out);
      return;
    case "imageReference": {
      const url = ctx.defs.links.get(normalizeIdentifier(node.identifier));
      if (url !== undefined) imagePiece(url, node.alt ?? "", offset, ctx, out);
      else ignored(node.type, offset, ctx);
      return;
    }
    case "break":
      out.push({ type: "break" });
      return;
    case "link":
      imagesInLink(node, ctx, out);
      out.push(linkPiece(node.url, labelOf(node), offset, isAutolink(node)));
      return;
    case "linkReference": {
      const url = ctx.defs.links.get(normalizeIdentifier(node.identifier));
      imagesInLink(node, ctx, out);
      if (url) out.push(linkPiece(url, labelOf(node), offset, false, "reference"));
      else out.push(textPiece(mdToString(node), offset, undefined, ctx));
      return;
    }
    case "footnoteReference":
      out.push(footnotePiece(node.identifier, offset, ctx));
      return;
    default:
      // Raw HTML never reaches collateral: content must not load files or run markup.
      ignored(node.type, offset, ctx);
  }
}

type TextPiece = Extract<Piece, { type: "text" }>;

function textPiece(
  value: string,
  offset: number,
  end: number | undefined,
  ctx: Context,
): TextPiece {
  const exact = offset >= 0 && end !== undefined && ctx.locator.text.slice(offset, end) === value;
  const { strong, emphasis, strike } = ctx;
  return { type: "text", value, offset, exact, strong, emphasis, code: false, strike };
}

/** A workspace image, or a warning naming why it is left out (remote, outside the workspace, not an image). */
function imagePiece(url: string, alt: string, offset: number, ctx: Context, out: Piece[]): void {
  const position = ctx.locator.at(Math.max(offset, 0));
  const source = imageSource(ctx.locator.file, url);
  if (!source.ok) {
    ctx.messages.push({ position, reason: `${source.reason}; left out`, rule: "image-refused" });
    return;
  }
  if (alt.trim() === "") {
    ctx.messages.push({
      position,
      reason: `image ${source.src} has no alt text: say what it shows between the brackets, ![…](…), for readers who cannot see it`,
      rule: "image-alt",
    });
  }
  out.push({ type: "image", src: source.src, alt: alt.trim(), position, offset });
}

type LinkNode = Extract<PhrasingContent, { type: "link" | "linkReference" }>;

/** A link's words: its text as written, an image inside it not counted (the image prints as itself). */
function labelOf(node: LinkNode): string {
  const words = mdToString(node, { includeImageAlt: false });
  return node.children.some((c) => c.type === "image" || c.type === "imageReference")
    ? words.trim()
    : words;
}

/**
 * An image inside a link (`[![logo](logo.png)](https://…)`, a badge) prints as the image, followed by the
 * link's own words, if any. The image is not clickable in print: said when the link has no words of its own,
 * since it then prints as the image alone.
 */
function imagesInLink(node: LinkNode, ctx: Context, out: Piece[]): void {
  const images: Extract<PhrasingContent, { type: "image" | "imageReference" }>[] = [];
  const walk = (children: PhrasingContent[]) => {
    for (const child of children) {
      if (child.type === "image" || child.type === "imageReference") images.push(child);
      else if ("children" in child) walk(child.children as PhrasingContent[]);
    }
  };
  walk(node.children);
  if (images.length === 0) return;
  for (const image of images) flattenNode(image, ctx, out);
  if (labelOf(node).trim() === "") {
    ctx.messages.push({
      position: ctx.locator.at(Math.max(node.position?.start.offset ?? 0, 0)),
      reason:
        "an image inside a link prints as the image (not clickable), then the link as its URL or citation mark: give the link words of its own to print those instead",
      rule: "image-in-link",
    });
  }
}

function linkPiece(
  url: string,
  label: string,
  offset: number,
  autolink: boolean,
  kind: Citation["kind"] = autolink ? "autolink" : "inline",
): Piece {
  if (!isWebUrl(url)) return { type: "link", text: label, url, offset };
  return { type: "cite", url: url.trim(), label: autolink ? "" : label, kind, offset };
}

function footnotePiece(identifier: string, offset: number, ctx: Context): Piece {
  const url = ctx.defs.footnotes.get(normalizeIdentifier(identifier));
  if (url) return { type: "cite", url, label: "", kind: "footnote", offset };
  ctx.messages.push({
    position: ctx.locator.at(Math.max(offset, 0)),
    reason: `footnote [^${identifier}] has no definition with a web link, so it cites nothing`,
    rule: "footnote-without-link",
  });
  return {
    ...textPiece("", offset, undefined, ctx),
    strong: false,
    emphasis: false,
    strike: false,
  };
}

function isAutolink(node: { url: string; children: PhrasingContent[] }): boolean {
  const label = mdToString(node);
  return label === node.url || `http://${label}` === node.url || `https://${label}` === node.url;
}

function ignored(type: string, offset: number, ctx: Context): void {
  if (type === "html" && /^<!--/.test(ctx.locator.text.slice(offset, offset + 4))) return;
  ctx.messages.push({
    position: ctx.locator.at(Math.max(offset, 0)),
    reason: `${type === "html" ? "raw HTML" : type} is not carried into collateral and was left out`,
    rule: "unsupported-content",
  });
}
