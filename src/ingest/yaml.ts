// YAML text → a value checked by a zod schema; every problem becomes a CollateralError at the offending node.
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { CollateralError, type Position } from "../model/index.js";

export interface YamlOrigin {
  /** File path relative to the workspace root, as users see it. */
  file: string;
  /** 1-based line in `file` where the YAML text starts (front matter starts below `---`). */
  line: number;
}

export function parseYamlAs<S extends z.ZodTypeAny>(
  text: string,
  schema: S,
  origin: YamlOrigin,
): { value: z.infer<S>; positionOf: (path: (string | number)[]) => Position } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return {
      file: origin.file,
      line: origin.line + Math.max(line, 1) - 1,
      column: Math.max(col, 1),
    };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    throw new CollateralError(`invalid YAML: ${firstError.message.split("\n")[0]}`, {
      position: at(firstError.pos[0]),
      rule: "yaml",
    });
  }
  const positionOf = (path: (string | number)[]) => at(offsetOf(doc, path));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // An alias bomb ("billion laughs") or a value YAML cannot build: the author's input, not a bug.
    throw new CollateralError(`invalid YAML: ${(error as Error).message.split("\n")[0]}`, {
      position: at(0),
      rule: "yaml",
    });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join(".")})` : "";
    throw new CollateralError(`${issue.message}${where}`, {
      position: positionOf(issue.path),
      rule: "schema",
    });
  }
  return { value: result.data, positionOf };
}

/** Offset of the deepest node on `path` that exists, so an error points as close as it can. */
function offsetOf(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}
