// A piece of text as the PDF draws it, placed on its page: the layout stage's input.

/**
 * One run of text from pdf.js (a text item), in the page's device space (points, y downward) turned so
 * that the text runs left to right along +x: `x0`–`x1` along the baseline, `baseline` across it.
 */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  /** The font size as drawn (points). */
  size: number;
  /** The direction the text runs, in whole degrees (0 for upright text; 90, 270 for text turned sideways). */
  angle: number;
  /** Right-to-left script (pdf.js has already put its characters in logical order). */
  rtl: boolean;
  /** Set in a fixed-pitch font (pdf.js reads the font's flags): a code listing stands apart from prose. */
  monospace: boolean;
}

/** One page's text as drawn, and the page's size (points). */
export interface PageFragments {
  width: number;
  height: number;
  fragments: Fragment[];
}

/** The height of the glyphs above the baseline and below it, as parts of the font size. */
export const ASCENT = 0.75;
export const DESCENT = 0.25;

export const top = (f: { baseline: number; size: number }) => f.baseline - ASCENT * f.size;
export const bottom = (f: { baseline: number; size: number }) => f.baseline + DESCENT * f.size;
