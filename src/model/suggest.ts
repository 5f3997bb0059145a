// "Did you mean …?": the known word nearest a mistyped one, for messages about flags, values, keys and ids.

/** Edit distance (optimal string alignment): a swapped pair of letters ("biuld") counts as one slip. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate nearest `word` (case and leading dashes aside) when it is near enough to be a slip: one
 * letter in a short word, a third of a longer one's; else the one candidate that starts with it (`--off`).
 */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const bare = (w: string) => w.replace(/^-+/, "").toLowerCase();
  const typed = bare(word);
  const exact = candidates.find((c) => bare(c) === typed);
  if (exact) return exact;
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(typed, bare(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const allowed = typed.length <= 4 ? 1 : Math.max(2, Math.floor(typed.length / 3));
  if (best && best.distance <= allowed) return best.candidate;
  const prefixed = candidates.filter((c) => typed.length >= 3 && bare(c).startsWith(typed));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

/** ` (did you mean "x"?)`, or "" when nothing is near. */
export function didYouMean(word: string, candidates: readonly string[], quote = '"'): string {
  const near = nearest(word, candidates);
  return near ? ` (did you mean ${quote}${near}${quote}?)` : "";
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
