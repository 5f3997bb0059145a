// A bounded render queue: at most `concurrency` renders at once, at most `capacity` waiting; beyond that, refuse.

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("the render queue is full");
  }
}

export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Recent render durations, for a Retry-After that reflects the real backlog. */
  private averageMs = 500;

  constructor(
    readonly concurrency: number,
    readonly capacity: number,
  ) {}

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.capacity) throw new QueueFullError(this.retryAfter());
      // The finishing task hands its slot straight to us, so `running` already counts this task.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private retryAfter(): number {
    const backlog = (this.waiting.length + this.running) / Math.max(this.concurrency, 1);
    return Math.max(1, Math.ceil((backlog * this.averageMs) / 1000));
  }
}
