// sources/sources.yaml → the registry of cited documents, checked for duplicate ids and URLs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CollateralError, type Registry, RegistrySchema } from "../model/index.js";
import { parseYamlAs } from "./yaml.js";

export const REGISTRY_FILE = "sources/sources.yaml";

export async function loadRegistry(root: string): Promise<Registry> {
  let text: string;
  try {
    text = await readFile(path.join(root, REGISTRY_FILE), "utf8");
  } catch {
    throw new CollateralError(
      `${REGISTRY_FILE} not found: list every cited document there (see the README's "Registry")`,
      { rule: "registry" },
    );
  }
  if (text.trim() === "") return [];
  const { value, positionOf } = parseYamlAs(text, RegistrySchema, { file: REGISTRY_FILE, line: 1 });
  const seenIds = new Set<string>();
  const seenUrls = new Set<string>();
  value.forEach((source, i) => {
    if (seenIds.has(source.id)) {
      throw new CollateralError(`duplicate source id "${source.id}"`, {
        position: positionOf([i, "id"]),
        rule: "registry",
      });
    }
    const url = canonicalUrl(source.url);
    if (seenUrls.has(url)) {
      throw new CollateralError(`duplicate source url ${source.url}`, {
        position: positionOf([i, "url"]),
        rule: "registry",
      });
    }
    seenIds.add(source.id);
    seenUrls.add(url);
  });
  return value;
}

/** The form in which a cited URL is compared with registry URLs: no fragment, no trailing slash. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = "";
    return u.href.replace(/\/$/, "");
  } catch {
    return url.trim();
  }
}
