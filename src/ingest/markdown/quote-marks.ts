// Where quotes are in a text: the marks of every language collateral knows, and how many words make a quote.

/**
 * Quote marks: curly “…”, German „…“, guillemets «…», corner brackets 「…」 and 『…』, straight "…", and the
 * mixed “…" and "…” a keyboard leaves; three words or more (or four Han, kana or hangul characters, which
 * are written without spaces) make a quote. Verification compares the words inside, whatever the marks.
 */
export const QUOTE =
  /“([^“”]*)”|„([^„“”\n]*)[“”]|«([^«»]*)»|「([^「」]*)」|『([^『』]*)』|“([^“”"\n]*)"|"([^"“”\n]*)”|"([^"\n]*(?:\n[^"\n]*)*)"/g;
const MIN_WORDS = 3;
const MIN_CJK = 4;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** A double quote mark a quote found no pair for: the reader still sees it. */
export const STRAY_MARK = /[“”„«»「」『』"]/g;

/** The words inside a match's marks, spaces collapsed. */
function innerOf(m: RegExpMatchArray): string {
  return (m.slice(1).find((g) => g !== undefined) ?? "").replace(/\s+/g, " ").trim();
}

/** Whether the words inside marks are enough to make a quote. */
function isQuote(inner: string): boolean {
  const cjk = (inner.match(CJK) ?? []).length;
  return cjk >= MIN_CJK || (inner.match(/[\p{L}\p{N}]+/gu) ?? []).length >= MIN_WORDS;
}

/**
 * Each quote in `text`: a pair of marks around too few words, or opened by an inch mark, is passed over from
 * its opening mark only, so an inch mark (7") never swallows the opening mark of the quote after it.
 */
export function* quoteMatches(text: string): Generator<RegExpExecArray & { inner: string }> {
  const re = new RegExp(QUOTE.source, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = innerOf(m);
    // A straight mark right after a number is an inch mark (a 7" screen), never a quote's opening mark.
    const inch = m[0].startsWith('"') && /\p{N}/u.test(text[m.index - 1] ?? "");
    if (isQuote(inner) && !inch) yield Object.assign(m, { inner });
    else re.lastIndex = m.index + 1;
  }
}

/** Quote marks around three words or more, in `text`: what a code block must be warned about. */
export function quotesIn(text: string): string[] {
  return [...quoteMatches(text)].map((m) => m.inner);
}
