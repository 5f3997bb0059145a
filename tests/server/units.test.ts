import { describe, expect, it } from "vitest";
import { ProspectSchema } from "../../src/model/index.js";
import { contentDisposition, safeFileStem, unicodeFileStem } from "../../src/server/filename.js";
import { Lru } from "../../src/server/lru.js";
import { QueueFullError, RenderQueue } from "../../src/server/queue.js";

describe("download file names", () => {
  it("keeps letters and digits, folds accents, and drops path and header characters", () => {
    expect(safeFileStem("Acme Fédéral, Inc.")).toBe("Acme-Federal-Inc");
    expect(safeFileStem('../../etc/passwd"\r\nX-Evil: 1')).toBe("etc-passwd-X-Evil-1");
    expect(safeFileStem("<script>alert(1)</script>")).toBe("script-alert-1-script");
  });

  it("never returns an empty name", () => {
    expect(safeFileStem("日本語")).toBe("prospect");
    expect(safeFileStem("   ")).toBe("prospect");
  });

  it("keeps the company's own letters for the UTF-8 name, and nothing a path or header could use", () => {
    expect(unicodeFileStem("Acme Fédéral, Inc.")).toBe("Acme-Fédéral-Inc");
    expect(unicodeFileStem("日本語 株式会社")).toBe("日本語-株式会社");
    expect(unicodeFileStem("\u200fRTL Holdings\u202e")).toBe("RTL-Holdings");
    expect(unicodeFileStem('../../etc/passwd"\r\nX-Evil: 1')).toBe("etc-passwd-X-Evil-1");
    expect(unicodeFileStem("!!!")).toBe("prospect");
  });

  it("writes a Content-Disposition that is safe ASCII with the UTF-8 name encoded", () => {
    const header = contentDisposition('a"b\\c.pdf', "Café Ω.pdf");
    expect(header).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''Caf%C3%A9%20%CE%A9.pdf`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe("render queue", () => {
  const gate = () => {
    let open!: () => void;
    const promise = new Promise<void>((r) => {
      open = r;
    });
    return { promise, open };
  };

  it("runs at most `concurrency` tasks at once and queues the rest in order", async () => {
    const queue = new RenderQueue(2, 10);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(n);
      running--;
    };
    await Promise.all([1, 2, 3, 4, 5].map((n) => queue.run(task(n))));
    expect(peak).toBe(2);
    expect(order).toHaveLength(5);
  });

  it("refuses with a Retry-After once the waiting line is full", async () => {
    const queue = new RenderQueue(1, 1);
    const g = gate();
    const first = queue.run(() => g.promise);
    const second = queue.run(async () => "second");
    await expect(queue.run(async () => "third")).rejects.toBeInstanceOf(QueueFullError);
    g.open();
    await first;
    await expect(second).resolves.toBe("second");
  });

  it("frees the slot when a task fails", async () => {
    const queue = new RenderQueue(1, 0);
    await expect(queue.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(queue.run(async () => "ok")).resolves.toBe("ok");
  });
});

describe("LRU cache", () => {
  it("evicts the least recently used entry", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.get("a");
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.size).toBe(2);
  });
});

describe("prospect names (portal and batch alike)", () => {
  const ok = (company: string) => ProspectSchema.safeParse({ company }).success;

  it("takes names in any script, with accents, emoji and up to 80 characters", () => {
    for (const name of [
      "Acme Federal",
      "Café Nguyễn",
      "مرحبا",
      "東京電力",
      "🛡️ Shield",
      "😀".repeat(80),
    ])
      expect(ok(name), name).toBe(true);
  });

  it("refuses what would print nothing, stack up the page, or run over 80 characters", () => {
    for (const name of [
      "\u200b",
      "\u2800\u2800",
      "\u3164",
      "\u115f\u1160",
      `A${"\u0301".repeat(79)}`,
      "x".repeat(81),
      "😀".repeat(81),
    ])
      expect(ok(name), JSON.stringify(name)).toBe(false);
  });
});
