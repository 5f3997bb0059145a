// The images claims show → checked on disk: a real image file inside sources/ or assets/ (links followed), or left out with a warning.
import { open, realpath } from "node:fs/promises";
import path from "node:path";
import type { Block, Claim, Inline, Message } from "../model/index.js";
import { IMAGE_FOLDERS } from "./markdown/image-source.js";

/** An image larger than this is no product screenshot: refused before it is read. */
export const MAX_IMAGE_BYTES = 25_000_000;

type Verdict = { ok: true } | { ok: false; reason: string; rule: string };

/**
 * Claims with every image that cannot be printed taken out, a warning for each, and a key that
 * changes when any image's verdict does (a screenshot added later must reach the next build).
 */
export async function checkImages(
  root: string,
  claims: Claim[],
): Promise<{ claims: Claim[]; messages: Message[]; key: string }> {
  const sources = [...new Set(claims.flatMap(imagesOf).map((i) => i.src))];
  if (sources.length === 0) return { claims, messages: [], key: "" };
  const folders = await Promise.all(
    IMAGE_FOLDERS.map((f) => realpath(path.join(root, f)).catch(() => null)),
  );
  const verdicts = new Map(
    await Promise.all(sources.map(async (src) => [src, await judge(root, src, folders)] as const)),
  );
  const messages: Message[] = [];
  const keep = (inline: Inline): boolean => {
    if (inline.kind !== "image") return true;
    const verdict = verdicts.get(inline.src)!;
    if (!verdict.ok)
      messages.push({ position: inline.position, reason: verdict.reason, rule: verdict.rule });
    return verdict.ok;
  };
  const key = [...verdicts].map(([src, v]) => `${src}=${v.ok}`).join("|");
  if ([...verdicts.values()].every((v) => v.ok)) return { claims, messages, key };
  return {
    claims: claims.map((c) => ({ ...c, blocks: c.blocks.map((b) => filterBlock(b, keep)) })),
    messages,
    key,
  };
}

function imagesOf(claim: Claim): Extract<Inline, { kind: "image" }>[] {
  return claim.blocks.flatMap((b) =>
    [b.inlines, ...(b.table ? [...b.table.head, ...b.table.rows.flat()] : [])]
      .flat()
      .filter((i): i is Extract<Inline, { kind: "image" }> => i.kind === "image"),
  );
}

function filterBlock(block: Block, keep: (i: Inline) => boolean): Block {
  return {
    ...block,
    inlines: block.inlines.filter(keep),
    ...(block.table && {
      table: {
        ...block.table,
        head: block.table.head.map((cell) => cell.filter(keep)),
        rows: block.table.rows.map((row) => row.map((cell) => cell.filter(keep))),
      },
    }),
  };
}

async function judge(root: string, src: string, folders: (string | null)[]): Promise<Verdict> {
  let real: string;
  try {
    real = await realpath(path.join(root, src));
  } catch {
    return { ok: false, reason: `image ${src} not found; left out`, rule: "image-missing" };
  }
  const inside = folders.some((f) => {
    if (!f) return false;
    const rel = path.relative(f, real);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  });
  if (!inside) {
    return {
      ok: false,
      reason: `image ${src} is a link to a file outside sources/ and assets/; refused, left out`,
      rule: "image-refused",
    };
  }
  const handle = await open(real, "r").catch(() => null);
  if (!handle)
    return { ok: false, reason: `image ${src} cannot be read; left out`, rule: "image-missing" };
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return { ok: false, reason: `image ${src} is not a file; left out`, rule: "image-refused" };
    if (info.size > MAX_IMAGE_BYTES)
      return {
        ok: false,
        reason: `image ${src} is larger than ${MAX_IMAGE_BYTES / 1e6} MB; left out (export it smaller)`,
        rule: "image-refused",
      };
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (!isImage(head.subarray(0, bytesRead)))
      return {
        ok: false,
        reason: `${src} is not a PNG, JPEG, GIF, WebP, AVIF or SVG image; left out`,
        rule: "image-refused",
      };
    return { ok: true };
  } finally {
    await handle.close();
  }
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
