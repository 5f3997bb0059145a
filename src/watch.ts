// File events under sources/, templates/ and assets/ → debounced rebuilds through the pipeline; the last good output stays.
import { createHash } from "node:crypto";
import { constants, realpathSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import chokidar, { type FSWatcher } from "chokidar";

export type ChangeKind = "source" | "registry" | "cited" | "template" | "image";

export interface Change {
  kind: ChangeKind;
  /** Path relative to the workspace root. */
  file: string;
}

export interface WatchOptions {
  /** Quiet period after the last event before rebuilding (ms). */
  debounceMs?: number;
  /** Called with every batch of changes; rebuilds never overlap. */
  rebuild: (changes: Change[]) => Promise<void>;
  /**
   * How long to wait for more when a changed file is empty (ms). Saving in place truncates the file first and writes
   * after; on a busy machine the gap can outlast the write-finish check, and a build would read an empty file.
   */
  emptyGraceMs?: number;
  /** Poll instead of native events (network drives, some containers). */
  usePolling?: boolean;
  /** A watcher error (a folder that cannot be read, too many watches): reported, the watcher keeps going. */
  onError?: (error: Error) => void;
  /** A build already running (the first one): rebuilds start after it. */
  after?: Promise<unknown>;
}

export function classifyChange(file: string): ChangeKind {
  const rel = file.split(path.sep).join("/");
  if (rel.startsWith("templates/")) return "template";
  if (rel.startsWith("assets/")) return "image";
  if (rel === "sources/sources.yaml") return "registry";
  if (/^sources\/[^/]+\.md$/.test(rel)) return "source";
  return "cited";
}

/**
 * Editors' scratch files, never content: Emacs locks and autosaves (`.#x`, `#x#`), backups (`x~`), Vim swap files
 * (`.x.swp`) and its write probe (`4913`), and temp files written before a rename (`x.tmp-123`, `.x.123.tmp`,
 * JetBrains' `x___jb_tmp___`).
 */
export function isScratchFile(file: string): boolean {
  const name = file.split(/[/\\]/).at(-1) ?? "";
  return (
    /^\.?#/.test(name) ||
    name.endsWith("~") ||
    /\.sw[a-p]$/.test(name) ||
    name === "4913" ||
    /\.tmp-\d+|\.tmp$|___jb_(tmp|old)___$/.test(name)
  );
}

/**
 * The workspace folder, or a path under its sources/, templates/ or assets/ (chokidar asks with absolute
 * paths). An assets/ that is a link leading out of the workspace (`assets -> /`) is not looked into: its
 * images are refused anyway, and watching it could mean watching the whole disk.
 */
function inWatchedFolder(root: string, file: string): boolean {
  const rel = path.relative(root, path.resolve(root, file));
  if (rel === "") return true;
  const top = rel.split(path.sep)[0];
  if (top === "assets" && rel === "assets") return assetsInside(root);
  return top === "sources" || top === "templates" || top === "assets";
}

function assetsInside(root: string): boolean {
  try {
    const real = realpathSync(path.join(root, "assets"));
    const rel = path.relative(realpathSync(root), real);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  } catch {
    // Not there (yet): its creation is an event of the workspace folder, asked about again then.
    return true;
  }
}

/** A changed file's hash, read without blocking: a named pipe or a device is never read (it could block for ever). */
async function contentHash(file: string): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => null);
  if (!handle) return "missing";
  try {
    const info = await handle.stat();
    if (!info.isFile()) return `not-a-file:${info.mode}`;
    return createHash("sha256")
      .update(await handle.readFile())
      .digest("hex");
  } catch {
    return "missing";
  } finally {
    await handle.close();
  }
}

export class WorkspaceWatcher {
  private readonly watcher: FSWatcher;
  private readonly whenReady: Promise<void>;
  private pending = new Map<string, Change>();
  /** Content hash of each file as its last rebuild saw it. */
  private readonly seen = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  /** The rebuild in progress (the first build to begin with): the next waits for it. */
  private running: Promise<void>;
  private closed = false;

  constructor(
    readonly root: string,
    private readonly options: WatchOptions,
  ) {
    // A change while the first build runs waits for it, or the first build would write over newer output.
    this.running = (options.after ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
    // The workspace folder itself is watched, all but sources/, templates/ and assets/ ignored: chokidar cannot follow a
    // watched folder that is removed, so one deleted and recreated (a git checkout) would go unwatched for good.
    this.watcher = chokidar.watch(".", {
      cwd: root,
      ignoreInitial: true,
      // Editors save by writing a temp file and renaming it: treat that as one change.
      atomic: true,
      awaitWriteFinish: { stabilityThreshold: 15, pollInterval: 5 },
      ignored: (p) => !inWatchedFolder(root, p) || isScratchFile(p),
      usePolling: options.usePolling ?? false,
      interval: 50,
    });
    this.whenReady = new Promise((resolve) => this.watcher.once("ready", () => resolve()));
    this.watcher.on("all", (event, file) => {
      if (event === "addDir" || event === "unlinkDir") return;
      this.queue(file);
    });
    // An FSWatcher with no 'error' listener would throw, and end the process.
    this.watcher.on("error", (error) => this.options.onError?.(error as Error));
  }

  /** Resolves once the initial scan is done: changes after this are seen. */
  ready(): Promise<void> {
    return this.whenReady;
  }

  private queue(file: string): void {
    if (this.closed) return;
    const rel = file.split(path.sep).join("/");
    this.pending.set(rel, { kind: classifyChange(rel), file: rel });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 20);
  }

  private async flush(graced = false): Promise<void> {
    this.timer = null;
    if (!graced && (await this.anyEmpty([...this.pending.keys()]))) {
      // Probably a save caught between truncate and write: its next event re-arms the short debounce.
      if (!this.timer && !this.closed)
        this.timer = setTimeout(() => this.flush(true), this.options.emptyGraceMs ?? 400);
      return;
    }
    if (this.timer || this.closed) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    const changes = await this.newContent(batch);
    if (changes.length === 0 || this.closed) return;
    // Serialize rebuilds: a change during a rebuild waits for it, then rebuilds once more.
    this.running = this.running.then(() => this.options.rebuild(changes)).catch(() => undefined);
  }

  /**
   * The changes whose content differs from what this watcher last saw of the file: a save that fires its events
   * twice (a busy machine delivers the second late) rebuilds once, and a file saved unchanged not at all. A file
   * is known only from its own events, so its first change always counts.
   */
  private async newContent(changes: Change[]): Promise<Change[]> {
    const hashed = await Promise.all(
      changes.map(async (change) => {
        const hash = await contentHash(path.join(this.root, change.file));
        return { change, hash };
      }),
    );
    const fresh = hashed.filter(({ change, hash }) => this.seen.get(change.file) !== hash);
    for (const { change, hash } of hashed) this.seen.set(change.file, hash);
    return fresh.map(({ change }) => change);
  }

  /** True when one of the files exists and is empty. */
  private async anyEmpty(files: string[]): Promise<boolean> {
    const sizes = await Promise.all(
      files.map((f) =>
        stat(path.join(this.root, f)).then(
          (s) => (s.isFile() ? s.size : -1),
          () => -1,
        ),
      ),
    );
    return sizes.includes(0);
  }

  /** Resolves when every queued rebuild has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    await this.watcher.close();
    await this.running;
  }
}
