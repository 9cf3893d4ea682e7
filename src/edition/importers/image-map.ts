/**
 * HTML image maps (`<map><area shape coords href alt>`), the form most existing e-paper sites use
 * (the 数字报 of Chinese papers among them), → a one-page scan edition. Areas whose hrefs differ
 * only in a query or a fragment are one (multi-part) article, and the same shape twice in one is
 * kept once; the href only groups, it is not kept (the format has no link field).
 *
 * The article's text comes from the article page the link points to, when the caller gives it
 * (`options.articlePages`, read by {@link readArticlePage}); its headline from that page, else
 * the area's alt or title, else the text of a link to the same page elsewhere on the page (数字报
 * pages list every title beside the map), else the href, with a warning.
 *
 * HTML is read with a DOMParser: the browser's by default; in Node pass `options.parseHtml` (the
 * `e-paper` command brings linkedom).
 */
import { LIMITS, type Article, type Edition, type Page, type Shape } from '../schema.js';
import { readArticlePage, type ArticlePage } from './article-page.js';
import { editionId, editionLanguage, isKnownLanguage } from './text.js';
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
  parseWith,
  round,
  type ImportResult,
  type ImportWarning,
  type ParseDocument,
} from './common.js';

export interface ImageMapImportOptions {
  /** The page image the map is drawn over; its pixels are the page units. */
  image: { src: string; width: number; height: number };
  /**
   * The size the coords were drawn for, when the `<img>` does not state it (the page showed the
   * image smaller than its file): coords are scaled from it to the image's size.
   */
  displaySize?: { width: number; height: number };
  /** The HTML of the article pages, by the href the map's areas give (query and fragment aside). */
  articlePages?: Record<string, string>;
  /** Edition id; else the title and the date (see {@link editionId}). */
  id?: string;
  /** Edition title; else the HTML document's title. */
  title?: string;
  /** YYYY-MM-DD. Required: an image map carries no date. */
  date?: string;
  /** BCP 47; else the `lang` of the HTML element if it names a language, else told from the text. */
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
  const items = text
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const bad = items.filter((item) => !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(item));
  if (bad.length)
    return `coords "${text.trim()}" holds ${bad.length === 1 ? 'a non-number' : 'non-numbers'}: ${bad
      .slice(0, 3)
      .map((b) => JSON.stringify(b))
      .join(', ')}`;
  return items.map(Number);
}

/** The kinds of href kept as grouping keys: http(s) URLs and relative references. */
function hrefKey(href: string | null): { key?: string; problem?: string } {
  if (href === null) return { problem: 'no href' };
  const value = href.trim();
  if (!value || value === '#') return { problem: `href ${JSON.stringify(href)} names no target` };
  // eslint-disable-next-line no-control-regex -- the control characters are what it removes
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value.replace(/[\u0000-\u0020]/g, ''));
  if (scheme && !/^https?$/i.test(scheme[1]))
    return { problem: `href "${value.slice(0, 60)}" is a ${scheme[1].toLowerCase()}: URL, not http(s) or relative` };
  return { key: value };
}

/** The href an article is known by: without its query and fragment (`content_1.htm?div=0` is `content_1.htm`). */
export function articleKey(href: string): string {
  return href.trim().replace(/[?#].*$/, '');
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
  if (!image || typeof image.src !== 'string' || !image.src.trim())
    throw new ImportError('options.image.src', 'expected the page image URL');
  for (const side of ['width', 'height'] as const) {
    const value = image[side];
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= LIMITS.pageUnits))
      throw new ImportError(
        `options.image.${side}`,
        `expected the image's ${side} in pixels (a positive number up to ${LIMITS.pageUnits}), got ${String(value)}`,
      );
  }
  const parseHtml = documentParser(options.parseHtml, 'text/html', 'parseHtml');
  const doc = parseWith(parseHtml, html, 'html', 'HTML');

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

  // Coordinates are CSS pixels of the displayed image: scale them when the <img> (or the caller)
  // says it is shown at another size than the image's own.
  const { width, height } = image;
  let sx = 1;
  let sy = 1;
  const shownW = (img && Number(img.getAttribute('width'))) || options.displaySize?.width;
  const shownH = (img && Number(img.getAttribute('height'))) || options.displaySize?.height;
  const sizeStated = !!(shownW && shownH && shownW > 0 && shownH > 0);
  if (sizeStated && (shownW !== width || shownH !== height)) {
    sx = width / shownW;
    sy = height / shownH;
    warnings.push({
      path: 'img',
      message: `coords are given for the image shown at ${shownW} × ${shownH}: scaled to ${width} × ${height}`,
    });
  }

  const areas = Array.from(map.getElementsByTagName('area'));
  if (!areas.length) throw new ImportError('map', `the map "${mapName(map)}" has no <area> elements`);

  // When nothing states the size the coords were drawn for, they must at least agree with the image's.
  if (!sizeStated) checkExtent(areas, width, height, warnings);

  // Titles the page itself gives its articles: the text of its other links, by href.
  const linkTitles = new Map<string, string>();
  for (const link of Array.from(doc.getElementsByTagName('a'))) {
    const href = link.getAttribute('href');
    const title = clean(link.textContent ?? '');
    if (href && title && !linkTitles.has(articleKey(href))) linkTitles.set(articleKey(href), title);
  }

  interface Group {
    key?: string;
    headline?: string;
    at: string;
    shapes: Shape[];
    seen: Set<string>;
  }
  const groups: Group[] = [];
  const byHref = new Map<string, Group>();
  areas.forEach((area, a) => {
    const at = `area[${a}]`;
    const { state, known } = shapeState(area.getAttribute('shape'));
    if (!known)
      warnings.push({ path: `${at}.shape`, message: `unknown shape "${area.getAttribute('shape')}", read as rect (as browsers do)` });
    if (state === 'default') return warnings.push({ path: at, message: 'shape "default" covers the whole image, not an article: skipped' });
    const coords = parseCoords(area.getAttribute('coords'));
    if (typeof coords === 'string') return warnings.push({ path: `${at}.coords`, message: `${coords}, area skipped` });
    let shape: Shape | undefined;
    if (state === 'rect') {
      if (coords.length < 4)
        return warnings.push({ path: `${at}.coords`, message: `a rect needs 4 numbers (x1,y1,x2,y2), got ${coords.length}, area skipped` });
      if (coords.length > 4)
        warnings.push({ path: `${at}.coords`, message: `a rect takes 4 numbers, got ${coords.length}: the rest ignored` });
      const [x1, y1, x2, y2] = coords;
      const rect = { x: Math.min(x1, x2) * sx, y: Math.min(y1, y2) * sy, w: Math.abs(x2 - x1) * sx, h: Math.abs(y2 - y1) * sy };
      if (rect.w === 0 || rect.h === 0) return warnings.push({ path: `${at}.coords`, message: 'an empty rect, area skipped' });
      const clipped = clipRect(rect, width, height, `${at}.coords`, warnings);
      if (!clipped) return;
      shape = { rect: clipped };
    } else if (state === 'poly') {
      if (coords.length % 2)
        return warnings.push({
          path: `${at}.coords`,
          message: `a poly needs pairs of numbers, got an odd count (${coords.length}), area skipped`,
        });
      if (coords.length < 6)
        return warnings.push({
          path: `${at}.coords`,
          message: `a poly needs at least 3 points (6 numbers), got ${coords.length}, area skipped`,
        });
      if (coords.length / 2 > LIMITS.pointsPerPolygon)
        return warnings.push({ path: `${at}.coords`, message: `more than ${LIMITS.pointsPerPolygon} points, area skipped` });
      const points: [number, number][] = [];
      for (let i = 0; i < coords.length; i += 2) points.push([coords[i] * sx, coords[i + 1] * sy]);
      shape = { polygon: clampPolygon(points, width, height, `${at}.coords`, warnings) };
    } else {
      if (coords.length < 3)
        return warnings.push({ path: `${at}.coords`, message: `a circle needs 3 numbers (x,y,r), got ${coords.length}, area skipped` });
      if (coords.length > 3)
        warnings.push({ path: `${at}.coords`, message: `a circle takes 3 numbers, got ${coords.length}: the rest ignored` });
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

    const { key: href, problem } = hrefKey(area.getAttribute('href'));
    if (problem) warnings.push({ path: `${at}.href`, message: `${problem}: dropped, the area stands alone` });
    const key = href === undefined ? undefined : articleKey(href);
    const headline = clean(area.getAttribute('alt') ?? '') || clean(area.getAttribute('title') ?? '') || undefined;
    let group = key === undefined ? undefined : byHref.get(key);
    if (!group) {
      group = { key, at, shapes: [], seen: new Set() };
      groups.push(group);
      if (key !== undefined) byHref.set(key, group);
    }
    group.headline ??= headline;
    // The same shape twice for one article (two areas, links differing in a query) is one.
    const signature = JSON.stringify(shape);
    if (group.seen.has(signature))
      return warnings.push({ path: at, message: `the same shape as an earlier area of ${key ?? 'this article'}: merged` });
    group.seen.add(signature);
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
  const pagesByKey = new Map<string, string>();
  for (const [href, text] of Object.entries(options.articlePages ?? {})) pagesByKey.set(articleKey(href), text);
  const articles: Article[] = groups.map((group, g) => {
    const at = `articles[${g}]`;
    const source = group.key !== undefined ? pagesByKey.get(group.key) : undefined;
    let content: ArticlePage | undefined;
    if (source !== undefined) {
      try {
        content = readArticlePage(parseWith(parseHtml, source, `page[${group.key}]`, 'HTML'), group.key!);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        warnings.push({ path: `page[${group.key}]`, message: `${error.message}: its text is not used` });
      }
    } else if (group.key !== undefined && options.articlePages)
      warnings.push({
        path: `${group.at}.href`,
        message: `the article page "${group.key}" was not found: the headline stands in as the text`,
      });
    let headline = content?.headline ?? group.headline ?? (group.key !== undefined ? linkTitles.get(group.key) : undefined);
    if (!headline && group.key) {
      headline = clean(group.key);
      warnings.push({
        path: `${at}.headline`,
        message: `no title for "${group.key}" (no alt, title, link text or article page): the href stands in as the headline`,
      });
    }
    if (!headline) {
      headline = `Article ${g + 1}`;
      warnings.push({ path: `${at}.headline`, message: `no alt, title or href: the headline reads "${headline}"` });
    }
    headline = fitText(headline, LIMITS.textLength, `${at}.headline`, 'headline', warnings);
    let paragraphs =
      content?.paragraphs
        .map((p, k) => fitText(p, LIMITS.paragraphLength, at, `paragraph ${k + 1}`, warnings))
        .slice(0, LIMITS.paragraphs) ?? [];
    if (!paragraphs.length) {
      paragraphs = [headline];
      if (!options.articlePages || source !== undefined)
        warnings.push({
          path: `${at}.paragraphs`,
          message: `${source !== undefined ? 'the article page has no text' : 'an image map has no article text'}: the headline stands in as the only paragraph; supply the text`,
        });
    }
    const id = ids.next(undefined, g + 1);
    for (const chunk of chunkShapes(group.shapes)) page.regions!.push({ article: id, shapes: chunk });
    const fit = (text: string, what: string) => fitText(text, LIMITS.textLength, at, what, warnings);
    return {
      id,
      ...(content?.kicker && { kicker: fit(content.kicker, 'kicker') }),
      headline,
      ...(content?.subheads.length && { subheads: content.subheads.slice(0, 10).map((s) => fit(s, 'subhead')) }),
      ...(content?.bylines.length && { bylines: content.bylines.slice(0, 10).map((s) => fit(s, 'byline')) }),
      paragraphs,
      ...(content?.photos.length && {
        photos: content.photos.slice(0, 20).map((photo) => ({
          src: fit(photo.src, 'photo URL'),
          ...(photo.alt && { alt: fit(photo.alt, 'photo alt') }),
          ...(photo.caption && { caption: fit(photo.caption, 'caption') }),
        })),
      }),
    };
  });

  const title = options.title ?? (clean(doc.getElementsByTagName('title')[0]?.textContent ?? '') || undefined);
  if (!title) throw new ImportError('options.title', 'no title: the HTML has no <title>; pass options.title');
  if (!options.date) throw new ImportError('options.date', 'no date: an image map carries none; pass options.date (YYYY-MM-DD)');
  const htmlLang = doc.documentElement.getAttribute('lang');
  if (htmlLang && !isKnownLanguage(htmlLang) && !options.lang)
    warnings.push({ path: 'html.lang', message: `lang="${htmlLang.slice(0, 40)}" names no language (a charset?): ignored` });
  const lang = editionLanguage(
    options.lang ?? (htmlLang && isKnownLanguage(htmlLang) ? htmlLang : undefined),
    () => [title, ...articles.flatMap((a) => [a.headline, ...a.paragraphs])].join('\n'),
    'html',
    warnings,
  );

  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? editionId(title, options.date),
    title: fitText(title, LIMITS.textLength, 'title', 'title', warnings),
    date: options.date,
    lang,
    pageCount: 1,
    articles,
    pages: [page],
  };
  return { edition: validateEdition(edition), warnings };
}

/**
 * Warns when the areas' coords disagree with the image's size and nothing states the size they
 * were drawn for: areas reaching past the image, or all of them within its top-left part (drawn
 * over a smaller display of it), misplace every region.
 */
function checkExtent(areas: Element[], width: number, height: number, warnings: ImportWarning[]): void {
  let maxX = 0;
  let maxY = 0;
  for (const area of areas) {
    const coords = parseCoords(area.getAttribute('coords'));
    if (typeof coords === 'string') continue;
    const circle = shapeState(area.getAttribute('shape')).state === 'circle';
    const xs = circle ? [coords[0] + (coords[2] ?? 0)] : coords.filter((_, i) => i % 2 === 0);
    const ys = circle ? [coords[1] + (coords[2] ?? 0)] : coords.filter((_, i) => i % 2 === 1);
    maxX = Math.max(maxX, ...xs);
    maxY = Math.max(maxY, ...ys);
  }
  if (maxX > width * 1.02 || maxY > height * 1.02)
    warnings.push({
      path: 'map',
      message: `the areas reach ${round(maxX)} × ${round(maxY)}, past the image's ${width} × ${height}, and the <img> states no size: is the image size right? Give the size the coords were drawn for (--display-size, options.displaySize)`,
    });
  else if (maxX > 0 && maxX < width * 0.6 && maxY < height * 0.6)
    warnings.push({
      path: 'map',
      message: `the areas reach only ${round(maxX)} × ${round(maxY)} of the image's ${width} × ${height}, and the <img> states no size: were the coords drawn over a smaller display of it? Give that size (--display-size, options.displaySize)`,
    });
}
