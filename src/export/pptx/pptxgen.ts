// PptxGenJS, loaded on first use (a build without a deck never pays for it), and the types this exporter uses.
import type PptxModule from "pptxgenjs";

// Its typings are CommonJS: under NodeNext the class is the default export's `default`.
export type Presentation = PptxModule.default;
export type Slide = PptxModule.default.Slide;
export type MasterProps = PptxModule.default.SlideMasterProps;
export type MasterObjects = NonNullable<MasterProps["objects"]>;
export type SlideNumberProps = PptxModule.default.SlideNumberProps;
export type ShapeName = PptxModule.default.SHAPE_NAME;
export type TextRun = PptxModule.default.TextProps;
export type TextOptions = PptxModule.default.TextPropsOptions;
export type TableRow = PptxModule.default.TableRow;

export async function newPresentation(): Promise<Presentation> {
  const loaded = (await import("pptxgenjs")).default as unknown;
  // The ES build's default export is the class itself; the typings describe the CommonJS shape.
  const Ctor = (
    typeof loaded === "function" ? loaded : (loaded as { default: unknown }).default
  ) as new () => Presentation;
  return new Ctor();
}
