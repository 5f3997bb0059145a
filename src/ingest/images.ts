// The images claims show → judged on disk: an image file inside the workspace's sources/ or assets/, its bytes hashed; or left out with a warning.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import {
  type Block,
  type Claim,
  type Inline,
  MAX_IMAGE_BYTES,
  type Message,
} from "../model/index.js";
import { IMAGE_FOLDERS } from "./markdown/image-source.js";

export { MAX_IMAGE_BYTES } from "../model/index.js";

type Verdict =
  | { ok: true; sha256: string; width: number | null }
  | { ok: false; reason: string; rule: string };

/** An image folder of the workspace as found on disk: where it really is, and whether that is outside the workspace. */
interface Folder {
  name: string;
  real: string | null;
  leadsOut: boolean;
}

/**
 * Claims with every image that cannot be printed taken out, a warning for each, the SHA-256 of each
 * kept image's bytes on its inline (export copies those bytes and no others), and a key that changes
 * when any image's verdict or bytes do (a screenshot added or replaced later reaches the next build).
 */
export async function checkImages(
  root: string,
  claims: Claim[],
): Promise<{ claims: Claim[]; messages: Message[]; key: string }> {
  const sources = [...new Set(claims.flatMap(imagesOf).map((i) => i.src))];
  if (sources.length === 0) return { claims, messages: [], key: "" };
  const folders = await imageFolders(root);
  const verdicts = new Map(
    await Promise.all(sources.map(async (src) => [src, await judge(root, src, folders)] as const)),
  );
  const messages: Message[] = [];
  const keep = (inline: Inline): Inline[] => {
    if (inline.kind !== "image") return [inline];
    const verdict = verdicts.get(inline.src)!;
    if (verdict.ok) {
      const width = verdict.width === null ? {} : { width: verdict.width };
      return [{ ...inline, sha256: verdict.sha256, ...width }];
    }
    messages.push({ position: inline.position, reason: verdict.reason, rule: verdict.rule });
    return [];
  };
  const key = [...verdicts].map(([src, v]) => `${src}=${v.ok ? v.sha256 : "refused"}`).join("|");
  return {
    claims: claims.map((c) => ({ ...c, blocks: c.blocks.map((b) => mapBlock(b, keep)) })),
    messages,
    key,
  };
}

/**
 * sources/ and assets/ as they really are. Either may be a link, but one leading out of the workspace
 * (`assets -> /`) would make every file it reaches "inside": such a folder is refused as a whole.
 */
export async function imageFolders(root: string): Promise<Folder[]> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  return Promise.all(
    IMAGE_FOLDERS.map(async (name) => {
      const real = await realpath(path.join(root, name)).catch(() => null);
      return { name, real, leadsOut: real !== null && !within(realRoot, real, true) };
    }),
  );
}

/** The top-level assets/ folder when it lies inside the workspace (what serve and watch may look through), else null. */
export async function assetsFolder(root: string): Promise<string | null> {
  const folder = (await imageFolders(root)).find((f) => f.name === "assets");
  return folder?.real && !folder.leadsOut ? path.join(root, "assets") : null;
}

function within(folder: string, file: string, orSame = false): boolean {
  const rel = path.relative(folder, file);
  if (rel === "") return orSame;
  return !rel.startsWith("..") && !path.isAbsolute(rel);
}

function imagesOf(claim: Claim): Extract<Inline, { kind: "image" }>[] {
  return claim.blocks.flatMap((b) =>
    [b.inlines, ...(b.table ? [...b.table.head, ...b.table.rows.flat()] : [])]
      .flat()
      .filter((i): i is Extract<Inline, { kind: "image" }> => i.kind === "image"),
  );
}

function mapBlock(block: Block, keep: (i: Inline) => Inline[]): Block {
  return {
    ...block,
    inlines: block.inlines.flatMap(keep),
    ...(block.table && {
      table: {
        ...block.table,
        head: block.table.head.map((cell) => cell.flatMap(keep)),
        rows: block.table.rows.map((row) => row.map((cell) => cell.flatMap(keep))),
      },
    }),
  };
}

const refused = (reason: string): Verdict => ({ ok: false, reason, rule: "image-refused" });

async function judge(root: string, src: string, folders: Folder[]): Promise<Verdict> {
  const top = folders.find((f) => f.name === src.split("/")[0]);
  if (top?.leadsOut)
    return refused(
      `image ${src} is refused: ${top.name}/ is a link leading out of the workspace; left out`,
    );
  let real: string;
  try {
    real = await realpath(path.join(root, src));
  } catch {
    return { ok: false, reason: `image ${src} not found; left out`, rule: "image-missing" };
  }
  if (!folders.some((f) => f.real && !f.leadsOut && within(f.real, real))) {
    return refused(
      `image ${src} is a link to a file outside sources/ and assets/; refused, left out`,
    );
  }
  // Never blocks: a named pipe opens at once (and is then refused as not a file) instead of waiting for a writer.
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const handle = await open(real, flags).catch(() => null);
  if (!handle)
    return { ok: false, reason: `image ${src} cannot be read; left out`, rule: "image-missing" };
  let opened: Awaited<ReturnType<typeof handle.stat>>;
  let read: { head: Buffer; sha256: string } | "too-large";
  try {
    opened = await handle.stat();
    if (!opened.isFile()) return refused(`image ${src} is not a file; left out`);
    read = await hashBytes(handle, opened.size);
  } catch {
    return { ok: false, reason: `image ${src} cannot be read; left out`, rule: "image-missing" };
  } finally {
    await handle.close();
  }
  if (read === "too-large")
    return refused(
      `image ${src} is larger than ${MAX_IMAGE_BYTES / 1e6} MB; left out (export it smaller)`,
    );
  // The file opened must be the one the path names now: a folder on the way swapped for a link while it was
  // opened would have led elsewhere.
  const again = await realpath(path.join(root, src)).catch(() => null);
  const now = again === real ? await stat(again).catch(() => null) : null;
  if (!now || now.dev !== opened.dev || now.ino !== opened.ino)
    return refused(`image ${src} changed while it was checked; left out (build again)`);
  if (!isImage(read.head))
    return refused(`${src} is not a PNG, JPEG, GIF, WebP, AVIF or SVG image; left out`);
  return { ok: true, sha256: read.sha256, width: pixelWidth(read.head) };
}

/** A raster image's width in pixels, from its first bytes; null for SVG (it scales) or when unknown. */
function pixelWidth(head: Buffer): number | null {
  try {
    const size = imageSize(head);
    return size.type === "svg" || !size.width ? null : size.width;
  } catch {
    return null;
  }
}

/** Enough of the file for its type and size (a JPEG's dimensions follow its metadata). */
const HEAD_BYTES = 1 << 16;

/** The file's first 64 KB and the SHA-256 of all its bytes, read in chunks; never more than the limit. */
async function hashBytes(
  handle: Awaited<ReturnType<typeof open>>,
  size: number,
): Promise<{ head: Buffer; sha256: string } | "too-large"> {
  if (size > MAX_IMAGE_BYTES) return "too-large";
  const hash = createHash("sha256");
  const chunk = Buffer.alloc(1 << 16);
  const head: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > MAX_IMAGE_BYTES) return "too-large";
    const part = chunk.subarray(0, bytesRead);
    hash.update(part);
    if (total - bytesRead < HEAD_BYTES) head.push(Buffer.from(part));
  }
  return { head: Buffer.concat(head).subarray(0, HEAD_BYTES), sha256: hash.digest("hex") };
}

/** By the file's first bytes, never its name. */
function isImage(b: Buffer): boolean {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString("latin1");
  if (b[0] === 0x89 && ascii(1, 4) === "PNG") return true;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true;
  if (ascii(0, 4) === "GIF8") return true;
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return true;
  if (ascii(4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(8, 12))) return true;
  return /^(\uFEFF|\xEF\xBB\xBF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(
    ascii(0, b.length),
  );
}
