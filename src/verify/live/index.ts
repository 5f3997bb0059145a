// `check --live`: every cited document asked for again (with its lock's validators) and every quote verified against what its URL serves now.
import type { Downloader } from "../../fetch/download.js";
import type { ParsedCited } from "../../ingest/cited/index.js";
import { canonicalUrl } from "../../ingest/registry.js";
import { lockedEntry } from "../../lock/entry.js";
import type {
  CitedText,
  LinkResult,
  LockFile,
  QuoteResult,
  Source,
  SourceResult,
} from "../../model/index.js";
import type { LinkTarget } from "../links/index.js";
import { checkLiveSource, type LiveOutcome } from "./live-source.js";

export interface LiveCheckInput {
  registry: Source[];
  lock: LockFile | null;
  /** The lock check of every registry entry. */
  sources: SourceResult[];
  /** This run's local texts, by registry id. */
  texts: ReadonlyMap<string, CitedText>;
  quotes: QuoteResult[];
  downloader: Downloader;
  read: (bytes: Uint8Array, name: string) => Promise<ParsedCited>;
}

export interface LiveCheck {
  sources: SourceResult[];
  quotes: QuoteResult[];
  /** Link results for the targets whose URL is a cited document's (the live request answered for them). */
  linkFor: (target: LinkTarget) => LinkResult | null;
}

/** Only documents some quote or citation names are asked for; the others are left as the lock check found them. */
export async function verifyLive(
  input: LiveCheckInput,
  cited: ReadonlySet<string>,
): Promise<LiveCheck> {
  const outcomes = new Map<string, { outcome: LiveOutcome; elapsedMs: number }>();
  await Promise.all(
    input.registry
      .filter((source) => cited.has(source.id))
      .map(async (source) => {
        const local = input.sources.find((s) => s.id === source.id);
        if (!local) return;
        const started = performance.now();
        const outcome = await checkLiveSource({
          source,
          local,
          entry: lockedEntry(input.lock, source.id),
          localText: input.texts.get(source.id),
          quotes: input.quotes.filter((q) => q.cited === source.id),
          downloader: input.downloader,
          read: input.read,
        });
        outcomes.set(source.id, { outcome, elapsedMs: Math.round(performance.now() - started) });
      }),
  );
  const byUrl = new Map(
    input.registry.flatMap((s) => {
      const found = outcomes.get(s.id);
      return found ? [[canonicalUrl(s.url), found] as const] : [];
    }),
  );
  return {
    sources: input.sources.map((s) => {
      const found = outcomes.get(s.id);
      return found ? { ...s, live: found.outcome.live } : s;
    }),
    quotes: input.quotes.map((q) => {
      const live = q.cited ? outcomes.get(q.cited)?.outcome.quotes.get(q.id) : undefined;
      return live ? { ...q, live } : q;
    }),
    linkFor: (target) => {
      const found = byUrl.get(canonicalUrl(target.url));
      if (!found) return null;
      return {
        url: target.url,
        positions: target.positions,
        ...found.outcome.link,
        elapsedMs: found.elapsedMs,
        cached: false,
      };
    },
  };
}
