// The messages between collateral and its reader processes.
import type { CitedFormat } from "../format.js";
import type { ParsedCited } from "../parse-result.js";
import type { ReadLimits } from "./limits.js";

/** Read one document. */
export interface ReadJob {
  id: number;
  bytes: Uint8Array;
  kind: CitedFormat;
  limits: ReadLimits;
}

export type ReadAnswer =
  | { id: number; parsed: ParsedCited }
  | { id: number; error: { name: string; message: string } };
