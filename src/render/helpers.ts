// The few pure helpers templates may call: page references, dates (in the document's language), CSS strings.
import type { HelperDelegate, HelperOptions } from "handlebars";
import { cssString } from "./escape.js";
import { formatDate, type PageWords, pageRef } from "./format.js";
import { codeSpansHtml } from "./inline-html.js";

type SafeStringCtor = new (html: string) => unknown;

/** The piece's view data (its lang and labels), which every helper call can reach. */
function root(options: unknown): { lang?: unknown; labels?: Partial<PageWords> } {
  return ((options as HelperOptions | undefined)?.data?.root ?? {}) as {
    lang?: unknown;
    labels?: Partial<PageWords>;
  };
}

export function templateHelpers(SafeString: SafeStringCtor): Record<string, HelperDelegate> {
  return {
    pageRef: (pages: unknown, options: unknown) => {
      const { labels } = root(options);
      const words = { page: labels?.page ?? "p.", pages: labels?.pages ?? "pp." };
      return pageRef(Array.isArray(pages) ? pages.filter(Number.isInteger) : [], words);
    },
    /**
     * `{{date value}}` formats a date; a bare `{{date}}` is the view's own date, already formatted (a helper
     * of the same name wins over the view's field, so without this the cover's date printed empty).
     */
    date(this: unknown, ...args: unknown[]) {
      if (args.length < 2) {
        const own = (this as { date?: unknown } | null)?.date;
        return typeof own === "string" ? own : "";
      }
      const [value, options] = args;
      const { lang } = root(options);
      return formatDate(
        typeof value === "string" ? value : "",
        typeof lang === "string" ? lang : "en",
      );
    },
    /** Front matter text with its `code` spans in <code> (no backticks printed), all escaped. */
    code: (value: unknown) => new SafeString(codeSpansHtml(typeof value === "string" ? value : "")),
    /** A quoted, fully escaped CSS string (for `content:` in @page margin boxes). */
    cssString: (value: unknown) =>
      new SafeString(cssString(typeof value === "string" ? value : "")),
  };
}
