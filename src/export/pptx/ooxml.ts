// PptxGenJS's slide XML, made valid and finished: one paragraph-properties element per paragraph, notes in
// paragraphs, and the bullets' own colour and size, which its API cannot say.
import JSZip from "jszip";

/** The square bullet the points use (U+25A0), as PptxGenJS writes it. */
export const POINT_BULLET = "25A0";

/**
 * A paragraph of several runs gets an <a:pPr> before each run from PptxGenJS (gitbrent/PptxGenJS PR #1083): the
 * schema allows one, first, and PowerPoint asks to repair the file. The first is the paragraph's; the rest go.
 */
export function onePropertiesPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => {
      if (seen) return "";
      seen = true;
      return pPr;
    });
    return `<a:p>${kept}</a:p>`;
  });
}

/** Point squares in `color` at `percent` of the text, and auto-numbers (the references) in `color`. */
export function colorBullets(xml: string, color: string, percent: number): string {
  const fill = `<a:buClr><a:srgbClr val="${color}"/></a:buClr>`;
  return xml
    .replaceAll(
      `<a:buSzPct val="100000"/><a:buChar char="&#x${POINT_BULLET};"/>`,
      `${fill}<a:buSzPct val="${percent * 1000}"/><a:buChar char="&#x${POINT_BULLET};"/>`,
    )
    .replace(/<a:buSzPct val="100000"\/>(<a:buFont [^>]*\/>)?<a:buAutoNum /g, (m) => `${fill}${m}`);
}

/**
 * Speaker notes as paragraphs: PptxGenJS puts the whole text, line breaks and all, in one run, and a line break
 * inside a run is white space to PowerPoint. Each line becomes its own paragraph; a blank line an empty one.
 */
export function notesParagraphs(xml: string): string {
  return xml.replace(
    /<a:p><a:r>(<a:rPr [^>]*\/>)<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>(<a:endParaRPr [^>]*\/>)<\/a:p>/g,
    (_, rPr: string, text: string, end: string) =>
      text
        .split(/\r?\n/)
        .map((line) =>
          line ? `<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r></a:p>` : `<a:p>${end}</a:p>`,
        )
        .join(""),
  );
}

/** Every slide and its notes finished, the package deflated (PptxGenJS stores a uint8array uncompressed). */
export async function finishSlides(pptx: Uint8Array, bulletColor: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  const parts = (re: RegExp) => Object.keys(zip.files).filter((n) => re.test(n));
  for (const name of parts(/^ppt\/slides\/slide\d+\.xml$/)) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, colorBullets(onePropertiesPerParagraph(xml), bulletColor, 55));
  }
  for (const name of parts(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)) {
    zip.file(name, notesParagraphs(await zip.file(name)!.async("string")));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
