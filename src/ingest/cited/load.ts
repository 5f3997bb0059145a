// The registry → the text of every cited document's local copy, each file read once and all concurrently.
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { CitedText, Source } from "../../model/index.js";
import { readBounded } from "../bounded-read.js";
import { isInside, resolveCitedPath } from "./cited-path.js";
import { formatFromExtension } from "./format.js";
import { hashBytes } from "./hash.js";
import { type ParsedCited, parseCitedBytes } from "./parse.js";
import { DEFAULT_READ_LIMITS, LIMIT_REASONS, type ReadLimits } from "./reader/limits.js";

/** A CitedText before it is told which registry entry it belongs to (two entries may share a file). */
type FileText = WithoutSource<CitedText>;
type WithoutSource<T> = T extends unknown ? Omit<T, "source"> : never;

/** How bytes become text; a caching layer passes its own (the hash is already computed). */
export type CitedParser = (bytes: Uint8Array, file: string, hash: string) => Promise<ParsedCited>;

export async function loadCitedTexts(
  sourcesDir: string,
  registry: Source[],
  parse: CitedParser = (bytes, file) => parseCitedBytes(bytes, file),
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<Map<string, CitedText>> {
  const reads = new Map<string, Promise<FileText>>();
  const texts = await Promise.all(
    registry.map(async (source): Promise<CitedText> => {
      const resolved = resolveCitedPath(sourcesDir, source.file);
      if (!resolved.ok) return { ...unreadable(source.file, resolved.reason), source: source.id };
      let read = reads.get(resolved.path);
      if (!read) {
        read = readCitedFile(
          resolved.path,
          shownPath(sourcesDir, resolved.path),
          parse,
          sourcesDir,
          limits,
        );
        reads.set(resolved.path, read);
      }
      return { ...(await read), source: source.id };
    }),
  );
  return new Map(texts.map((text) => [text.source, text]));
}

async function readCitedFile(
  file: string,
  shown: string,
  parse: CitedParser,
  sourcesDir: string,
  limits: ReadLimits,
): Promise<FileText> {
  // A symbolic link inside sources/ may point anywhere: the file it leads to must be inside too.
  const outside = await linkEscapes(file, sourcesDir).catch(() => null);
  if (outside) return unreadable(shown, outside);
  // Read no more than the size limit allows (a cited "file" that is /dev/zero is refused, not read).
  const read = await readBounded(file, limits.fileMegabytes * 1e6);
  if (!read.ok && read.reason === "too-large") {
    return unreadable(file, LIMIT_REASONS.fileMegabytes(limits, read.size));
  }
  if (!read.ok && read.reason === "not-a-file") {
    return unreadable(file, `the local copy ${shown} is not a regular file (a device or a pipe)`);
  }
  if (!read.ok) {
    const code = read.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return {
        readable: false,
        kind: "missing",
        reason: `the local copy ${shown} does not exist`,
        hash: null,
      };
    }
    return unreadable(file, `the local copy ${shown} cannot be read (${describeReadError(code)})`);
  }
  const bytes = read.bytes;
  const hash = hashBytes(bytes);
  const parsed = await parse(bytes, file, hash);
  return parsed.ok
    ? { readable: true, kind: parsed.kind, pages: parsed.pages, asides: parsed.asides ?? [], hash }
    : { readable: false, kind: parsed.kind, reason: parsed.reason, hash };
}

function unreadable(file: string, reason: string): FileText {
  return { readable: false, kind: formatFromExtension(file) ?? "pdf", reason, hash: null };
}

function describeReadError(code: string | undefined): string {
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return code ?? "unknown error";
}

/** The path as a user knows it: from the folder that holds `sources/`, e.g. sources/cited/x.pdf. */
function shownPath(sourcesDir: string, file: string): string {
  return path
    .relative(path.dirname(path.resolve(sourcesDir)), file)
    .split(path.sep)
    .join("/");
}

/** Why the file, links followed, is outside the sources folder; null when it is inside. */
async function linkEscapes(file: string, sourcesDir: string): Promise<string | null> {
  const real = await realpath(file).catch(() => null);
  if (real === null) return null; // missing: reported as such by the read
  const root = await realpath(sourcesDir).catch(() => path.resolve(sourcesDir));
  return isInside(root, real)
    ? null
    : `${path.basename(file)} leads (by a symbolic link) outside sources/: a local copy must live inside it`;
}
