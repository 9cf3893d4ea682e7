// Minimal PDFs written by hand for the tests of `e-paper import pdf` (not real pages, none printed):
// objects in order, a correct cross-reference table, and an optional trailer entry.

/** A PDF of `objects` (bodies of objects 1…n; object 1 is the catalog), with `trailer` extras. */
export function miniPdf(objects, trailer = '') {
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content, dict = '') => `<< /Length ${content.length} ${dict}>>\nstream\n${content}\nendstream`;
const page = (resources, contents) => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`,
  stream(contents),
];

/** A page that is one grey image and no text (a scanned page exported as PDF). */
export const imageOnlyPdf = () =>
  miniPdf([
    ...page('<< /XObject << /Im1 5 0 R >> >>', 'q 595 0 0 842 0 0 cm /Im1 Do Q'),
    stream('\x80\x80\x80\x80', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 '),
  ]);

/**
 * A page of text in a CID font with Identity-H encoding, no embedded font program and no
 * ToUnicode map, as CJK typesetting systems often export: the codes say nothing of the characters.
 */
export const unmappedFontPdf = () => {
  const codes = Array.from({ length: 40 }, (_, i) => (0x0100 + i * 37).toString(16).padStart(4, '0')).join('');
  return miniPdf([
    ...page('<< /Font << /F1 5 0 R >> >>', `BT /F1 24 Tf 50 700 Td <${codes}> Tj 0 -30 Td <${codes}> Tj ET`),
    '<< /Type /Font /Subtype /Type0 /BaseFont /FZSSK--GBK1-0 /Encoding /Identity-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FZSSK--GBK1-0 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>',
  ]);
};

/** A PDF with the standard security handler whose user password is not empty: it asks for one. */
export const encryptedPdf = () =>
  miniPdf(
    [...page('<< >>', 'BT ET'), `<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >>`],
    `/Encrypt 5 0 R /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>] `,
  );

/**
 * Pages of lines of Latin text in Helvetica (one of PDF.js's standard fonts, not embedded), each
 * `{ width, height, lines, size, extra }` in points: `lines` from the top-left margin down, each a
 * string set at `size` (11 pt unless given) or `{ text, size, x, gap }` (its own size, left edge,
 * and space over it), 1.3 sizes apart; `extra`, more of the page's content stream (rules drawn
 * with `re f`).
 */
export function textPdf(pages) {
  const n = pages.length;
  // Objects: 1 catalog, 2 pages, 3 the font, then a page and its content for each page.
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`];
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach(({ width = 595, height = 842, lines = [], size = 11, extra = '' }, i) => {
    let y = height - 60;
    const text = lines
      .map((line) => {
        const { text, size: at = size, x = 50, gap = 0 } = typeof line === 'string' ? { text: line } : line;
        y -= gap;
        const set = `BT /F1 ${at} Tf ${x} ${y.toFixed(3)} Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
        y -= at * 1.3;
        return set;
      })
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    objects.push(stream(`${text}\n${extra}`));
  });
  return miniPdf(objects);
}

/** Helvetica's advance widths (per 1000 em) of the lower-case letters and digits. */
const HELVETICA = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyz0123456789'].map((c, i) => [
    c,
    i < 26
      ? [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500][
          i
        ]
      : 556,
  ]),
);

/**
 * A page of names whose underscores are drawn as bars between the words, as TeX draws `_` outside
 * typewriter type: each of `sizes` (pt) sets `words` one after another, 0.55 em apart, with a bar
 * 0.4 em wide and 0.05 em thick just under the baseline in each gap. `bar` overrides the bar's
 * width in em (a speck: narrower than an underscore of that type).
 */
export function underscoreBarsPdf(lines) {
  let extra = '';
  lines.forEach(({ size, words, bar = 0.4 }, k) => {
    const baseline = 760 - k * 40;
    let x = 50;
    words.forEach((word, i) => {
      if (i > 0) {
        extra += `${(x + size * 0.075).toFixed(3)} ${(baseline - size * 0.15).toFixed(3)} ${(size * bar).toFixed(3)} ${(size * 0.05).toFixed(3)} re f\n`;
        x += size * 0.55;
      }
      extra += `BT /F1 ${size} Tf ${x.toFixed(3)} ${baseline} Td (${word}) Tj ET\n`;
      x += ([...word].reduce((sum, c) => sum + (HELVETICA[c] ?? Number.NaN), 0) / 1000) * size;
      if (Number.isNaN(x)) throw new Error(`underscoreBarsPdf: only lower-case letters and digits, not "${word}"`);
    });
  });
  return textPdf([{ extra }]);
}
