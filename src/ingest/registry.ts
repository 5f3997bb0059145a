// sources/sources.yaml → the registry of cited documents, checked for duplicate ids and URLs.
import path from "node:path";
import { CollateralError, type Registry, RegistrySchema } from "../model/index.js";
import { readBounded } from "./bounded-read.js";
import { parseYamlAs } from "./yaml.js";

/** A registry this large lists no documents a team cites: refused before it is parsed. */
const MAX_REGISTRY_BYTES = 1_000_000;

export const REGISTRY_FILE = "sources/sources.yaml";

export async function loadRegistry(root: string): Promise<Registry> {
  const read = await readBounded(path.join(root, REGISTRY_FILE), MAX_REGISTRY_BYTES);
  if (!read.ok) {
    if (read.code === "ENOENT") {
      throw new CollateralError(
        `${REGISTRY_FILE} not found: list every cited document there (see the README's "Registry")`,
        { rule: "registry" },
      );
    }
    const why =
      read.reason === "too-large"
        ? `larger than ${MAX_REGISTRY_BYTES / 1e6} MB`
        : read.reason === "not-a-file"
          ? "not a regular file"
          : read.code === "EACCES" || read.code === "EPERM"
            ? "permission denied"
            : read.code === "EISDIR"
              ? "it is a folder"
              : (read.code ?? "error");
    throw new CollateralError(`cannot read ${REGISTRY_FILE} (${why})`, {
      position: { file: REGISTRY_FILE, line: 1, column: 1 },
      rule: "registry",
    });
  }
  const text = read.bytes.toString("utf8");
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
