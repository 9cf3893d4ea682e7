/**
 * From a PDF page's runs of text to lines, and from lines to a body's paragraphs: the geometry
 * of reading, without knowing what an article is. Pure functions over page units.
 */
import type { Box, PdfRule, PdfRun } from './pdf-content.js';
import { joinLines } from './text.js';
import { verticalLines } from './pdf-vertical.js';

/** A line as printed: its runs in order, the text they make, and the pieces a wide gap splits it into. */
export interface Line extends Box {
  text: string;
  size: number;
  bold: boolean;
  font: string;
  /** The line split at gaps of a character or more (two bylines on one line, a caption and its credit). */
  segments: string[];
  /** Set top to bottom (./pdf-vertical.ts), with where each character stands. */
  vertical?: true;
  chars?: (Box & { text: string })[];
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

const isCjkEdge = (before: string, after: string) => CJK_CHAR.test(before.slice(-1)) && CJK_CHAR.test(after[0] ?? '');

/** Letter-spaced CJK (a banner set with tracking): PDF.js puts a space in every gap; there are none. */
function untrack(text: string): string {
  return /^(?:[\p{Script=Han}] )+[\p{Script=Han}]$/u.test(text.replace(/ {2,}/g, ' '))
    ? text.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
    : text;
}

/** Whether a vertical rule stands between two x positions on the band of a line. */
function ruleBetween(rules: PdfRule[], x0: number, x1: number, y0: number, y1: number): boolean {
  return rules.some((r) => r.h > r.w && r.x >= x0 && r.x + r.w <= x1 && r.y < y1 && r.y + r.h > y0);
}

type Building = Line & { runs: PdfRun[] };

/**
 * Whether a rule is an underscore drawn as a bar in `run`'s line: about as thin as a stroke and
 * as wide as a letter (a fifth of an em to most of one), at the run's baseline. TeX draws `_` so
 * outside typewriter type (texinfo's asn1_create_element in a heading): the text has no character
 * for it, and the gap, wider than a word space, reads as a space (PDF.js puts one in its run, or
 * the runs stand apart).
 */
function isUnderscore(r: PdfRule, run: PdfRun): boolean {
  return (
    r.h <= run.size * 0.1 &&
    r.w >= run.size * 0.2 &&
    r.w <= run.size * 0.9 &&
    r.y + r.h / 2 >= run.y + run.size * 0.55 &&
    r.y <= run.y + run.h + run.size * 0.2
  );
}

/** Whether an underscore (isUnderscore) stands in the gap between the text before (ending at `end`) and `run`. */
function underscoreBefore(marks: PdfRule[], end: number, run: PdfRun): boolean {
  const slack = run.size * 0.15;
  return marks.some((r) => r.x >= end - slack && r.x + r.w <= run.x + slack && isUnderscore(r, run));
}

/**
 * A run's text with `_` for each space PDF.js put where an underscore is drawn inside the run:
 * the space between Latin letters nearest the bar, the run's characters taken as set evenly,
 * within an em and a half of it.
 */
function underscoresIn(run: PdfRun, marks: PdfRule[]): string {
  if (run.vertical || !run.text.includes(' ')) return run.text;
  const chars = [...run.text];
  const step = run.w / chars.length;
  const at = (i: number) => run.x + (i + 0.5) * step;
  for (const r of marks) {
    if (r.x < run.x || r.x + r.w > run.x + run.w || !isUnderscore(r, run)) continue;
    const middle = r.x + r.w / 2;
    let best = -1;
    chars.forEach((c, i) => {
      const latin = i > 0 && !CJK_CHAR.test(chars[i - 1]) && !CJK_CHAR.test(chars[i + 1] ?? '\u4e00');
      if (c === ' ' && latin && (best < 0 || Math.abs(at(i) - middle) < Math.abs(at(best) - middle))) best = i;
    });
    if (best >= 0 && Math.abs(at(best) - middle) < run.size * 1.5) chars[best] = '_';
  }
  return chars.join('');
}

/**
 * The gap, in ems of the smaller of two Latin runs, over which they are two words. PDF.js gives
 * the space between runs in two fonts (a word in a monospace face) as a run of its own, which
 * the reader leaves out; the gap stays, a word space of about a quarter em, less in justified
 * lines; within a word, runs meet (kerning moves them a few hundredths of an em). CJK runs
 * are joined without a space whatever the gap.
 */
const LATIN_SPACE = 0.15;

/** Whether two lines on one band are one: about one size, less than a character apart (or in each other's gaps), no rule between. */
function oneLine(a: Building, b: Building, rules: PdfRule[]): boolean {
  const ratio = a.size / b.size;
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  const gap = right.x - (left.x + left.w);
  return (
    Math.abs(a.y + a.h / 2 - (b.y + b.h / 2)) < Math.min(a.size, b.size) / 3 &&
    ratio > 0.75 &&
    ratio < 1.33 &&
    gap < Math.min(a.size, b.size) * 0.95 &&
    // Pieces of a line that interleave (a character in a fallback font, set a little lower) do not overlap each other's runs.
    !a.runs.some((r) => b.runs.some((q) => Math.min(r.x + r.w, q.x + q.w) - Math.max(r.x, q.x) > Math.min(r.size, q.size) / 2)) &&
    !ruleBetween(rules, left.x + left.w - 1, right.x + 1, Math.min(a.y, b.y), Math.max(a.y + a.h, b.y + b.h))
  );
}

/**
 * Pieces of one line that the first pass left apart, because a run set a little lower (a
 * character the font lacked, from another font with other metrics) came before its neighbours
 * on the page's order: joined.
 */
function mergePieces(lines: Building[], rules: PdfRule[]): Building[] {
  const out = [...lines].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2));
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i];
      const b = out[j];
      if (b.y + b.h / 2 - (a.y + a.h / 2) > a.size) break;
      if (!oneLine(a, b, rules)) continue;
      a.runs.push(...b.runs);
      const right = Math.max(a.x + a.w, b.x + b.w);
      const bottom = Math.max(a.y + a.h, b.y + b.h);
      a.x = Math.min(a.x, b.x);
      a.y = Math.min(a.y, b.y);
      a.w = right - a.x;
      a.h = bottom - a.y;
      a.size = Math.max(a.size, b.size);
      a.bold ||= b.bold;
      out.splice(j, 1);
      j = i;
    }
  return out;
}

/**
 * Runs on one baseline, close enough and of about one size, joined into lines. Two runs are one
 * line when their middles are within a third of the size, the gap between them is less than a
 * character (column gutters are wider) and no vertical rule stands in it. Vertical text comes
 * first out of the runs (./pdf-vertical.ts) and joins the lines as lines of its own. The runs'
 * text is taken as it is: repair it first (repairRuns).
 */
export function buildLines(runs: PdfRun[], rules: PdfRule[] = []): Line[] {
  const vertical = verticalLines(runs);
  const sorted = [...vertical.rest].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  let lines: Building[] = [];
  for (const run of sorted) {
    const middle = run.y + run.h / 2;
    let target: (typeof lines)[number] | undefined;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      const lineMiddle = line.y + line.h / 2;
      if (middle - lineMiddle > run.size) break;
      const ratio = run.size / line.size;
      const gap = run.x - (line.x + line.w);
      if (
        Math.abs(middle - lineMiddle) < Math.min(run.size, line.size) / 3 &&
        ratio > 0.75 &&
        ratio < 1.33 &&
        gap > -run.size / 2 &&
        gap < run.size * 0.95 &&
        !ruleBetween(rules, line.x + line.w - 1, run.x + 1, run.y, run.y + run.h)
      ) {
        target = line;
        break;
      }
    }
    if (!target) {
      lines.push({
        x: run.x,
        y: run.y,
        w: run.w,
        h: run.h,
        text: '',
        size: run.size,
        bold: run.bold,
        font: run.font,
        segments: [],
        runs: [run],
      });
      continue;
    }
    target.runs.push(run);
    const right = Math.max(target.x + target.w, run.x + run.w);
    const bottom = Math.max(target.y + target.h, run.y + run.h);
    target.y = Math.min(target.y, run.y);
    target.w = right - target.x;
    target.h = bottom - target.y;
    target.size = Math.max(target.size, run.size);
    target.bold ||= run.bold;
  }
  lines = mergePieces(lines, rules);
  const marks = rules.filter((r) => r.w > r.h && r.w < 60 && r.h < 3);
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let segment = '';
    let end = -Infinity;
    let previous = Infinity;
    for (const run of line.runs) {
      const gap = run.x - end;
      const piece = (marks.length ? underscoresIn(run, marks) : run.text).replace(/\s+/g, ' ');
      if (gap >= run.size * 0.9 && segment.trim()) {
        line.segments.push(segment.trim());
        segment = '';
      }
      const latin = !CJK_CHAR.test(text.slice(-1)) && !CJK_CHAR.test(piece[0] ?? '');
      const wide = latin ? gap > Math.min(run.size, previous) * LATIN_SPACE : gap > run.size * 0.25;
      const underscore = text !== '' && marks.length > 0 && underscoreBefore(marks, end, run);
      if (underscore) {
        text = `${text.trimEnd()}_${piece.trimStart()}`;
        segment = `${segment.trimEnd()}_${piece.trimStart()}`;
      } else {
        text += (text && latin && wide ? ' ' : '') + piece;
        segment += (segment && wide ? ' ' : '') + piece;
      }
      previous = run.size;
      end = run.x + run.w;
    }
    if (segment.trim()) line.segments.push(segment.trim());
    line.text = untrack(text.replace(/\s+/g, ' ').trim());
    line.segments = line.segments.map(untrack);
  }
  return [...lines.filter((l) => l.text).map(({ runs: _, ...line }) => line), ...vertical.lines];
}

/** The body text size: the size most characters are set in. */
export function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const key = Math.round(line.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + [...line.text].length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of weight) if (count > most) [best, most] = [size, count];
  return best || 12;
}

/**
 * The lines of one block (a cell under a rule) in reading order: the body's columns (where its
 * body-size lines start) left to right, each top to bottom, so that a line from the second column
 * never comes between a headline and its byline in the first. A line across two columns or more
 * (a headline or subhead over the columns) is read where it stands: the columns' lines above it
 * first. Vertical lines and blocks of one column keep the order of rows.
 */
export function readingOrder(lines: Line[], body: number): Line[] {
  const rows = [...lines].sort((a, b) => a.y - b.y || a.x - b.x);
  const columns = columnsOf(rows.filter((l) => l.size <= body * 1.1 && !l.vertical)).map((c) => ({
    x: c.left,
    w: Math.max(...c.lines.map((l) => l.x + l.w)) - c.left,
  }));
  if (columns.length < 2) return rows;
  const overlap = (l: Line, c: { x: number; w: number }) => Math.min(l.x + l.w, c.x + c.w) - Math.max(l.x, c.x);
  const across = (l: Line) => columns.filter((c) => overlap(l, c) > l.size).length >= 2;
  // A line's column: the one it overlaps most (a vertical headline beside them, the nearest).
  const column = (l: Line) => columns.reduce((best, c, i) => (overlap(l, c) > overlap(l, columns[best]) ? i : best), 0);
  const out: Line[] = [];
  let band: Line[] = [];
  const flush = () => {
    out.push(...band.sort((a, b) => column(a) - column(b) || a.y - b.y));
    band = [];
  };
  for (const line of rows) {
    if (line.vertical || !across(line)) band.push(line);
    else {
      // Lines of the band that stand lower than this one (beside it, in a column it does not cross) stay in the band.
      const later = band.filter((l) => l.y >= line.y + line.h);
      band = band.filter((l) => !later.includes(l));
      flush();
      out.push(line);
      band = later;
    }
  }
  flush();
  return out;
}

/**
 * Lines clustered into columns by where they start (a first-line indent stays in its column), left
 * to right. Lines that start inside a column, where most of its lines run on past them (a block
 * set in: a manual's indented description or listing, a hanging indent), are of that column.
 */
function columnsOf(lines: Line[]): { left: number; lines: Line[] }[] {
  const size = bodySize(lines);
  const starts: { left: number; lines: Line[] }[] = [];
  for (const line of [...lines].sort((a, b) => a.x - b.x)) {
    const column = starts.find((c) => line.x - c.left < 2.6 * size && line.x >= c.left - size / 2);
    if (column) column.lines.push(line);
    else starts.push({ left: line.x, lines: [line] });
  }
  const columns: typeof starts = [];
  for (const start of starts.sort((a, b) => a.left - b.left)) {
    const host = columns.find((c) => c.lines.length >= 2 && medianRight(c.lines) > start.left + size);
    if (host) host.lines.push(...start.lines);
    else columns.push(start);
  }
  return columns;
}

/** Where most lines end: the median of their right edges. */
function medianRight(lines: Line[]): number {
  const rights = lines.map((l) => l.x + l.w).sort((a, b) => a - b);
  return rights[Math.floor(rights.length / 2)];
}

/**
 * Body lines as paragraphs, in reading order: lines cluster into columns by where they start,
 * columns read left to right and each top to bottom. A line set in by a character or more (the
 * first-line indent of CJK and most Latin text) or after a gap starts a paragraph; the lines of a
 * paragraph join by the script's rule (CJK without spaces).
 */
export function paragraphsOf(lines: Line[], lang?: string, apart?: ReadonlySet<Line>): string[] {
  if (!lines.length) return [];
  // Columns in reading order: by their left edge, and a column under another (a second band of
  // columns below a photo) after it.
  const columns = columnsOf(lines);
  const paragraphs: string[][] = [];
  // The line read last, in this column or at the foot of the one before.
  let last: Line | undefined;
  for (const column of columns) {
    column.lines.sort((a, b) => a.y - b.y);
    const left = Math.min(...column.lines.map((l) => l.x));
    const right = Math.max(...column.lines.map((l) => l.x + l.w));
    let previous: Line | undefined;
    for (const line of column.lines) {
      // Set in from the column's start, unless it goes on from a full line set in as far (a block set in).
      const runsOn = previous && Math.abs(line.x - previous.x) < line.size / 2 && previous.x + previous.w >= right - 1.5 * line.size;
      const indented = line.x - left > 0.9 * line.size && !runsOn;
      const gap = previous ? line.y - (previous.y + previous.h) : 0;
      const shortBefore = previous && column.lines.length > 2 && previous.x + previous.w < right - 1.5 * line.size;
      // Lines `apart` (headline type inside a body) make paragraphs of their own, at a column's top too.
      const switched = last !== undefined && !!apart && apart.has(line) !== apart.has(last);
      if (!paragraphs.length || switched || indented || gap > line.size * 1.2 || (shortBefore && !indented && gap > line.size * 0.9))
        paragraphs.push([]);
      paragraphs[paragraphs.length - 1].push(line.text);
      previous = line;
      last = line;
    }
  }
  return paragraphs.map((p) => unjustify(joinLines(p, lang))).filter(Boolean);
}

const CJK_SPACE = /(?<=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’]) +| +(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’])/gu;

/**
 * Body text without the spaces PDF.js reads into justified CJK lines (it puts one in every gap
 * wider than a tenth of the size, and justification widens the gaps between characters). Chinese
 * body text has no spaces beside Han characters but one after the dateline (本报讯, 新华社…电),
 * which stays.
 */
export function unjustify(text: string): string {
  const spaced = /^(\S(?: ?[^\s，。]){0,30}? ?[讯电])\s+/u.exec(text);
  // A dateline justification left without its space: 本报讯, 株洲日报讯, 新华社北京1月7日电.
  const bare = spaced ? undefined : /^((?:本报|新华社|中新社|[^\s，。]{1,8}(?:日报|晚报|时报))[^\s，。]{0,16}?[讯电])/u.exec(text);
  const dateline = spaced ?? bare;
  if (!dateline) return text.replace(CJK_SPACE, '');
  return `${dateline[1].replace(CJK_SPACE, '')} ${text.slice(dateline[0].length).replace(CJK_SPACE, '')}`;
}

/**
 * Header lines (a headline over two lines, a subhead that wraps) as one text: a space between
 * lines, as newspapers break headlines between phrases, but none after or before punctuation.
 */
export function joinHeading(lines: Line[], runOn = Infinity): string {
  let out = '';
  let previous: Line | undefined;
  for (const line of lines) {
    const ranOn = previous && previous.w >= runOn - previous.size * 1.5 && isCjkEdge(out, line.text);
    if (out && !ranOn && !/[\p{P}\s]$/u.test(out) && !/^[\p{P}]/u.test(line.text)) out += ' ';
    out += line.text;
    previous = line;
  }
  return out.trim();
}
