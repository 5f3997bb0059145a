// One source Markdown file → its front matter data, claims, and warnings.
import path from "node:path";
import type { Heading, Root, Yaml } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import type { z } from "zod";
import {
  type Claim,
  CollateralError,
  DocumentMetaSchema,
  editDistance,
  type Message,
  type Position,
  unknownLabels,
} from "../../model/index.js";
import { parseYamlAs } from "../yaml.js";
import { collectClaims } from "./claims.js";
import { collectDefinitions } from "./definitions.js";
import { Locator } from "./locator.js";
import { parseMarkdown } from "./parse.js";
import { quotesIn } from "./quote-marks.js";

/** Front matter of a file after the first may hold only additions (audiences, comparison rows). */
const PartialMetaSchema = DocumentMetaSchema.partial();
type PartialMeta = z.infer<typeof PartialMetaSchema>;

export interface SourceDocument {
  file: string;
  meta: PartialMeta;
  /** Position of each front matter key path, for errors found later (e.g. unknown claim ids). */
  positionOf: (path: (string | number)[]) => Position;
  claims: Claim[];
  messages: Message[];
  /** The text of the first `#` heading, if any: the document's title when the front matter gives none. */
  heading: string | null;
}

export function parseSourceDocument(file: string, text: string): SourceDocument {
  const locator = new Locator(file, text);
  const tree = parseMarkdown(text);
  const messages: Message[] = [];
  const { meta, positionOf } = readFrontMatter(tree, locator);
  messages.push(
    ...unknownKeys(meta, positionOf),
    ...unknownLabels(meta.labels, positionOf),
    ...placeholders(meta, positionOf),
    ...frontMatterQuotes(meta, positionOf),
  );
  checkLang(meta.lang, positionOf);
  const heading = firstHeading(tree);
  messages.push(...titleQuotes(tree, meta, heading, locator));
  const claims = collectClaims(tree, collectDefinitions(tree), locator, messages, {
    wholeTitle: heading ?? titleFromFileName(file),
  });
  if (claims.length === 0) {
    messages.push({
      position: locator.at(0),
      reason: "no `##` heading, so no claims",
      rule: "no-claims",
    });
  }
  return { file, meta, positionOf, claims, messages, heading };
}

function firstHeading(tree: Root): string | null {
  const h1 = tree.children.find((n): n is Heading => n.type === "heading" && n.depth === 1);
  return h1 ? mdToString(h1).trim() || null : null;
}

/** `sources/white-paper_2026.md` → "White paper 2026": a title for a document that gives none. */
export function titleFromFileName(file: string): string {
  const words = path.posix.basename(file).replace(/\.md$/i, "").replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1) || "Untitled";
}

function readFrontMatter(tree: Root, locator: Locator) {
  const yaml = tree.children.find((n): n is Yaml => n.type === "yaml");
  if (!yaml && /^\uFEFF?---[ \t]*\r?\n/.test(locator.text)) {
    throw new CollateralError("front matter opened here is never closed: add a line --- below it", {
      position: locator.at(0),
      rule: "yaml",
    });
  }
  if (!yaml || yaml.value.trim() === "") {
    return { meta: {} as PartialMeta, positionOf: () => locator.at(0) };
  }
  const startLine = (yaml.position?.start.line ?? 1) + 1; // content starts below the opening ---
  try {
    const { value, positionOf } = parseYamlAs(yaml.value, PartialMetaSchema, {
      file: locator.file,
      line: startLine,
    });
    return { meta: value ?? {}, positionOf };
  } catch (error) {
    if (error instanceof CollateralError) throw error;
    throw new CollateralError("front matter cannot be read", {
      position: locator.at(0),
      cause: error,
    });
  }
}

const KNOWN_KEYS = Object.keys(DocumentMetaSchema.shape);

/** A key the front matter does not know is ignored: say so, with the key it was probably meant to be ("tagine"). */
function unknownKeys(meta: PartialMeta, positionOf: (path: string[]) => Position): Message[] {
  return Object.keys(meta)
    .filter((key) => !KNOWN_KEYS.includes(key))
    .map((key) => {
      const near = KNOWN_KEYS.find((known) => editDistance(key, known) <= 2);
      return {
        position: positionOf([key]),
        reason: `unknown front matter key "${key}"${near ? ` (did you mean "${near}"?)` : ""}: it is ignored`,
        rule: "front-matter",
      };
    });
}

/** `lang` must be a BCP 47 tag: it picks the date format and quote marks, so a typo would print wrongly. */
function checkLang(lang: string | undefined, positionOf: (path: string[]) => Position): void {
  if (lang === undefined) return;
  try {
    if (Intl.getCanonicalLocales(lang).length === 1) return;
  } catch {
    // falls through to the message below
  }
  throw new CollateralError(
    `lang "${lang}" is not a BCP 47 language tag (for example en, de, fr, ja, pt-BR)`,
    { position: positionOf(["lang"]), rule: "front-matter" },
  );
}

/** What `collateral import` leaves to fill in ("TODO") is said on every run until it is filled in. */
const PLACEHOLDER = /^\s*TODO\b/;

function placeholders(meta: PartialMeta, positionOf: (path: (string | number)[]) => Position) {
  return stringsOf(meta).flatMap(([value, at]): Message[] =>
    PLACEHOLDER.test(value)
      ? [
          {
            position: positionOf(at),
            reason: `${at.join(".")} is still a placeholder ("${value.trim().slice(0, 40)}"): fill it in before this goes out`,
            rule: "placeholder",
          },
        ]
      : [],
  );
}

/** Every string in the front matter, with the path that leads to it (`cta.text`, `comparison.2.product`). */
function stringsOf(value: unknown, at: (string | number)[] = []): [string, (string | number)[]][] {
  if (typeof value === "string") return [[value, at]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, [...at, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, [...at, k]));
  return [];
}

const UNVERIFIED_QUOTE =
  "is printed but never verified (no citation can stand there): put it in a claim to have it checked";

/**
 * A quote in front matter (tagline, subtitle, call to action, comparison cell, audience summary, labels) prints
 * in its marks on every piece but has no citation to be checked against: said where it is written.
 */
function frontMatterQuotes(meta: PartialMeta, positionOf: (path: (string | number)[]) => Position) {
  return stringsOf(meta).flatMap(([value, at]) =>
    quotesIn(value).map(
      (quote): Message => ({
        position: positionOf(at),
        reason: `the quote “${quote}” in front matter (${at.join(".")}) ${UNVERIFIED_QUOTE}`,
        rule: "quote-in-front-matter",
      }),
    ),
  );
}

/** The first `#` heading prints as the title when the front matter gives none (or as a lone claim's title). */
function titleQuotes(tree: Root, meta: PartialMeta, heading: string | null, locator: Locator) {
  const h1 = tree.children.find((n): n is Heading => n.type === "heading" && n.depth === 1);
  const claimHeading = tree.children.some((n) => n.type === "heading" && n.depth === 2);
  if (!h1 || heading === null || (meta.title !== undefined && claimHeading)) return [];
  return quotesIn(heading).map(
    (quote): Message => ({
      position: locator.at(h1.position?.start.offset ?? 0),
      reason: `the quote “${quote}” in the \`#\` title ${UNVERIFIED_QUOTE}`,
      rule: "quote-in-front-matter",
    }),
  );
}
