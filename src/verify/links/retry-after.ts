// `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as milliseconds to wait.

/** Milliseconds to wait, or null when the header is absent or unreadable. Never negative. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff: base, 2×base, 4×base… with up to 20% jitter so retries do not align. */
export function backoffDelay(attempt: number, baseMs: number, random = Math.random): number {
  const delay = baseMs * 2 ** attempt;
  return Math.round(delay + delay * 0.2 * random());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
