// Test helper: a .pptx read back as what it is, a zip of XML: each slide's text, notes, tables and pictures.
import { readFile } from "node:fs/promises";
import JSZip from "jszip";

export interface SlideRead {
  xml: string;
  /** The slide's paragraphs, each the text of its runs. */
  paragraphs: string[];
  /** The speaker notes' paragraphs (the slide-image placeholder has none). */
  notes: string[];
}

export interface PptxRead {
  slides: SlideRead[];
  masters: string[];
  layouts: string[];
  /** docProps/core.xml: title, creator, subject. */
  core: string;
  /** The pictures' file names under ppt/media/. */
  media: string[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => decode(t[1]!)).join(""))
    .filter((t) => t.trim() !== "");
}

const byNumber = (a: string, b: string) =>
  Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]);

export async function readPptx(file: string): Promise<PptxRead> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const text = (name: string) => zip.file(name)!.async("string");
  const names = (re: RegExp) =>
    Object.keys(zip.files)
      .filter((n) => re.test(n))
      .sort(byNumber);
  const slides: SlideRead[] = [];
  for (const name of names(/^ppt\/slides\/slide\d+\.xml$/)) {
    const xml = await text(name);
    const rels = await text(
      name.replace("slides/", "slides/_rels/").replace(/\.xml$/, ".xml.rels"),
    );
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notes = notesTarget ? paragraphsOf(await text(`ppt/notesSlides/${notesTarget}`)) : [];
    slides.push({ xml, paragraphs: paragraphsOf(xml), notes });
  }
  return {
    slides,
    masters: await Promise.all(names(/^ppt\/slideMasters\/slideMaster\d+\.xml$/).map(text)),
    layouts: await Promise.all(names(/^ppt\/slideLayouts\/slideLayout\d+\.xml$/).map(text)),
    core: await text("docProps/core.xml"),
    media: Object.keys(zip.files).filter((n) => n.startsWith("ppt/media/") && !zip.files[n]!.dir),
  };
}
