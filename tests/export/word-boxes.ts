// Test helper: every word of a PDF with its box (poppler's pdftotext -bbox), and the pairs that print over each other.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { decodeXML } from "entities";

const run = promisify(execFile);

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageBoxes {
  page: number;
  width: number;
  height: number;
  words: WordBox[];
}

export async function wordBoxes(file: string): Promise<PageBoxes[]> {
  const { stdout } = await run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: PageBoxes[] = [];
  for (const [, attrs = "", body = ""] of stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const page = pages.length + 1;
    const num = (name: string, from: string) =>
      Number(new RegExp(`${name}="([^"]+)"`).exec(from)?.[1]);
    const words = [...body.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(
      ([, a = "", text = ""]) => ({
        page,
        text: decodeXML(text),
        xMin: num("xMin", a),
        yMin: num("yMin", a),
        xMax: num("xMax", a),
        yMax: num("yMax", a),
      }),
    );
    pages.push({ page, width: num("width", attrs), height: num("height", attrs), words });
  }
  return pages;
}

/**
 * Two words print over each other when their boxes share more than `tolerance` points across and more than half
 * the shorter one's height: poppler's boxes run from the font's ascent to its descent, and those of Noto Sans CJK
 * and Arabic reach into the lines above and below at a leading of 1.5 without any ink touching.
 */
export function overprints(page: PageBoxes, tolerance = 0.5): [WordBox, WordBox][] {
  const pairs: [WordBox, WordBox][] = [];
  const words = [...page.words].sort((a, b) => a.xMin - b.xMin);
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    for (let j = i + 1; j < words.length; j++) {
      const b = words[j]!;
      if (b.xMin >= a.xMax - tolerance) break;
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (across > tolerance && down > height / 2) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** Words that reach outside the page. */
export function offPage(page: PageBoxes): WordBox[] {
  return page.words.filter(
    (w) => w.xMin < 0 || w.yMin < 0 || w.xMax > page.width || w.yMax > page.height,
  );
}
