// The reader processes: cited documents are read in child processes, each document within its limits, a process killed past one.
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import type { CitedFormat } from "../format.js";
import type { ParsedCited } from "../parse-result.js";
import { LIMIT_REASONS, type ReadLimits } from "./limits.js";
import { residentBytes } from "./process-memory.js";
import type { ReadAnswer, ReadJob } from "./protocol.js";

/** An idle reader is stopped after this long, giving its memory back (watch mode and the portal live long). */
const IDLE_MS = 30_000;
/** How often a reader's memory is looked at while it reads. */
const WATCH_MS = 100;

interface Pending {
  job: ReadJob;
  resolve: (parsed: ParsedCited) => void;
}

interface Slot {
  child: ChildProcess;
  /** The heap limit it was started with (megabytes). */
  memory: number;
  pending: Pending | null;
  /** Why collateral killed it, when it did. */
  killedFor: string | null;
  timers: NodeJS.Timeout[];
}

/**
 * Reads cited documents in child processes, at most `size` at once (one per core, two at most): a
 * PDF whose forms draw each other 2^30 times, a stream that inflates to gigabytes or a page nested a
 * million deep cost that process, not collateral, whose own thread stays free for `watch`, the portal
 * and signals. Each read is bounded: its time (a timer), its memory (V8's heap limit, and the
 * process's resident memory, which also counts what pdf.js decodes outside the heap, looked at every
 * 100 ms), and, in the reader, its pages and the depth of a page's elements. Past a bound the process
 * is killed and the document is unreadable, with the limit named.
 */
export class ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private lastId = 0;

  constructor(private readonly size = Math.max(1, Math.min(2, availableParallelism()))) {}

  read(bytes: Uint8Array, kind: CitedFormat, limits: ReadLimits): Promise<ParsedCited> {
    return new Promise((resolve) => {
      const pending: Pending = { job: { id: ++this.lastId, bytes, kind, limits }, resolve };
      const slot = this.freeSlot(limits.memoryMegabytes);
      if (slot) this.start(slot, pending);
      else this.waiting.push(pending);
    });
  }

  /** Stops every reader; what they were reading is unreadable. */
  async close(): Promise<void> {
    for (const slot of [...this.slots]) this.kill(slot, "collateral stopped before it was read");
  }

  private freeSlot(memory: number): Slot | null {
    const idle = this.slots.find((s) => s.pending === null && s.memory === memory);
    if (idle) return idle;
    // A reader started with another heap limit gives its place up.
    const other = this.slots.find((s) => s.pending === null);
    if (other) this.retire(other);
    if (this.slots.length >= this.size) return null;
    return this.spawn(memory);
  }

  private spawn(memory: number): Slot {
    const child = fork(readerScript(), [], {
      execArgv: [`--max-old-space-size=${memory}`],
      serialization: "advanced",
      // No pipes: an idle reader must not keep collateral's process alive.
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    const slot: Slot = { child, memory, pending: null, killedFor: null, timers: [] };
    child.on("message", (answer: ReadAnswer) => this.onAnswer(slot, answer));
    child.on("exit", (code, signal) => this.onExit(slot, code, signal));
    child.on("error", () => this.kill(slot, "the reader process failed"));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    this.clearTimers(slot);
    slot.pending = pending;
    slot.child.ref();
    slot.child.channel?.ref();
    const { limits } = pending.job;
    slot.timers.push(
      setTimeout(() => this.kill(slot, LIMIT_REASONS.seconds(limits)), limits.seconds * 1000),
      setInterval(() => {
        const rss = residentBytes(slot.child.pid);
        if (rss !== null && rss > limits.memoryMegabytes * 1024 * 1024) {
          this.kill(slot, LIMIT_REASONS.memoryMegabytes(limits));
        }
      }, WATCH_MS),
    );
    slot.child.send(pending.job);
  }

  private onAnswer(slot: Slot, answer: ReadAnswer): void {
    const pending = slot.pending;
    if (!pending || answer.id !== pending.job.id) return;
    slot.pending = null;
    this.clearTimers(slot);
    pending.resolve(
      "parsed" in answer
        ? answer.parsed
        : failed(pending, `the file cannot be read (${answer.error.message})`),
    );
    this.next(slot);
  }

  /** The reader is free: the next waiting document, or rest (and stop after a while). */
  private next(slot: Slot): void {
    const waiting = this.waiting.shift();
    if (waiting) {
      if (waiting.job.limits.memoryMegabytes === slot.memory) this.start(slot, waiting);
      else {
        this.retire(slot);
        this.start(this.spawn(waiting.job.limits.memoryMegabytes), waiting);
      }
      return;
    }
    slot.child.unref();
    slot.child.channel?.unref();
    const idle = setTimeout(() => this.retire(slot), IDLE_MS);
    idle.unref();
    slot.timers.push(idle);
  }

  private kill(slot: Slot, reason: string): void {
    slot.killedFor ??= reason;
    slot.child.kill("SIGKILL");
  }

  private retire(slot: Slot): void {
    this.forget(slot);
    slot.child.kill("SIGKILL");
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    this.clearTimers(slot);
    this.forget(slot);
    const pending = slot.pending;
    slot.pending = null;
    if (pending)
      pending.resolve(failed(pending, slot.killedFor ?? crashReason(slot, code, signal)));
    const waiting = this.waiting.shift();
    if (waiting) this.start(this.spawn(waiting.job.limits.memoryMegabytes), waiting);
  }

  private forget(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
  }

  private clearTimers(slot: Slot): void {
    for (const timer of slot.timers) clearTimeout(timer);
    slot.timers = [];
  }
}

function failed(pending: Pending, reason: string): ParsedCited {
  return { ok: false, kind: pending.job.kind, reason };
}

/** Why a reader stopped on its own: out of heap (V8 aborts: SIGABRT, exit code 134), or anything else. */
function crashReason(slot: Slot, code: number | null, signal: NodeJS.Signals | null): string {
  if ((signal === "SIGABRT" || code === 134) && slot.pending) {
    return LIMIT_REASONS.memoryMegabytes(slot.pending.job.limits);
  }
  return `the reader process stopped (${signal ?? `exit code ${code}`}) while reading it`;
}

/**
 * The reader's script: beside this module once compiled (dist/src), `cited-reader.js` in the bundle
 * (dist/bundle), and the compiled copy when this module runs as TypeScript source (the tests).
 */
function readerScript(): string {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith(".ts")) {
    return new URL("../../../../dist/src/ingest/cited/reader/child.js", here).pathname;
  }
  if (here.pathname.includes("/dist/bundle/")) return new URL("./cited-reader.js", here).pathname;
  return new URL("./child.js", here).pathname;
}

let shared: ReaderPool | null = null;

/** The process's reader pool. */
export function readerPool(): ReaderPool {
  shared ??= new ReaderPool();
  return shared;
}
