// Slide geometry in points (the deck's CSS is laid out in pt on a 960 × 540 slide) and a text-size estimate.

export const SLIDE = { width: 960, height: 540 };
/** The deck's CSS padding of a slide: 44pt top, 60pt each side, 54pt bottom. */
export const PAD = { top: 44, side: 60, bottom: 54 };
export const CONTENT_WIDTH = SLIDE.width - 2 * PAD.side;
/** The footer rule of content slides (the CSS footer sits 20pt from the bottom, 7pt under its rule). */
export const FOOTER_TOP = SLIDE.height - 20 - 19;

/** PptxGenJS positions in inches. */
export const inch = (pt: number): number => Math.round((pt / 72) * 1000) / 1000;

/** A box in points, converted for PptxGenJS. */
export function box(x: number, y: number, w: number, h: number) {
  return { x: inch(x), y: inch(y), w: inch(w), h: inch(h) };
}

/**
 * Average advance of a character in em, by face: Inter's text runs ~0.52 em a character, its heavy weights
 * ~0.56, a serif italic ~0.47. An estimate (kerning and the viewer's substitute font move it a little).
 */
export const CHAR_EM = { sans: 0.52, bold: 0.56, serifItalic: 0.47 } as const;

/** Lines `text` wraps to in a box `width` pt wide at `size` pt: words filled greedily, as a text frame does. */
export function lineCount(text: string, size: number, width: number, em: number = CHAR_EM.sans) {
  const perLine = Math.max(1, Math.floor(width / (size * em)));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        lines += used === 0 ? Math.ceil(word.length / perLine) - 1 : 1;
        used = used === 0 ? word.length % perLine : Math.min(word.length, perLine);
      }
    }
  }
  return lines;
}

/** Height in pt of paragraphs set at `size` with `leading`, `gap` pt between paragraphs. */
export function textHeight(
  paragraphs: readonly string[],
  size: number,
  width: number,
  options: { leading?: number; gap?: number; em?: number } = {},
): number {
  const { leading = 1.38, gap = 0, em = CHAR_EM.sans } = options;
  const lines = paragraphs.reduce((n, p) => n + lineCount(p, size, width, em), 0);
  return lines * size * leading + Math.max(0, paragraphs.length - 1) * gap;
}

/** The deck CSS's fit steps (1, 0.92, 0.84, 0.76): the largest at which `fits(scale)` holds, else the smallest. */
export function fitScale(fits: (scale: number) => boolean): number {
  return [1, 0.92, 0.84, 0.76].find(fits) ?? 0.76;
}
