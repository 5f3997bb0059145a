// What `collateral fetch` does with one registry entry: download it, lock it as it stands, leave it, or refuse, and why.

import type { ParsedCited } from "../ingest/cited/index.js";
import { hashBytes } from "../ingest/cited/index.js";
import type { FileHash } from "../lock/hash-file.js";
import type { LockEntry, Source } from "../model/index.js";
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
}

export interface PlanInput {
  source: Source;
  local: FileHash;
  entry: LockEntry | null;
  update: boolean;
  localOnly: boolean;
  downloader: Downloader | null;
  read: (bytes: Uint8Array, name: string) => Promise<ParsedCited>;
  now: () => Date;
}

export async function planSource(input: PlanInput): Promise<SourcePlan> {
  const { source, local, entry } = input;
  const plan = (
    action: FetchAction,
    reason: string,
    more: Partial<SourcePlan> = {},
  ): SourcePlan => ({
    source,
    action,
    reason,
    bytes: null,
    parsed: null,
    entry: null,
    ...more,
  });
  if (input.localOnly) {
    if (!local.ok) return plan("failed", `${local.reason}: nothing to lock`);
    if (entry?.sha256 === local.sha256) {
      return plan("unchanged", "already locked", { entry: withoutQuotes(entry) });
    }
    // Validators and the fetch date describe what was downloaded, not a copy put in place by hand.
    const copy = { sha256: local.sha256, size: local.size };
    return plan("locked", `locked as it stands (${megabytes(local.size)})`, {
      entry: { file: source.file, ...copy, url: source.url, ...NOT_DOWNLOADED },
    });
  }
  if (local.ok && entry?.sha256 === local.sha256 && !input.update) {
    return plan(
      "unchanged",
      "the local copy is the locked one (`--update` asks the URL for a newer one)",
      {
        entry: withoutQuotes(entry),
      },
    );
  }
  if (local.ok && entry && entry.sha256 !== local.sha256 && !input.update) {
    return plan(
      "kept",
      "the local copy was edited or replaced since it was locked: `--update` replaces it with the live one, `--local` locks it as it stands",
    );
  }
  if (!input.downloader) return plan("failed", "offline");
  const validators =
    input.update && local.ok && entry?.sha256 === local.sha256 && entry.url === source.url
      ? { etag: entry.etag, lastModified: entry.lastModified }
      : undefined;
  const download = await input.downloader.download(source.url, validators);
  return judgeDownload(input, download, plan);
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
  plan: (action: FetchAction, reason: string, more?: Partial<SourcePlan>) => SourcePlan,
): Promise<SourcePlan> {
  const { source, local, entry } = input;
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
  const wrong = notTheDocument(download.bytes, source.file, download.contentType);
  if (wrong) return plan("failed", `not saved: ${wrong}`);
  const parsed = await input.read(download.bytes, source.file);
  if (!parsed.ok)
    return plan("failed", `not saved: the download cannot be read (${parsed.reason})`);
  if (local.ok && !input.update) {
    return plan(
      "kept",
      "the live copy differs from the local one, which nothing locks: `--update` takes the live one, `--local` locks yours",
    );
  }
  const size = megabytes(download.bytes.byteLength);
  const from = download.finalUrl !== source.url ? ` (via ${download.finalUrl})` : "";
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
