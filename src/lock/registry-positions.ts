// Where each registry id is written in sources/sources.yaml, so lock and fetch messages point at the entry.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { REGISTRY_FILE } from "../ingest/registry.js";
import type { Position } from "../model/index.js";

/** Where each registry id is written in sources.yaml (`- id: x`), for annotations on the entry. */
export async function registryPositions(root: string): Promise<Map<string, Position>> {
  const text = await readFile(path.join(root, REGISTRY_FILE), "utf8").catch(() => "");
  const positions = new Map<string, Position>();
  text.split("\n").forEach((line, i) => {
    const match = /^(\s*-?\s*)id:\s*["']?([a-z0-9-]+)["']?\s*(#.*)?$/.exec(line);
    if (match?.[2] && !positions.has(match[2])) {
      positions.set(match[2], {
        file: REGISTRY_FILE,
        line: i + 1,
        column: (match[1]?.length ?? 0) + 1,
      });
    }
  });
  return positions;
}
