// The registered documents of one verification run: each prepared once, on first use; every lookup memoized.
import type { CitedText, ReadableText } from "../../model/index.js";
import { closestPassage, type Passage } from "./closest.js";
import { type Location, locateQuote } from "./locate.js";
import { type PreparedText, prepareText } from "./prepare.js";

/**
 * Prepared texts by their pages array. The cited-text store hands the same array over on every
 * run while a file is unchanged, so watch-mode rebuilds and the portal skip preparing it again.
 */
const preparedPages = new WeakMap<readonly string[], PreparedText>();

export interface Found {
  source: string;
  location: Location;
}

/** What verifying quotes needs: the registered documents' texts, prepared lazily, lookups memoized. */
export type VerifyContext = DocumentLibrary;

export class DocumentLibrary {
  private readonly located = new Map<string, Location | null>();

  /** `prepared`: this run's prepared texts by registry id (filled as quotes need them). */
  constructor(
    private readonly texts: ReadonlyMap<string, CitedText>,
    private readonly prepared = new Map<string, PreparedText>(),
  ) {}

  text(source: string): CitedText | undefined {
    return this.texts.get(source);
  }

  /** Where the quote is in a registered, readable document, or null. */
  locate(quote: string, source: string): Location | null {
    const key = `${source}\u0000${quote}`;
    if (!this.located.has(key)) {
      const doc = this.document(source);
      this.located.set(key, doc ? locateQuote(quote, doc) : null);
    }
    return this.located.get(key) ?? null;
  }

  /** The first readable registered document (in registry order) other than `except` that holds the quote. */
  findElsewhere(quote: string, except: string | null): Found | null {
    for (const source of this.texts.keys()) {
      if (source === except) continue;
      const location = this.locate(quote, source);
      if (location) return { source, location };
    }
    return null;
  }

  /** The passage of the document closest to the quote, for display; no page for HTML. */
  closest(quote: string, source: string): Passage | null {
    const doc = this.document(source);
    const passage = doc ? closestPassage(quote, doc) : null;
    if (!passage) return null;
    return this.readable(source)?.kind === "html" ? { ...passage, page: null } : passage;
  }

  private readable(source: string): ReadableText | null {
    const text = this.texts.get(source);
    return text?.readable ? text : null;
  }

  private document(source: string): PreparedText | null {
    const known = this.prepared.get(source);
    if (known) return known;
    const text = this.readable(source);
    if (!text) return null;
    const doc =
      preparedPages.get(text.pages) ??
      prepareText(text.pages, { asides: text.asides, lineEndHyphens: text.kind === "pdf" });
    preparedPages.set(text.pages, doc);
    this.prepared.set(source, doc);
    return doc;
  }
}
