// The one orchestrator: workspace → parsed model → verified model → rendered collateral. CLI, server and watch call it.
import path from "node:path";
import { BrowserManager, type ExportedPiece, exportPieces } from "./export/index.js";
import { writeFileAtomic } from "./export/atomic-write.js";
import { CitedTextStore } from "./ingest/cited-store.js";
import { SourceDocumentStore } from "./ingest/document-store.js";
import type { LoadedWorkspace } from "./ingest/workspace.js";
import {
  type Claim,
  CollateralError,
  type CollateralModel,
  EXIT,
  FAILING_QUOTE_STATUSES,
  type LinkResult,
  MODEL_VERSION,
  type ParsedWorkspace,
  type Position,
  formatPosition,
  summarize,
} from "./model/index.js";
import { PIECES, type Piece, type RenderOptions, renderPiece } from "./render/index.js";
import { TemplateStore } from "./render/template-store.js";
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

export interface BuildOptions extends RenderOptions {
  only?: Piece[];
  /** Also write a PNG preview of each piece's first page. */
  png?: boolean;
  onPiece?: (piece: ExportedPiece) => void;
}

export interface Verified extends LoadedWorkspace {
  model: CollateralModel;
}

export interface BuildResult extends Verified {
  pieces: ExportedPiece[];
}

export class Pipeline {
  readonly documents: SourceDocumentStore;
  readonly cited: CitedTextStore;
  readonly templates: TemplateStore;
  private browserManager: BrowserManager | null = null;

  constructor(
    readonly root: string,
    options: { persistentCache?: boolean } = {},
  ) {
    this.documents = new SourceDocumentStore(root);
    this.cited = new CitedTextStore(root, { persistent: options.persistentCache ?? true });
    this.templates = new TemplateStore(root);
  }

  /** One Chromium for the pipeline's life, launched on first use. */
  get browser(): BrowserManager {
    this.browserManager ??= new BrowserManager();
    return this.browserManager;
  }

  /** Parse (re-using what has not changed) and verify every quote against its cited document. */
  async verify(): Promise<Verified> {
    const loaded = await this.documents.load();
    const texts = await this.cited.load(loaded.model.sources);
    const quotes = verifyQuotes(loaded.model.claims, texts);
    return { ...loaded, model: withReport(loaded.model, summarize(quotes, [])) };
  }

  async check(options: CheckOptions = {}): Promise<Verified & { claimsPath: string | null }> {
    const verified = await this.verify();
    const targets = linkTargets(verified.model.claims);
    const links: LinkResult[] = options.offline
      ? skippedLinks(targets)
      : await checkLinks(targets, { root: this.root, ...options.links });
    const model = withReport(verified.model, summarize(verified.model.report.quotes, links));
    const claimsPath = options.writeModel === false ? null : await writeModel(this.root, model);
    return { ...verified, model, claimsPath };
  }

  /** Verify, then render and print the pieces. Refuses to overwrite anything when a quote fails, unless draft. */
  async build(options: BuildOptions = {}): Promise<BuildResult> {
    // Start Chromium while the sources are parsed and verified: it is the slowest thing to start.
    this.browser.launch().catch(() => undefined);
    const [verified, templates] = await Promise.all([this.verify(), this.templates.load()]);
    const failures = failingQuotes(verified.model);
    if (failures.length && !options.draft) throw verificationError(failures);
    const pieces = options.only?.length ? options.only : [...PIECES];
    const rendered = pieces.map((piece) => renderPiece(templates, verified.model, piece, options));
    const outDir = path.join(this.root, OUTPUT_DIR);
    const exported = await exportPieces(this.browser, rendered, outDir, {
      png: options.png ?? false,
      ...(options.onPiece && { onPiece: options.onPiece }),
    });
    await writeModel(this.root, verified.model);
    return { ...verified, pieces: exported };
  }

  async close(): Promise<void> {
    await this.browserManager?.close();
    this.browserManager = null;
  }
}

/** Parse and verify quotes, and unless offline, links; write output/claims.json. */
export async function check(root: string, options: CheckOptions = {}) {
  const pipeline = new Pipeline(root);
  try {
    return await pipeline.check(options);
  } finally {
    await pipeline.close();
  }
}

export async function build(root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const pipeline = new Pipeline(root);
  try {
    return await pipeline.build(options);
  } finally {
    await pipeline.close();
  }
}

export function withReport(parsed: ParsedWorkspace, report: CollateralModel["report"]): CollateralModel {
  return { version: MODEL_VERSION, ...parsed, report };
}

export function failingQuotes(model: CollateralModel) {
  return model.report.quotes.filter((q) => FAILING_QUOTE_STATUSES.includes(q.status));
}

function verificationError(failures: ReturnType<typeof failingQuotes>): CollateralError {
  const lines = failures.map((q) => `  ${formatPosition(q.position)}: ${q.status}: “${q.text}” ${q.reason}`);
  return new CollateralError(
    `${failures.length} quote(s) failed verification; nothing was overwritten (use --draft to render anyway):\n${lines.join("\n")}`,
    { exitCode: EXIT.failed, rule: "verification" },
  );
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
