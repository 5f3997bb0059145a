// Images checked on disk when the workspace loads: real image files inside sources/ or assets/ print; the rest warn and are left out.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../src/ingest/workspace.js";
import { badgePng } from "../fixtures/markdown/png.js";

const FM = "---\ntitle: T\nproduct: P\n---\n## A\n\n";

async function workspace(body: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-img-"));
  await mkdir(path.join(root, "sources/assets"), { recursive: true });
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(root, "sources/sources.yaml"), "");
  await writeFile(path.join(root, "sources/doc.md"), FM + body);
  await writeFile(path.join(root, "sources/assets/badge.png"), badgePng());
  await writeFile(
    path.join(root, "assets/logo.svg"),
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  await writeFile(path.join(root, "sources/assets/fake.png"), "#!/bin/sh\necho not an image\n");
  const outside = `${root}-secret.png`;
  await writeFile(outside, badgePng());
  await symlink(outside, path.join(root, "sources/assets/link.png"));
  return root;
}

const images = (model: Awaited<ReturnType<typeof loadWorkspace>>["model"]) =>
  model.claims[0]!.blocks.flatMap((b) => b.inlines).filter((i) => i.kind === "image");

describe("workspace images", () => {
  it("keeps image files of sources/ and assets/ with their alt text, position and pixel width (none for SVG)", async () => {
    const root = await workspace("![Badge](assets/badge.png)\n\n![Logo](../assets/logo.svg)\n");
    const { model, messages } = await loadWorkspace(root);
    expect(messages).toEqual([]);
    expect(images(model)).toEqual([
      {
        kind: "image",
        src: "sources/assets/badge.png",
        alt: "Badge",
        position: { file: "sources/doc.md", line: 7, column: 1 },
        sha256: createHash("sha256").update(badgePng()).digest("hex"),
        // Its width in pixels: it prints at 150 ppi (0.8 in), never blown up to CSS's 96.
        width: 120,
      },
      {
        kind: "image",
        src: "assets/logo.svg",
        alt: "Logo",
        position: { file: "sources/doc.md", line: 9, column: 1 },
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it("leaves out a missing file, a link leading out of the workspace and a file that is not an image", async () => {
    const root = await workspace(
      "![Gone](assets/gone.png)\n\n![Link](assets/link.png)\n\n![Fake](assets/fake.png)\n",
    );
    const { model, messages } = await loadWorkspace(root);
    expect(images(model)).toEqual([]);
    expect(messages.map((m) => [m.position.line, m.rule, m.reason])).toEqual([
      [7, "image-missing", "image sources/assets/gone.png not found; left out"],
      [
        9,
        "image-refused",
        "image sources/assets/link.png is a link to a file outside sources/ and assets/; refused, left out",
      ],
      [
        11,
        "image-refused",
        "sources/assets/fake.png is not a PNG, JPEG, GIF, WebP, AVIF or SVG image; left out",
      ],
    ]);
  });

  it("warns about an image without alt text and still prints it", async () => {
    const root = await workspace("![](assets/badge.png)\n");
    const { model, messages } = await loadWorkspace(root);
    expect(images(model)).toHaveLength(1);
    expect(messages.map((m) => [m.position.line, m.position.column, m.rule])).toEqual([
      [7, 1, "image-alt"],
    ]);
  });

  it("refuses a named pipe as an image at once, never waiting for a writer", async () => {
    const root = await workspace("![Pipe](../assets/pipe.png)\n");
    execFileSync("mkfifo", [path.join(root, "assets/pipe.png")]);
    const { model, messages } = await loadWorkspace(root);
    expect(images(model)).toEqual([]);
    expect(messages.map((m) => [m.rule, m.reason])).toEqual([
      ["image-refused", "image assets/pipe.png is not a file; left out"],
    ]);
  });

  it("refuses every image under an assets/ (or sources/ folder) that is itself a link leading out", async () => {
    const root = await workspace("");
    await writeFile(
      path.join(root, "sources/doc.md"),
      `${FM}![Secret](../assets${root}-secret.png)\n`,
    );
    await rm(path.join(root, "assets"), { recursive: true });
    await symlink("/", path.join(root, "assets"));
    const { model, messages } = await loadWorkspace(root);
    expect(images(model)).toEqual([]);
    expect(messages.map((m) => [m.rule, m.reason])).toEqual([
      [
        "image-refused",
        `image assets${root}-secret.png is refused: assets/ is a link leading out of the workspace; left out`,
      ],
    ]);
  });

  it("judges containment against the workspace as it really is: an assets/ linked to a folder inside it is fine", async () => {
    const real = await workspace("![Badge](../assets/badge.png)\n");
    // The workspace reached through a link (as /tmp is on some systems), and assets/ a link into sources/.
    const root = `${real}-via-link`;
    await symlink(real, root);
    await rm(path.join(real, "assets"), { recursive: true });
    await symlink("sources/assets", path.join(real, "assets"));
    const { model, messages } = await loadWorkspace(root);
    expect(messages).toEqual([]);
    expect(images(model).map((i) => i.kind === "image" && i.src)).toEqual(["assets/badge.png"]);
  });
});
