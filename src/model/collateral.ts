// The claims-and-citations model: everything the sources say, plus verification. Written to output/claims.json.
import { z } from "zod";
import { ClaimSchema } from "./claim.js";
import { DocumentMetaSchema } from "./document.js";
import { ReportSchema } from "./report.js";
import { SourceSchema } from "./source.js";

export const MODEL_VERSION = 1;

export const CollateralModelSchema = z.object({
  version: z.literal(MODEL_VERSION),
  /** Source Markdown files, relative to the workspace root, in reading order. */
  files: z.array(z.string()),
  meta: DocumentMetaSchema,
  sources: z.array(SourceSchema),
  claims: z.array(ClaimSchema),
  report: ReportSchema,
});
export type CollateralModel = z.infer<typeof CollateralModelSchema>;

/** The model before verification: what ingest produces. */
export type ParsedWorkspace = Omit<CollateralModel, "report" | "version">;
