// `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as milliseconds to wait.

/**
 * An HTTP date (RFC 9110 §5.6.7): IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", or the obsolete RFC 850
 * "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994" forms. Anything else is
 * unreadable, and the normal backoff applies; Date.parse alone would take junk such as "x 2".
 */
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/** Milliseconds to wait, or null when the header is absent or unreadable. Never negative. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  // Seconds: more than a day is as good as "never" here, and keeps the number printable.
  if (/^\d+$/.test(text)) return Math.min(Number(text.slice(-12)), 86_400 * 365) * 1000;
  if (!HTTP_DATE.test(text)) return null;
  // The asctime form carries no zone; it is GMT, not the machine's local time.
  const at = Date.parse(text.endsWith("GMT") ? text : `${text} GMT`);
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
