// What `collateral fetch` does with one registry entry: download it, lock it as it stands, leave it, or refuse, and why.

import type { ParsedCited } from "../ingest/cited/index.js";
import { hashBytes } from "../ingest/cited/index.js";
import { canonicalUrl } from "../ingest/registry.js";
import { entryMismatch, validatorsOf } from "../lock/entry.js";
import type { FileHash } from "../lock/hash-file.js";
import type { LockEntry, Position, Source } from "../model/index.js";
import { notTheDocument } from "../verify/live/document-kind.js";
import type { Download, Downloader } from "./download.js";
import { megabytes } from "./download.js";

export type FetchAction =
  /** A local copy was missing: downloaded and locked. */
  | "downloaded"
  /** `--update`: the live version replaced the local copy. */
  | "updated"
  /** The copy as it stands was locked (`--local`, or the live copy is the same bytes). */
  | "locked"
  /** Nothing to do: the local copy is the locked one (with `--update`: the URL serves it still). */
  | "unchanged"
  /** Not written: the live copy differs from a local copy nothing locks, or the local copy was edited since it was locked. */
  | "kept"
  /** Not written: what the URL serves is not the document, or no answer. */
  | "failed";

export interface SourcePlan {
  source: Source;
  action: FetchAction;
  reason: string;
  /** Bytes to write to the local copy (downloaded, updated). */
  bytes: Buffer | null;
  /** Their text, read with the readers `check` uses (anchors and quote statuses come from it). */
  parsed: ParsedCited | null;
  /** The lock entry to record (without its quote anchors, added once every text is known), or null to leave the lock as it is. */
  entry: Omit<LockEntry, "quotes"> | null;
  /** The entry's `id:` line in sources/sources.yaml, when found: what a refusal or a kept copy points at. */
  position: Position | null;
}

export interface PlanInput {
  source: Source;
  local: FileHash;
  /** The lock's entry for this id, whatever URL and file it records. */
  entry: LockEntry | null;
  update: boolean;
  localOnly: boolean;
  /** The id was named on the command line, or `--force`: a changed copy may be locked as it stands. */
  explicit: boolean;
  /** Why the entry may not be written at all (its file outside sources/, or shared with another id), or null. */
  refusal: string | null;
  position: Position | null;
  downloader: Downloader | null;
  read: (bytes: Uint8Array, name: string) => Promise<ParsedCited>;
  now: () => Date;
}

type Plan = (action: FetchAction, reason: string, more?: Partial<SourcePlan>) => SourcePlan;

export async function planSource(input: PlanInput): Promise<SourcePlan> {
  const { source, local, entry } = input;
  const plan: Plan = (action, reason, more = {}) => ({
    source,
    action,
    reason,
    bytes: null,
    parsed: null,
    entry: null,
    position: input.position,
    ...more,
  });
  if (input.refusal) return plan("failed", input.refusal);
  if (input.localOnly) return planLocal(input, plan);
  const mismatch = entry ? entryMismatch(entry, source) : null;
  // The entry as the registry names it now; and the entry for this file, whatever URL it records.
  const current = entry && !mismatch ? entry : null;
  const prior = entry && entry.file === source.file ? entry : null;
  if (local.ok && current?.sha256 === local.sha256 && !input.update) {
    return plan(
      "unchanged",
      "the local copy is the locked one (`--update` asks the URL for a newer one)",
      { entry: withoutQuotes(current) },
    );
  }
  if (local.ok && prior && prior.sha256 !== local.sha256 && !input.update) {
    return plan(
      "kept",
      "the local copy was edited or replaced since it was locked: `--update` replaces it with the live one, `--local` with its id locks it as it stands",
    );
  }
  if (!input.downloader) return plan("failed", "offline");
  const validators =
    input.update && local.ok && current?.sha256 === local.sha256
      ? validatorsOf(current)
      : undefined;
  const download = await input.downloader.download(source.url, validators);
  // The registry now cites another URL than the one the untouched local copy was locked for: its download replaces it.
  const repointed = Boolean(prior && mismatch && local.ok && prior.sha256 === local.sha256);
  return judgeDownload(input, download, plan, { current, repointed });
}

/** `--local`: lock the copy as it stands, but never re-lock over other locked bytes (or another URL) unless the id is named or `--force`. */
function planLocal(input: PlanInput, plan: Plan): SourcePlan {
  const { source, local, entry } = input;
  if (!local.ok) return plan("failed", `${local.reason}: nothing to lock`);
  const sameUrl = entry !== null && canonicalUrl(entry.url) === canonicalUrl(source.url);
  if (entry && sameUrl && entry.sha256 === local.sha256) {
    // The same bytes for the same URL: what was downloaded stays recorded; the file name follows the registry.
    const moved = entry.file !== source.file;
    return plan(
      moved ? "locked" : "unchanged",
      moved ? `the lock entry now names ${source.file}` : "already locked",
      { entry: { ...withoutQuotes(entry), file: source.file } },
    );
  }
  // Any other entry for the id records other bytes or another URL: replaced only when asked by name.
  if (entry && !input.explicit) {
    const id = source.id;
    const why =
      entry.sha256 !== local.sha256
        ? `the local copy is not the locked one (sha256 ${entry.sha256.slice(0, 12)}…, ${entry.size} bytes; now ${local.sha256.slice(0, 12)}…, ${local.size} bytes): edited or replaced by hand`
        : `the lock holds this copy as ${entry.url}'s, and the registry now cites ${source.url}`;
    return plan(
      "kept",
      `not re-locked: ${why}. \`collateral fetch --local ${id}\` (or \`--force\`) locks it as it stands; \`collateral fetch --update ${id}\` takes the live one`,
    );
  }
  // Validators and the fetch date describe what was downloaded, not a copy put in place by hand.
  const copy = { sha256: local.sha256, size: local.size };
  return plan("locked", `locked as it stands (${megabytes(local.size)})`, {
    entry: { file: source.file, ...copy, url: source.url, ...NOT_DOWNLOADED },
  });
}

const NOT_DOWNLOADED = {
  finalUrl: null,
  etag: null,
  lastModified: null,
  contentType: null,
  fetched: null,
} as const;

async function judgeDownload(
  input: PlanInput,
  download: Download,
  plan: Plan,
  lock: { current: LockEntry | null; repointed: boolean },
): Promise<SourcePlan> {
  const { source, local } = input;
  const entry = lock.current;
  if (download.kind === "not-modified") {
    return plan("unchanged", "HTTP 304: the URL still serves the locked version", {
      ...(entry && { entry: withoutQuotes(entry) }),
    });
  }
  if (download.kind === "failed") return plan("failed", `not saved: ${download.reason}`);
  const sha256 = hashBytes(download.bytes);
  const record = {
    file: source.file,
    sha256,
    size: download.bytes.byteLength,
    url: source.url,
    finalUrl: download.finalUrl,
    etag: download.etag,
    lastModified: download.lastModified,
    contentType: download.contentType,
    fetched: input
      .now()
      .toISOString()
      .replace(/\.\d+Z$/, "Z"),
  };
  if (local.ok && local.sha256 === sha256) {
    const already = entry?.sha256 === sha256;
    return plan(
      already ? "unchanged" : "locked",
      already
        ? "the URL serves the locked bytes (validators refreshed)"
        : "the live copy is the same bytes: locked",
      { entry: record },
    );
  }
  const wrong = notTheDocument(download.bytes, source.file, download.contentType, {
    url: source.url,
    finalUrl: download.finalUrl,
  });
  if (wrong) return plan("failed", `not saved: ${wrong}`);
  const parsed = await input.read(download.bytes, source.file);
  if (!parsed.ok)
    return plan("failed", `not saved: the download cannot be read (${parsed.reason})`);
  if (local.ok && !input.update && !lock.repointed) {
    return plan(
      "kept",
      "the live copy differs from the local one, which nothing locks: `--update` takes the live one, `--local` locks yours",
    );
  }
  const size = megabytes(download.bytes.byteLength);
  const via = download.finalUrl !== source.url ? ` (via ${download.finalUrl})` : "";
  const from = lock.repointed
    ? `${via}, the URL the registry now cites (the lock had ${input.entry?.url})`
    : via;
  return plan(local.ok ? "updated" : "downloaded", `${size}${from}`, {
    bytes: download.bytes,
    parsed,
    entry: record,
  });
}

/** An entry kept as it is; its quote anchors are made again from the current quotes. */
function withoutQuotes(entry: LockEntry): Omit<LockEntry, "quotes"> {
  const { quotes: _, ...rest } = entry;
  return rest;
}
