/**
 * One ALTO file read as a page: its size in page units, its blocks by ID, the text of its lines,
 * the shapes of its blocks. Shared by the METS/ALTO importer and the ALTO-only importer.
 *
 * Page units are ALTO units converted to pixels at a stated resolution (`dpi`): `pixel` stays as
 * is, `mm10` is value / 254 × dpi, `inch1200` is value / 1200 × dpi.
 */
import { LIMITS, type Page, type Shape } from '../schema.js';
import { clampPolygon, clean, clipRect, firstChar, isCjk, lastChar, round, type ImportWarning } from './common.js';
import { attr, children, descendants, elementChildren, nameOf, numberAttr } from './dom.js';
import { isKnownLanguage, lineBreakHyphen } from './text.js';

export const BLOCKS = new Set(['TextBlock', 'Illustration', 'GraphicalElement', 'ComposedBlock']);
export const HEADING = /^(heading|headline|title|main_title|maintitle)$/i;

/** An ALTO file read as a page (not yet placed in an edition). */
export interface AltoPage {
  key: string;
  path: string;
  /** Width and height in page units; `scan` and `regions` are the caller's. */
  page: Page;
  factor: number;
  byId: Map<string, { el: Element; index: number }>;
  tags: Map<string, string>;
  root: Element;
  /** The source image the ALTO file names (sourceImageInformation/fileName), if any. */
  fileName?: string;
  /** The first language the file states (LANG on any element). */
  lang?: string;
}

export interface TextPiece {
  /** The TextBlock the text belongs to: consecutive pieces of one block make one paragraph. */
  block: Element;
  text: string;
  heading: boolean;
}

/**
 * The text of some lines. Strings are words: between two of them a space, except between CJK
 * characters (no spaces in CJK text) and, when no SP stands between them, next to a CJK character
 * ("2021年"). A line ending in HYP joins the next line without a space and without the hyphen;
 * SUBS_CONTENT of a HypPart1 string gives the whole word and its HypPart2 is then skipped. A line
 * that ends in a hyphen without HYP markup joins the next by the language's rule
 * ({@link lineBreakHyphen}).
 */
export function altoLinesText(lines: Element[], lang?: string): string {
  let out = '';
  let gap: 'string' | 'space' | 'line' | 'hyphen' = 'string';
  let wholeWordGiven = false;
  const append = (content: string) => {
    if (!content) return;
    if (out) {
      const before = lastChar(out);
      const after = firstChar(content);
      const both = isCjk(before) && isCjk(after);
      const either = isCjk(before) || isCjk(after);
      let sep = gap === 'hyphen' ? '' : gap === 'space' ? (both ? '' : ' ') : either ? '' : ' ';
      if (gap === 'line') {
        const rule = lineBreakHyphen(out, content, lang);
        if (rule === 'join') out = out.slice(0, -1);
        if (rule) sep = '';
      }
      out += sep;
    }
    out += content;
  };
  for (const line of lines) {
    if (out && gap !== 'hyphen') gap = 'line';
    for (const child of elementChildren(line)) {
      const name = nameOf(child);
      if (name === 'String') {
        const subsType = attr(child, 'SUBS_TYPE');
        if (subsType === 'HypPart2' && wholeWordGiven) {
          wholeWordGiven = false;
          gap = 'string';
          continue;
        }
        let content = child.getAttribute('CONTENT') ?? '';
        const subs = attr(child, 'SUBS_CONTENT');
        if (subsType === 'HypPart1' && subs) {
          content = subs;
          wholeWordGiven = true;
        }
        append(content);
        gap = 'string';
      } else if (name === 'SP') {
        gap = 'space';
      } else if (name === 'HYP') {
        if (!wholeWordGiven) gap = 'hyphen';
      }
    }
  }
  return clean(out);
}

function readUnit(doc: Element, dpi: number, path: string, warnings: ImportWarning[]): number {
  const description = children(doc, 'Description')[0];
  const unitEl = description ? children(description, 'MeasurementUnit')[0] : undefined;
  const unit = unitEl?.textContent?.trim();
  if (unit === 'pixel') return 1;
  if (unit === 'mm10') return dpi / 254;
  if (unit === 'inch1200') return dpi / 1200;
  warnings.push({
    path: `${path}.Description.MeasurementUnit`,
    message: unit ? `unknown unit "${unit}" (expected pixel, mm10 or inch1200), read as pixel` : 'no MeasurementUnit, read as pixel',
  });
  return 1;
}

/** The TextBlock an element belongs to (itself, or its nearest TextBlock ancestor). */
export function textBlockOf(el: Element): Element | undefined {
  for (let up: Element | null = el; up && up.nodeType === 1; up = up.parentNode as Element | null)
    if (nameOf(up) === 'TextBlock') return up;
  return undefined;
}

export function isHeadingBlock(el: Element, alto: AltoPage): boolean {
  if (HEADING.test(attr(el, 'TYPE') ?? '')) return true;
  return (attr(el, 'TAGREFS') ?? '').split(/\s+/).some((ref) => HEADING.test(alto.tags.get(ref) ?? ''));
}

/** Text pieces of one referenced ALTO element. */
export function piecesOf(el: Element, heading: boolean, alto: AltoPage, lang?: string): TextPiece[] {
  const name = nameOf(el);
  const isHeading = heading || isHeadingBlock(el, alto);
  if (name === 'TextBlock') return [{ block: el, text: altoLinesText(children(el, 'TextLine'), lang), heading: isHeading }];
  if (name === 'TextLine') return [{ block: textBlockOf(el) ?? el, text: altoLinesText([el], lang), heading: isHeading }];
  if (name === 'String') {
    const text = clean((attr(el, 'SUBS_TYPE') === 'HypPart1' && attr(el, 'SUBS_CONTENT')) || (el.getAttribute('CONTENT') ?? ''));
    return [{ block: textBlockOf(el) ?? el, text, heading: isHeading }];
  }
  if (name === 'ComposedBlock') return descendants(el, 'TextBlock').flatMap((block) => piecesOf(block, isHeading, alto, lang));
  return [];
}

/** The box of an ALTO element in page units, unclipped; undefined without a full position. */
function boxOf(el: Element, factor: number): { x: number; y: number; w: number; h: number } | undefined {
  const [x, y, w, h] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => numberAttr(el, name));
  if (x === undefined || y === undefined || w === undefined || h === undefined || w <= 0 || h <= 0) return undefined;
  return { x: x * factor, y: y * factor, w: w * factor, h: h * factor };
}

/** The region shape of an ALTO element: its Shape/Polygon if it has one, else its box. */
export function shapeOf(el: Element, alto: AltoPage, path: string, warnings: ImportWarning[]): Shape | undefined {
  const { factor, page } = alto;
  const polygon = children(el, 'Shape').flatMap((shape) => children(shape, 'Polygon'))[0];
  const points = polygon
    ? (attr(polygon, 'POINTS') ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number)
    : [];
  if (points.length >= 6 && points.length % 2 === 0 && points.length / 2 <= LIMITS.pointsPerPolygon && points.every(Number.isFinite)) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < points.length; i += 2) pairs.push([points[i] * factor, points[i + 1] * factor]);
    return { polygon: clampPolygon(pairs, page.width, page.height, path, warnings) };
  }
  const [x, y, w, h] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => numberAttr(el, name));
  if (x === undefined || y === undefined || w === undefined || h === undefined) {
    warnings.push({ path, message: 'no position (HPOS, VPOS, WIDTH, HEIGHT): no region for it' });
    return undefined;
  }
  if (w <= 0 || h <= 0) {
    warnings.push({ path, message: `an empty box (${w} × ${h}): no region for it` });
    return undefined;
  }
  const rect = clipRect({ x: x * factor, y: y * factor, w: w * factor, h: h * factor }, page.width, page.height, path, warnings);
  return rect && { rect };
}

/**
 * A range of words (String elements from `first` to `last` in document order) as text pieces and
 * one box per TextBlock they touch: how METS of the structLink kind points at parts of blocks.
 */
export function wordRange(
  first: Element,
  last: Element,
  alto: AltoPage,
  path: string,
  warnings: ImportWarning[],
  lang?: string,
): { pieces: TextPiece[]; shapes: Shape[] } {
  const begin = alto.byId.get(attr(first, 'ID') ?? '')?.index ?? -1;
  const end = alto.byId.get(attr(last, 'ID') ?? '')?.index ?? -1;
  const byBlock = new Map<Element, Map<Element, Element[]>>();
  for (const line of descendants(alto.root, 'TextLine')) {
    const strings = children(line, 'String').filter((s) => {
      const index = alto.byId.get(attr(s, 'ID') ?? '')?.index;
      return index !== undefined && index >= begin && index <= end;
    });
    if (!strings.length) continue;
    const block = textBlockOf(line) ?? line;
    const lines = byBlock.get(block) ?? new Map<Element, Element[]>();
    lines.set(line, strings);
    byBlock.set(block, lines);
  }
  const pieces: TextPiece[] = [];
  const shapes: Shape[] = [];
  for (const [block, lines] of byBlock) {
    const words = [...lines.values()];
    // The words' own lines, cut to the words taken: a line element holding only them.
    const text = words
      .map((strings) => strings.map((s) => s.getAttribute('CONTENT') ?? '').join(' '))
      .reduce((out, line) => {
        if (!out) return line;
        const rule = lineBreakHyphen(out, line, lang);
        if (rule === 'join') return out.slice(0, -1) + line;
        if (rule === 'keep' || isCjk(lastChar(out)) || isCjk(firstChar(line))) return out + line;
        return `${out} ${line}`;
      }, '');
    pieces.push({ block, text: clean(text), heading: isHeadingBlock(block, alto) });
    const boxes = words
      .flat()
      .map((s) => boxOf(s, alto.factor))
      .filter((b) => b !== undefined);
    if (!boxes.length) {
      warnings.push({ path: `${path}#${attr(block, 'ID') ?? 'block'}`, message: 'its words have no position: no region for them' });
      continue;
    }
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const x1 = Math.max(...boxes.map((b) => b.x + b.w));
    const y1 = Math.max(...boxes.map((b) => b.y + b.h));
    const rect = clipRect({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, alto.page.width, alto.page.height, path, warnings);
    if (rect) shapes.push({ rect });
  }
  return { pieces, shapes };
}

/**
 * An ALTO document read as a page, or a reason (a warning's message, ending in what follows)
 * why it cannot be one. `key` names the file; `path` is where warnings point.
 */
export function readAltoPage(alto: Element, key: string, path: string, dpi: number, warnings: ImportWarning[]): AltoPage | string {
  if (nameOf(alto) !== 'alto') return `not an ALTO document (root element <${alto.nodeName}>)`;
  const layoutPages = children(alto, 'Layout').flatMap((layout) => children(layout, 'Page'));
  if (!layoutPages.length) return 'no Layout/Page';
  if (layoutPages.length > 1) warnings.push({ path, message: `${layoutPages.length} Layout/Page elements: only the first is read` });
  const factor = readUnit(alto, dpi, path, warnings);
  const altoPage = layoutPages[0];
  let width = numberAttr(altoPage, 'WIDTH');
  let height = numberAttr(altoPage, 'HEIGHT');
  if (!(width! > 0 && height! > 0)) {
    const space = children(altoPage, 'PrintSpace')[0];
    const [x, y, w, h] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => (space ? numberAttr(space, name) : undefined));
    if (!(w! > 0 && h! > 0)) return 'no WIDTH/HEIGHT and no PrintSpace size';
    width = (x ?? 0) + w!;
    height = (y ?? 0) + h!;
    warnings.push({ path: `${path}.Page`, message: 'no WIDTH/HEIGHT: the page is sized to its PrintSpace' });
  }
  if (width! * factor > LIMITS.pageUnits || height! * factor > LIMITS.pageUnits)
    return `a page of ${round(width! * factor)} × ${round(height! * factor)} units, over the format's ${LIMITS.pageUnits}`;
  const byId = new Map<string, { el: Element; index: number }>();
  let index = 0;
  // Without recursion: a deep document cannot overflow the stack.
  const stack = [alto];
  for (let el = stack.pop(); el; el = stack.pop()) {
    const id = attr(el, 'ID');
    if (id && !byId.has(id)) byId.set(id, { el, index });
    index++;
    const kids = elementChildren(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const tags = new Map<string, string>();
  for (const group of children(alto, 'Tags'))
    for (const tag of elementChildren(group)) {
      const id = attr(tag, 'ID');
      if (id) tags.set(id, attr(tag, 'LABEL') ?? attr(tag, 'TYPE') ?? '');
    }
  let lang: string | undefined;
  for (const { el } of byId.values()) {
    const value = attr(el, 'LANG') ?? attr(el, 'language');
    if (isKnownLanguage(value)) {
      lang = value;
      break;
    }
  }
  if (!lang)
    for (const el of [...descendants(alto, 'TextBlock'), ...descendants(alto, 'TextLine')]) {
      const value = attr(el, 'LANG');
      if (isKnownLanguage(value)) {
        lang = value;
        break;
      }
    }
  const fileName = descendants(alto, 'fileName')[0]?.textContent?.trim() || undefined;
  const page: Page = { id: 'p', label: '1', width: round(width! * factor), height: round(height! * factor), regions: [] };
  return { key, path, page, factor, byId, tags, root: alto, fileName, lang };
}
