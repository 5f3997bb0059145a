// One source Markdown file → its front matter data, claims, and warnings.
import type { Root, Yaml } from "mdast";
import type { z } from "zod";
import {
  type Claim,
  CollateralError,
  DocumentMetaSchema,
  type Message,
  type Position,
  unknownLabels,
} from "../../model/index.js";
import { editDistance } from "../suggest.js";
import { parseYamlAs } from "../yaml.js";
import { collectClaims } from "./claims.js";
import { collectDefinitions } from "./definitions.js";
import { Locator } from "./locator.js";
import { parseMarkdown } from "./parse.js";

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
}

export function parseSourceDocument(file: string, text: string): SourceDocument {
  const locator = new Locator(file, text);
  const tree = parseMarkdown(text);
  const messages: Message[] = [];
  const { meta, positionOf } = readFrontMatter(tree, locator);
  messages.push(...unknownKeys(meta, positionOf), ...unknownLabels(meta.labels, positionOf));
  checkLang(meta.lang, positionOf);
  const claims = collectClaims(tree, collectDefinitions(tree), locator, messages);
  if (claims.length === 0) {
    messages.push({
      position: locator.at(0),
      reason: "no `##` heading, so no claims",
      rule: "no-claims",
    });
  }
  return { file, meta, positionOf, claims, messages };
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
