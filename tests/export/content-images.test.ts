// Content images between judging and printing: only the bytes judged when the workspace loaded are copied, and
// output/assets/content/ keeps only what some HTML in output/ shows.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyAssets, sweepContentImages } from "../../src/export/assets.js";
import { RenderFolder } from "../../src/export/render-folder.js";
import { loadWorkspace } from "../../src/ingest/workspace.js";
import { imageAssets } from "../../src/render/images.js";
import type { RenderedPiece } from "../../src/render/index.js";
import { badgePng, png } from "../fixtures/markdown/png.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A workspace showing assets/shot.png, loaded (so judged); a different image outside it. */
async function judged() {
  const root = await tempDir("collateral-judged-");
  await mkdir(path.join(root, "sources"), { recursive: true });
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(root, "sources/sources.yaml"), "");
  await writeFile(
    path.join(root, "sources/doc.md"),
    "---\ntitle: T\nproduct: P\n---\n## A\n\n![Shot](../assets/shot.png)\n",
  );
  await writeFile(path.join(root, "assets/shot.png"), badgePng());
  const secret = path.join(await tempDir("collateral-secret-"), "secret.png");
  await writeFile(
    secret,
    png(2, 2, () => [255, 0, 0]),
  );
  const { model } = await loadWorkspace(root);
  const assets = imageAssets(root, model.claims);
  expect(assets).toHaveLength(1);
  const piece = { assets } as unknown as RenderedPiece;
  return { root, secret, assets, piece, shot: path.join(root, "assets/shot.png") };
}

describe("copying a judged image", () => {
  it("refuses a file swapped for a link leading out after it was judged: nothing is copied", async () => {
    const { secret, piece, shot } = await judged();
    await rm(shot);
    await symlink(secret, shot);
    const out = await tempDir("collateral-out-");
    await expect(copyAssets([piece], out)).rejects.toMatchObject({ rule: "image-changed" });
    expect(await readdir(out, { recursive: true })).not.toContain(
      expect.stringMatching(/shot\..*png$/),
    );
  });

  it("refuses it in the render folder too (the portal prints from there)", async () => {
    const { secret, assets, shot } = await judged();
    await rm(shot);
    await symlink(secret, shot);
    const folder = await RenderFolder.create();
    try {
      await expect(folder.prepare(assets)).rejects.toMatchObject({ rule: "image-changed" });
      const files = await readdir(folder.dir, { recursive: true });
      expect(files.filter((f) => f.endsWith(".png"))).toEqual([]);
    } finally {
      folder.disposeSync();
    }
  });

  it("refuses a named pipe swapped in, at once", async () => {
    const { piece, shot } = await judged();
    await rm(shot);
    execFileSync("mkfifo", [shot]);
    const out = await tempDir("collateral-out-");
    await expect(copyAssets([piece], out)).rejects.toMatchObject({ rule: "image-changed" });
  });

  it("copies the judged bytes under a name carrying their hash; the same bytes saved again still copy", async () => {
    const { piece, assets, shot } = await judged();
    await writeFile(shot, badgePng());
    const out = await tempDir("collateral-out-");
    await copyAssets([piece], out);
    expect(assets[0]!.rel).toMatch(/^assets\/content\/assets\/shot\.[0-9a-f]{16}\.png$/);
    expect(await readFile(path.join(out, assets[0]!.rel))).toEqual(badgePng());
  });
});

describe("sweeping output/assets/content/", () => {
  async function output() {
    const out = await tempDir("collateral-sweep-");
    const content = path.join(out, "assets/content/sources");
    await mkdir(content, { recursive: true });
    for (const name of ["kept one.1111111111111111.png", "gone.2222222222222222.png"])
      await writeFile(path.join(content, name), "x");
    await mkdir(path.join(out, "assets/content/assets/old"), { recursive: true });
    await writeFile(path.join(out, "assets/content/assets/old/x.3333333333333333.png"), "x");
    await writeFile(
      path.join(out, "one-pager.html"),
      '<img class="content-image" src="assets/content/sources/kept%20one.1111111111111111.png" alt="">',
    );
    await writeFile(path.join(out, "assets/theme.css"), "body{}");
    return out;
  }

  it("removes the copies no HTML in output/ shows, and the folders left empty; keeps the rest", async () => {
    const out = await output();
    await sweepContentImages(out);
    expect((await readdir(path.join(out, "assets"), { recursive: true })).sort()).toEqual([
      "content",
      "content/sources",
      "content/sources/kept one.1111111111111111.png",
      "theme.css",
    ]);
  });

  it("never follows an assets/content/ that is a link: what it leads to is left alone", async () => {
    const out = await output();
    const elsewhere = await tempDir("collateral-elsewhere-");
    await writeFile(path.join(elsewhere, "precious.txt"), "keep me");
    await rm(path.join(out, "assets/content"), { recursive: true });
    await symlink(elsewhere, path.join(out, "assets/content"));
    await sweepContentImages(out);
    expect(await readdir(elsewhere)).toEqual(["precious.txt"]);
  });
});
