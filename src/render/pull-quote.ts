// Where the brochure sets a quote large beside the body: never beside the paragraph that already holds its words.
import type { Block } from "../model/index.js";
import type { QuoteView } from "./quotes.js";

/**
 * Rough measures of the brochure's pull quote and the column beside it (brochure.css), enough to tell whether
 * the text from a paragraph on runs as long as the quote hangs beside it.
 */
const PULL = {
  charsPerLine: 27,
  lineHeight: 17.8,
  captionChars: 45,
  captionLine: 10.5,
  chrome: 40,
};
const BESIDE = { charsPerLine: 54, lineHeight: 17 };
/** A quote may hang a little below the text beside it: the benefit callout clears it. */
const SLACK = 0.7;

export interface PullPlacement {
  quote: QuoteView;
  /** Index of the body block the quote floats beside (it is set just before that block). */
  at: number;
}

/** Characters of text beside which the quote hangs: its own height over the column's line height. */
export function charsBeside(quote: QuoteView): number {
  const lines = Math.ceil(quote.pullText.length / PULL.charsPerLine);
  const caption = quote.source ? Math.ceil(quote.source.length / PULL.captionChars) : 0;
  const height = lines * PULL.lineHeight + caption * PULL.captionLine + PULL.chrome;
  return Math.ceil((height / BESIDE.lineHeight) * BESIDE.charsPerLine);
}

/**
 * The first of the claim's quotes that can hang beside other text than its own paragraph: from a block after
 * that paragraph with enough text below to carry it, or from an earlier block whose text ends before it.
 * Null when every quote sits in the only paragraph long enough: the quote then stays in the text, once.
 */
export function placePullQuote(
  body: readonly Block[],
  quotes: readonly QuoteView[],
  textOf: (block: Block) => string,
): PullPlacement | null {
  const lengths = body.map((b) => textOf(b).length);
  const sum = (from: number, to: number) => lengths.slice(from, to).reduce((a, b) => a + b, 0);
  // A quote set between two items of one list would cut the list in two.
  const canStart = (i: number) =>
    !(body[i]?.kind === "list-item" && body[i - 1]?.kind === "list-item");
  for (const quote of quotes) {
    const home = body.findIndex((b) =>
      b.inlines.some((inline) => inline.kind === "quote" && inline.quote === quote.id),
    );
    if (home < 0) continue;
    const needed = charsBeside(quote) * SLACK;
    for (let at = home + 1; at < body.length; at++)
      if (canStart(at) && sum(at, body.length) >= needed) return { quote, at };
    if (home > 0 && sum(0, home) >= charsBeside(quote)) return { quote, at: 0 };
  }
  return null;
}
