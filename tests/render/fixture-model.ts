// Test helper: the hand-made CISSO model (tests/fixtures/render/cisso-model.json), parsed with the real schema.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type CollateralModel,
  CollateralModelSchema,
  type QuoteStatus,
  summarize,
} from "../../src/model/index.js";

export const FIXTURE_FILE = path.resolve(
  import.meta.dirname,
  "../fixtures/render/cisso-model.json",
);

export interface FixtureOptions {
  /** Status per quote id (the fixture has every quote verified). */
  statuses?: Record<string, QuoteStatus>;
  /** Pages of every verified quote from a PDF source (the fixture says [2]). */
  pages?: number[];
}

/** The fixture as written, unparsed: tests compare it with what the schema makes of it. */
export function fixtureJson(): unknown {
  return JSON.parse(readFileSync(FIXTURE_FILE, "utf8"));
}

/** A fresh copy of the CISSO model, with quote results changed as asked. */
export function fixtureModel(options: FixtureOptions = {}): CollateralModel {
  const model = CollateralModelSchema.parse(fixtureJson());
  const quotes = model.report.quotes.map((result) => {
    const status = options.statuses?.[result.id] ?? result.status;
    if (status !== "verified")
      return { ...result, status, pages: [], foundIn: null, reason: `hand-made ${status}` };
    const pages = options.pages && result.pages.length ? options.pages : result.pages;
    return { ...result, pages };
  });
  return { ...model, report: summarize(quotes, model.report.links) };
}
