// Normalization that never changes meaning (compatibility forms, quote marks, dashes, spaces, case), keeping each character's origin.

/** Normalized text, and for each of its characters the range of the original it came from. */
export interface NormalizedText {
  text: string;
  /** from[k]..to[k] is the original range that normalized character k came from. */
  from: number[];
  to: number[];
}

/** Zero-width characters, direction marks and signs that carry no words: removed. */
const INVISIBLE = /^[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF\u00AD®©™℠]$/u;
/** Apostrophes and single quote marks, straight or curly (U+02BC is a letter, so map it first). */
const APOSTROPHE = /^[‘’‚‛ʼ`´']$/u;
const DOUBLE_QUOTE = /^[“”„‟«»‹›〝〞〟＂"]$/u;
/** Primes are units (feet and inches, minutes and seconds), not quote marks: "12′" is not "12″", nor "12". */
const PRIME = /^[′″‴]$/u;
/** Hyphens: joined to the words on either side, so "CNSSI–4012" reads "cnssi-4012". */
const HYPHEN = /^[\u2010-\u2013\u2212\u2043\uFE63\uFF0D-]$/u;
/** Em dashes and bars: punctuation between words, never a hyphen ("CISSO—a" is two words). */
const PUNCTUATION_DASH = /^[\u2014\u2015\u2E3A\u2E3B\uFE58]$/u;
const LINE_BREAK = /^[\n\r\v\f\u2028\u2029\u0085]$/u;
const SPACE = /^\s$/u;
/** Superscripts and subscripts stay apart from their base: "10²" must never read "102". */
const SCRIPT = /^[\u00B2\u00B3\u00B9\u2070-\u209F]$/u;
/** Circled, parenthesized and full-stop digits (footnote and list marks): "4012①" must never read "40121". */
const ENCLOSED = /^[\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF\u{1F100}-\u{1F10C}]$/u;
/** Vulgar fractions: "3½" must read "3 1/2", never "31/2". */
const FRACTION = /^[\u00BC-\u00BE\u2150-\u215F\u2189]$/u;
const MIDLINE_ELLIPSIS = "\u22EF";
const FRACTION_SLASH = "\u2044";
/** A base character and the combining marks on it: NFKC composes within such a cluster. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/** The replacement for one character, or null when NFKC and lower-casing are all it needs. */
function mapChar(c: string): string | null {
  if (INVISIBLE.test(c)) return "";
  if (APOSTROPHE.test(c)) return "'";
  if (DOUBLE_QUOTE.test(c)) return '"';
  if (HYPHEN.test(c)) return "-";
  if (PUNCTUATION_DASH.test(c)) return " - ";
  if (LINE_BREAK.test(c)) return "\n";
  if (SPACE.test(c)) return " ";
  if (c === MIDLINE_ELLIPSIS) return "...";
  if (c === FRACTION_SLASH) return "/";
  if (PRIME.test(c)) return c;
  // NFKC would make the numero sign "No", a word, and a negation at that; and the ordinal
  // indicators plain letters ("nº" would read "no", "40º" "40o").
  if (c === "№" || c === "º" || c === "ª") return c;
  if (SCRIPT.test(c) || ENCLOSED.test(c)) return ` ^${c.normalize("NFKC").toLowerCase()} `;
  if (FRACTION.test(c)) return ` ${c.normalize("NFKC").replace(FRACTION_SLASH, "/")} `;
  return null;
}

/** One cluster → its normalized form. */
function normalizeCluster(cluster: string): string {
  if (cluster.length === 1) {
    const code = cluster.charCodeAt(0);
    // Fast path for printable ASCII other than the backtick (an apostrophe stand-in).
    if (code > 0x20 && code < 0x7f && code !== 0x60) {
      return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cluster;
    }
    const direct = mapChar(cluster);
    if (direct !== null) return direct;
  }
  let out = "";
  for (const c of cluster.normalize("NFKC").toLowerCase()) out += mapChar(c) ?? c;
  return out;
}

/**
 * Normalizes text for matching and records where each character came from. Line breaks are
 * kept as "\n" (the tokenizer needs them to see line-end hyphens); other white space becomes " ".
 */
export function normalizeWithOffsets(original: string): NormalizedText {
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  let previous = "";
  for (const match of original.matchAll(CLUSTER)) {
    const start = match.index;
    const cluster = match[0];
    let out = cluster === "\u00AD" ? softHyphen(original, start + 1) : normalizeCluster(cluster);
    // A run of raised (or lowered) characters is one mark: "²¹" is "^21", as a PDF's raised "21" reads.
    if (SCRIPT.test(cluster) && SCRIPT.test(previous) && text.endsWith(" ")) {
      text = text.slice(0, -1);
      from.pop();
      to.pop();
      out = out.replace(/^ ?\^/u, "");
    }
    previous = cluster;
    // Beside CJK text a single quote mark quotes (『東京は‘首都’です』): it joins no words as an apostrophe would.
    if (out === "'" && besideCjk(original, start, cluster.length)) out = " ";
    if (out.startsWith(" ^") && writtenAgainst(cluster, text)) out = out.slice(1);
    // A prime between letters is an apostrophe some fonts set as one ("doesn′t").
    if (PRIME.test(cluster) && /\p{L}$/u.test(text)) out = cluster === "″" ? '"' : "'";
    for (let k = 0; k < out.length; k++) {
      from.push(start);
      to.push(start + cluster.length);
    }
    text += out;
  }
  return { text, from, to };
}

/**
 * A raised or lowered mark that belongs to what it follows, written against it so that neither is
 * quoted without the other: any subscript ("CO₂"), and a superscript after a number (an exponent,
 * "10²") or after a short word (a unit, "m²", "cm³"). After a longer word a superscript is a
 * footnote mark, a word apart ("requirements¹").
 */
function writtenAgainst(mark: string, before: string): boolean {
  if (/^[\u2080-\u209F]$/u.test(mark)) return true;
  return /\p{N}$/u.test(before) || /(?:^|[^\p{L}\p{M}])\p{L}{1,3}$/u.test(before);
}

/** Han, kana and Hangul: scripts written without spaces, where ‘ and ’ are only ever quote marks. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function besideCjk(original: string, start: number, length: number): boolean {
  const before = original.slice(Math.max(0, start - 2), start);
  const after = original.slice(start + length, start + length + 2);
  return CJK.test(before.slice(-1) || " ") || CJK.test([...after][0] ?? " ");
}

/** A soft hyphen marks where a word may break: at a line end it is a line-end hyphen, else nothing. */
function softHyphen(original: string, after: number): string {
  const rest = /[^\S\n\r]*[\n\r]/y;
  rest.lastIndex = after;
  return rest.test(original) ? "-" : "";
}

/** The normalized text with all white space (line breaks too) collapsed to single spaces. */
export function normalizeText(text: string): string {
  return normalizeWithOffsets(text).text.replace(/\s+/g, " ").trim();
}
