// "Did you mean …": the known name closest to a mistyped one, by edit distance.

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length]!;
}

/**
 * The closest of `known` to `name`, when it is close enough to be what was meant: at most `limit`
 * edits, by default half the longer name (a renamed heading's slug keeps most of its words).
 */
export function closest(
  name: string,
  known: Iterable<string>,
  limit?: (a: string, b: string) => number,
): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    const max = limit
      ? limit(name, candidate)
      : Math.floor(Math.max(name.length, candidate.length) / 2);
    if (d <= max && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
