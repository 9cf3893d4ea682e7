/**
 * Finding the articles on a PDF page from its typography: rules cut the page into cells (the
 * heavy rule a newspaper sets above each article, and the frames of boxed ones); lines set well
 * above the body size are headlines; a cell with a headline is an article, a cell without one
 * continues the article beside or above it (an L-shaped article), and the masthead, the ear and
 * the footer are told by where they stand and what they say; a block that starts with 上接…版
 * is a continuation printed without its headline. A page whose rules frame no headline or less
 * than half its text (a report, a manual, a page set with white space) flows: it is read as one
 * block between its margins, its text over its first headline going on from the page before
 * (./pdf-flow.ts). Each cell is read (./pdf-cell.ts) as one article or several set under one
 * rule. Pure functions over ./pdf-content.ts data.
 */
import type { Box, PdfPageContent, PdfRule } from './pdf-content.js';
import {
  bottom,
  boxOf,
  emptyUnit,
  inside,
  isLetterHeading,
  overlapX,
  readCell,
  type FoundUnit,
  type PhotoBox,
  type UnitKind,
} from './pdf-cell.js';
import { bodySize, buildLines, type Line } from './pdf-lines.js';
import { readJumps } from './pdf-jumps.js';
import { repairRuns } from './pdf-text.js';

export type { FoundPhoto, FoundUnit, UnitKind } from './pdf-cell.js';

export interface PageLayout {
  units: FoundUnit[];
  lines: Line[];
  /** 0–1: how much of the page's text found a place in an article with a headline. */
  confidence: number;
  /** Why the confidence is low, for the list of doubtful pages. */
  doubts: string[];
  /** The gap between cells, in page units. */
  gutter: number;
  /** Characters the text repair changed (pdf-text.ts: radicals for ideographs, bars for dashes). */
  repaired: number;
  /** Text outside every cell that is no masthead or footer (in no unit, only in the text layer): where it stands and how it starts. */
  outside: string[];
  /**
   * No rule cuts the page (a report, a manual, a paper set with white space): its text was read
   * as one block between its margins, and what comes before its first headline is a unit that
   * `continues` the last article of the page before, when that page flows too (`flowsIn`,
   * ./pdf-flow.ts); else it is text without a headline, and doubted.
   */
  flow?: true;
}

export interface LayoutOptions {
  lang?: string;
  /** Boxes from the layout system, instead of detection. */
  given?: GivenBox[];
  /** The text as the PDF encodes it, without the repair (to measure the repair). */
  asEncoded?: boolean;
  /** The page before flows into this one (it has no rules, and an article): see `PageLayout.flow`. */
  flowsIn?: boolean;
}

/** A box given by the layout system: the article id and where it stands (--articles). */
export interface GivenBox extends Box {
  id: string;
  kind?: UnitKind;
}

const EAR = /(星期[一二三四五六日天]|农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|第\s*\d+\s*期|天气|今日\s*\d+\s*版)/u;

/** The ear (报眼): a cell near the top whose lines say the date, the issue, the weather. */
function isEar(cell: Cell, height: number): boolean {
  if (cell.y > height * 0.2) return false;
  const text = cell.lines.map((l) => l.text).join(' ');
  return (text.match(new RegExp(EAR.source, 'gu')) ?? []).length >= 2;
}

/** Heavy horizontal rules, near-duplicates (double rules, frames drawn twice) merged. */
function cutRules(rules: PdfRule[], body: number): PdfRule[] {
  const long = rules.filter((r) => r.w >= Math.max(6 * body, 60) && r.h <= 6).sort((a, b) => a.y - b.y || a.x - b.x);
  const merged: PdfRule[] = [];
  for (const rule of long) {
    const twin = merged.find((m) => Math.abs(m.y - rule.y) <= 8 && overlapX(m, rule) >= 0.8 * Math.min(m.w, rule.w));
    if (twin) {
      const right = Math.max(twin.x + twin.w, rule.x + rule.w);
      twin.x = Math.min(twin.x, rule.x);
      twin.w = right - twin.x;
    } else merged.push({ ...rule });
  }
  return merged;
}

/** The gap between cells side by side: the narrowest horizontal distance between two rules of one height. */
function gutterOf(cuts: PdfRule[], body: number): number {
  let best = Infinity;
  for (const a of cuts)
    for (const b of cuts) {
      const gap = b.x - (a.x + a.w);
      if (gap > 2 && Math.abs(a.y - b.y) < body * 4 && gap < best) best = gap;
    }
  return Number.isFinite(best) && best < body * 4 ? best : body * 1.5;
}

interface Cell extends Box {
  lines: Line[];
  images: PhotoBox[];
  fills: PdfRule[];
  given?: GivenBox;
  /** No rule closes it below: it reached the bottom of the page's content. */
  open?: boolean;
  /** Set under a rule (cutCells), not read from a page that flows (pageCells). */
  rule?: true;
}

/** Detects the units of one page; `given` boxes (from the layout system) replace the cells. */
export function detectLayout(content: PdfPageContent, options: LayoutOptions = {}): PageLayout {
  const text = options.asEncoded ? { runs: content.runs, changed: 0 } : repairRuns(content.runs);
  const lines = buildLines(text.runs, content.rules);
  const body = bodySize(lines);
  const cuts = cutRules(content.rules, body);
  const gutter = gutterOf(cuts, body);
  const contentBottom = Math.max(...lines.map(bottom), ...content.images.map(bottom), 0);
  const given = !!options.given?.length;
  let cells: Cell[] = given
    ? options.given!.map((g) => ({ x: g.x, y: g.y, w: g.w, h: g.h, lines: [], images: [], fills: [], given: g }))
    : cutCells(cuts, gutter, contentBottom);
  // Rules that frame less than half the page's text, or no headline (none, a box round a listing
  // or a table), do not cut the page into articles: it flows.
  const headed = cells.some((c) => lines.some((l) => l.size >= body * 1.45 && inside(c, l)));
  if (!given && (!headed || held(cells, lines) < 0.5)) cells = pageCells(lines, content.images, content.height, body);
  const flow = !given && cells.length > 0 && cells.every((c) => !c.rule);
  const loose: Line[] = [];
  for (const line of lines) {
    const cell = cells.find((c) => inside(c, line));
    (cell ? cell.lines : loose).push(line);
  }
  // A box of one tone with next to no text in it (a photo's placeholder, 图片暂缺) stands where a photo does.
  const blank = (f: Box) =>
    f.w > body * 4 && f.h > body * 4 && lines.filter((l) => inside(f, l)).reduce((n, l) => n + l.text.length, 0) <= 8;
  const shaded = content.fills.filter((f) => !f.color || f.color === 'Shading' || !/^#/.test(f.color) || blank(f));
  const placeholders = shaded.filter(blank).map((f): PhotoBox => ({ x: f.x, y: f.y, w: f.w, h: f.h, placeholder: true }));
  for (const image of [...content.images, ...shaded.filter((f) => !blank(f)), ...placeholders]) {
    const cell = cells.find((c) => inside(c, image));
    if (cell && image.w * image.h > body * body * 16) cell.images.push(image);
  }
  for (const fill of content.fills) cells.find((c) => inside(c, fill))?.fills.push(fill);
  // A cell's bottom: where its column rules end, when it draws them (the article's box as set,
  // white space under a short text included); else down to what it holds when the next rule
  // stood closer, and no further than a line below it when white space (or nothing) follows.
  for (const cell of cells) {
    if (cell.given || !cell.lines.length) continue;
    const held = Math.max(...cell.lines.map(bottom), ...cell.images.map(bottom));
    const foot = columnFoot(cell, content.rules, body, gutter);
    const open = cell.open || (bottom(cell) - held > body * 4 && bottom(cell) - held > cell.h * 0.5);
    cell.h = Math.max(held, foot ?? (open ? Math.min(bottom(cell), held + body) : bottom(cell))) - cell.y;
  }

  const units: FoundUnit[] = [];
  // Text in no unit: where it stands and how it starts, for the page's warning.
  const outside: string[] = [];
  // Text a unit took into none of its fields (a placeholder's label) is said with the rest outside.
  const said = (found: FoundUnit[]) => {
    for (const u of found)
      if (u.apart) {
        outside.push(...u.apart);
        delete u.apart;
      }
    return found;
  };
  const owner = new Map<Cell, FoundUnit>();
  const headless: Cell[] = [];
  for (const cell of cells.filter((c) => c.lines.length)) {
    if (!cell.given && isEar(cell, content.height)) {
      units.push({ ...emptyUnit('ear', cell), headline: cell.lines[0].text, paragraphs: cell.lines.slice(1).map((l) => l.text) });
      continue;
    }
    // The footer: a strip at the page's foot, whatever size its type (a name set large beside a QR code is no headline).
    if (!cell.given && cell.y > content.height * 0.9 && cell.h < content.height * 0.08) {
      units.push({ ...emptyUnit('footer', cell), headline: cell.lines[0].text, paragraphs: cell.lines.slice(1).map((l) => l.text) });
      continue;
    }
    // The layout system's box is one article: it is not split.
    const [unit, ...split] = readCell(cell, body, options.lang, !cell.given);
    if (cell.given) {
      unit.id = cell.given.id;
      unit.kind = cell.given.kind ?? unit.kind;
      unit.headline ||= cell.lines[0].text.slice(0, 60);
    }
    if (unit.headline) {
      units.push(...said([unit, ...split]));
      owner.set(cell, unit);
    } else headless.push(cell);
  }
  const doubts: string[] = [];
  const orphans = new Set<FoundUnit>();
  // Cells without a headline: the ear, the footer, or more of an article beside or above.
  for (const cell of headless.sort((a, b) => a.y - b.y || a.x - b.x)) {
    const text = cell.lines.map((l) => l.text).join('');
    if (cell.y > content.height * 0.85) {
      units.push({ ...emptyUnit('footer', cell), headline: cell.lines[0].text, paragraphs: cell.lines.slice(1).map((l) => l.text) });
      continue;
    }
    // A block that starts with a jump line back (上接A1版) is the rest of an article from another
    // page, printed without its headline: a part of its own, never more of its neighbour.
    const [part] = said(readCell(cell, body, options.lang));
    // On a page without rules, the text over its first headline: the article of the page before goes on.
    if (flow && options.flowsIn && cell === cells[0]) {
      const unit: FoundUnit = { ...part, headline: cell.lines[0].text.slice(0, 60), continues: true };
      units.push(unit);
      owner.set(cell, unit);
      continue;
    }
    if (readJumps(part.paragraphs.slice(0, 1)).some((j) => j.end === 'from')) {
      const unit: FoundUnit = { ...part, headline: part.paragraphs[0], headless: true };
      units.push(unit);
      owner.set(cell, unit);
      continue;
    }
    // The article right above it in the same columns; else the one beside it starting level
    // with it; else one above it that spans it.
    const owners = [...owner.keys()];
    const above = (c: Cell) => Math.abs(bottom(c) - cell.y) <= gutter * 3;
    const near =
      owners.find((c) => above(c) && Math.abs(c.x - cell.x) < 2 && Math.abs(c.w - cell.w) < 2) ??
      owners
        .filter(
          (c) =>
            Math.abs(c.y - cell.y) <= gutter * 1.5 &&
            (Math.abs(c.x + c.w - cell.x) <= gutter * 3 || Math.abs(cell.x + cell.w - c.x) <= gutter * 3),
        )
        // The one starting most level with it; on a tie, the one on the left (text runs on to the right).
        .sort((a, b) => Math.abs(a.y - cell.y) - Math.abs(b.y - cell.y) || a.x - b.x)[0] ??
      owners.find((c) => above(c) && overlapX(c, cell) >= 0.9 * cell.w);
    const unit = near && owner.get(near);
    if (unit && unit.kind === 'news') {
      unit.boxes.push(boxOf(cell));
      unit.paragraphs.push(...part.paragraphs);
      unit.photos.push(...part.photos);
      owner.set(cell, unit);
    } else {
      doubts.push(`text without a headline at ${Math.round(cell.x)},${Math.round(cell.y)} (${text.slice(0, 20)}…)`);
      const orphan = { ...part, headline: cell.lines[0].text.slice(0, 60) };
      orphans.add(orphan);
      units.push(orphan);
      owner.set(cell, units[units.length - 1]);
    }
  }
  // With the layout system's boxes, its boxes are the units; else the masthead and footer from the rest.
  if (!options.given?.length) units.push(...looseUnits(loose, body, content.height, outside));
  // With the layout system's boxes, what stands outside them is in none.
  else if (loose.length) outside.push(...describe(loose));

  const counted = units.filter((u) => u.kind === 'news');
  const chars = (u: FoundUnit) => u.paragraphs.join('').length;
  const total =
    counted.reduce((n, u) => n + chars(u), 0) + loose.filter((l) => l.size <= body * 1.1).reduce((n, l) => n + l.text.length, 0);
  const placed = counted
    .filter((u) => u.paragraphs.length && u.headline && !orphans.has(u) && !u.innerHeadlines)
    .reduce((n, u) => n + chars(u), 0);
  if (!counted.length) doubts.push('no article found');
  for (const u of counted)
    for (const inner of u.innerHeadlines ?? []) doubts.push(`headline type inside "${u.headline}": "${inner}", an article not set apart?`);
  for (const u of counted) if (!u.paragraphs.length) doubts.push(`"${u.headline}" has no body text`);
  const confidence = counted.length ? Math.max(0, Math.min(1, (total ? placed / total : 0) - 0.1 * doubts.length)) : 0;
  units.sort(readingOrder(content.width));
  return {
    units,
    lines,
    confidence: Math.round(confidence * 100) / 100,
    doubts,
    gutter,
    repaired: text.changed,
    outside,
    ...(flow && { flow: true as const }),
  };
}

/** Cells from the cutting rules: each reaches down to the next rule under it, a gutter above it. */
function cutCells(cuts: PdfRule[], gutter: number, contentBottom: number): Cell[] {
  return cuts.map((rule) => {
    const below = cuts.filter((r) => r.y > rule.y + rule.h + 2 && overlapX(r, rule) >= 0.5 * Math.min(r.w, rule.w));
    const next = Math.min(...below.map((r) => r.y), contentBottom + gutter);
    const open = !below.length || below.every((r) => r.y > contentBottom);
    return { x: rule.x, y: rule.y, w: rule.w, h: Math.max(1, next - gutter - rule.y), lines: [], images: [], fills: [], open, rule: true };
  });
}

/** The share of the page's characters that stand in `cells`. */
function held(cells: Box[], lines: Line[]): number {
  const total = lines.reduce((n, l) => n + l.text.length, 0);
  const inCells = lines.filter((l) => cells.some((c) => inside(c, l))).reduce((n, l) => n + l.text.length, 0);
  return total ? inCells / total : 1;
}

/**
 * A page that no rule cuts (a report, a manual, a newsletter or a paper set with white space) as
 * cells: its text between the margins (the top and bottom twelfth of the page), cut over its first
 * headline and the lines stacked close over it (kicker), so that the text before it (the first
 * cell, without a headline) is not read into that article. Headlines start articles as under a
 * rule. What stands in the margins (a running head, the page number) stays outside: the
 * masthead, the footer, or text in no article.
 */
function pageCells(lines: Line[], images: Box[], height: number, body: number): Cell[] {
  const within = (b: Box) => b.y >= height / 12 && bottom(b) <= (height * 11) / 12;
  const held = [...lines.filter(within), ...images.filter(within)];
  if (!held.length) return [];
  const x = Math.min(...held.map((b) => b.x));
  const y = Math.min(...held.map((b) => b.y));
  const w = Math.max(...held.map((b) => b.x + b.w)) - x;
  const end = Math.max(...held.map(bottom));
  const cell = (top: number, foot: number): Cell => ({ x, y: top, w, h: foot - top, lines: [], images: [], fills: [], open: true });
  const rows = lines.filter(within).sort((a, b) => a.y - b.y);
  const first = rows.findIndex((l) => l.size >= body * 1.45 && !isLetterHeading(l));
  if (first < 0) return [cell(y, end)];
  let top = rows[first].y;
  for (let i = first - 1; i >= 0 && rows[i].size > body * 1.08 && top - bottom(rows[i]) <= body * 1.5; i--) top = rows[i].y;
  const over = rows.filter((l) => bottom(l) <= top);
  if (!over.length) return [cell(y, end)];
  const cut = (Math.max(...over.map(bottom)) + top) / 2;
  return [cell(y, cut), cell(cut, end)];
}

/**
 * Where the column rules of a cell end (the thin vertical rules a page sets between an article's
 * columns, or the sides of its frame): the foot of the article's box as the page draws it, even
 * where its text stops short. Undefined when the cell draws none. Never past the rule under the cell.
 */
function columnFoot(cell: Cell, rules: PdfRule[], body: number, gutter: number): number | undefined {
  const limit = cell.open ? Infinity : bottom(cell) + gutter;
  const feet = rules
    .filter(
      (r) =>
        r.h > r.w && r.h >= body * 4 && r.x >= cell.x - 2 && r.x + r.w <= cell.x + cell.w + 2 && r.y >= cell.y - 2 && r.y < bottom(cell),
    )
    .map((r) => Math.min(bottom(r), limit));
  return feet.length ? Math.max(...feet) : undefined;
}

/** Lines in no unit, for a message: `"How it starts…" at x,y`, a group of lines each, or one line for all. */
function describe(lines: Line[]): string[] {
  const first = [...lines].sort((a, b) => a.y - b.y || a.x - b.x)[0];
  const count = lines.length > 1 ? ` and ${lines.length - 1} more line${lines.length > 2 ? 's' : ''}` : '';
  return [`"${first.text.slice(0, 30)}${first.text.length > 30 ? '…' : ''}" at ${Math.round(first.x)},${Math.round(first.y)}${count}`];
}

/**
 * Lines outside every cell: the masthead (the page's largest type at its top), the footer; the
 * rest, in no unit, said in `outside`.
 */
function looseUnits(loose: Line[], body: number, height: number, outside: string[]): FoundUnit[] {
  if (!loose.length) return [];
  const groups: Line[][] = [];
  for (const line of [...loose].sort((a, b) => a.y - b.y)) {
    const group = groups.find((g) => g.some((l) => line.y - bottom(l) < body * 2 && overlapX(l, line) > 0));
    if (group) group.push(line);
    else groups.push([line]);
  }
  const units: FoundUnit[] = [];
  for (const group of groups) {
    const x = Math.min(...group.map((l) => l.x));
    const y = Math.min(...group.map((l) => l.y));
    const box = { x, y, w: Math.max(...group.map((l) => l.x + l.w)) - x, h: Math.max(...group.map(bottom)) - y };
    const biggest = group.reduce((a, b) => (b.size > a.size ? b : a));
    const kind: UnitKind | undefined =
      y < height * 0.25 && biggest.size >= body * 2.5 ? 'masthead' : y > height * 0.85 ? 'footer' : undefined;
    if (!kind) {
      // A running head or a page number over the page's text (a folio line: the date, the page and
      // its section) is page furniture, recognised: it stays in the text layer, where it is
      // printed, and is not said as text the detection missed.
      if (!isRunningHead(group, box, body, height)) outside.push(...describe(group));
      continue;
    }
    units.push({ ...emptyUnit(kind, box), headline: biggest.text, paragraphs: group.filter((l) => l !== biggest).map((l) => l.text) });
  }
  return units;
}

/** One or two lines of body-size type in the page's top eighth. */
function isRunningHead(group: Line[], box: Box, body: number, height: number): boolean {
  return group.length <= 2 && bottom(box) <= height / 8 && group.every((l) => l.size <= body * 1.5);
}

/** Masthead and ear first, the footer last; articles by where their first piece stands, top to bottom, then left to right. */
function readingOrder(width: number) {
  const rank = { masthead: 0, ear: 1, news: 2, footer: 3 } as const;
  return (a: FoundUnit, b: FoundUnit) => {
    if (rank[a.kind] !== rank[b.kind]) return rank[a.kind] - rank[b.kind];
    const [p, q] = [a.boxes[0], b.boxes[0]];
    // Within a band of a tenth of the page's width, the left one first.
    if (Math.abs(p.y - q.y) > width * 0.02) return p.y - q.y;
    return p.x - q.x;
  };
}
