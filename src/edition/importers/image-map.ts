/**
 * HTML image maps (`<map><area shape coords href alt>`), the form most existing e-paper sites use,
 * → a one-page scan edition. Areas that share an href are one (multi-part) article; the href only
 * groups, it is not kept (the format has no link field). An image map has no article text, so each
 * article's headline (alt, else title, else href) stands in as its one paragraph, with a warning.
 *
 * HTML is read with a DOMParser: the browser's by default; in Node pass `options.parseHtml`.
 */
import { LIMITS, type Article, type Edition, type Page, type Shape } from '../schema.js';
import { validateEdition } from '../validate.js';
import {
  IdFactory,
  ImportError,
  chunkShapes,
  clampPolygon,
  clean,
  clipRect,
  documentParser,
  fitText,
  isLanguageTag,
  round,
  slug,
  type ImportResult,
  type ImportWarning,
  type ParseDocument,
} from './common.js';

export interface ImageMapImportOptions {
  /** The page image the map is drawn over; its pixels are the page units. */
  image: { src: string; width: number; height: number };
  /** Edition id; else the map's name. */
  id?: string;
  /** Edition title; else the HTML document's title. */
  title?: string;
  /** YYYY-MM-DD. Required: an image map carries no date. */
  date?: string;
  /** BCP 47; else the `lang` of the HTML element. */
  lang?: string;
  /** The page's label as printed (A1). Default "1". */
  pageLabel?: string;
  /** HTML parser, `(text) => Document`; defaults to the platform's DOMParser (browsers). */
  parseHtml?: ParseDocument;
}

/** Sides of the polygon that stands in for a circle. */
const CIRCLE_SIDES = 16;

type ShapeState = 'rect' | 'circle' | 'poly' | 'default';

/** The shape attribute's state, as the HTML standard maps its keywords (missing or unknown: rect). */
function shapeState(value: string | null): { state: ShapeState; known: boolean } {
  switch ((value ?? '').trim().toLowerCase()) {
    case '':
    case 'rect':
    case 'rectangle':
      return { state: 'rect', known: true };
    case 'circle':
    case 'circ':
      return { state: 'circle', known: true };
    case 'poly':
    case 'polygon':
      return { state: 'poly', known: true };
    case 'default':
      return { state: 'default', known: true };
    default:
      return { state: 'rect', known: false };
  }
}

/** Numbers of a coords attribute, read leniently (commas, semicolons, spaces), or what is wrong. */
export function parseCoords(text: string | null): number[] | string {
  if (text === null || !text.trim()) return 'no coords';
  const items = text.trim().split(/[\s,;]+/).filter(Boolean);
  const bad = items.filter((item) => !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(item));
  if (bad.length) return `coords "${text.trim()}" holds ${bad.length === 1 ? 'a non-number' : 'non-numbers'}: ${bad.slice(0, 3).map((b) => JSON.stringify(b)).join(', ')}`;
  return items.map(Number);
}

/** The kinds of href kept as grouping keys: http(s) URLs and relative references. */
function hrefKey(href: string | null): { key?: string; problem?: string } {
  if (href === null) return { problem: 'no href' };
  const value = href.trim();
  if (!value || value === '#') return { problem: `href ${JSON.stringify(href)} names no target` };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value.replace(/[\u0000-\u0020]/g, ''));
  if (scheme && !/^https?$/i.test(scheme[1])) return { problem: `href "${value.slice(0, 60)}" is a ${scheme[1].toLowerCase()}: URL, not http(s) or relative` };
  return { key: value };
}

/**
 * Turns the `<map>` of an HTML page into a validated one-page scan edition over `options.image`,
 * with warnings for what could not be mapped. Throws an {@link ImportError} for input without a map,
 * without areas that could be mapped, or without a date or title.
 */
export function importImageMap(html: string, options: ImageMapImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  if (typeof html !== 'string') throw new ImportError('html', `expected HTML text, got ${typeof html}`);
  const image = options?.image;
  if (!image || typeof image.src !== 'string' || !image.src.trim()) throw new ImportError('options.image.src', 'expected the page image URL');
  for (const side of ['width', 'height'] as const) {
    const value = image[side];
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= LIMITS.pageUnits))
      throw new ImportError(`options.image.${side}`, `expected the image's ${side} in pixels (a positive number up to ${LIMITS.pageUnits}), got ${String(value)}`);
  }
  const doc = documentParser(options.parseHtml, 'text/html', 'parseHtml')(html);
  if (!doc?.documentElement) throw new ImportError('html', 'the parser returned no document');

  // The map: the one an <img usemap> names, else the first.
  const maps = Array.from(doc.getElementsByTagName('map'));
  if (!maps.length) throw new ImportError('html', 'no <map> element');
  const imgs = Array.from(doc.getElementsByTagName('img'));
  const mapName = (map: Element) => map.getAttribute('name') ?? map.getAttribute('id') ?? '';
  let map = maps[0];
  let img: Element | undefined;
  for (const candidate of imgs) {
    const usemap = (candidate.getAttribute('usemap') ?? '').trim().replace(/^#/, '');
    const named = usemap && maps.find((m) => mapName(m) === usemap);
    if (named) {
      map = named;
      img = candidate;
      break;
    }
  }
  if (maps.length > 1) warnings.push({ path: 'html', message: `${maps.length} <map> elements: only "${mapName(map)}" is read` });

  // Coordinates are CSS pixels of the displayed image: scale them when the <img> says it is shown
  // at another size than the image's own.
  const { width, height } = image;
  let sx = 1;
  let sy = 1;
  const shownW = img && Number(img.getAttribute('width'));
  const shownH = img && Number(img.getAttribute('height'));
  if (shownW && shownH && shownW > 0 && shownH > 0 && (shownW !== width || shownH !== height)) {
    sx = width / shownW;
    sy = height / shownH;
    warnings.push({ path: 'img', message: `coords are given for the image shown at ${shownW} × ${shownH}: scaled to ${width} × ${height}` });
  }

  const areas = Array.from(map.getElementsByTagName('area'));
  if (!areas.length) throw new ImportError('map', `the map "${mapName(map)}" has no <area> elements`);

  interface Group {
    headline?: string;
    fallback: string;
    shapes: Shape[];
  }
  const groups: Group[] = [];
  const byHref = new Map<string, Group>();
  areas.forEach((area, a) => {
    const at = `area[${a}]`;
    const { state, known } = shapeState(area.getAttribute('shape'));
    if (!known) warnings.push({ path: `${at}.shape`, message: `unknown shape "${area.getAttribute('shape')}", read as rect (as browsers do)` });
    if (state === 'default') return warnings.push({ path: at, message: 'shape "default" covers the whole image, not an article: skipped' });
    const coords = parseCoords(area.getAttribute('coords'));
    if (typeof coords === 'string') return warnings.push({ path: `${at}.coords`, message: `${coords}, area skipped` });
    let shape: Shape | undefined;
    if (state === 'rect') {
      if (coords.length < 4) return warnings.push({ path: `${at}.coords`, message: `a rect needs 4 numbers (x1,y1,x2,y2), got ${coords.length}, area skipped` });
      if (coords.length > 4) warnings.push({ path: `${at}.coords`, message: `a rect takes 4 numbers, got ${coords.length}: the rest ignored` });
      const [x1, y1, x2, y2] = coords;
      const rect = { x: Math.min(x1, x2) * sx, y: Math.min(y1, y2) * sy, w: Math.abs(x2 - x1) * sx, h: Math.abs(y2 - y1) * sy };
      if (rect.w === 0 || rect.h === 0) return warnings.push({ path: `${at}.coords`, message: 'an empty rect, area skipped' });
      const clipped = clipRect(rect, width, height, `${at}.coords`, warnings);
      if (!clipped) return;
      shape = { rect: clipped };
    } else if (state === 'poly') {
      if (coords.length % 2) return warnings.push({ path: `${at}.coords`, message: `a poly needs pairs of numbers, got an odd count (${coords.length}), area skipped` });
      if (coords.length < 6) return warnings.push({ path: `${at}.coords`, message: `a poly needs at least 3 points (6 numbers), got ${coords.length}, area skipped` });
      if (coords.length / 2 > LIMITS.pointsPerPolygon) return warnings.push({ path: `${at}.coords`, message: `more than ${LIMITS.pointsPerPolygon} points, area skipped` });
      const points: [number, number][] = [];
      for (let i = 0; i < coords.length; i += 2) points.push([coords[i] * sx, coords[i + 1] * sy]);
      shape = { polygon: clampPolygon(points, width, height, `${at}.coords`, warnings) };
    } else {
      if (coords.length < 3) return warnings.push({ path: `${at}.coords`, message: `a circle needs 3 numbers (x,y,r), got ${coords.length}, area skipped` });
      if (coords.length > 3) warnings.push({ path: `${at}.coords`, message: `a circle takes 3 numbers, got ${coords.length}: the rest ignored` });
      const [cx, cy, r] = coords;
      if (r <= 0) return warnings.push({ path: `${at}.coords`, message: 'a circle of radius 0 or less, area skipped' });
      const points: [number, number][] = [];
      for (let k = 0; k < CIRCLE_SIDES; k++) {
        const angle = (2 * Math.PI * k) / CIRCLE_SIDES;
        points.push([(cx + r * Math.cos(angle)) * sx, (cy + r * Math.sin(angle)) * sy]);
      }
      warnings.push({ path: at, message: `a circle, approximated by a ${CIRCLE_SIDES}-sided polygon` });
      shape = { polygon: clampPolygon(points, width, height, `${at}.coords`, warnings) };
    }

    const { key, problem } = hrefKey(area.getAttribute('href'));
    if (problem) warnings.push({ path: `${at}.href`, message: `${problem}: dropped, the area stands alone` });
    const headline = clean(area.getAttribute('alt') ?? '') || clean(area.getAttribute('title') ?? '') || undefined;
    let group = key === undefined ? undefined : byHref.get(key);
    if (!group) {
      group = { fallback: key ?? '', shapes: [] };
      groups.push(group);
      if (key !== undefined) byHref.set(key, group);
    }
    group.headline ??= headline;
    group.shapes.push(shape);
  });
  if (!groups.length) throw new ImportError('map', 'no area could be mapped (see the warnings): the edition would have no articles');

  const page: Page = {
    id: 'p1',
    label: fitText(options.pageLabel ?? '1', LIMITS.textLength, 'options.pageLabel', 'page label', warnings),
    width: round(width),
    height: round(height),
    scan: { src: image.src, width, height },
    regions: [],
  };
  const ids = new IdFactory('a');
  const articles: Article[] = groups.map((group, g) => {
    const at = `articles[${g}]`;
    let headline = group.headline ?? clean(group.fallback);
    if (!headline) {
      headline = `Article ${g + 1}`;
      warnings.push({ path: `${at}.headline`, message: `no alt, title or href: the headline reads "${headline}"` });
    }
    headline = fitText(headline, LIMITS.textLength, `${at}.headline`, 'headline', warnings);
    warnings.push({ path: `${at}.paragraphs`, message: 'an image map has no article text: the headline stands in as the only paragraph; supply the text' });
    const id = ids.next(undefined, g + 1);
    for (const chunk of chunkShapes(group.shapes)) page.regions!.push({ article: id, shapes: chunk });
    return { id, headline, paragraphs: [headline] };
  });

  const title = options.title ?? (clean(doc.getElementsByTagName('title')[0]?.textContent ?? '') || undefined);
  if (!title) throw new ImportError('options.title', 'no title: the HTML has no <title>; pass options.title');
  if (!options.date) throw new ImportError('options.date', 'no date: an image map carries none; pass options.date (YYYY-MM-DD)');
  const htmlLang = doc.documentElement.getAttribute('lang');
  const lang = options.lang ?? (isLanguageTag(htmlLang) ? htmlLang : undefined);
  if (!lang) warnings.push({ path: 'html', message: 'no language found (no lang on <html>): the edition is marked "und"; pass options.lang' });

  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? (slug(mapName(map)) || 'image-map'),
    title: fitText(title, LIMITS.textLength, 'title', 'title', warnings),
    date: options.date,
    lang: lang ?? 'und',
    pageCount: 1,
    articles,
    pages: [page],
  };
  return { edition: validateEdition(edition), warnings };
}
