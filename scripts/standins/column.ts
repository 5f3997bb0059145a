// A column of a stand-in page: headings, justified paragraphs, bullets, leader rows and tables, top to bottom.
import type { FontSet } from "./fonts.js";
import { type Line, wrapText } from "./text-wrap.js";

export interface Theme {
  ink: string;
  accent: string;
  muted: string;
  rule: string;
  shade: string;
}

export interface Typesetting {
  doc: PDFKit.PDFDocument;
  fonts: FontSet;
  theme: Theme;
  /** Every line drawn, in order: the script checks its planned line-end hyphenations against it. */
  trace: string[];
}

interface TextStyle {
  font: string;
  size: number;
  leading: number;
  color: string;
}

export class Column {
  constructor(
    private readonly ts: Typesetting,
    readonly x: number,
    public y: number,
    readonly width: number,
    readonly bottom: number,
  ) {}

  heading(text: string, level: 1 | 2 = 2): this {
    const { fonts, theme } = this.ts;
    this.y += level === 1 ? 6 : 5;
    const style =
      level === 1
        ? { font: fonts.sansBold, size: 13, leading: 17, color: theme.accent }
        : { font: fonts.sansSemi, size: 9.5, leading: 13, color: theme.ink };
    this.lines(wrapText(text, this.width, this.measure(style)), style, this.x, this.width, false);
    if (level === 1) this.rule(theme.accent, 1.2);
    this.y += level === 1 ? 5 : 2;
    return this;
  }

  paragraph(text: string, options: { italic?: boolean; size?: number } = {}): this {
    const { fonts, theme } = this.ts;
    const size = options.size ?? 9.6;
    const style = {
      font: options.italic ? fonts.bodyItalic : fonts.body,
      size,
      leading: size * 1.38,
      color: theme.ink,
    };
    this.lines(wrapText(text, this.width, this.measure(style)), style, this.x, this.width, true);
    this.y += 5;
    return this;
  }

  bullets(items: string[]): this {
    const { doc, fonts, theme } = this.ts;
    const style = { font: fonts.body, size: 9.4, leading: 12.6, color: theme.ink };
    const indent = 11;
    for (const item of items) {
      this.need(style.leading);
      doc
        .save()
        .circle(this.x + 3, this.y + 5.6, 1.5)
        .fill(theme.accent)
        .restore();
      const lines = wrapText(item, this.width - indent, this.measure(style));
      this.lines(lines, style, this.x + indent, this.width - indent, false);
      this.y += 1.5;
    }
    this.y += 3.5;
    return this;
  }

  /** Label … value rows joined by a dotted leader (drawn, not typed, so it is no text). */
  leaders(rows: Array<[string, string]>): this {
    const { doc, fonts, theme } = this.ts;
    const size = 9.4;
    for (const [label, value] of rows) {
      this.need(15);
      doc.font(fonts.sansSemi).fontSize(size);
      const labelWidth = doc.widthOfString(label);
      doc.fillColor(theme.ink).text(label, this.x, this.y, { lineBreak: false });
      doc.font(fonts.body).fontSize(size);
      const valueWidth = doc.widthOfString(value);
      doc.text(value, this.x + this.width - valueWidth, this.y, { lineBreak: false });
      this.ts.trace.push(`${label}\t${value}`);
      const dotsFrom = this.x + labelWidth + 4;
      const dotsTo = this.x + this.width - valueWidth - 4;
      if (dotsTo > dotsFrom) {
        doc
          .save()
          .moveTo(dotsFrom, this.y + size - 1)
          .lineTo(dotsTo, this.y + size - 1)
          .dash(0.6, { space: 2.4 })
          .lineWidth(0.8)
          .stroke(theme.muted)
          .restore();
      }
      this.y += 15;
    }
    this.y += 4;
    return this;
  }

  /** A ruled table: a shaded header row, then one row per entry; `widths` are fractions of the column. */
  table(header: string[], rows: string[][], widths: number[], alignRight: number[] = []): this {
    const { doc, fonts, theme } = this.ts;
    const size = 9;
    const pad = 5;
    const xs = widths.map(
      (_, i) => this.x + widths.slice(0, i).reduce((a, b) => a + b, 0) * this.width,
    );
    const drawRow = (cells: string[], font: string, shaded: boolean) => {
      const cellLines = cells.map((cell, i) =>
        wrapText(cell, (widths[i] ?? 0) * this.width - 2 * pad, this.measureWith(font, size)),
      );
      const height = Math.max(...cellLines.map((l) => l.length)) * 12 + 2 * pad - 1;
      this.need(height);
      if (shaded) doc.save().rect(this.x, this.y, this.width, height).fill(theme.shade).restore();
      cellLines.forEach((lines, i) => {
        const cellWidth = (widths[i] ?? 0) * this.width - 2 * pad;
        lines.forEach((line, n) => {
          doc.font(font).fontSize(size).fillColor(theme.ink);
          const w = doc.widthOfString(line.text);
          const x = alignRight.includes(i)
            ? (xs[i] ?? 0) + pad + cellWidth - w
            : (xs[i] ?? 0) + pad;
          doc.text(line.text, x, this.y + pad + n * 12, { lineBreak: false });
        });
      });
      this.ts.trace.push(cellLines.map((l) => l.map((x) => x.text).join(" ")).join("\t"));
      this.y += height;
      this.rule(theme.rule, 0.6);
    };
    this.rule(theme.accent, 1);
    drawRow(header, fonts.sansSemi, true);
    for (const row of rows) drawRow(row, fonts.body, false);
    this.y += 8;
    return this;
  }

  space(points: number): this {
    this.y += points;
    return this;
  }

  rule(color: string, width: number): this {
    this.ts.doc
      .save()
      .moveTo(this.x, this.y)
      .lineTo(this.x + this.width, this.y)
      .lineWidth(width)
      .stroke(color)
      .restore();
    return this;
  }

  private lines(lines: Line[], style: TextStyle, x: number, width: number, justify: boolean): void {
    const { doc } = this.ts;
    for (const line of lines) {
      this.need(style.leading);
      doc.font(style.font).fontSize(style.size).fillColor(style.color);
      const gaps = line.text.split(" ").length - 1;
      const slack = width - doc.widthOfString(line.text);
      const wordSpacing = justify && line.justify && gaps > 0 ? slack / gaps : 0;
      doc.text(line.text, x, this.y, { lineBreak: false, wordSpacing });
      this.ts.trace.push(line.text);
      this.y += style.leading;
    }
  }

  private need(height: number): void {
    if (this.y + height > this.bottom + 0.01) {
      const last = this.ts.trace.at(-1) ?? "";
      throw new Error(`a stand-in column overflows its page after "${last}": shorten the text`);
    }
  }

  private measure(style: TextStyle): (text: string) => number {
    return this.measureWith(style.font, style.size);
  }

  private measureWith(font: string, size: number): (text: string) => number {
    return (text) => this.ts.doc.font(font).fontSize(size).widthOfString(text);
  }
}
