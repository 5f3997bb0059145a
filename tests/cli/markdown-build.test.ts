// End to end: `collateral build` on a workspace of two Markdown files using every construct carried, read back with poppler.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentRefs } from "../../src/export/assets.js";
import type { CollateralModel } from "../../src/model/index.js";
import { pdfText } from "../export/pdf-read.js";
import { png, screenPng } from "../fixtures/markdown/png.js";
import { markdownWorkspace } from "../fixtures/markdown/workspace.js";
import { type CliRun, runCli } from "../helpers/workspace.js";

const run = promisify(execFile);
const BUILD_TIMEOUT = 180_000;

let root: string;
let build: CliRun;
let model: CollateralModel;
const pdf = (piece: string) => path.join(root, "output", `${piece}.pdf`);
/** Text with white space collapsed, soft hyphens and line-end hyphen breaks undone. */
const flat = (text: string) => text.replace(/\u00ad/g, "").replace(/\s+/g, " ");

async function imageCount(file: string): Promise<number> {
  const { stdout } = await run("pdfimages", ["-list", file]);
  return stdout.trim().split("\n").slice(2).length;
}

beforeAll(async () => {
  root = await markdownWorkspace();
  build = await runCli(["build"], root);
  model = JSON.parse(await readFile(path.join(root, "output/claims.json"), "utf8"));
}, BUILD_TIMEOUT);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(`${root}-outside.png`, { force: true });
});

describe("collateral build on a workspace of lists, tables, code, images and links", () => {
  it("exits 0, every quote verified (in list items, a blockquote and a table row)", () => {
    expect(build.code).toBe(0);
    expect(model.report.quotes.map((q) => [q.id, q.status])).toEqual([
      ["offline-first/q1", "verified"],
      ["setup/q1", "verified"],
      ["audit-trail/q1", "verified"],
      ["roles-without-tickets/q1", "verified"],
    ]);
  });

  it("warns, with file:line:column and a rule, about each image it leaves out and the one without alt text", () => {
    const warnings = build.stderr.split("\n").filter((l) => l.includes("warning:"));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^sources\/a-atlas\.md:49:1: warning: image sources\/assets\/badge\.png has no alt text.*\[image-alt\]$/,
      ),
      expect.stringMatching(
        /^sources\/a-atlas\.md:51:1: warning: a remote image \(https:\) is refused, never fetched.*\[image-refused\]$/,
      ),
      expect.stringMatching(
        /^sources\/a-atlas\.md:53:1: warning: image path leads to outside the workspace.*\[image-refused\]$/,
      ),
      expect.stringMatching(
        /^sources\/a-atlas\.md:55:1: warning: image sources\/assets\/outside\.png is a link to a file outside.*\[image-refused\]$/,
      ),
      expect.stringMatching(
        /^sources\/a-atlas\.md:57:1: warning: image sources\/assets\/missing\.png not found.*\[image-missing\]$/,
      ),
    ]);
  });

  it("pins claim ids from {#id} and prints no attribute block", async () => {
    expect(model.claims.map((c) => c.id)).toEqual([
      "offline-first",
      "setup",
      "audit-trail",
      "roles-without-tickets",
    ]);
    for (const piece of ["brochure", "one-pager", "deck"])
      expect(await pdfText(pdf(piece))).not.toContain("{#");
  });

  for (const piece of ["brochure", "one-pager"]) {
    describe(piece, () => {
      let text: string;
      beforeAll(async () => {
        text = flat(await pdfText(pdf(piece)));
      });

      it("prints ordered lists with their numbers, from their start number, and nested items", () => {
        expect(text).toContain(
          "1. Install the app on each device. 2. Sign in with your company account:",
        );
        expect(text).toMatch(
          /phones and tablets, rugged handhelds: 1\. zebra scanners, 2\. pagers radios\. 3\. Start editing, even offline\./,
        );
        expect(text).toMatch(
          /3\. Export from LegacySync with legacy export --all\. 4\. Import the file into Atlas\. 5\. Invite your crews\./,
        );
      });

      it("prints inline code without its backticks, in the claims and in front matter text", () => {
        expect(text).not.toContain("`");
        expect(text).toContain("Full editing, atlas sync on reconnect");
        expect(text).toContain("Run atlas pilot to start a four-week pilot.");
      });

      it("prints the table's cells row by row, in order", () => {
        expect(text).toMatch(/PLAN DEVICES PRICE PER MONTH Team 10 \$90 Field 50 \$400/);
      });

      it("prints prose links as their text, never as a citation mark, and lists only the registry source", () => {
        expect(text).toContain(
          "Our migration guide, at https://docs.atlas.example/migrate, walks you",
        );
        expect(text).toContain("See also the admin handbook for roles.");
        expect(text).toContain("1 Atlas Field Guide, Atlas Inc., p. 1");
        expect(text).not.toMatch(/\b2 (https:\/\/docs|the admin handbook)/);
      });

      it("prints the two workspace images and no other", async () => {
        expect(await imageCount(pdf(piece))).toBe(2);
      });
    });
  }

  it("gives the deck a link's text, never a bare mark", async () => {
    const text = flat(await pdfText(pdf("deck")));
    // The claim has a list, so its slide shows the list's items; the sentence with the link is in the notes.
    expect(text).toContain("Export from LegacySync with legacy export --all.");
    expect(text).not.toMatch(/at [¹²³⁴⁵⁶⁷⁸⁹\d]+, walks|at, walks/);
    const notes = flat(await readFile(path.join(root, "output/deck.html"), "utf8"));
    expect(notes).toContain("Our migration guide, at https://docs.atlas.example/migrate, walks");
  });

  it("carries the image's alt text into the PDF as its alternate text", async () => {
    const bytes = await readFile(pdf("brochure"), "latin1");
    expect(bytes).toContain("/Alt (Atlas sync screen showing three pending edits)");
  });

  it("copies the images next to the HTML, named by their bytes' hash, which it refers to by relative path", async () => {
    const html = await readFile(path.join(root, "output/brochure.html"), "utf8");
    const hash = createHash("sha256").update(screenPng()).digest("hex").slice(0, 16);
    const copy = `assets/content/sources/assets/sync-screen.${hash}.png`;
    expect(html).toContain(`src="${copy}"`);
    // A raster image prints at 150 ppi at most its column's width: the 120 px badge at 0.8 in.
    expect(html).toMatch(
      /src="assets\/content\/sources\/assets\/badge\.[0-9a-f]{16}\.png" alt="" style="width:0\.80in"/,
    );
    expect(html).not.toContain("cdn.example.com");
    await expect(readFile(path.join(root, "output", copy))).resolves.toEqual(screenPng());
  });

  it(
    "prints a replaced screenshot under a new name and sweeps the copies no HTML in output/ shows any more",
    async () => {
      const folder = path.join(root, "output/assets/content/sources/assets");
      const old = (await readdir(folder)).sort();
      expect(old.map((n) => n.replace(/\.[0-9a-f]{16}\./, ".#."))).toEqual([
        "badge.#.png",
        "sync-screen.#.png",
      ]);
      // Left by a build of long ago: nothing refers to it.
      await writeFile(path.join(folder, "old.0123456789abcdef.png"), "x");
      const wider = png(200, 50, () => [200, 30, 30]);
      await writeFile(path.join(root, "sources/assets/sync-screen.png"), wider);
      const again = await runCli(["build", "--only", "brochure"], root);
      expect(again.code, again.stderr).toBe(0);
      const hash = createHash("sha256").update(wider).digest("hex").slice(0, 16);
      const { stdout } = await run("pdfimages", ["-list", pdf("brochure")]);
      expect(stdout).toMatch(/\s200\s+50\s/);
      // The pieces not printed again keep the copies their HTML shows; the stray file goes.
      const shown = async () => {
        const refs = await Promise.all(
          ["brochure", "one-pager", "deck"].map(async (p) =>
            contentRefs(await readFile(path.join(root, "output", `${p}.html`), "utf8")),
          ),
        );
        return [...new Set(refs.flat())].map((r) => path.posix.basename(r)).sort();
      };
      const now = (await readdir(folder)).sort();
      expect(now).toContain(`sync-screen.${hash}.png`);
      expect(now).not.toContain("old.0123456789abcdef.png");
      expect(now).toEqual(await shown());
      const all = await runCli(["build"], root);
      expect(all.code, all.stderr).toBe(0);
      expect((await readdir(folder)).sort()).toEqual([old[0], `sync-screen.${hash}.png`]);
      expect(await shown()).toEqual([old[0], `sync-screen.${hash}.png`]);
    },
    BUILD_TIMEOUT,
  );

  it(
    "checks prose links like citations (skipped offline), outside the references",
    async () => {
      const check = await runCli(["check", "--offline", "--format", "json"], root);
      expect(check.code).toBe(0);
      const report = JSON.parse(check.stdout);
      expect(report.links.map((l: { url: string; status: string }) => [l.url, l.status])).toEqual([
        ["https://atlas.example/field-guide.pdf", "skipped"],
        ["https://docs.atlas.example/migrate", "skipped"],
        ["https://docs.atlas.example/admin", "skipped"],
      ]);
    },
    BUILD_TIMEOUT,
  );
});
