// The files of a new workspace: one claim, the document it quotes, the registry entry, an audience.

export const STARTER_DOCUMENT = "sources/claims.md";
export const STARTER_REGISTRY = "sources/sources.yaml";
export const STARTER_CITED = "sources/cited/rfc2119-excerpt.pdf";
export const STARTER_IGNORE = ".gitignore";

/** Every front matter field, each with a comment saying what it does and whether it is optional. */
export const STARTER_MARKDOWN = `---
# The document's data. \`collateral check\` needs none of it; \`build\` needs title and product.
title: "Requirements Everyone Reads the Same Way"   # on every cover and page footer (default: the first # heading, else the file name)
product: Plain Requirements                          # named on every piece's cover and in the comparison table
competitor: Ad-hoc wording                           # optional: the other column of the comparison ("product vs competitor")
tagline: Say it once, in words your readers already agree on.   # optional: under the title and on the closing slide
# subtitle: One more line under the title           # optional
# author: Your company                              # optional: the PDFs' author (default: the product)
# date: 2026-12-06                                  # optional: printed on the title slide
audiences:                                           # optional: one-pagers tailored with --audience ID, in the portal and batch
  - id: engineering-leads                            # [a-z0-9-]
    label: Engineering leads
    summary: Requirements your team reads one way, from the first review.   # optional: the one-pager's pitch line
    claims: [requirements-everyone-reads-the-same-way]   # claim ids (each ## heading's slug), in the order to print
comparison:                                          # optional: rows of the product-vs-competitor table
  - { aspect: What MUST means, product: Defined once for every reader, competitor: Argued in each review }
cta:                                                 # optional: the call to action on the one-pager, brochure and deck
  heading: Put your own claims here
  text: Replace this claim with yours, cite your documents in sources/sources.yaml, and build again.
  # url: https://example.com/contact                # optional: a link under the text
---

<!-- Every ## heading opens a claim; its id is the heading's slug. A quote is text in double quotes,
     three words or more, checked word for word against the document its citation names. -->

## Requirements Everyone Reads the Same Way

Since 1997, standards have agreed on what their capitals mean: MUST, REQUIRED and SHALL “mean that
the definition is an absolute requirement of the specification.” [RFC 2119][rfc-2119]

**Benefit:** Each requirement is written once, in words every reader already takes the same way.

[rfc-2119]: https://www.rfc-editor.org/rfc/rfc2119
`;

export const STARTER_YAML = `# The registry: every document the sources cite, with its local copy (relative to sources/).
# A citation names an entry by its url; quotes are checked against the local file.
- id: rfc-2119                         # stable id, [a-z0-9-]: reports name the document by it
  title: Key words for use in RFCs to Indicate Requirement Levels (RFC 2119)
  publisher: IETF                      # optional: printed in the references
  url: https://www.rfc-editor.org/rfc/rfc2119
  file: cited/rfc2119-excerpt.pdf      # the local copy: a PDF or a saved .html page (an excerpt; the full RFC verifies too)
  accessed: 2026-12-06                 # optional: when the local copy was taken
`;

export const STARTER_GITIGNORE = `# Made by collateral: rebuilt on every run, never committed.
output/
.collateral-cache/
`;
