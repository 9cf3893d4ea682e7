/**
 * One cell of a PDF page (what a rule sets apart, ./pdf-layout.ts) read as articles: banner,
 * kicker, headline, subheads, bylines, body and photo captions by size and position, the lines
 * taken in the cell's reading order (its columns left to right, ./pdf-lines.ts `readingOrder`).
 * A cell that holds several articles under one rule (headline-size lines that start blocks of
 * their own, with body under each) is split into them; when a split is uncertain, such a line
 * stays in the body as a paragraph of its own and the unit says so (`innerHeadlines`), nothing
 * lost either way. Pure functions over page units.
 */
import type { Box, PdfRule } from './pdf-content.js';
import { joinHeading, paragraphsOf, readingOrder, type Line } from './pdf-lines.js';
import { joinLines } from './text.js';

export type UnitKind = 'news' | 'masthead' | 'ear' | 'footer';

export interface FoundPhoto {
  box: Box;
  caption?: string;
  credit?: string;
}

/** One unit found on a page: an article, or the masthead, ear or footer. */
export interface FoundUnit {
  kind: UnitKind;
  /** The pieces it covers, in reading order. */
  boxes: Box[];
  banner?: string;
  kicker?: string;
  headline: string;
  subheads: string[];
  bylines: string[];
  paragraphs: string[];
  photos: FoundPhoto[];
  /** Set by the caller's boxes (--articles), else undefined. */
  id?: string;
  /**
   * Lines in headline type inside its body that did not surely start an article of their own
   * (no space above them, or no body under them). Their words stay in the paragraphs, in place,
   * and the unit does not count as placed (the page's confidence).
   */
  innerHeadlines?: string[];
  /**
   * Text in its cell that went into none of its fields, each said with where it stands (the
   * label of a photo's placeholder, 图片暂缺): for the page's warning, never silently dropped.
   */
  apart?: string[];
  /**
   * The text over the first headline of a page without rules: the last article of the page
   * before goes on (./pdf-flow.ts); its `headline` is its first line, until it is joined.
   */
  continues?: true;
  /**
   * A continuation printed without a headline of its own: its block starts with the jump line
   * (上接A1版), which stands in for the headline until the part joins its article (./pdf-jumps.ts).
   */
  headless?: true;
}

/** A photo's place: an image, or a box of one tone standing where a photo goes (`placeholder`). */
export type PhotoBox = Box & { placeholder?: true };

/** What a cell holds: its lines, the photos (images and placeholders) and filled boxes in it. */
export interface CellContent extends Box {
  lines: Line[];
  images: PhotoBox[];
  fills: PdfRule[];
}

const BYLINE = /(记者|通讯员|实习生|特约|本报讯|编辑|摄影|^By\s|^BY\s|^Von\s|^Par\s)/u;
const CREDIT = /(供图|摄影?|图片?|Photo|Foto)$/u;
/** An e-mail or web address: a title page's contact line (tal197 at users.sf.net, help-x@gnu.org, http://…). */
const CONTACT = /[\w.+-]@[\w-]+\.|^[\w.+-]+ at [\w-]+(?:\.[\w-]+)+$|https?:\/\/|\bwww\.[\w-]+\./u;
/**
 * An index's letter heading (A, B, … in a manual's index, set large): headline type, but no
 * article's headline; it stays in its article's text, a paragraph of its own. One capital letter
 * alone: no newspaper's headline.
 */
export const isLetterHeading = (line: Line) => /^\p{Lu}$/u.test(line.text.trim());
/** A line that is a photo's credit alone (set in a corner of it): 新华社记者 某某 摄, Photo: AP, 图/某某. */
const CREDIT_LINE = /^(?:(?:Photo|Foto|图|摄影?)\s*[:：/／]|\S{1,12}(?: \S{1,12})?\s?(?:供图|摄影?)$)/u;

export const inside = (box: Box, line: Box) => {
  const cx = line.x + line.w / 2;
  const cy = line.y + line.h / 2;
  return cx >= box.x && cx <= box.x + box.w && cy >= box.y && cy <= box.y + box.h;
};
export const overlapX = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
export const bottom = (b: Box) => b.y + b.h;
export const boxOf = (b: Box): Box => ({ x: b.x, y: b.y, w: b.w, h: b.h });

export function emptyUnit(kind: UnitKind, box: Box): FoundUnit {
  return { kind, boxes: [boxOf(box)], headline: '', subheads: [], bylines: [], paragraphs: [], photos: [] };
}

/**
 * The articles of one cell, the first the cell's own (its box the cell's; a cell without a
 * headline gives one unit without one). Further units are the articles split off inside it,
 * their boxes the pieces of the columns they fill; `split` false keeps them in the first.
 */
export function readCell(cell: CellContent, body: number, lang?: string, split = true): FoundUnit[] {
  const unit = emptyUnit('news', cell);
  const rows = [...cell.lines].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines = readingOrder(cell.lines, body);
  const isHeadline = (l: Line) => l.size >= body * 1.45 && !isLetterHeading(l);
  const widest = Math.max(...lines.filter((l) => !isHeadline(l)).map((l) => l.w), 0);
  const photos: FoundPhoto[] = cell.images.map((box) => ({ box }));
  // Captions: the line (or lines) right under a photo, within its width.
  const captionLines = new Set<Line>();
  for (const photo of photos) {
    const under = rows.filter(
      (l) => !isHeadline(l) && l.y >= bottom(photo.box) - 2 && l.y - bottom(photo.box) < body * 2.5 && overlapX(l, photo.box) > 0.5 * l.w,
    );
    if (!under.length) continue;
    Object.assign(photo, captionParts(under[0]));
    captionLines.add(under[0]);
  }
  // Text set on a photo in smaller type than a headline's is not the body: a caption or a credit
  // printed over the picture is the photo's, as one under it (before it, as it stands higher);
  // a placeholder's label (图片暂缺) is none of the article's, and said. A headline set over a
  // photo is read with the rest: it starts its article.
  const onPhoto = (l: Line) => !isHeadline(l) && photos.some((p) => inside(p.box, l));
  for (const photo of photos) {
    const over = rows.filter((l) => !isHeadline(l) && inside(photo.box, l));
    if (!over.length) continue;
    if ((photo.box as PhotoBox).placeholder) {
      unit.apart = [
        ...(unit.apart ?? []),
        ...over.map((l) => `"${l.text}" on a photo's placeholder at ${Math.round(l.x)},${Math.round(l.y)}`),
      ];
      continue;
    }
    const texts: string[] = [];
    for (const line of over) {
      const parts = photo.credit ? { caption: line.text } : CREDIT_LINE.test(line.text) ? { credit: line.text } : captionParts(line);
      if (parts.caption) texts.push(parts.caption);
      photo.credit ??= parts.credit;
    }
    const caption = joinLines([...texts, ...(photo.caption ? [photo.caption] : [])], lang);
    if (caption) photo.caption = caption;
  }
  unit.photos = photos;
  if (!lines.some(isHeadline)) {
    unit.paragraphs = paragraphsOf(
      lines.filter((l) => !captionLines.has(l) && !onPhoto(l)),
      lang,
    );
    return [unit];
  }
  // The headline: the first run of lines in the largest type of the cell's first header (the
  // lines above the body's size from its first headline-size line on, before body comes: kicker,
  // headline, subheads), a headline over two lines whole; large lines over it in smaller type
  // are its kicker. A larger headline further down, after body, starts another article.
  const first = lines.findIndex(isHeadline);
  let end = first;
  while (end + 1 < lines.length && lines[end + 1].size > body * 1.08) end++;
  const largest = Math.max(
    ...lines
      .slice(first, end + 1)
      .filter(isHeadline)
      .map((l) => l.size),
  );
  const head = headRun(
    lines,
    lines.findIndex((l, i) => i >= first && l.size >= largest * 0.9),
  );
  const runOn = Math.max(widest, cell.w * 0.6);
  unit.headline = joinHeading(head, runOn);
  const headTop = head[0].y;
  const onFill = (l: Line) => cell.fills.some((f) => inside(f, l) && f.w < cell.w * 0.9);
  const higher = rows.filter((l) => bottom(l) <= headTop + 1 && !head.includes(l) && !onPhoto(l));
  const banner = higher.filter(onFill);
  // Over the headline: the lines stacked close over it (kicker, byline), in its columns. Lines
  // higher up after a space, or beside it, are text set before it: read with the body, in order.
  const above = [...banner];
  let top = headTop;
  const [left, right] = [Math.min(...head.map((l) => l.x)), Math.max(...head.map((l) => l.x + l.w))];
  for (const line of [...higher].sort((a, b) => bottom(b) - bottom(a)))
    if (!banner.includes(line) && top - bottom(line) <= Math.max(line.size, body) * 1.5 && line.x < right && line.x + line.w > left) {
      above.push(line);
      top = Math.min(top, line.y);
    }
  const before = higher.filter((l) => !above.includes(l));
  if (banner.length) unit.banner = joinHeading(banner);
  // A byline set over the headline (in the body's type or smaller) is a byline; a larger line
  // that names 记者 or 编辑 is the kicker it reads as (致敬一线记者).
  const bylines = above.filter((l) => !banner.includes(l) && isByline(l, body));
  unit.bylines.push(...bylines.flatMap((l) => (l.segments.length ? l.segments : [l.text])));
  const kicker = above.filter((l) => !banner.includes(l) && !bylines.includes(l));
  if (kicker.length) unit.kicker = joinHeading(kicker);
  // The rest: what is not over the headline, in reading order (the top of the next column, level
  // with a headline over one column, comes after the first column's body).
  const rest = lines.filter((l) => !above.includes(l) && !head.includes(l) && !captionLines.has(l) && !onPhoto(l));
  const units = [unit];
  let at = readBody(rest, 0, unit, body, lang, split);
  // Larger type set before the headline, not over it: kept in the body, and doubted.
  const large = before.filter((l) => l.size > body * 1.08).map((l) => l.text);
  if (large.length) unit.innerHeadlines = [...(unit.innerHeadlines ?? []), ...large];
  const pieces = [[...head, ...at.lines]];
  // Further articles in the cell: each from a headline that starts a block, with body under it.
  while (at.next < rest.length) {
    const more = emptyUnit('news', cell);
    const kicker = kickerOver(rest, at.next, body);
    if (kicker.length) more.kicker = joinHeading(kicker);
    const run = headRun(rest, at.next + kicker.length);
    more.headline = joinHeading(run, runOn);
    at = readBody(rest, at.next + kicker.length + run.length, more, body, lang, split);
    units.push(more);
    pieces.push([...kicker, ...run, ...at.lines]);
  }
  if (units.length > 1) {
    units.forEach((u, i) => (u.boxes = piecesOf(pieces[i])));
    // A photo goes with the article whose headline stands over it in its column, or on it.
    unit.photos = [];
    for (const photo of photos) {
      let owner = unit;
      units.forEach((u, i) => {
        if (pieces[i].some((l) => (l.y <= photo.box.y && overlapX(l, photo.box) > 0) || inside(photo.box, l))) owner = u;
      });
      owner.photos.push(photo);
      owner.boxes.push(boxOf(photo.box));
    }
  }
  return units;
}

/** A caption line's caption and credit: the credit the last piece of the line, set apart (钟勇 供图, 记者 某某 摄). */
function captionParts(line: Line): Pick<FoundPhoto, 'caption' | 'credit'> {
  const credit = /^(.+?)\s+(\S{1,8}(?: \S{1,8})?\s?(?:供图|摄影?|图片?))$/u.exec(line.text);
  const segments =
    line.segments.length > 1 && CREDIT.test(line.segments.at(-1)!) ? line.segments : credit ? [credit[1], credit[2]] : [line.text];
  return segments.length > 1 ? { caption: segments.slice(0, -1).join(' '), credit: segments.at(-1) } : { caption: segments[0] };
}

/** The headline's lines from `start`: one size, each close under the one before (a headline over two lines). */
function headRun(lines: Line[], start: number): Line[] {
  const head = [lines[start]];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const last = head[head.length - 1];
    if (line.y < last.y || line.y - bottom(last) > line.size || Math.abs(line.size - head[0].size) > head[0].size * 0.1) break;
    head.push(line);
  }
  return head;
}

/**
 * Subheads, bylines and body from `rest[from]` into `unit`, up to the end or to a headline that
 * surely starts another article (`next`): one that starts a block (at the top of a column, or
 * after a space) and has body under it. Other headline-size lines stay in the body, doubted.
 * Returns the lines read.
 */
function readBody(
  rest: Line[],
  from: number,
  unit: FoundUnit,
  body: number,
  lang: string | undefined,
  split: boolean,
): { next: number; lines: Line[] } {
  const isHeadline = (l: Line) => l.size > body * 1.45 && !isLetterHeading(l);
  let i = from;
  let subhead: Line[] = [];
  const flush = () => {
    if (subhead.length) unit.subheads.push(joinHeading(subhead));
    subhead = [];
  };
  for (; i < rest.length; i++) {
    const line = rest[i];
    if (line.size > body * 1.08 && !BYLINE.test(line.text) && !isLetterHeading(line)) {
      const last = subhead[subhead.length - 1];
      if (last && (Math.abs(last.size - line.size) > 0.5 || line.y - bottom(last) > line.size * 0.6)) flush();
      subhead.push(line);
    } else break;
  }
  flush();
  // A title's authors over their e-mail or web address (a name, a group, the address): bylines.
  let contact = unit.subheads.length;
  while (contact-- > 0 && !CONTACT.test(unit.subheads[contact]));
  if (contact >= 0) unit.bylines.push(...unit.subheads.splice(0, contact + 1));
  const bodyLines: Line[] = [];
  const inner = new Set<Line>();
  const letters = new Set<Line>();
  for (; i < rest.length; i++) {
    const line = rest[i];
    if (split && bodyLines.length && startsBlock(rest, i, body)) {
      // Another article starts here: its headline, or the kicker over it.
      const kicker = kickerOver(rest, i, body);
      if (kicker.length ? bodyUnder(rest, i + kicker.length, body) : isHeadline(line) && bodyUnder(rest, i, body)) break;
    }
    const header = !bodyLines.length || line.size < body * 0.97;
    if (header && isByline(line, Infinity)) unit.bylines.push(...(line.segments.length ? line.segments : [line.text]));
    else {
      if (isHeadline(line)) inner.add(line);
      else if (isLetterHeading(line) && line.size > body * 1.08) letters.add(line);
      bodyLines.push(line);
    }
  }
  if (inner.size) unit.innerHeadlines = [...inner].map((l) => l.text);
  unit.paragraphs = paragraphsOf(bodyLines, lang, new Set([...inner, ...letters]));
  return { next: i, lines: rest.slice(from, i) };
}

/** Whether a line reads as a byline (记者 某某, By …) set no larger than `size`: short, no sentence, no dateline. */
function isByline(line: Line, size: number): boolean {
  return (
    line.size < size * 1.08 &&
    BYLINE.test(line.text) &&
    line.text.length < 60 &&
    !/[。！？]$/.test(line.text) &&
    !/^[^\s/]{2,}讯(?!员)/.test(line.text)
  );
}

/**
 * The kicker over a headline that starts at `rest[i]`: lines above the body's type, each close
 * over the next in one column, up to a headline in larger type (a headline's size, and larger
 * than the kicker's by a sixth). Empty when `rest[i]` starts none.
 */
function kickerOver(rest: Line[], i: number, body: number): Line[] {
  const kicker: Line[] = [];
  for (let k = i; k < rest.length && kicker.length <= 3; k++) {
    const line = rest[k];
    const last = kicker[kicker.length - 1];
    if (last && (line.y < bottom(last) - 1 || line.y - bottom(last) > line.size || overlapX(last, line) === 0)) return [];
    if (last && line.size >= body * 1.45 && line.size > Math.max(...kicker.map((l) => l.size)) * 1.15) return kicker;
    if (line.size <= body * 1.08 || BYLINE.test(line.text)) return [];
    kicker.push(line);
  }
  return [];
}

/** Whether `rest[i]` starts a block: first in its column (the line before stands lower, or elsewhere), or after a space. */
function startsBlock(rest: Line[], i: number, body: number): boolean {
  const line = rest[i];
  const before = rest[i - 1];
  return !before || before.y >= line.y || overlapX(before, line) === 0 || line.y - bottom(before) >= body * 0.8;
}

/** Whether body text follows the headline at `rest[i]` before the next headline-size line. */
function bodyUnder(rest: Line[], i: number, body: number): boolean {
  let k = i + 1;
  while (k < rest.length && rest[k].size > body * 1.45) k++;
  for (; k < rest.length && rest[k].size <= body * 1.45; k++) if (rest[k].size <= body * 1.1 && !BYLINE.test(rest[k].text)) return true;
  return false;
}

/** The pieces an article's lines fill: a new piece where the reading goes up or across to another column. */
function piecesOf(lines: Line[]): Box[] {
  const boxes: Box[] = [];
  let piece: Line[] = [];
  const close = () => {
    if (!piece.length) return;
    const x = Math.min(...piece.map((l) => l.x));
    const y = Math.min(...piece.map((l) => l.y));
    boxes.push({ x, y, w: Math.max(...piece.map((l) => l.x + l.w)) - x, h: Math.max(...piece.map(bottom)) - y });
    piece = [];
  };
  for (const line of lines) {
    const last = piece[piece.length - 1];
    if (last && (line.y < last.y || overlapX(last, line) === 0)) close();
    piece.push(line);
  }
  close();
  return boxes;
}
