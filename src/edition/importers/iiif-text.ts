/**
 * Text in IIIF: annotation pages and their text lines, lines joined into paragraphs, `summary` HTML
 * as paragraphs, and ALTO blocks placed in page units. Pure functions of parsed JSON (and ALTO
 * elements).
 */
import type { Rect, Shape } from '../schema.js';
import { clean, type ImportWarning } from './common.js';
import { numberAttr } from './dom.js';
import { asArray, idOf, isObject, str, typeOf, type Json } from './iiif-json.js';
import { parseXywh, targetOf } from './iiif-targets.js';
import { joinLines } from './text.js';

export const TEXT_MOTIVATIONS = new Set(['supplementing', 'commenting', 'transcribing', 'describing', 'sc:painting']);
export const isAlto = (rendering: Json) =>
  /xml/i.test(str(rendering.format) ?? '') &&
  /alto/i.test(`${JSON.stringify(rendering.profile ?? '')} ${JSON.stringify(rendering.label ?? '')} ${idOf(rendering) ?? ''}`);
/** The annotation pages of a collection (`items`, or `first` and each `next`), resolved where possible, else their URLs. */
export function pagesOf(collection: Json, resources: Record<string, unknown>): (Json | string)[] {
  if (Array.isArray(collection.items) && typeOf(collection) === 'AnnotationPage') return [collection];
  const out: (Json | string)[] = [];
  let next: unknown = collection.first ?? asArray(collection.items)[0];
  const seen = new Set<string>();
  while (next !== undefined && out.length < 1000) {
    const id = idOf(next);
    const page = isObject(next) && Array.isArray(next.items) ? next : id && isObject(resources[id]) ? resources[id] : undefined;
    if (!page) {
      if (id) out.push(id);
      break;
    }
    if (id && seen.has(id)) break;
    if (id) seen.add(id);
    out.push(page);
    next = page.next;
  }
  return out;
}

/** A line of text on a canvas: an annotation's text and where it stands. */
export interface TextLine {
  text: string;
  canvas: string;
  rect?: Rect;
}

/** Text lines from annotation pages: bodies that are text (TextualBody, or a `value`), targets on canvases. */
export function linesOf(pages: (Json | string)[], warnings: ImportWarning[], at: string): TextLine[] {
  const lines: TextLine[] = [];
  for (const page of pages) {
    if (typeof page === 'string') {
      warnings.push({ path: at, message: `the annotation page ${page} was not given (not fetched): its text is not used` });
      continue;
    }
    for (const annotation of asArray(page.items)) {
      if (!isObject(annotation)) continue;
      const motivations = asArray(annotation.motivation).map(String);
      if (motivations.length && !motivations.some((m) => TEXT_MOTIVATIONS.has(m))) continue;
      const body = asArray(annotation.body).find((b) => isObject(b) && (typeOf(b) === 'TextualBody' || typeof b.value === 'string')) as
        Json | undefined;
      const value = str(body?.value);
      if (!value) continue;
      const text = /^\s*</.test(value) ? paragraphsOf([value]).join(' ') : clean(value);
      const target = targetOf(
        isObject(asArray(annotation.target)[0])
          ? (asArray(annotation.target)[0] as Json)
          : { id: asArray(annotation.target)[0], type: 'Canvas' },
      );
      const xywh = target?.fragment ? parseXywh(target.fragment) : undefined;
      lines.push({
        text,
        canvas: target?.canvas ?? '',
        ...(xywh && typeof xywh !== 'string' && xywh.unit === 'pixel' && { rect: xywh.rect }),
      });
    }
  }
  return lines;
}

/**
 * Lines as paragraphs: lines join (by {@link joinLines}) until a gap of more than 0.8 line heights,
 * or a line that stands above the one before (the next column), starts a paragraph.
 */
export function paragraphsFromLines(lines: TextLine[], lang: string | undefined): string[] {
  const paragraphs: string[][] = [];
  let previous: TextLine | undefined;
  for (const line of lines) {
    const a = previous?.rect;
    const b = line.rect;
    const breaks = !previous || (a && b && (b.y - (a.y + a.h) > 0.8 * a.h || b.y + b.h <= a.y));
    if (breaks || !paragraphs.length) paragraphs.push([]);
    paragraphs[paragraphs.length - 1].push(line.text);
    previous = line;
  }
  return paragraphs.map((p) => joinLines(p, lang)).filter(Boolean);
}

/** An ALTO block's box in ALTO page units times `factor`. */
export function blockBox(block: Element, factor: number): Rect | undefined {
  const [x, y, w, h] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => numberAttr(block, name));
  if (x === undefined || y === undefined || !(w! > 0) || !(h! > 0)) return undefined;
  return { x: x * factor, y: y * factor, w: w! * factor, h: h! * factor };
}

export const centerIn = (rect: Rect, shapes: Shape[]) => {
  const cx = rect.x + rect.w / 2;
  const cy = rect.y + rect.h / 2;
  return shapes.some(
    (shape) =>
      'rect' in shape && cx >= shape.rect.x && cx <= shape.rect.x + shape.rect.w && cy >= shape.rect.y && cy <= shape.rect.y + shape.rect.h,
  );
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Paragraphs from `summary` values. A value that starts with `<` and ends with `>` is HTML (the
 * spec's test): block ends (`</p>`, `<br>`) split paragraphs, every tag is dropped, entities decoded.
 */
export function paragraphsOf(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const pieces =
      trimmed.startsWith('<') && trimmed.endsWith('>')
        ? trimmed
            .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
            .replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '')
            .split(/<\/p\s*>|<br\s*\/?>|<p\b[^>]*>/i)
            .map((piece) => decodeEntities(piece.replace(/<[^>]*>/g, '')))
        : [trimmed];
    for (const piece of pieces) {
      const text = clean(piece);
      if (text) out.push(text);
    }
  }
  return out;
}
