// The one orchestrator: workspace → parsed model → verified model (→ rendered collateral). CLI, server and watch call it.
import path from "node:path";
import { writeFileAtomic } from "./export/atomic-write.js";
import { loadCitedTexts } from "./ingest/cited/index.js";
import { loadWorkspace } from "./ingest/workspace.js";
import {
  type Claim,
  type CollateralModel,
  type LinkResult,
  type Message,
  MODEL_VERSION,
  type ParsedWorkspace,
  type Position,
  summarize,
} from "./model/index.js";
import { checkLinks, type LinkCheckOptions, skippedLinks } from "./verify/links/index.js";
import { verifyQuotes } from "./verify/quote/index.js";

export const OUTPUT_DIR = "output";

export interface CheckOptions {
  /** Skip online link checking: every link is reported `skipped`. */
  offline?: boolean;
  links?: Partial<LinkCheckOptions>;
  /** Write output/claims.json (default true). */
  writeModel?: boolean;
}

export interface CheckResult {
  model: CollateralModel;
  messages: Message[];
  claimsPath: string | null;
}

/** Parse, verify every quote (and, unless offline, every cited URL); write output/claims.json. */
export async function check(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const { model: parsed, messages } = await loadWorkspace(root);
  const texts = await loadCitedTexts(path.join(root, "sources"), parsed.sources);
  const quotes = verifyQuotes(parsed.claims, texts);
  const targets = linkTargets(parsed.claims);
  const links: LinkResult[] = options.offline
    ? skippedLinks(targets)
    : await checkLinks(targets, { root, ...options.links });
  const model = withReport(parsed, summarize(quotes, links));
  const claimsPath = options.writeModel === false ? null : await writeModel(root, model);
  return { model, messages, claimsPath };
}

export function withReport(
  parsed: ParsedWorkspace,
  report: CollateralModel["report"],
): CollateralModel {
  return { version: MODEL_VERSION, ...parsed, report };
}

/** Every distinct cited URL, with each place that cites it. */
export function linkTargets(claims: Claim[]): { url: string; positions: Position[] }[] {
  const byUrl = new Map<string, Position[]>();
  for (const citation of claims.flatMap((c) => c.citations)) {
    const positions = byUrl.get(citation.url) ?? [];
    positions.push(citation.position);
    byUrl.set(citation.url, positions);
  }
  return [...byUrl].map(([url, positions]) => ({ url, positions }));
}

export async function writeModel(root: string, model: CollateralModel): Promise<string> {
  const file = path.join(root, OUTPUT_DIR, "claims.json");
  await writeFileAtomic(file, `${JSON.stringify(model, null, 2)}\n`);
  return file;
}
