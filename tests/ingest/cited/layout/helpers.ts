// Test helper: what a quote finds in a PDF read back by collateral (its running text and asides), or null.
import { locateQuote, type PreparedText, prepareText } from "../../../../src/verify/quote/index.js";
import { readBack } from "./draw.js";

export async function readPrepared(pdf: Buffer): Promise<PreparedText> {
  const { pages, asides } = await readBack(pdf);
  return prepareText(pages, { asides });
}

/** The pages a quote is found on, or null. */
export function pagesOf(quote: string, doc: PreparedText): number[] | null {
  return locateQuote(quote, doc)?.pages ?? null;
}
