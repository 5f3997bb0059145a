// File events under sources/ and templates/ → debounced rebuilds through the pipeline; the last good output stays.
import path from "node:path";
import chokidar, { type FSWatcher } from "chokidar";

export type ChangeKind = "source" | "registry" | "cited" | "template";

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
  /** Poll instead of native events (network drives, some containers). */
  usePolling?: boolean;
}

export function classifyChange(file: string): ChangeKind {
  const rel = file.split(path.sep).join("/");
  if (rel.startsWith("templates/")) return "template";
  if (rel === "sources/sources.yaml") return "registry";
  if (/^sources\/[^/]+\.md$/.test(rel)) return "source";
  return "cited";
}

export class WorkspaceWatcher {
  private readonly watcher: FSWatcher;
  private pending = new Map<string, Change>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    readonly root: string,
    private readonly options: WatchOptions,
  ) {
    this.watcher = chokidar.watch(["sources", "templates"], {
      cwd: root,
      ignoreInitial: true,
      // Editors save by writing a temp file and renaming it: treat that as one change.
      atomic: true,
      awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 10 },
      ignored: (p) => /(^|[/\\])(\.#|#|~$|\.sw[px]$|4913$)/.test(p) || /\.tmp-\d+/.test(p),
      usePolling: options.usePolling ?? false,
      interval: 50,
    });
    this.watcher.on("all", (event, file) => {
      if (event === "addDir" || event === "unlinkDir") return;
      this.queue(file);
    });
  }

  ready(): Promise<void> {
    return new Promise((resolve) => this.watcher.once("ready", () => resolve()));
  }

  private queue(file: string): void {
    const rel = file.split(path.sep).join("/");
    this.pending.set(rel, { kind: classifyChange(rel), file: rel });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 40);
  }

  private flush(): void {
    this.timer = null;
    const changes = [...this.pending.values()];
    this.pending.clear();
    // Serialize rebuilds: a change during a rebuild waits for it, then rebuilds once more.
    this.running = this.running.then(() => this.options.rebuild(changes)).catch(() => undefined);
  }

  /** Resolves when every queued rebuild has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.watcher.close();
    await this.running;
  }
}
