// The worker threads that read PDFs: started on first use, shared by every read, a long document split between two.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PageFragments } from "../pdf-layout/fragment.js";
import type { FromWorker, ToWorker } from "./protocol.js";

/** A document with at least this many pages is read by two workers at once (each loads it; fewer pages do not repay that). */
export const SPLIT_PAGES = 12;
/** An idle worker is stopped after this long, giving its memory back (watch mode and the portal live long). */
const IDLE_MS = 30_000;

interface Job {
  id: number;
  bytes: Uint8Array;
  nextPage: Int32Array;
  pages: (PageFragments | undefined)[];
  readers: number;
  failed: Error | null;
  resolve: (pages: PageFragments[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idle: NodeJS.Timeout | null;
}

/** An error pdf.js raised, with its class name (PasswordException, InvalidPDFException…). */
export class PdfJsError extends Error {
  constructor(
    readonly pdfjsName: string,
    message: string,
  ) {
    super(message);
    this.name = pdfjsName;
  }
}

export class PdfWorkers {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private lastId = 0;

  constructor(private readonly size = Math.max(1, Math.min(2, availableParallelism()))) {}

  /** Each page's fragments, in page order. */
  read(bytes: Uint8Array): Promise<PageFragments[]> {
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: ++this.lastId,
        bytes,
        nextPage: new Int32Array(new SharedArrayBuffer(4)),
        pages: [],
        readers: 0,
        failed: null,
        resolve,
        reject,
      };
      const slot = this.freeSlot();
      if (slot) this.start(slot, job);
      else this.waiting.push(job);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private freeSlot(): Slot | null {
    const idle = this.slots.find((s) => s.job === null);
    if (idle) return idle;
    if (this.slots.length >= this.size) return null;
    // Node's own flags pass on to the worker, but for those a worker refuses (--input-type, with -e).
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
    const slot: Slot = { worker: new Worker(workerUrl(), { execArgv }), job: null, idle: null };
    slot.worker.on("message", (message: FromWorker) => this.onMessage(slot, message));
    slot.worker.on("error", (error) => this.onExit(slot, error));
    slot.worker.on("exit", (code) =>
      this.onExit(slot, new Error(`the PDF reader stopped (exit ${code})`)),
    );
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.job = job;
    job.readers++;
    slot.worker.ref();
    const message: ToWorker = {
      type: "read",
      id: job.id,
      bytes: new Uint8Array(job.bytes),
      nextPage: job.nextPage,
    };
    slot.worker.postMessage(message);
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const job = slot.job;
    if (!job || message.id !== job.id) return;
    if (message.type === "count") {
      // Every worker reading the job says how many pages it has; the first says it for all.
      if (job.pages.length === 0)
        job.pages = Array.from({ length: message.pages }, () => undefined);
      if (message.pages >= SPLIT_PAGES && job.readers === 1 && this.waiting.length === 0) {
        const helper = this.freeSlot();
        if (helper) this.start(helper, job);
      }
    } else if (message.type === "page") {
      job.pages[message.page - 1] = message.fragments;
    } else if (message.type === "error") {
      job.failed ??= new PdfJsError(message.name, message.message);
      this.release(slot);
    } else this.release(slot);
  }

  /** The worker is done with its job: settle the job when no other worker still reads it, then take the next. */
  private release(slot: Slot): void {
    const job = slot.job!;
    slot.job = null;
    job.readers--;
    if (job.readers === 0) settle(job);
    const next = this.waiting.shift();
    if (next) {
      this.start(slot, next);
      return;
    }
    slot.worker.unref();
    slot.idle = setTimeout(() => this.retire(slot), IDLE_MS);
    slot.idle.unref();
  }

  private retire(slot: Slot): void {
    if (slot.job) return;
    this.forget(slot);
    void slot.worker.terminate();
  }

  private onExit(slot: Slot, error: Error): void {
    if (!this.forget(slot)) return;
    const job = slot.job;
    if (!job) return;
    job.failed ??= error;
    job.readers--;
    if (job.readers === 0) settle(job);
    const next = this.waiting.shift();
    if (next) {
      const fresh = this.freeSlot();
      if (fresh) this.start(fresh, next);
      else this.waiting.unshift(next);
    }
  }

  private forget(slot: Slot): boolean {
    const at = this.slots.indexOf(slot);
    if (at < 0) return false;
    this.slots.splice(at, 1);
    if (slot.idle) clearTimeout(slot.idle);
    return true;
  }
}

function settle(job: Job): void {
  const missing = job.pages.indexOf(undefined);
  if (job.failed) job.reject(job.failed);
  else if (missing >= 0) job.reject(new Error(`page ${missing + 1} was not read`));
  else job.resolve(job.pages as PageFragments[]);
}

/**
 * The worker's script: beside this module once compiled (dist/src), `pdf-worker.js` in the bundle
 * (dist/bundle), and the compiled copy when this module runs as TypeScript source (the tests).
 */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith(".ts")) {
    return new URL("../../../../dist/src/ingest/cited/pdf-reader/worker.js", here);
  }
  if (here.pathname.includes("/dist/bundle/")) return new URL("./pdf-worker.js", here);
  return new URL("./worker.js", here);
}

let shared: PdfWorkers | null = null;

/** The process's PDF readers. */
export function pdfWorkers(): PdfWorkers {
  shared ??= new PdfWorkers();
  return shared;
}
