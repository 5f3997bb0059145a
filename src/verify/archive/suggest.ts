// A dead link's archived copy: the Wayback Machine URL for the date the document was accessed, built (no request) or asked of an availability endpoint (--archive).
import type { Downloader } from "../../fetch/download.js";
import { canonicalUrl } from "../../ingest/registry.js";
import { lockedEntry } from "../../lock/entry.js";
import type { ArchiveSuggestion, LinkResult, LockFile, Source } from "../../model/index.js";

/** Where a built suggestion points: the snapshot nearest a date, `https://web.archive.org/web/<date>/<url>`. */
export const WAYBACK_WEB = "https://web.archive.org/web/";
/** The Wayback Machine's availability API (rate-limited: asked only with --archive). */
export const DEFAULT_ARCHIVE_API = "https://archive.org/wayback/available";

export interface ArchiveOptions {
  /** Ask the availability endpoint for each dead link (one request each) instead of building the URL. */
  ask: boolean;
  /** The availability endpoint (`--archive-api`, `COLLATERAL_ARCHIVE_API`); tests point it at loopback. */
  api: string;
}

/** Broken and timed-out links get an `archive` suggestion; the others are returned as they were. */
export async function suggestArchives(
  links: LinkResult[],
  registry: Source[],
  lock: LockFile | null,
  options: ArchiveOptions,
  downloader: Downloader | null,
): Promise<LinkResult[]> {
  return Promise.all(
    links.map(async (link) => {
      if (link.status !== "broken" && link.status !== "timeout") return link;
      const stamp = accessedStamp(link.url, registry, lock);
      const archive =
        options.ask && downloader
          ? await askAvailability(link.url, stamp, options.api, downloader)
          : builtSuggestion(link.url, stamp);
      return archive ? { ...link, archive } : link;
    }),
  );
}

/** The URL lychee's `--suggest` would give, without asking anyone: Wayback redirects it to the nearest snapshot. */
export function builtSuggestion(url: string, stamp: string | null): ArchiveSuggestion {
  const bare = url.replace(/#.*$/, "");
  return {
    url: `${WAYBACK_WEB}${stamp ?? ""}${stamp ? "/" : ""}${bare}`,
    kind: "built",
    timestamp: stamp,
  };
}

/** When the quoted version was taken: the registry's `accessed`, else the lock's fetch date (YYYYMMDD). */
export function accessedStamp(
  url: string,
  registry: Source[],
  lock: LockFile | null,
): string | null {
  const source = registry.find((s) => canonicalUrl(s.url) === canonicalUrl(url));
  if (!source) return null;
  const date = source.accessed ?? lockedEntry(lock, source.id)?.fetched ?? null;
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/**
 * `GET <api>?url=…&timestamp=…`: `{"archived_snapshots":{"closest":{"available":true,"url":…,"timestamp":…}}}`.
 * No snapshot, or an answer that cannot be read, is no suggestion (a built URL would lead nowhere).
 */
async function askAvailability(
  url: string,
  stamp: string | null,
  api: string,
  downloader: Downloader,
): Promise<ArchiveSuggestion | null> {
  let request: URL;
  try {
    request = new URL(api);
  } catch {
    return null;
  }
  request.searchParams.set("url", url.replace(/#.*$/, ""));
  if (stamp) request.searchParams.set("timestamp", stamp);
  const answer = await downloader.download(request.href);
  if (answer.kind !== "body") return null;
  try {
    const json = JSON.parse(answer.bytes.toString("utf8")) as {
      archived_snapshots?: {
        closest?: { available?: boolean; url?: unknown; timestamp?: unknown };
      };
    };
    const closest = json.archived_snapshots?.closest;
    if (!closest?.available || typeof closest.url !== "string") return null;
    const snapshot = new URL(closest.url);
    if (snapshot.protocol !== "http:" && snapshot.protocol !== "https:") return null;
    // The API answers http://; the archive serves https.
    if (snapshot.hostname === "web.archive.org") snapshot.protocol = "https:";
    const timestamp = typeof closest.timestamp === "string" ? closest.timestamp : null;
    return { url: snapshot.href, kind: "available", timestamp };
  } catch {
    return null;
  }
}
