// One cited document against what its URL serves now: unchanged, changed with its quotes holding or gone, not a document, unreachable.
import type { Download, Downloader, Validators } from "../../fetch/download.js";
import type { ParsedCited } from "../../ingest/cited/index.js";
import { hashBytes } from "../../ingest/cited/index.js";
import { validatorsOf } from "../../lock/entry.js";
import type {
  CitedText,
  LiveQuote,
  LiveSource,
  LockEntry,
  QuoteAnchor,
  QuoteResult,
  Source,
  SourceResult,
} from "../../model/index.js";
import type { Verdict } from "../links/index.js";
import { closestPassage, prepareText } from "../quote/index.js";
import { DocumentLibrary } from "../quote/library.js";
import { notTheDocument } from "./document-kind.js";

export interface LiveInput {
  source: Source;
  /** The source's lock check (its local sha256, whether the lock holds for it). */
  local: SourceResult;
  entry: LockEntry | null;
  /** The local copy's text, as this run verified against. */
  localText: CitedText | undefined;
  /** The report's quotes that cite this source. */
  quotes: QuoteResult[];
  downloader: Downloader;
  read: (bytes: Uint8Array, name: string) => Promise<ParsedCited>;
}

export interface LiveOutcome {
  live: LiveSource;
  /** By quote id. */
  quotes: Map<string, LiveQuote>;
  /** The URL's link status, as the download saw it (one request serves both). */
  link: Verdict;
}

export async function checkLiveSource(input: LiveInput): Promise<LiveOutcome> {
  const { source, downloader } = input;
  const download = await downloader.download(source.url, validatorsFor(input));
  const requests = download.requests;
  const head = {
    httpStatus: download.link.httpStatus,
    finalUrl: download.link.finalUrl,
    requests,
  };
  const unchanged = (reason: string): LiveOutcome => ({
    live: {
      ...head,
      status: "unchanged",
      sha256: null,
      size: null,
      textUnchanged: null,
      pageCount: null,
      reason,
    },
    quotes: sameAsLocal(input.quotes),
    link: download.link,
  });
  if (download.kind === "not-modified") {
    return unchanged(`HTTP 304: not modified since the locked version (${validatorNames(input)})`);
  }
  if (download.kind === "failed") {
    // A URL that answered 2xx yet gave nothing to read fails the live gate: a green run must mean quotes were checked.
    const answered = answeredWithoutDocument(download.link);
    return {
      live: {
        ...head,
        status: answered ? "no-document" : "unreachable",
        sha256: null,
        size: null,
        textUnchanged: null,
        pageCount: null,
        reason: `${download.reason}; the local copy stays the evidence`,
      },
      quotes: notChecked(input.quotes, "the URL gave no document to check against"),
      link: download.link,
    };
  }
  const sha256 = hashBytes(download.bytes);
  const size = download.bytes.byteLength;
  if (sha256 === input.local.sha256) {
    const outcome = unchanged("the same bytes as the local copy");
    return { ...outcome, live: { ...outcome.live, sha256, size } };
  }
  return changed(input, download, { ...head, sha256, size });
}

async function changed(
  input: LiveInput,
  download: Extract<Download, { kind: "body" }>,
  head: Pick<LiveSource, "httpStatus" | "finalUrl" | "requests" | "sha256" | "size">,
): Promise<LiveOutcome> {
  const notDocument = (reason: string): LiveOutcome => ({
    live: { ...head, status: "not-a-document", textUnchanged: null, pageCount: null, reason },
    quotes: notChecked(input.quotes, reason),
    link: download.link,
  });
  const wrong = notTheDocument(download.bytes, input.source.file, download.contentType, {
    url: input.source.url,
    finalUrl: download.finalUrl,
  });
  if (wrong) return notDocument(wrong);
  const parsed = await input.read(download.bytes, input.source.file);
  if (!parsed.ok) return notDocument(`the live copy cannot be read: ${parsed.reason}`);
  const liveText: CitedText = {
    readable: true,
    source: input.source.id,
    kind: parsed.kind,
    pages: parsed.pages,
    asides: parsed.asides ?? [],
    hash: head.sha256 ?? "",
  };
  const textUnchanged = sameText(input.localText, liveText);
  const quotes = verifyAgainst(liveText, input.quotes, input.entry?.quotes ?? []);
  const gone = [...quotes.values()].filter((q) => q.status === "gone").length;
  const pageCount = parsed.kind === "pdf" ? parsed.pages.length : null;
  const reason = gone
    ? `new bytes; ${gone} of ${input.quotes.length} quote(s) citing it no longer in the live copy`
    : textUnchanged
      ? "new bytes, text unchanged (the document was saved again)"
      : "new bytes and changed text; every quote citing it is still there";
  return {
    live: {
      ...head,
      status: gone ? "changed-quote-gone" : "changed-quotes-hold",
      textUnchanged,
      pageCount,
      reason,
    },
    quotes,
    link: download.link,
  };
}

/** Each quote against the live text; a gone one gets the passage closest to its anchor (its words with their locked context). */
function verifyAgainst(
  live: CitedText & { readable: true },
  quotes: QuoteResult[],
  anchors: QuoteAnchor[],
): Map<string, LiveQuote> {
  const library = new DocumentLibrary(new Map([[live.source, live]]));
  const out = new Map<string, LiveQuote>();
  const html = live.kind === "html";
  for (const q of quotes) {
    const location = library.locate(q.text, live.source);
    if (location) {
      out.set(q.id, {
        status: "holds",
        pages: html ? [] : location.pages,
        closest: null,
        reason: "",
      });
      continue;
    }
    if (q.status !== "verified") {
      const reason = "not in the live copy, nor in the local one";
      out.set(q.id, { status: "not-checked", pages: [], closest: null, reason });
      continue;
    }
    const anchor = anchors.find((a) => a.quote === q.id && a.exact === q.text);
    const query = anchor ? `${anchor.prefix} ${q.text} ${anchor.suffix}` : q.text;
    const passage = closestPassage(query, prepareText(live.pages, { lineEndHyphens: !html }));
    const closest = passage ? { text: passage.text, page: html ? null : passage.page } : null;
    const where = closest?.page ? ` on p. ${closest.page}` : "";
    const reason = closest
      ? `no longer in the live copy of ${live.source}; the closest passage${where} now reads: “${closest.text}”`
      : `no longer in the live copy of ${live.source}, nor anything like it`;
    out.set(q.id, { status: "gone", pages: [], closest, reason });
  }
  return out;
}

function sameText(local: CitedText | undefined, live: CitedText & { readable: true }): boolean {
  if (!local?.readable || local.kind !== live.kind) return false;
  const norm = (pages: readonly string[]) => pages.map((p) => p.replace(/\s+/g, " ").trim());
  return JSON.stringify(norm(local.pages)) === JSON.stringify(norm(live.pages));
}

/**
 * The validators describe the locked bytes: only sent when the local copy is those bytes and the lock entry
 * is the registry's (`locked`), and only to the URL that gave them.
 */
function validatorsFor(input: LiveInput): Validators | undefined {
  if (!input.entry || input.local.lock !== "locked") return undefined;
  return validatorsOf(input.entry);
}

/**
 * The link is fine (2xx, or a 304 to no validators) and yet no document came: the server's doing, not the
 * network's. A status that passes only by `--accept` (a 403 to robots) stays `unreachable`, as the user chose.
 */
function answeredWithoutDocument(link: Verdict): boolean {
  const code = link.httpStatus;
  const ok = link.status === "ok" || link.status === "redirected";
  return ok && code !== null && ((code >= 200 && code < 300) || code === 304);
}

function validatorNames(input: LiveInput): string {
  const entry = input.entry;
  return [
    entry?.etag && `ETag ${entry.etag}`,
    entry?.lastModified && `Last-Modified ${entry.lastModified}`,
  ]
    .filter(Boolean)
    .join(", ");
}

function sameAsLocal(quotes: QuoteResult[]): Map<string, LiveQuote> {
  return new Map(
    quotes.map((q) => [
      q.id,
      q.status === "verified"
        ? { status: "holds", pages: q.pages, closest: null, reason: "" }
        : {
            status: "not-checked",
            pages: [],
            closest: null,
            reason: "not in the local copy either",
          },
    ]),
  );
}

function notChecked(quotes: QuoteResult[], reason: string): Map<string, LiveQuote> {
  return new Map(
    quotes.map((q) => [q.id, { status: "not-checked", pages: [], closest: null, reason }]),
  );
}
