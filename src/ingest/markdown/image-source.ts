// An image's URL as written → a workspace path collateral may print, or why it is refused; never fetched, judged by its text alone.
import path from "node:path";

/** Image files Chromium prints, by extension (the bytes are checked when the workspace is loaded). */
export const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"] as const;

/** Folders of the workspace an image may come from. */
export const IMAGE_FOLDERS = ["sources", "assets"] as const;

export type ImageSource = { ok: true; src: string } | { ok: false; reason: string };

/**
 * `url` as written in `file` (workspace-relative, e.g. `sources/doc.md`), resolved against that file's
 * folder. Only a relative path to a file under `sources/` or `assets/` is accepted: a URL with a scheme
 * (http, https, data, file, …), a protocol-relative or absolute path, or one whose `..` leaves those
 * folders is refused here, before anything could read it.
 */
export function imageSource(file: string, url: string): ImageSource {
  const written = url.trim();
  if (written === "") return { ok: false, reason: "image has no path" };
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-z]:[\\/]/i.test(written)) {
    const scheme = written.slice(0, written.indexOf(":")).toLowerCase();
    return {
      ok: false,
      reason: `${scheme === "data" ? "an inline data: image" : `a remote image (${scheme}:)`} is refused, never fetched: save the file under sources/ or assets/ and link it by its path`,
    };
  }
  if (/^[\\/]{2}/.test(written)) {
    return {
      ok: false,
      reason:
        "a remote image (//host/…) is refused, never fetched: save the file under sources/ or assets/ and link it by its path",
    };
  }
  if (/^([\\/]|[a-z]:[\\/])/i.test(written)) {
    return {
      ok: false,
      reason:
        "an image path from the root of the disk is refused: link it relative to the Markdown file, inside sources/ or assets/",
    };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(written.replace(/[?#].*$/, ""));
  } catch {
    return { ok: false, reason: "image path is not a valid URL path" };
  }
  if (decoded.includes("\\") || decoded.includes("\0")) {
    return { ok: false, reason: "image path holds a backslash or NUL: write it with / separators" };
  }
  const src = path.posix.normalize(path.posix.join(path.posix.dirname(file), decoded));
  const top = src.split("/")[0];
  if (src.startsWith("../") || src === ".." || !IMAGE_FOLDERS.some((f) => f === top)) {
    return {
      ok: false,
      reason: `image path leads to ${src.startsWith("..") ? "outside the workspace" : src}: only files under sources/ or assets/ are printed`,
    };
  }
  const ext = path.posix.extname(src).slice(1).toLowerCase();
  if (!IMAGE_EXTENSIONS.some((e) => e === ext)) {
    return {
      ok: false,
      reason: `${src} is not an image collateral prints (${IMAGE_EXTENSIONS.map((e) => `.${e}`).join(", ")})`,
    };
  }
  return { ok: true, src };
}
