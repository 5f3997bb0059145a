// Where a piece of content came from: the file (relative to the workspace root), 1-based line and column.
import { z } from "zod";

export const PositionSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Position = z.infer<typeof PositionSchema>;

export function formatPosition(p: Position): string {
  return `${p.file}:${p.line}:${p.column}`;
}
