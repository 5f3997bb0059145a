// An image's path as written → a workspace path, or refused by its text alone (nothing is fetched or read).
import { describe, expect, it } from "vitest";
import { imageSource } from "../../../src/ingest/markdown/image-source.js";

const src = (url: string, file = "sources/doc.md") => imageSource(file, url);

describe("imageSource", () => {
  it("resolves a path relative to the Markdown file, inside sources/ or assets/", () => {
    expect(src("assets/shot.png")).toEqual({ ok: true, src: "sources/assets/shot.png" });
    expect(src("./img/a%20b.JPG")).toEqual({ ok: true, src: "sources/img/a b.JPG" });
    expect(src("../assets/logo.svg")).toEqual({ ok: true, src: "assets/logo.svg" });
  });

  it.each([
    ["https://cdn.example.com/logo.png", "a remote image (https:)"],
    ["http://169.254.169.254/latest.png", "a remote image (http:)"],
    ["file:///etc/passwd.png", "a remote image (file:)"],
    ["data:image/png;base64,iVBORw0KGgo=", "an inline data: image"],
    ["//cdn.example.com/x.png", "a remote image (//host/…)"],
    ["/etc/x.png", "from the root of the disk"],
    ["C:\\Windows\\x.png", "from the root of the disk"],
    ["../../etc/x.png", "outside the workspace"],
    ["../templates/theme/logo.png", "templates/theme/logo.png"],
    ["assets/notes.txt", "is not an image"],
    ["assets/a\\..\\..\\x.png", "backslash"],
  ])("refuses %s", (url, why) => {
    const result = src(url);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(why);
  });
});
