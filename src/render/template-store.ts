// The workspace's templates over the built-in set, recompiled only when a template file changed.
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { BUILTIN_TEMPLATES_DIR, loadTemplates } from "./index.js";

type TemplateSet = Awaited<ReturnType<typeof loadTemplates>>;

export class TemplateStore {
  private cached: { key: string; set: TemplateSet } | null = null;

  constructor(readonly root: string) {}

  get dirs(): string[] {
    return [path.join(this.root, "templates"), BUILTIN_TEMPLATES_DIR];
  }

  async load(): Promise<TemplateSet> {
    const key = await fingerprint(this.dirs);
    if (this.cached?.key === key) return this.cached.set;
    const set = await loadTemplates(this.dirs);
    this.cached = { key, set };
    return set;
  }
}

/** A hash of the names, sizes and modification times of every file under the folders: cheap, changes with any edit. */
export async function fingerprint(dirs: string[]): Promise<string> {
  const parts: string[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info?.isFile()) parts.push(`${dir}/${name}:${info.size}:${info.mtimeMs}`);
    }
  }
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}
