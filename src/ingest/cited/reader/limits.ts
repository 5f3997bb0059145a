// The bounds every cited document is read within: a hostile or broken file costs at most these, then is unreadable.

/** Each is a named option with a safe default (see the README's table of limits). */
export interface ReadLimits {
  /** Seconds the reading of one document may take (a PDF whose forms draw each other 2^30 times never ends). */
  seconds: number;
  /** Megabytes a cited file may have on disk. */
  fileMegabytes: number;
  /** Pages a PDF may have. */
  pages: number;
  /** Megabytes of memory the process reading one document may use (a small PDF can inflate to gigabytes). */
  memoryMegabytes: number;
  /** How deep the elements of a saved page may nest (a parser's time can grow with the square of it). */
  htmlDepth: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  seconds: 30,
  fileMegabytes: 100,
  pages: 2000,
  memoryMegabytes: 1024,
  htmlDepth: 1000,
};

/** Why a document went past a limit, in the words `source-unreadable` reports. */
export const LIMIT_REASONS = {
  seconds: (l: Pick<ReadLimits, "seconds">) =>
    `reading it took longer than ${l.seconds} s (the limit; --read-timeout)`,
  fileMegabytes: (l: ReadLimits, size: number) =>
    `the file is ${megabytes(size)}, larger than the limit of ${l.fileMegabytes} MB (--read-max-mb)`,
  pages: (l: ReadLimits, pages: number) =>
    `the PDF has ${pages.toLocaleString("en-US")} pages, more than the limit of ${l.pages.toLocaleString("en-US")} (--read-max-pages)`,
  memoryMegabytes: (l: ReadLimits) =>
    `reading it needed more than ${l.memoryMegabytes} MB of memory (the limit; --read-memory-mb)`,
  htmlDepth: (l: ReadLimits) =>
    `the page's elements nest more than ${l.htmlDepth.toLocaleString("en-US")} deep (the limit)`,
};

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}
