// The portal and the screenshots under assets/: a replaced one prints new; one swapped for a link leading out never prints.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPortal, startPortal } from "../../src/server/index.js";
import { badgePng, png } from "../fixtures/markdown/png.js";
import { eventually, get, onePagerPath } from "./helpers.js";

const run = promisify(execFile);
let root: string;
let outside: string;
let portal: RunningPortal;

function guidePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text("Edits made offline are merged when the device reconnects.");
    doc.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "collateral-portal-img-"));
  outside = `${root}-secret.png`;
  await mkdir(path.join(root, "sources/cited"), { recursive: true });
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(
    path.join(root, "sources/sources.yaml"),
    "- id: guide\n  title: Guide\n  publisher: Atlas\n  url: https://atlas.example/guide.pdf\n  file: cited/guide.pdf\n",
  );
  await writeFile(path.join(root, "sources/cited/guide.pdf"), await guidePdf());
  await writeFile(
    path.join(root, "sources/doc.md"),
    `---
title: T
product: Atlas
audiences:
  - { id: ops, label: Ops, claims: [shot] }
---

## Shot

The guide says “edits made offline are merged when the device reconnects” [Guide](https://atlas.example/guide.pdf).

![Atlas screen](../assets/shot.png)
`,
  );
  await writeFile(path.join(root, "assets/shot.png"), badgePng());
  await writeFile(
    outside,
    png(2, 2, () => [255, 0, 0]),
  );
  portal = await startPortal(root, { port: 0 });
}, 60_000);

afterAll(async () => {
  await portal?.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { force: true });
});

let asked = 0;
/** Width×height of each image in a freshly asked one-pager (a new company each time: never the cache). */
async function imageSizes(): Promise<string[]> {
  const reply = await get(
    portal.url,
    onePagerPath({ audience: "ops", company: `Acme ${++asked}` }),
  );
  expect(reply.status, reply.body.toString()).toBe(200);
  const file = path.join(root, `read-${asked}.pdf`);
  await writeFile(file, reply.body);
  const { stdout } = await run("pdfimages", ["-list", file]);
  await rm(file);
  return stdout
    .trim()
    .split("\n")
    .slice(2)
    .map((line) => {
      const [, , , width, height] = line.trim().split(/\s+/);
      return `${width}x${height}`;
    });
}

describe("portal: screenshots under assets/", () => {
  it("prints a screenshot replaced while it runs, new (never the old one from a page's cache)", async () => {
    expect(await imageSizes()).toEqual(["120x120"]);
    await writeFile(
      path.join(root, "assets/shot.png"),
      png(200, 50, () => [20, 120, 140]),
    );
    expect(await eventually(async () => (await imageSizes()).includes("200x50"), 20_000)).toBe(
      true,
    );
  }, 60_000);

  it("never prints a file outside the workspace that the screenshot was swapped for", async () => {
    await rm(path.join(root, "assets/shot.png"));
    await symlink(outside, path.join(root, "assets/shot.png"));
    const seen: string[][] = [];
    const gone = await eventually(async () => {
      const sizes = await imageSizes();
      seen.push(sizes);
      return sizes.length === 0;
    }, 20_000);
    expect(gone).toBe(true);
    expect(seen.flat()).not.toContain("2x2");
  }, 60_000);
});
