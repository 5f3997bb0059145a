// A workspace folder → the parsed claims-and-citations model (before verification) and input warnings.
import {
  type Claim,
  CollateralError,
  closest,
  DocumentMetaSchema,
  type Message,
  type ParsedWorkspace,
  type Registry,
} from "../model/index.js";
import { SourceDocumentStore } from "./document-store.js";
import { type SourceDocument, titleFromFileName } from "./markdown/source-document.js";
import { separateProseLinks } from "./prose-links.js";
import { canonicalUrl } from "./registry.js";

export const SOURCES_DIR = "sources";

export interface LoadedWorkspace {
  root: string;
  model: ParsedWorkspace;
  messages: Message[];
}

export async function loadWorkspace(root: string): Promise<LoadedWorkspace> {
  return new SourceDocumentStore(root).load();
}

/** Pure: parsed documents + registry → the model. Used by watch mode to re-assemble after one file changes. */
export function assembleWorkspace(
  root: string,
  documents: SourceDocument[],
  registry: Registry,
): LoadedWorkspace {
  const meta = mergeMeta(documents);
  const claims = documents
    .flatMap((d) => d.claims)
    .map((c) => separateProseLinks(resolveCitations(c, registry)));
  checkUniqueClaims(documents);
  checkClaimReferences(documents, new Set(claims.map((c) => c.id)));
  return {
    root,
    model: { files: documents.map((d) => d.file), meta, sources: registry, claims },
    messages: documents.flatMap((d) => d.messages),
  };
}

/** The first file's front matter is the document's data; later files may add audiences and comparison rows. */
function mergeMeta(documents: SourceDocument[]): ParsedWorkspace["meta"] {
  const first = documents[0];
  const merged = {
    // The title `check` reports and `build` prints: the front matter's, else the first `#` heading, else the file name.
    title: first!.heading ?? titleFromFileName(first!.file),
    ...first!.meta,
    audiences: documents.flatMap((d) => d.meta.audiences ?? []),
    comparison: documents.flatMap((d) => d.meta.comparison ?? []),
  };
  const result = DocumentMetaSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new CollateralError(
      `front matter: ${issue.path.join(".") || "document"}: ${issue.message}`,
      {
        position: first!.positionOf(issue.path),
        rule: "front-matter",
      },
    );
  }
  return result.data;
}

function resolveCitations(claim: Claim, registry: Registry): Claim {
  const byUrl = new Map(registry.map((s) => [canonicalUrl(s.url), s.id]));
  return {
    ...claim,
    citations: claim.citations.map((c) => ({
      ...c,
      source: byUrl.get(canonicalUrl(c.url)) ?? null,
    })),
  };
}

function checkUniqueClaims(documents: SourceDocument[]): void {
  const seen = new Map<string, string>();
  for (const claim of documents.flatMap((d) => d.claims)) {
    const earlier = seen.get(claim.id);
    if (earlier) {
      throw new CollateralError(`claim "${claim.id}" is already defined at ${earlier}`, {
        position: claim.position,
        rule: "duplicate-claim",
      });
    }
    seen.set(claim.id, `${claim.position.file}:${claim.position.line}`);
  }
}

/** Audiences and comparison rows name claims by id: each must exist, once per audience, and audience ids must be unique. */
function checkClaimReferences(documents: SourceDocument[], ids: Set<string>): void {
  const audienceIds = new Set<string>();
  const known = [...ids].join(", ");
  for (const doc of documents) {
    doc.meta.audiences?.forEach((audience, i) => {
      if (audienceIds.has(audience.id)) {
        throw new CollateralError(`duplicate audience id "${audience.id}"`, {
          position: doc.positionOf(["audiences", i, "id"]),
          rule: "front-matter",
        });
      }
      audienceIds.add(audience.id);
      audience.claims.forEach((claim, j) => {
        if (audience.claims.indexOf(claim) !== j) {
          throw new CollateralError(
            `audience "${audience.id}" names claim "${claim}" twice (it would be printed twice)`,
            { position: doc.positionOf(["audiences", i, "claims", j]), rule: "front-matter" },
          );
        }
        if (!ids.has(claim)) {
          throw new CollateralError(
            `audience "${audience.id}" names unknown claim "${claim}"${didYouMean(claim, ids)} (claims: ${known})`,
            {
              position: doc.positionOf(["audiences", i, "claims", j]),
              rule: "unknown-claim",
            },
          );
        }
      });
    });
    checkOnePagerClaims(doc, ids, known);
    doc.meta.comparison?.forEach((row, i) => {
      if (row.claim && !ids.has(row.claim)) {
        throw new CollateralError(
          `comparison row "${row.aspect}" names unknown claim "${row.claim}"${didYouMean(row.claim, ids)} (claims: ${known})`,
          {
            position: doc.positionOf(["comparison", i, "claim"]),
            rule: "unknown-claim",
          },
        );
      }
    });
  }
}

/** `: did you mean "x"?` for the claim id closest to an unknown one (a renamed heading's new slug), or "". */
function didYouMean(name: string, ids: Set<string>): string {
  const near = closest(name, ids);
  return near ? `: did you mean "${near}"?` : "";
}

/** `one-pager:` names claims by id (as a list, or under `claims:`): each must exist, once. */
function checkOnePagerClaims(doc: SourceDocument, ids: Set<string>, known: string): void {
  const setting = doc.meta["one-pager"];
  if (!setting?.claims) return;
  // The list form is itself the claims, the object form has them under `claims`: the path that exists points
  // further into the file than the one that falls back to `one-pager:` itself.
  const at = (j: number) => {
    const list = doc.positionOf(["one-pager", j]);
    const object = doc.positionOf(["one-pager", "claims", j]);
    const later = list.line - object.line || list.column - object.column;
    return later > 0 ? list : object;
  };
  setting.claims.forEach((claim, j) => {
    if (setting.claims?.indexOf(claim) !== j) {
      throw new CollateralError(
        `one-pager names claim "${claim}" twice (it would be printed twice)`,
        {
          position: at(j),
          rule: "front-matter",
        },
      );
    }
    if (!ids.has(claim)) {
      throw new CollateralError(`one-pager names unknown claim "${claim}" (claims: ${known})`, {
        position: at(j),
        rule: "unknown-claim",
      });
    }
  });
}
