// `collateral fetch`: plan each entry, write the new local copies atomically, re-anchor their quotes, update the lock, and say which quotes change status.
import path from "node:path";
import { removeStaleTemps, writeFileAtomic } from "../export/atomic-write.js";
import { resolveCitedPath, resolveContainedPath } from "../ingest/cited/index.js";
import type { CitedTextStore } from "../ingest/cited-store.js";
import type { SourceDocumentStore } from "../ingest/document-store.js";
import { REGISTRY_FILE } from "../ingest/registry.js";
import { anchorsFor } from "../lock/anchors.js";
import { lockedEntry, sourcesRecord } from "../lock/entry.js";
import { hashLocalCopy } from "../lock/hash-file.js";
import { emptyLock, formatLock, readLock, writeLock } from "../lock/lock-file.js";
import { registryPositions } from "../lock/registry-positions.js";
import {
  type CitedText,
  type Claim,
  CollateralError,
  EXIT,
  formatPosition,
  type LockFile,
  type Position,
  type QuoteResult,
  type QuoteStatus,
  type Source,
} from "../model/index.js";
import type { LinkCheckOptions } from "../verify/links/index.js";
import { verifyQuotes } from "../verify/quote/index.js";
import { Downloader } from "./download.js";
import { planSource, type SourcePlan } from "./plan.js";

export interface FetchOptions {
  /** Registry ids to fetch; empty: every entry. */
  ids: string[];
  /** Ask each URL for a newer version and take it (`--update`). */
  update: boolean;
  /** Lock the local copies as they stand; no network (`--local`). */
  local: boolean;
  /** Say what would change; write nothing (`--dry-run`). */
  dryRun: boolean;
  /** `--local` also re-locks copies that differ from their lock entry without their ids being named (`--force`). */
  force?: boolean;
  maxBytes?: number;
  links: Partial<LinkCheckOptions>;
  now?: () => Date;
}

export interface QuoteChange {
  id: string;
  text: string;
  position: Position;
  cited: string | null;
  before: { status: QuoteStatus; pages: number[] };
  after: { status: QuoteStatus; pages: number[]; reason: string };
}

export interface FetchResult {
  plans: SourcePlan[];
  /** Quotes whose status or pages differ between the local copies before and after. */
  changes: QuoteChange[];
  /** Quotes this fetch makes fail (they held against the copies before it). */
  failing: QuoteChange[];
  /** Lock entries dropped because their id left the registry. */
  dropped: string[];
  lockWritten: boolean;
  requests: number;
}

export async function fetchSources(
  root: string,
  stores: { documents: SourceDocumentStore; cited: CitedTextStore },
  options: FetchOptions,
): Promise<FetchResult> {
  const loaded = await stores.documents.load();
  const { sources: registry, claims } = loaded.model;
  const unknown = options.ids.filter((id) => !registry.some((s) => s.id === id));
  if (unknown.length) {
    const known = registry.map((s) => s.id).join(", ") || "none";
    throw new CollateralError(
      `no registry entry with id ${unknown.map((id) => `"${id}"`).join(", ")} (ids: ${known})`,
      {
        position: { file: REGISTRY_FILE, line: 1, column: 1 },
        exitCode: EXIT.usage,
        rule: "fetch",
      },
    );
  }
  const chosen = options.ids.length ? registry.filter((s) => options.ids.includes(s.id)) : registry;
  const existing = await readLock(root);
  const lock = existing ?? emptyLock();
  const downloader = options.local
    ? null
    : new Downloader({ ...options.links, ...(options.maxBytes && { maxBytes: options.maxBytes }) });
  const read = (bytes: Uint8Array, name: string) => stores.cited.readBytes(bytes, name);
  const sourcesDir = path.join(root, "sources");
  const positions = await registryPositions(root);
  const shared = sharedFiles(sourcesDir, registry, positions);
  const plans = await Promise.all(
    chosen.map(async (source) => {
      const target = await resolveContainedPath(sourcesDir, source.file);
      return planSource({
        source,
        local: await hashLocalCopy(sourcesDir, source.file),
        entry: lockedEntry(lock, source.id),
        update: options.update,
        localOnly: options.local,
        explicit: options.force === true || options.ids.includes(source.id),
        refusal: target.ok ? (shared.get(source.id) ?? null) : `not written: ${target.reason}`,
        position: positions.get(source.id) ?? null,
        downloader,
        read,
        now: options.now ?? (() => new Date()),
      });
    }),
  );

  // Quotes against the copies as they are, and as they will be: the consequence a reviewer sees.
  const before = await stores.cited.load(registry);
  const after = new Map(before);
  for (const p of plans) {
    if (p.parsed?.ok) after.set(p.source.id, textOf(p, p.parsed));
  }
  const verifiedBefore = verifyQuotes(claims, before);
  const verifiedAfter = verifyQuotes(claims, after);
  const changes = quoteChanges(verifiedBefore, verifiedAfter);

  const next = nextLock(lock, plans, claims, after, registry);
  const dropped = Object.keys(lock.sources).filter((id) => !registry.some((s) => s.id === id));
  const lockChanged = existing
    ? formatLock(existing) !== formatLock(next)
    : Object.keys(next.sources).length > 0;
  if (!options.dryRun) {
    await sweepTemps(sourcesDir, chosen);
    for (const p of plans) if (p.bytes) await writeCopy(sourcesDir, p, p.bytes);
    if (lockChanged) await writeLock(root, next);
  }
  return {
    plans,
    changes,
    failing: changes.filter((c) => FAILING.includes(c.after.status)),
    dropped,
    lockWritten: lockChanged && !options.dryRun,
    requests: downloader?.requests ?? 0,
  };
}

/** The lock after the fetch: entries the plans record, anchored in the texts as they will be; the others as they were; ids gone from the registry dropped. */
function nextLock(
  lock: LockFile,
  plans: SourcePlan[],
  claims: Claim[],
  texts: ReadonlyMap<string, CitedText>,
  registry: Source[],
): LockFile {
  const next: LockFile = { lockVersion: lock.lockVersion, sources: sourcesRecord() };
  for (const source of registry) {
    const entry = plans.find((p) => p.source.id === source.id)?.entry;
    const old = lockedEntry(lock, source.id);
    if (entry) next.sources[source.id] = { ...entry, quotes: anchorsFor(claims, texts, source.id) };
    else if (old) next.sources[source.id] = old;
  }
  return next;
}

/**
 * Registry ids whose `file` another id names too, with why they are refused: one file cannot hold two
 * entries' downloads, nor one lock hash stand for two URLs.
 */
function sharedFiles(
  sourcesDir: string,
  registry: Source[],
  positions: ReadonlyMap<string, Position>,
): Map<string, string> {
  const byPath = new Map<string, Source[]>();
  for (const source of registry) {
    const resolved = resolveCitedPath(sourcesDir, source.file);
    if (!resolved.ok) continue;
    byPath.set(resolved.path, [...(byPath.get(resolved.path) ?? []), source]);
  }
  const refused = new Map<string, string>();
  for (const sources of byPath.values()) {
    if (sources.length < 2) continue;
    for (const source of sources) {
      const others = sources
        .filter((o) => o !== source)
        .map((o) => {
          const at = positions.get(o.id);
          return at ? `${o.id} (${formatPosition(at)})` : o.id;
        });
      refused.set(
        source.id,
        `not written: ${source.file} is also the local copy of ${others.join(", ")}; one file cannot hold two entries' documents: give each entry its own \`file\``,
      );
    }
  }
  return refused;
}

/** Temp files an interrupted fetch left beside the copies (and the lock) are removed before new ones are written. */
async function sweepTemps(sourcesDir: string, sources: Source[]): Promise<void> {
  const dirs = new Set([sourcesDir]);
  for (const source of sources) {
    const target = await resolveContainedPath(sourcesDir, source.file);
    if (target.ok) dirs.add(path.dirname(target.path));
  }
  await Promise.all([...dirs].map((dir) => removeStaleTemps(dir)));
}

/** The copy written atomically, its path checked again just before: a link swapped in since planning is refused. */
async function writeCopy(sourcesDir: string, plan: SourcePlan, bytes: Buffer): Promise<void> {
  const target = await resolveContainedPath(sourcesDir, plan.source.file);
  if (!target.ok) {
    throw new CollateralError(`${plan.source.id}: not written: ${target.reason}`, {
      position: plan.position ?? { file: REGISTRY_FILE, line: 1, column: 1 },
      rule: "fetch",
    });
  }
  await writeFileAtomic(target.path, bytes);
}

const FAILING: QuoteStatus[] = [
  "not-found",
  "misattributed",
  "source-missing",
  "source-unreadable",
];

function textOf(plan: SourcePlan, parsed: Extract<SourcePlan["parsed"], { ok: true }>): CitedText {
  return {
    readable: true,
    source: plan.source.id,
    kind: parsed.kind,
    pages: parsed.pages,
    asides: parsed.asides ?? [],
    hash: plan.entry?.sha256 ?? "",
  };
}

function quoteChanges(before: QuoteResult[], after: QuoteResult[]): QuoteChange[] {
  return after.flatMap((q) => {
    const old = before.find((b) => b.id === q.id);
    if (!old || (old.status === q.status && old.pages.join() === q.pages.join())) return [];
    return [
      {
        id: q.id,
        text: q.text,
        position: q.position,
        cited: q.cited,
        before: { status: old.status, pages: old.pages },
        after: { status: q.status, pages: q.pages, reason: q.reason },
      },
    ];
  });
}
