// Concurrency limits: a counting semaphore, and one per host that a 429 can pause.
import { sleep } from "./retry-after.js";

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter: `active` stays the same.
      if (next) next();
      else this.active--;
    };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/** At most `perHost` requests in flight to one host; a host told to back off waits for everyone. */
export class HostLimiter {
  private readonly hosts = new Map<string, Semaphore>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly perHost: number,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(host: string): Promise<() => void> {
    let semaphore = this.hosts.get(host);
    if (!semaphore) {
      semaphore = new Semaphore(Math.max(1, this.perHost));
      this.hosts.set(host, semaphore);
    }
    const release = await semaphore.acquire();
    for (;;) {
      const wait = (this.pausedUntil.get(host) ?? 0) - this.now();
      if (wait <= 0) return release;
      await sleep(wait);
    }
  }

  /** Hold every request to `host` until `until` (epoch ms), as a `Retry-After` asks. */
  pause(host: string, until: number): void {
    this.pausedUntil.set(host, Math.max(until, this.pausedUntil.get(host) ?? 0));
  }
}
