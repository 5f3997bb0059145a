// pdf.js text items → fragments: each run of text placed on its page, turned so that it reads left to right.
import type { Fragment } from "../pdf-layout/fragment.js";

/** What pdf.js's getTextContent gives for a run of text (the fields used here). */
export interface TextItem {
  str: string;
  dir: string;
  width: number;
  height: number;
  transform: number[];
  fontName: string;
}

type Matrix = [number, number, number, number, number, number];

/**
 * The item's fragment in device space (the page as shown: y downward, /Rotate applied). The coordinate
 * frame is turned by the text's direction, so that upright text keeps x and y, and text running down a
 * margin has its own left-to-right axis. Vertical writing (CJK vertical fonts) advances downward.
 */
export function fragmentOf(
  item: TextItem,
  viewport: Matrix,
  style: { vertical?: boolean; fontFamily?: string } | undefined,
): Fragment | null {
  const vertical = style?.vertical === true;
  if (item.str === "") return null;
  const [a, b, c, d, e, f] = multiply(viewport, item.transform as Matrix);
  const run = vertical ? [-c, -d] : [a, b];
  const up = vertical ? [a, b] : [c, d];
  const angleRad = Math.atan2(run[1]!, run[0]!);
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  const x = e * cos + f * sin;
  let y = -e * sin + f * cos;
  // Upright text has its glyphs' up vector pointing to -y; a mirrored one is read with y flipped.
  const upY = -up[0]! * sin + up[1]! * cos;
  if (upY > 0) y = -y;
  const size = Math.hypot(up[0]!, up[1]!);
  const advance = Math.abs(vertical ? item.height : item.width);
  if (!Number.isFinite(x + y + size + advance) || size <= 0) return null;
  return {
    text: item.str,
    x0: x,
    x1: x + advance,
    baseline: y,
    size,
    angle: Math.round((angleRad * 180) / Math.PI),
    rtl: item.dir === "rtl",
    monospace: style?.fontFamily === "monospace",
  };
}

/** m1 × m2, as PDF matrices compose (pdf.js's Util.transform). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}
