// The reader's own watchdog: a thread that ends the reader when collateral is gone or a read runs far past its limit.
import { Worker } from "node:worker_threads";

/** Past its time limit by this much, a read ends its own process (collateral kills it at the limit itself). */
const GRACE_MS = 5000;
const LOOK_EVERY_MS = 250;

/**
 * Runs beside the reading, on a thread of its own: a hostile PDF keeps the reader's main thread busy in
 * one synchronous loop, where neither the 'disconnect' event nor a timer ever runs. Should collateral
 * die without killing its reader (SIGKILL, a crashed test worker), the reader is re-parented; seeing
 * that, or a read past its limit and grace, the thread kills its own process.
 */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const parent = process.ppid;
let deadline = Infinity;
parentPort.on("message", (m) => { deadline = m === null ? Infinity : Date.now() + m; });
setInterval(() => {
  if (process.ppid !== parent || Date.now() > deadline) process.kill(process.pid, "SIGKILL");
}, ${LOOK_EVERY_MS});
`;

export class ReaderWatchdog {
  private readonly worker = new Worker(SOURCE, { eval: true });

  constructor() {
    this.worker.unref();
  }

  /** A read of at most `seconds` begins. */
  started(seconds: number): void {
    this.worker.postMessage(seconds * 1000 + GRACE_MS);
  }

  ended(): void {
    this.worker.postMessage(null);
  }
}
