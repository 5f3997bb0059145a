// The orchestrator's small pure helpers and the model file it writes: what a print depends on, where a
// build's pieces go, the quotes that fail, claims.json.
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../export/atomic-write.js";
import { tailoredFolder } from "../export/file-stem.js";
import type { ExportedPiece } from "../export/index.js";
import type { OutputManifest } from "../export/manifest.js";
import {
  type Claim,
  type CollateralError,
  type CollateralModel,
  FAILING_QUOTE_STATUSES,
  type Message,
  MODEL_VERSION,
  type ParsedWorkspace,
  type Position,
  VerificationError,
} from "../model/index.js";
import type { Piece, RenderedPiece, RenderOptions } from "../render/index.js";
import { type BuildOptions, OUTPUT_DIR, type Verified } from "./types.js";

export function withMessages(verified: Verified, more: Message[]): Verified {
  return more.length ? { ...verified, messages: [...verified.messages, ...more] } : verified;
}

/** The values of settled promises, or the first one's rejection, in their order. */
export function settled<T extends unknown[]>(
  results: { [K in keyof T]: PromiseSettledResult<T[K]> },
): T {
  for (const r of results) if (r.status === "rejected") throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

/** output/, or for a build tailored to an audience or prospect its own folder under it: never over the generic pieces. */
export function outputDir(root: string, options: RenderOptions): string {
  const folder = tailoredFolder(options.audience, options.prospect?.company);
  return path.join(root, OUTPUT_DIR, ...(folder ? [folder] : []));
}

/** A one-pager printed in its compact form is said: the author may prefer to choose its claims. */
export function condensedNotes(
  model: CollateralModel,
  pieces: readonly ExportedPiece[],
): Message[] {
  if (!pieces.some((p) => p.condensed)) return [];
  return [
    {
      position: { file: model.files[0] ?? "sources", line: 1, column: 1 },
      reason:
        "the one-pager's full text does not fit on one page, so it was condensed to each claim's headline, benefit and quotes; choose what it holds with `one-pager:` in the front matter",
      rule: "one-pager-condensed",
    },
  ];
}

/** What a print depends on: the HTML, and the files it refers to (a replaced theme logo changes no HTML). */
export async function printInput(rendered: RenderedPiece): Promise<string> {
  const stamps = await Promise.all(
    rendered.assets.map(async (a) => {
      const info = await stat(a.path).catch(() => null);
      return `${a.rel}=${a.path}:${info?.size}:${info?.mtimeMs}`;
    }),
  );
  return `${stamps.join("\n")}\n${rendered.html}`;
}

export function printKey(piece: Piece, options: BuildOptions): string {
  return JSON.stringify([
    piece,
    options.audience,
    options.prospect,
    options.draft,
    options.paper,
    options.png,
  ]);
}

export function withReport(
  parsed: ParsedWorkspace,
  report: CollateralModel["report"],
): CollateralModel {
  return { version: MODEL_VERSION, ...parsed, report };
}

export function failingQuotes(model: CollateralModel) {
  return model.report.quotes.filter((q) => FAILING_QUOTE_STATUSES.includes(q.status));
}

export function verificationError(failures: ReturnType<typeof failingQuotes>): CollateralError {
  return new VerificationError(failures);
}

/** The registry ids that some citation names. */
export function citedSources(claims: Claim[]): Set<string> {
  const ids = new Set<string>();
  for (const citation of claims.flatMap((c) => c.citations)) {
    if (citation.source !== null) ids.add(citation.source);
  }
  return ids;
}

/** Every distinct web URL (cited, or a prose link), with each place that names it. */
export function linkTargets(claims: Claim[]): { url: string; positions: Position[] }[] {
  const byUrl = new Map<string, Position[]>();
  for (const citation of claims.flatMap((c) => [...c.citations, ...(c.links ?? [])])) {
    const positions = byUrl.get(citation.url) ?? [];
    positions.push(citation.position);
    byUrl.set(citation.url, positions);
  }
  return [...byUrl].map(([url, positions]) => ({ url, positions }));
}

export async function writeModel(
  root: string,
  model: CollateralModel,
  manifest?: OutputManifest,
): Promise<string> {
  const file = path.join(root, OUTPUT_DIR, "claims.json");
  const text = `${JSON.stringify(model, null, 2)}\n`;
  await writeFileAtomic(file, text);
  await manifest?.record("claims.json", text);
  return file;
}

/** What the pieces say: the claims, the document's data and the sources (not the report's link results). */
export function contentKey(model: CollateralModel): string {
  return createHash("sha256")
    .update(JSON.stringify([model.meta, model.claims, model.sources]))
    .digest("hex")
    .slice(0, 16);
}
