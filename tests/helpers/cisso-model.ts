// Test helper: the real CISSO workspace through the real ingest, plus a hand-made report (every quote verified, p. 2).
import path from "node:path";
import { loadWorkspace } from "../../src/ingest/workspace.js";
import {
  type CollateralModel,
  CollateralModelSchema,
  MODEL_VERSION,
  type QuoteResult,
  type QuoteStatus,
  summarize,
} from "../../src/model/index.js";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface ModelOptions {
  /** Status per quote id (default verified). */
  statuses?: Record<string, QuoteStatus>;
  pages?: number[];
}

/** Builds the model of a workspace (default: this repository) with every quote verified unless told otherwise. */
export async function cissoModel(
  root = REPO_ROOT,
  options: ModelOptions = {},
): Promise<CollateralModel> {
  const { model } = await loadWorkspace(root);
  const quotes: QuoteResult[] = model.claims.flatMap((claim) =>
    claim.quotes.map((quote) => {
      const citation = claim.citations.find((c) => c.index === quote.citation) ?? null;
      const status = options.statuses?.[quote.id] ?? (citation ? "verified" : "uncited");
      return {
        id: quote.id,
        claim: claim.id,
        text: quote.text,
        cited: citation?.source ?? null,
        citedUrl: citation?.url ?? null,
        status,
        pages:
          status === "verified" && citation?.url.endsWith(".pdf") ? (options.pages ?? [2]) : [],
        foundIn: status === "verified" ? (citation?.source ?? null) : null,
        reason: status === "verified" ? "" : `hand-made ${status} for tests`,
        position: quote.position,
        closest: null,
      };
    }),
  );
  return CollateralModelSchema.parse({
    version: MODEL_VERSION,
    ...model,
    report: summarize(quotes, []),
  });
}
