// Link reference definitions and footnote definitions of a document, by normalized identifier.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";

export interface Definitions {
  /** `[id]: url` → url */
  links: Map<string, string>;
  /** `[^id]: … [label](url) …` → the first http(s) URL the footnote holds */
  footnotes: Map<string, string>;
}

export function collectDefinitions(tree: Root): Definitions {
  const links = new Map<string, string>();
  const footnotes = new Map<string, string>();
  visit(tree, "definition", (node) => {
    const id = normalizeIdentifier(node.identifier);
    if (!links.has(id)) links.set(id, node.url);
  });
  visit(tree, "footnoteDefinition", (node) => {
    let url: string | undefined;
    visit(node, (child) => {
      if (url) return;
      if (child.type === "link" && isWebUrl(child.url)) url = child.url;
      if (child.type === "linkReference") {
        const target = links.get(normalizeIdentifier(child.identifier));
        if (target && isWebUrl(target)) url = target;
      }
    });
    if (url) footnotes.set(normalizeIdentifier(node.identifier), url);
  });
  return { links, footnotes };
}

export function normalizeIdentifier(id: string): string {
  return id.toLowerCase().replace(/\s+/g, " ").trim();
}

export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}
