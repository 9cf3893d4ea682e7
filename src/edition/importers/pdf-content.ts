/**
 * What the PDF reader hands the PDF importer for one page: plain data in page units (CSS pixels
 * at 96 dpi, 1 pt = 4/3 unit, origin top-left), so that detection is pure and testable without
 * a PDF library.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A run of text as the PDF sets it: one font, one size, one baseline. */
export interface PdfRun extends Box {
  text: string;
  /** Font size in page units. */
  size: number;
  /** The font's name in the PDF (subset prefix removed), for telling headline faces. */
  font: string;
  bold: boolean;
  /** Set top to bottom (a vertical headline). */
  vertical: boolean;
}

/** A line or a thin bar drawn on the page (a rule), or a filled area (a box or a background). */
export interface PdfRule extends Box {
  /** A stroke or a fill as painted; a stroked rectangle is given as its four edges. */
  paint: 'stroke' | 'fill';
  /** CSS colour as painted, when known. */
  color?: string;
}

export interface PdfPageContent {
  /** The page's label from its file name or its own text (A1), if known. */
  label?: string;
  /** Where it came from, for messages (file name and page number). */
  source: string;
  width: number;
  height: number;
  runs: PdfRun[];
  /** Thin bars: horizontal or vertical rules. */
  rules: PdfRule[];
  /** Filled areas larger than a rule (not the page's background). */
  fills: PdfRule[];
  /** Images placed on the page. */
  images: Box[];
  /** Glyphs the PDF draws without a usable Unicode mapping (see the reader). */
  unmapped: number;
}

/** A PDF point in page units. */
export const PT = 4 / 3;
