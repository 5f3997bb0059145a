// The one orchestrator: workspace → parsed model → verified model → rendered collateral. CLI, server and watch call it.
import { createHash } from "node:crypto";
import { access, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { removeStaleTemps, writeFileAtomic } from "./export/atomic-write.js";
import {
  DeckFiles,
  pptxMessage,
  type WrittenHandout,
  type WrittenPptx,
} from "./export/deck-files.js";
import {
  assertWritable,
  BrowserManager,
  type ExportedPiece,
  exportPieces,
  warmUp,
} from "./export/index.js";
import { inspectOutput, OutputManifest } from "./export/manifest.js";
import type { ReadLimits } from "./ingest/cited/index.js";
import { CitedTextStore } from "./ingest/cited-store.js";
import { SourceDocumentStore } from "./ingest/document-store.js";
import type { LoadedWorkspace } from "./ingest/workspace.js";
import {
  type Claim,
  CollateralError,
  type CollateralModel,
  EXIT,
  FAILING_QUOTE_STATUSES,
  formatPosition,
  type LinkResult,
  type Message,
  MODEL_VERSION,
  type ParsedWorkspace,
  type Position,
  summarize,
} from "./model/index.js";
import {
  PIECES,
  type Piece,
  type RenderedPiece,
  type RenderOptions,
  renderPiece,
} from "./render/index.js";
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
  /** Write each piece as soon as it has printed (watch mode), rather than all together once all have. */
  writeEach?: boolean;
  /** Which files of the deck to write: deck.pdf and deck.pptx both unless one is turned off (`--only deck.pptx`). */
  deck?: { pdf?: boolean; pptx?: boolean };
  /** Also write deck-notes.pdf: each slide with its speaker notes below it (a handout). */
  notes?: boolean;
}

export interface OnePagerRequest {
  audience: string;
  company: string;
  contact?: string;
}

export interface Verified extends LoadedWorkspace {
  model: CollateralModel;
}

export interface BuildResult extends Verified {
  /** The pieces printed by this build. */
  pieces: ExportedPiece[];
  /** How many requested pieces were already up to date. */
  unchanged: number;
  /** output/deck.pptx when this build wrote it (null when not asked for, or unchanged since this pipeline wrote it). */
  pptx: WrittenPptx | null;
  /** output/deck-notes.pdf when `notes` was asked for. */
  handout: WrittenHandout | null;
}

export interface PipelineOptions {
  /** Keep parsed cited documents under .collateral-cache/ between runs (default true). */
  persistentCache?: boolean;
  /** The bounds each cited document is read within (defaults: DEFAULT_READ_LIMITS). */
  readLimits?: ReadLimits;
  /** Prints a browser page makes before a fresh one replaces it (default 100). */
  recyclePageAfter?: number;
  /** A browser already starting (the CLI launches Chromium before it loads the pipeline); closed with it. */
  browser?: BrowserManager;
}

export class Pipeline {
  readonly documents: SourceDocumentStore;
  readonly cited: CitedTextStore;
  readonly templates: TemplateStore;
  private browserManager: BrowserManager | null = null;
  /** The background start of Chromium and its pages: close() waits for it, or a late warm-up relaunches Chromium. */
  private warming: Promise<void> = Promise.resolve();
  private closing = false;
  private lastVerified: { key: string; result: Verified } | null = null;
  /** Times quotes were verified: a build whose sources and cited texts are unchanged re-uses the last result. */
  verifications = 0;
  /** HTML (and asset stamps) last printed per piece and options: an unchanged piece is not printed again. */
  private readonly printed = new Map<string, string>();
  /** deck.pptx and the deck-notes.pdf handout, beside deck.pdf. */
  private readonly deckFiles: DeckFiles;

  constructor(
    readonly root: string,
    private readonly options: PipelineOptions = {},
  ) {
    this.browserManager = options.browser ?? null;
    this.documents = new SourceDocumentStore(root);
    this.cited = new CitedTextStore(root, {
      persistent: options.persistentCache ?? true,
      ...(options.readLimits && { limits: options.readLimits }),
      // Saved pages are read in the pipeline's own Chromium, started when the first one is read.
      browser: () => this.browser.browser(),
    });
    this.templates = new TemplateStore(root);
    this.deckFiles = new DeckFiles(path.join(root, OUTPUT_DIR), () => this.browser);
  }

  /** The running Chromium's process id (for memory figures), if one runs. */
  get browserProcessId(): number | undefined {
    return this.browserManager?.process?.pid;
  }

  /** One Chromium for the pipeline's life, launched on first use. */
  get browser(): BrowserManager {
    this.browserManager ??= new BrowserManager({
      ...(this.options.recyclePageAfter && { recyclePageAfter: this.options.recyclePageAfter }),
    });
    return this.browserManager;
  }

  /**
   * Parse (re-using what has not changed) and verify every quote against its cited document. Only the
   * documents a citation names are read; the rest of the registry is read only when a quote is not
   * found or cites nothing, to tell where it is after all (misattributed) or which document holds it.
   */
  async verify(): Promise<Verified> {
    const loaded = await this.documents.load();
    const { claims, sources } = loaded.model;
    const cited = citedSources(claims);
    let texts = await this.cited.load(sources.filter((s) => cited.has(s.id)));
    const key = `${this.documents.generation}:${[...texts.values()].map((t) => t.hash).join(",")}`;
    if (this.lastVerified?.key === key) return this.lastVerified.result;
    let quotes = verifyQuotes(claims, texts);
    const elsewhere = quotes.some((q) => q.status === "not-found" || q.status === "uncited");
    if (elsewhere && texts.size < sources.length) {
      texts = await this.cited.load(sources, { more: true });
      quotes = verifyQuotes(claims, texts);
    }
    this.verifications++;
    const result = {
      ...loaded,
      messages: [...loaded.messages, ...this.pagesReadWithoutBrowser()],
      model: withReport(loaded.model, summarize(quotes, [])),
    };
    // Verified against documents beyond the cited ones, the result also depends on those: not kept.
    this.lastVerified = elsewhere ? null : { key, result };
    return result;
  }

  /** Saved pages read by parsing alone, Chromium having failed to start: said, since what their styles hide is read. */
  private pagesReadWithoutBrowser(): Message[] {
    return this.cited.readWithoutBrowser.map(({ file, why }) => ({
      position: { file: `sources/${file}`, line: 1, column: 1 },
      reason: `saved page read without a browser, so text its styles hide is read as shown (${why})`,
      rule: "saved-page-unstyled",
    }));
  }

  async check(options: CheckOptions = {}): Promise<Verified & { claimsPath: string | null }> {
    const verified = await this.verify();
    const targets = linkTargets(verified.model.claims);
    const links: LinkResult[] = options.offline
      ? skippedLinks(targets)
      : await checkLinks(targets, { root: this.root, ...options.links });
    const model = withReport(verified.model, summarize(verified.model.report.quotes, links));
    const outDir = path.join(this.root, OUTPUT_DIR);
    const claimsPath =
      options.writeModel === false
        ? null
        : await writeModel(this.root, model, new OutputManifest(outDir, contentKey(model)));
    // Pieces of two builds in output/ (one interrupted, say) are said, never passed over.
    const messages = [...verified.messages, ...(await inspectOutput(outDir))];
    return { ...verified, messages, model, claimsPath };
  }

  /** Verify, then render and print the pieces. Refuses to overwrite anything when a quote fails, unless draft. */
  async build(options: BuildOptions = {}): Promise<BuildResult> {
    const pieces = options.only?.length ? options.only : [...PIECES];
    const deckPdf = options.deck?.pdf !== false;
    // Start Chromium, and open its pages, while the sources are parsed and verified: it is the slowest to start.
    // A build of deck.pptx alone prints nothing, and starts no browser.
    if (pieces.some((p) => p !== "deck" || deckPdf) || options.notes)
      this.warming = this.browser
        .launch()
        .then(() => (this.closing ? undefined : warmUp(this.browser)))
        .catch(() => undefined);
    // Both settle before either's failure is thrown: a verification left running would read on (and
    // start a browser for a saved page) after the pipeline has closed.
    const [verified, templates] = settled(
      await Promise.allSettled([this.verify(), this.templates.load()]),
    );
    const failures = failingQuotes(verified.model);
    if (failures.length && !options.draft) throw verificationError(failures);
    const rendered = pieces.map((piece) => renderPiece(templates, verified.model, piece, options));
    const inputs = new Map(
      await Promise.all(rendered.map(async (r) => [r.piece, await printInput(r)] as const)),
    );
    const printed = rendered.filter((r) => r.piece !== "deck" || deckPdf);
    const changed = await this.unprinted(printed, inputs, options);
    const outDir = path.join(this.root, OUTPUT_DIR);
    // claims.json is written last: a folder in its way must stop the build before any piece is.
    const extra = [
      ...(pieces.includes("deck") && options.deck?.pptx !== false ? ["deck.pptx"] : []),
      ...(pieces.includes("deck") && options.notes ? ["deck-notes.pdf"] : []),
    ];
    await assertWritable(["claims.json", ...extra].map((f) => path.join(outDir, f)));
    await removeStaleTemps(outDir);
    const manifest = new OutputManifest(outDir, contentKey(verified.model));
    const deck = rendered.find((r) => r.piece === "deck");
    // Made while Chromium prints (this thread waits on it then); written only once the PDFs are.
    const made =
      deck && options.deck?.pptx !== false
        ? this.deckFiles.makePptx(
            deck,
            templates,
            printKey("deck", options) + (inputs.get("deck") ?? ""),
          )
        : Promise.resolve(null);
    made.catch(() => undefined);
    const recorded: Promise<void>[] = [];
    const exported = await exportPieces(this.browser, changed, outDir, {
      png: options.png ?? false,
      writeEach: options.writeEach ?? false,
      // Remembered as each piece lands: when a later one fails, those already written are not printed again.
      onPiece: (piece) => {
        this.printed.set(printKey(piece.piece, options), inputs.get(piece.piece) ?? "");
        recorded.push(
          readFile(piece.pdfPath).then((bytes) => manifest.record(`${piece.piece}.pdf`, bytes)),
        );
        options.onPiece?.(piece);
      },
    }).finally(() => Promise.all(recorded));
    const handout =
      deck && options.notes ? await this.deckFiles.writeHandout(deck, manifest) : null;
    const pptx = await this.deckFiles.writePptx(await made, manifest);
    await writeModel(this.root, verified.model, manifest);
    const messages = pptx?.warning
      ? [...verified.messages, pptxMessage(pptx.warning)]
      : verified.messages;
    return {
      ...verified,
      messages,
      pieces: exported,
      unchanged: printed.length - changed.length,
      pptx,
      handout,
    };
  }

  /** The pieces whose HTML or assets differ from what this pipeline last printed (or whose PDF is gone). */
  private async unprinted(
    rendered: RenderedPiece[],
    inputs: ReadonlyMap<Piece, string>,
    options: BuildOptions,
  ): Promise<RenderedPiece[]> {
    const out: RenderedPiece[] = [];
    for (const r of rendered) {
      const same = this.printed.get(printKey(r.piece, options)) === inputs.get(r.piece);
      const exists = await access(path.join(this.root, OUTPUT_DIR, `${r.piece}.pdf`)).then(
        () => true,
        () => false,
      );
      if (!same || !exists) out.push(r);
    }
    return out;
  }

  /** A one-pager tailored to an audience and prospect, rendered in memory (portal, batch). */
  async renderOnePager(model: CollateralModel, request: OnePagerRequest): Promise<RenderedPiece> {
    const templates = await this.templates.load();
    const prospect = {
      company: request.company,
      ...(request.contact && { contact: request.contact }),
    };
    return renderPiece(templates, model, "one-pager", { audience: request.audience, prospect });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.warming;
    const manager = this.browserManager;
    await manager?.close();
    // Two failed renders may close at once: the first to finish may already have started a fresh browser.
    if (this.browserManager === manager) this.browserManager = null;
    this.closing = false;
  }
}

/** The values of settled promises, or the first one's rejection, in their order. */
function settled<T extends unknown[]>(results: { [K in keyof T]: PromiseSettledResult<T[K]> }): T {
  for (const r of results) if (r.status === "rejected") throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

/** Parse and verify quotes, and unless offline, links; write output/claims.json. */
export async function check(
  root: string,
  options: CheckOptions = {},
  pipelineOptions: PipelineOptions = {},
) {
  const pipeline = new Pipeline(root, pipelineOptions);
  try {
    return await pipeline.check(options);
  } finally {
    await pipeline.close();
  }
}

export async function build(
  root: string,
  options: BuildOptions = {},
  pipelineOptions: PipelineOptions = {},
): Promise<BuildResult> {
  const pipeline = new Pipeline(root, pipelineOptions);
  try {
    return await pipeline.build(options);
  } finally {
    await pipeline.close();
  }
}

/** What a print depends on: the HTML, and the files it refers to (a replaced theme logo changes no HTML). */
async function printInput(rendered: RenderedPiece): Promise<string> {
  const stamps = await Promise.all(
    rendered.assets.map(async (a) => {
      const info = await stat(a.path).catch(() => null);
      return `${a.rel}=${a.path}:${info?.size}:${info?.mtimeMs}`;
    }),
  );
  return `${stamps.join("\n")}\n${rendered.html}`;
}

function printKey(piece: Piece, options: BuildOptions): string {
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

function verificationError(failures: ReturnType<typeof failingQuotes>): CollateralError {
  const lines = failures.map(
    (q) => `  ${formatPosition(q.position)}: ${q.status}: “${q.text}” ${q.reason}`,
  );
  return new CollateralError(
    `${failures.length} quote(s) failed verification; nothing was overwritten (use --draft to render anyway):\n${lines.join("\n")}`,
    { exitCode: EXIT.failed, rule: "verification" },
  );
}

/** The registry ids that some citation names. */
function citedSources(claims: Claim[]): Set<string> {
  const ids = new Set<string>();
  for (const citation of claims.flatMap((c) => c.citations)) {
    if (citation.source !== null) ids.add(citation.source);
  }
  return ids;
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
function contentKey(model: CollateralModel): string {
  return createHash("sha256")
    .update(JSON.stringify([model.meta, model.claims, model.sources]))
    .digest("hex")
    .slice(0, 16);
}
