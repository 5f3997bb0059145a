// Quotes with an ellipsis: every part must occur, in order, each close after the one before.
import { matchRun, type Span } from "./match.js";
import type { PreparedText } from "./prepare.js";
import type { QuotePart } from "./quote-parts.js";

/**
 * At most this many document words may stand between two parts of a quote. An ellipsis
 * marks a cut inside one passage (a clause or two), not a join of distant passages; 60 words
 * is about three sentences.
 */
export const MAX_ELLIPSIS_GAP = 60;

/** The spans where each part occurs, forming the earliest valid chain, or null. */
export function chainParts(parts: readonly QuotePart[], doc: PreparedText): Span[] | null {
  const matches = parts.map((part) => matchRun(part, doc));
  // viable[k]: matches of part k from which the remaining parts can still be chained.
  const viable: Span[][] = new Array(parts.length);
  viable[parts.length - 1] = matches[parts.length - 1] ?? [];
  for (let k = parts.length - 2; k >= 0; k--) {
    const next = viable[k + 1]!;
    viable[k] = matches[k]!.filter((span) => nextPart(next, span, doc) !== null);
  }
  let current = viable[0]?.[0];
  if (!current) return null;
  const chain = [current];
  for (let k = 1; k < parts.length; k++) {
    current = nextPart(viable[k]!, current, doc)!;
    chain.push(current);
  }
  return chain;
}

/**
 * The first span that starts after `previous` ends, within the gap; spans are by ascending
 * start. The words an ellipsis stands for may not include a negation: "does … require" must
 * never be read out of "does not require", and cutting a clause that holds one ("who do not
 * pass") changes what a quote says too often to be taken on trust.
 */
function nextPart(spans: readonly Span[], previous: Span, doc: PreparedText): Span | null {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < previous.end) lo = mid + 1;
    else hi = mid;
  }
  const candidate = spans[lo];
  if (!candidate || candidate.start - previous.end > MAX_ELLIPSIS_GAP) return null;
  const omitsNegation = doc.negations[candidate.start]! > doc.negations[previous.end]!;
  // Nor may it stand for a passage break: the parts would be in text no reader reads as one.
  const crossesBreak = doc.barriers[candidate.start]! > doc.barriers[previous.end]!;
  return omitsNegation || crossesBreak ? null : candidate;
}
