// The one orchestrator: workspace → parsed model → verified model → rendered collateral. CLI, server and watch call it.
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { removeStaleTemps } from "./export/atomic-write.js";
import { DeckFiles, pptxMessage } from "./export/deck-files.js";
import {
  assertWritable,
  BrowserManager,
  exportPieces,
  PieceLayoutError,
  warmUp,
} from "./export/index.js";
import { inspectOutput, OutputManifest } from "./export/manifest.js";
import { Downloader } from "./fetch/download.js";
import { type FetchOptions, type FetchResult, fetchSources } from "./fetch/run.js";
import { CitedTextStore } from "./ingest/cited-store.js";
import { SourceDocumentStore } from "./ingest/document-store.js";
import { type InitResult, initWorkspace } from "./init/index.js";
import { checkLock, lockMessages } from "./lock/check-lock.js";
import { lockDrift } from "./lock/drift.js";
import { readLock } from "./lock/lock-file.js";
import {
  type CollateralModel,
  type LinkResult,
  LOCK_FILE,
  type Message,
  summarize,
} from "./model/index.js";
import {
  citedSources,
  condensedNotes,
  contentKey,
  failingQuotes,
  linkTargets,
  outputDir,
  printInput,
  printKey,
  settled,
  verificationError,
  withMessages,
  withReport,
  writeModel,
} from "./pipeline/helpers.js";
import {
  type BuildOptions,
  type BuildResult,
  type CheckOptions,
  type OnePagerRequest,
  OUTPUT_DIR,
  PartialBuildError,
  type PipelineOptions,
  type Verified,
} from "./pipeline/types.js";
import { PIECES, type Piece, type RenderedPiece, renderPiece } from "./render/index.js";
import { TemplateStore } from "./render/template-store.js";
import { DEFAULT_ARCHIVE_API, suggestArchives } from "./verify/archive/suggest.js";
import { checkLinks, skippedLinks } from "./verify/links/index.js";
import { verifyLive } from "./verify/live/index.js";
import { verifyQuotes } from "./verify/quote/index.js";

export {
  failingQuotes,
  linkTargets,
  outputDir,
  withReport,
  writeModel,
} from "./pipeline/helpers.js";
export * from "./pipeline/types.js";

export class Pipeline {
  readonly documents: SourceDocumentStore;
  readonly cited: CitedTextStore;
  readonly templates: TemplateStore;
  private browserManager: BrowserManager | null = null;
  /** The background start of Chromium and its pages: close() waits for it, or a late warm-up relaunches Chromium. */
  private warming: Promise<void> = Promise.resolve();
  private closing = false;
  private lastVerified: { key: string; result: Verified } | null = null;
  /** The sha256 of each cited copy the last verify read, by registry id: the lock check reads them no more. */
  private readHashes: ReadonlyMap<string, string | null> = new Map();
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
    this.deckFiles = new DeckFiles(() => this.browser);
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
    const citedOnes = sources.filter((s) => cited.has(s.id));
    let texts = await this.cited.load(citedOnes);
    this.readHashes = new Map([...texts].map(([id, text]) => [id, text.hash]));
    // Said on every run, cached result or not: the lock may change (a fetch) while the copies do not.
    const drift = await lockDrift(this.root, citedOnes, texts);
    const key = `${this.documents.generation}:${[...texts.values()].map((t) => t.hash).join(",")}`;
    if (this.lastVerified?.key === key) return withMessages(this.lastVerified.result, drift);
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
    return withMessages(result, drift);
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
    // The local copies against sources/sources.lock, on every check (offline too): an edited copy is said.
    const lock = await readLock(this.root);
    let sources = await checkLock(this.root, verified.model.sources, lock, this.readHashes);
    let quotes = verified.model.report.quotes;
    const linkOptions = { root: this.root, ...options.links };
    const downloader = options.offline
      ? null
      : new Downloader({ ...linkOptions, ...(options.maxBytes && { maxBytes: options.maxBytes }) });
    let links: LinkResult[];
    if (options.offline || !downloader) {
      links = skippedLinks(targets);
    } else if (options.live) {
      const live = await this.checkLive(verified, { lock, sources, downloader });
      sources = live.sources;
      quotes = live.quotes;
      // A cited document's URL was answered by its live request; any other URL is checked as ever.
      const others = targets.filter((t) => !live.linkFor(t));
      const checked = await checkLinks(others, linkOptions);
      links = targets.map((t) => live.linkFor(t) ?? (checked[others.indexOf(t)] as LinkResult));
    } else {
      links = await checkLinks(targets, linkOptions);
    }
    if (downloader) {
      const archive = { ask: false, api: DEFAULT_ARCHIVE_API, ...options.archive };
      links = await suggestArchives(links, verified.model.sources, lock, archive, downloader);
    }
    const model = withReport(verified.model, summarize(quotes, links, sources));
    const outDir = path.join(this.root, OUTPUT_DIR);
    const claimsPath =
      options.writeModel === false
        ? null
        : await writeModel(this.root, model, new OutputManifest(outDir, contentKey(model)));
    // Pieces of two builds in output/ (one interrupted, say) are said, never passed over.
    // The report says each copy's lock status itself: the build's one-line drift warning would repeat it.
    const messages = [
      ...verified.messages.filter((m) => m.rule !== "lock-drift"),
      ...lockMessages(sources, lock),
      ...(await inspectOutput(outDir)),
    ];
    return { ...verified, messages, model, claimsPath };
  }

  /** `check --live`: each cited document asked for again and read with the same readers as its local copy. */
  private async checkLive(
    verified: Verified,
    run: Pick<Parameters<typeof verifyLive>[0], "lock" | "sources" | "downloader">,
  ) {
    const { claims, sources: registry } = verified.model;
    const cited = citedSources(claims);
    const texts = await this.cited.load(registry.filter((s) => cited.has(s.id)));
    return verifyLive(
      {
        ...run,
        registry,
        texts,
        quotes: verified.model.report.quotes,
        read: (bytes, name) => this.cited.readBytes(bytes, name),
      },
      cited,
    );
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
    const rendered = pieces.map((piece) =>
      renderPiece(templates, verified.model, piece, { ...options, workspace: this.root }),
    );
    const inputs = new Map(
      await Promise.all(rendered.map(async (r) => [r.piece, await printInput(r)] as const)),
    );
    const outDir = outputDir(this.root, options);
    const printed = rendered.filter((r) => r.piece !== "deck" || deckPdf);
    const changed = await this.unprinted(printed, inputs, options, outDir);
    // A tailored build leaves output/ itself (the generic pieces, claims.json, build.json) as it was.
    const generic = outDir === path.join(this.root, OUTPUT_DIR);
    // claims.json is written last: a folder in its way must stop the build before any piece is.
    const extra = [
      ...(generic ? ["claims.json"] : []),
      ...(pieces.includes("deck") && options.deck?.pptx !== false ? ["deck.pptx"] : []),
      ...(pieces.includes("deck") && options.notes ? ["deck-notes.pdf"] : []),
    ];
    await assertWritable(extra.map((f) => path.join(outDir, f)));
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
            outDir,
          )
        : Promise.resolve(null);
    made.catch(() => undefined);
    const recorded: Promise<void>[] = [];
    let layoutFailure: PieceLayoutError | null = null;
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
    })
      .catch((error: unknown) => {
        // A piece that cannot be laid out fails alone: the others are written, and said, before it is reported.
        if (!(error instanceof PieceLayoutError)) throw error;
        layoutFailure = error;
        return [...error.written];
      })
      .finally(() => Promise.all(recorded));
    const handout =
      deck && options.notes ? await this.deckFiles.writeHandout(deck, manifest, outDir) : null;
    const pptx = await this.deckFiles.writePptx(await made, manifest, outDir);
    if (generic) await writeModel(this.root, verified.model, manifest);
    const result: BuildResult = {
      ...verified,
      // The theme's warnings (an unknown label in labels.yaml) are the author's to see, like the sources'.
      messages: [
        ...verified.messages,
        ...templates.messages,
        ...condensedNotes(verified.model, exported),
        ...(pptx?.warning ? [pptxMessage(pptx.warning)] : []),
      ],
      pieces: exported,
      unchanged: printed.length - changed.length,
      outDir,
      pptx,
      handout,
    };
    if (layoutFailure) throw new PartialBuildError(result, layoutFailure);
    return result;
  }

  /** The pieces whose HTML or assets differ from what this pipeline last printed (or whose PDF is gone). */
  private async unprinted(
    rendered: RenderedPiece[],
    inputs: ReadonlyMap<Piece, string>,
    options: BuildOptions,
    outDir: string,
  ): Promise<RenderedPiece[]> {
    const out: RenderedPiece[] = [];
    for (const r of rendered) {
      const same = this.printed.get(printKey(r.piece, options)) === inputs.get(r.piece);
      const exists = await access(path.join(outDir, `${r.piece}.pdf`)).then(
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
    return renderPiece(templates, model, "one-pager", {
      audience: request.audience,
      prospect,
      workspace: this.root,
    });
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

/** A new workspace (see init/), its example document locked as it stands, so `check` has nothing to warn of. */
export async function init(root: string): Promise<InitResult> {
  const made = await initWorkspace(root);
  // No cache written: the new folder holds the starter's files and nothing else.
  const lockAll = { ids: [], update: false, local: true, dryRun: false, links: {} };
  await fetch(made.root, lockAll, { persistentCache: false });
  return { ...made, files: [...made.files, LOCK_FILE] };
}

/** Download (or lock as they stand) the cited documents' local copies and update sources/sources.lock. */
export async function fetch(
  root: string,
  options: FetchOptions,
  pipelineOptions: PipelineOptions = {},
): Promise<FetchResult> {
  const pipeline = new Pipeline(root, pipelineOptions);
  try {
    return await fetchSources(
      root,
      { documents: pipeline.documents, cited: pipeline.cited },
      options,
    );
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
