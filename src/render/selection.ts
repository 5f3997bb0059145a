// What a piece covers: the claims (an audience's selection and order, or the one-pager's own) and the comparison rows.
import {
  type Audience,
  type Claim,
  CollateralError,
  type CollateralModel,
  type ComparisonRow,
  EXIT,
} from "../model/index.js";
import type { Piece } from "./pieces.js";

/** The audience with this id; an unknown id is a usage error that lists the known ones. */
export function findAudience(model: CollateralModel, id: string | undefined): Audience | null {
  if (id === undefined || id === "") return null;
  const audience = model.meta.audiences.find((a) => a.id === id);
  if (audience) return audience;
  const known = model.meta.audiences.map((a) => a.id);
  const choices = known.length
    ? `known audiences: ${known.join(", ")}`
    : "the front matter defines no audiences";
  throw new CollateralError(`unknown audience "${id}"; ${choices}`, {
    exitCode: EXIT.usage,
    rule: "audience",
  });
}

/**
 * An audience's claims, in its order, in every piece tailored to it; otherwise every claim in source order, except
 * the one-pager when the front matter's `one-pager:` names its claims.
 */
export function selectClaims(
  model: CollateralModel,
  piece: Piece,
  audience: Audience | null,
): Claim[] {
  const ids = audience
    ? audience.claims
    : piece === "one-pager"
      ? model.meta["one-pager"]?.claims
      : undefined;
  if (!ids) return model.claims;
  const byId = new Map(model.claims.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Rows about the selected claims, plus rows tied to no claim; all rows when every claim is shown. */
export function selectComparison(
  model: CollateralModel,
  claims: readonly Claim[],
): ComparisonRow[] {
  if (claims.length === model.claims.length) return model.meta.comparison;
  const shown = new Set(claims.map((c) => c.id));
  return model.meta.comparison.filter((row) => !row.claim || shown.has(row.claim));
}
