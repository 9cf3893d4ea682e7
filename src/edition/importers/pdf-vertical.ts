/**
 * Vertical text (竖排) on a PDF page: a headline set top to bottom at the side of its article.
 * Chromium and most typesetting systems print it as upright characters, one run each, stacked
 * at one x; a PDF with a vertical CMap gives whole runs set downwards (`vertical`). Either way
 * the characters are read top to bottom in a column and the columns right to left (vertical-rl,
 * as Chinese newspapers set them), and the columns of one heading make one line. Pure functions
 * over page units.
 */
import type { Box, PdfRun } from './pdf-content.js';
import type { Line } from './pdf-lines.js';

/** A character stacked in a column: the run and its text as printed. */
type Cell = PdfRun & { middle: number; run: PdfRun };

const sameSize = (a: { size: number }, b: { size: number }) => Math.abs(a.size / b.size - 1) < 0.1;

/** The gap from `a` to the nearest run beside it on its band (left or right), or Infinity. */
function sideGap(a: PdfRun, runs: PdfRun[]): number {
  const middle = a.y + a.h / 2;
  let best = Infinity;
  for (const b of runs) {
    if (b === a || !sameSize(a, b) || Math.abs(b.y + b.h / 2 - middle) > a.size / 3) continue;
    const gap = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
    if (gap > -a.size / 4) best = Math.min(best, Math.max(0, gap));
  }
  return best;
}

/**
 * Columns of upright single characters: each character's nearest neighbour is the one under or
 * over it (closer than any beside it), at the same x and size. Two characters at least.
 */
function stackedColumns(runs: PdfRun[]): Cell[][] {
  const singles: Cell[] = runs
    .filter((r) => !r.vertical && [...r.text.trim()].length === 1)
    .map((r) => ({ ...r, text: r.text.trim(), middle: r.x + r.w / 2, run: r }))
    .sort((a, b) => a.middle - b.middle || a.y - b.y);
  const below = new Map<Cell, Cell>();
  const above = new Set<Cell>();
  for (const [i, a] of singles.entries()) {
    let next: Cell | undefined;
    for (let j = i + 1; j < singles.length && singles[j].middle - a.middle < a.size * 0.15; j++) {
      const b = singles[j];
      const gap = b.y - (a.y + a.h);
      if (sameSize(a, b) && gap > -a.size * 0.25 && gap < a.size * 0.5 && (!next || b.y < next.y)) next = b;
    }
    if (next && !above.has(next)) {
      below.set(a, next);
      above.add(next);
    }
  }
  const columns: Cell[][] = [];
  for (const top of singles) {
    if (above.has(top) || !below.has(top)) continue;
    const column = [top];
    for (let c = below.get(top); c; c = below.get(c)) column.push(c);
    // Upright text reads down only where the characters stand closer above each other than beside.
    const gaps = column.slice(1).map((c, k) => Math.max(0, c.y - (column[k].y + column[k].h)));
    const downward = gaps.reduce((n, g) => n + g, 0) / gaps.length;
    const across = column.filter((c) => sideGap(c, runs) <= downward).length;
    if (across <= column.length / 2) columns.push(column);
  }
  return columns;
}

const union = (boxes: Box[]): Box => {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
};

interface Column extends Box {
  text: string;
  size: number;
  bold: boolean;
  font: string;
  chars: (Box & { text: string })[];
  runs: PdfRun[];
}

/**
 * The page's vertical text as lines (one per heading, its columns read right to left; a column
 * that ends short of the heading's foot ends a phrase, so a space follows it) and the runs left
 * for horizontal lines.
 */
export function verticalLines(runs: PdfRun[]): { lines: Line[]; rest: PdfRun[] } {
  const columns: Column[] = [
    ...stackedColumns(runs).map((cells) => ({
      ...union(cells),
      text: cells.map((c) => c.text).join(''),
      size: cells[0].size,
      bold: cells.some((c) => c.bold),
      font: cells[0].font,
      chars: cells.map(({ x, y, w, h, text }) => ({ x, y, w, h, text })),
      runs: cells.map((c) => c.run),
    })),
    ...runs
      .filter((r) => r.vertical && r.text.trim())
      .map((r) => ({
        x: r.x,
        y: r.y,
        w: r.w,
        h: r.h,
        text: r.text.trim(),
        size: r.size,
        bold: r.bold,
        font: r.font,
        chars: [{ x: r.x, y: r.y, w: r.w, h: r.h, text: r.text.trim() }],
        runs: [r],
      })),
  ];
  if (!columns.length) return { lines: [], rest: runs };
  const used = new Set<PdfRun>();
  for (const column of columns) for (const run of column.runs) used.add(run);
  // Columns of one heading: the same size, side by side, their tops level; read right to left.
  columns.sort((a, b) => b.x - a.x);
  const groups: Column[][] = [];
  for (const column of columns) {
    const group = groups.find((g) => {
      const last = g[g.length - 1];
      return sameSize(last, column) && last.x - (column.x + column.w) < column.size * 0.8 && Math.abs(last.y - column.y) < column.size;
    });
    if (group) group.push(column);
    else groups.push([column]);
  }
  const lines = groups.map((group): Line => {
    const box = union(group);
    let text = '';
    for (const [i, column] of group.entries()) {
      const previous = group[i - 1];
      const ranOn = previous && previous.y + previous.h >= box.y + box.h - column.size * 1.5;
      if (text && !ranOn && !/[\p{P}\s]$/u.test(text) && !/^\p{P}/u.test(column.text)) text += ' ';
      text += column.text;
    }
    return {
      ...box,
      text,
      size: group[0].size,
      bold: group.some((c) => c.bold),
      font: group[0].font,
      segments: [text],
      vertical: true,
      chars: group.flatMap((c) => c.chars),
    };
  });
  return { lines, rest: runs.filter((r) => !used.has(r) && !r.vertical) };
}
