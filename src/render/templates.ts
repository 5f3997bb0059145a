// Templates, partials and theme: the workspace's files over the built-in set, file by file; compiled once.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { CollateralError, type Message, shownPath } from "../model/index.js";
import { templateHelpers } from "./helpers.js";
import { type Asset, PIECES, type Piece } from "./pieces.js";
import { readThemeLabels } from "./theme-labels.js";

export interface TemplateSet {
  readonly pieces: Readonly<Record<Piece, Handlebars.TemplateDelegate>>;
  /** Theme stylesheets by file name (`theme.css`, `brochure.css`, …). */
  readonly styles: ReadonlyMap<string, string>;
  readonly assets: readonly Asset[];
  /** The theme's logo for paper (`theme/logo.svg|png|jpg|webp`) relative to the HTML, or null: the wordmark. */
  readonly logo: string | null;
  /** The theme's logo for the dark ground (`theme/logo-on-dark.*`), or null: `logo`, else the wordmark. */
  readonly logoOnDark: string | null;
  /** The theme's labels (`theme/labels.yaml`): label key → text, under the front matter's. */
  readonly labels: Readonly<Record<string, string>>;
  /** Warnings about the templates (an unknown label in labels.yaml). */
  readonly messages: readonly Message[];
  /** Relative template path → the file it was read from (which folder won). */
  readonly origins: Readonly<Record<string, string>>;
}

/** The repository's templates/ folder, from src/render (vitest) or dist/src/render (built). */
export const BUILTIN_TEMPLATES_DIR: string = findBuiltinDir(
  path.dirname(fileURLToPath(import.meta.url)),
);

function findBuiltinDir(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (
      existsSync(path.join(dir, "package.json")) &&
      existsSync(path.join(dir, "templates/brochure.hbs"))
    )
      return path.join(dir, "templates");
  }
  return path.resolve(from, "../../templates");
}

/** Relative path → absolute file; the first folder that has a path wins. The lead's portal/ is not ours. */
async function collect(dirs: string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of names) {
      if (!entry.isFile()) continue;
      const rel = path
        .relative(dir, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join("/");
      if (rel.startsWith("portal/") || files.has(rel)) continue;
      files.set(rel, path.join(entry.parentPath, entry.name));
    }
  }
  return files;
}

/** A template or theme file's text; one that cannot be read is the author's to fix (exit 2, naming it). */
async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? "error");
    throw new CollateralError(`cannot read the template (${why})`, {
      position: { file: shownPath(file), line: 1, column: 1 },
      rule: "template",
    });
  }
}

async function readTemplate(file: string): Promise<string> {
  const source = await readText(file);
  try {
    Handlebars.parse(source);
  } catch (error) {
    // Parse errors say "on line N" and, on their last line, what was expected; a mismatched block
    // ("each doesn't match if - 2:5") carries its line and column.
    const { message, lineNumber, column } = error as Error & {
      lineNumber?: number;
      column?: number;
    };
    const lines = message.split("\n");
    const line = lineNumber ?? Number(/line (\d+)/.exec(lines[0] ?? "")?.[1] ?? 1);
    const expected = lines.length > 1 ? lines.at(-1)!.replace(/'/g, "") : "";
    const what = expected ? `${lines[0]!.replace(/:$/, "")}: ${expected}` : lines[0]!;
    throw new CollateralError(`template syntax error: ${what}`, {
      position: {
        file: shownPath(file),
        line,
        column: (column ?? 0) + 1,
      },
      rule: "template",
    });
  }
  return source;
}

export async function loadTemplates(dirs: string[]): Promise<TemplateSet> {
  const files = await collect(dirs);
  const env = Handlebars.create();
  env.registerHelper(templateHelpers(env.SafeString));
  const styles = new Map<string, string>();
  // Font files are not here: each piece names those its characters need (render/fonts.ts).
  const assets: Asset[] = [];
  for (const [rel, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (/^partials\/[^/]+\.hbs$/.test(rel))
      env.registerPartial(path.basename(rel, ".hbs"), await readTemplate(file));
    else if (/^theme\/[^/]+\.css$/.test(rel)) styles.set(path.basename(rel), await readText(file));
    else if (/^theme\/[^/]+\.(svg|png|jpe?g|webp)$/.test(rel))
      assets.push({ rel: `assets/${rel}`, path: file });
  }
  const pieces = {} as Record<Piece, Handlebars.TemplateDelegate>;
  for (const piece of PIECES) {
    const file = files.get(`${piece}.hbs`);
    if (!file)
      throw new CollateralError(
        `no template for ${piece}: expected ${piece}.hbs in ${dirs.join(" or ")}`,
        {
          rule: "template",
        },
      );
    pieces[piece] = env.compile(await readTemplate(file), { strict: false, preventIndent: true });
  }
  const themeFile = (pattern: RegExp) => assets.find((a) => pattern.test(a.rel))?.rel ?? null;
  const labelsFile = files.get("theme/labels.yaml");
  const { labels, messages } = labelsFile
    ? await readThemeLabels(labelsFile, await readText(labelsFile))
    : { labels: {}, messages: [] };
  return {
    pieces,
    styles,
    assets,
    logo: themeFile(/^assets\/theme\/logo\.[a-z]+$/),
    logoOnDark: themeFile(/^assets\/theme\/logo-on-dark\.[a-z]+$/),
    labels,
    messages,
    origins: Object.fromEntries(files),
  };
}
