// The named parameters of PDF layout analysis, in units of the text's font size (em), with their defaults.

/**
 * Like pdfminer.six's LAParams: every threshold the layout stage uses, named and documented, so that a
 * reader can see why two pieces of text were or were not read as one. Distances are in em of the larger
 * font involved unless said otherwise.
 */
export interface LayoutParams {
  /**
   * A gap this wide or wider (em of the smaller text) always parts two pieces of text on one baseline: a
   * column gutter, a tab stop, a table's cells. Narrower gaps are word spaces, however stretched, unless
   * they line up into a gutter (see `narrowGutterMin`). (pdf.js starts a new piece at gaps over 0.6 em.)
   */
  wordGapMax: number;
  /** A raised or lowered mark is written at most this far from the text it belongs to. */
  scriptGapMax: number;
  /**
   * A narrower gap at least this wide that stays empty, with text on both sides, for `gutterRows` lines
   * above and below it is a gutter too: LaTeX's 10 pt between columns is narrower than a justified line's
   * widest spaces, and only what lies above and below tells them apart.
   */
  narrowGutterMin: number;
  gutterRows: number;
  /** How wide such a channel stays over those lines, at least. */
  riverWidth: number;
  /** Baselines this close (em) are one line. */
  baselineTolerance: number;
  /** Text this much smaller than its line (ratio) with its baseline shifted is raised or lowered: an exponent, index or footnote mark. */
  scriptSizeMax: number;
  /** The least baseline shift (em of the line) that makes smaller text raised or lowered. */
  scriptShiftMin: number;
  /** A gap wider than this between two pieces of one line is a space. */
  spaceMin: number;
  /** Lines of one block: baselines at most this far apart (em). pdfminer's line_margin, measured between baselines. */
  lineSpacingMax: number;
  /** Two blocks one below the other in one column continue each other up to this distance between baselines (a paragraph's blank line). */
  paragraphSpacingMax: number;
  /** Sizes within this ratio of each other are one style of text (a quote may run from one block to the other). */
  sizeTolerance: number;
  /** Text smaller than this ratio of the body's size is small print: footnotes, captions, labels. */
  smallPrint: number;
  /** Columns a sentence may jump between are at least this similar in width (narrower / wider). */
  columnWidthRatio: number;
  /** Running headers and footers: how many lines at each edge of a page are looked at. */
  edgeLines: number;
  /** A running line stands apart from the body by at least this much more than the body's line spacing. */
  edgeGap: number;
  /** A running line is at the same height (points) on the pages it runs on, within this. */
  edgeDrift: number;
}

export const DEFAULT_LAYOUT: LayoutParams = {
  wordGapMax: 2.5,
  scriptGapMax: 0.5,
  narrowGutterMin: 0.45,
  gutterRows: 3,
  riverWidth: 0.9,
  baselineTolerance: 0.25,
  scriptSizeMax: 0.85,
  scriptShiftMin: 0.12,
  spaceMin: 0.12,
  lineSpacingMax: 1.7,
  paragraphSpacingMax: 3.2,
  sizeTolerance: 0.12,
  smallPrint: 0.9,
  columnWidthRatio: 0.55,
  edgeLines: 3,
  edgeGap: 1.25,
  edgeDrift: 3,
};
