// What a piece needs from the document's data that `check` does not: said, naming the file, before anything renders.
import { CollateralError, type CollateralModel } from "../model/index.js";
import type { Piece } from "./pieces.js";

const WHERE: Record<Piece, string> = {
  brochure: "the brochure names it on its cover",
  "one-pager": "the one-pager names it in its header",
  deck: "the deck names it on its title slide",
};

/** The product's name, which every piece prints; a document without one can be checked, not built. */
export function productOf(model: CollateralModel, piece: Piece): string {
  if (model.meta.product) return model.meta.product;
  throw new CollateralError(
    `the ${piece} needs \`product:\` in the front matter (${WHERE[piece]}, and the comparison table heads a column with it); \`collateral check\` needs none of it`,
    {
      position: { file: model.files[0] ?? "sources", line: 1, column: 1 },
      rule: "front-matter",
    },
  );
}
