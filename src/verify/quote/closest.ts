// For a quote that failed: the passage of the document most like it, so the author sees what it says. Display only.
import { excerptOf } from "./locate.js";
import type { Span } from "./match.js";
import type { PreparedText } from "./prepare.js";
import { quoteParts } from "./quote-parts.js";

export interface Passage {
  text: string;
  /** 1-based page of the passage's first matching word. */
  page: number | null;
}

/** The window is the quote's length plus this many words; the passage keeps this much context. */
const EXTRA_WORDS = 4;
const CONTEXT_WORDS = 2;
/** Fewer shared words than this is no resemblance worth showing. */
const MIN_SHARED_WORDS = 2;

/**
 * The window of the document sharing most words with the quote (each shared word counts,
 * each shared adjacent pair counts again, so order matters too), trimmed to its shared words
 * plus a little context. Never used to decide whether a quote is there.
 */
export function closestPassage(quote: string, doc: PreparedText): Passage | null {
  const want = quoteParts(quote).flat();
  const size = Math.min(want.length + EXTRA_WORDS, doc.words.length);
  if (want.length === 0 || size === 0) return null;
  const best = bestWindow(want, doc.words, size);
  if (best.shared < Math.min(MIN_SHARED_WORDS, want.length)) return null;
  const { span, firstShared } = trimToShared(best.start, size, new Set(want), doc.words);
  return { text: excerptOf(span, doc), page: doc.pages[firstShared] ?? null };
}

function bestWindow(want: string[], words: readonly string[], size: number) {
  const wanted = new Map<string, number>();
  for (const w of want) wanted.set(w, (wanted.get(w) ?? 0) + 1);
  const pairs = new Set(want.slice(1).map((w, i) => `${want[i]} ${w}`));
  const isPair = words.map((w, i) => {
    const next = words[i + 1];
    return next !== undefined && wanted.has(w) && wanted.has(next) && pairs.has(`${w} ${next}`)
      ? 1
      : 0;
  });
  const inWindow = new Map<string, number>();
  let shared = 0;
  let paired = 0;
  const step = (i: number, delta: 1 | -1) => {
    const word = words[i]!;
    const cap = wanted.get(word);
    if (cap === undefined) return;
    const count = inWindow.get(word) ?? 0;
    if (delta === 1 ? count < cap : count <= cap) shared += delta;
    inWindow.set(word, count + delta);
  };
  for (let i = 0; i < size; i++) step(i, 1);
  for (let i = 0; i < size - 1; i++) paired += isPair[i]!;
  let best = { start: 0, shared, score: shared + paired };
  for (let start = 1; start + size <= words.length; start++) {
    step(start - 1, -1);
    step(start + size - 1, 1);
    paired += isPair[start + size - 2]! - isPair[start - 1]!;
    if (shared + paired > best.score) best = { start, shared, score: shared + paired };
  }
  return best;
}

/** The window cut down to its first and last shared words, plus a little context either side. */
function trimToShared(
  start: number,
  size: number,
  want: Set<string>,
  words: readonly string[],
): { span: Span; firstShared: number } {
  let first = start;
  let last = start + size - 1;
  while (first < last && !want.has(words[first]!)) first++;
  while (last > first && !want.has(words[last]!)) last--;
  const span = {
    start: Math.max(0, first - CONTEXT_WORDS),
    end: Math.min(words.length, last + 1 + CONTEXT_WORDS),
  };
  return { span, firstShared: first };
}
