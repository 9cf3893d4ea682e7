// Text runs as the PDF reader gives them (src/edition/importers/pdf-text.ts), made by hand for
// the importer's unit tests: none is a real paper's.

/** A run of CJK text set at `size`, one em per character. */
export const run = (text, x, y, size, extra = {}) => ({
  text,
  x,
  y,
  w: [...text].length * size,
  h: size,
  size,
  font: 'Body',
  bold: false,
  vertical: false,
  ...extra,
});
