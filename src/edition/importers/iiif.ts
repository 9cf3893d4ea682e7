/**
 * IIIF Presentation 3 manifests → editions. Each Canvas becomes a scan page (page units are canvas
 * units), the image painted on it becomes the scan, and each Range whose items select parts of
 * canvases with `xywh` fragments becomes an article with one region per canvas. Plain data in,
 * plain data out: no DOM, so it runs at build time in Node as well as in the browser.
 */
import { LIMITS, type Article, type Edition, type Page, type Region, type Rect } from '../schema.js';
import { validateEdition } from '../validate.js';
import {
  IdFactory,
  ImportError,
  chunkShapes,
  clean,
  clipRect,
  fitText,
  isLanguageTag,
  isoDatePrefix,
  lastSegment,
  round,
  slug,
  type ImportResult,
  type ImportWarning,
} from './common.js';

export interface IiifImportOptions {
  /** Edition id; else taken from the manifest's URI. */
  id?: string;
  /** Edition title; else the manifest's label. */
  title?: string;
  /** BCP 47 language of the edition, also the first choice when reading language maps. */
  lang?: string;
  /** YYYY-MM-DD; else the date part of the manifest's `navDate`. */
  date?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
/** `id`, or `@id` as older (v2) service descriptions write it. */
const idOf = (value: unknown): string | undefined => (isObject(value) ? str(value.id) ?? str(value['@id']) : str(value));
const typeOf = (value: unknown): string | undefined => (isObject(value) ? str(value.type) ?? str(value['@type']) : undefined);

/**
 * A language map's values in the preferred language: the best match for `preferred` (exact, then
 * same primary language), else the `none` values, else the first language given — the order the
 * Presentation API asks clients to follow. A plain string (as in older manifests) is taken as is.
 */
export function resolveLanguageMap(map: unknown, preferred: readonly string[]): string[] {
  if (typeof map === 'string') return map.trim() ? [map] : [];
  if (!isObject(map)) return [];
  const entries = Object.entries(map)
    .map(([lang, values]) => [lang, asArray(values).filter((v): v is string => typeof v === 'string' && v.trim() !== '')] as const)
    .filter(([, values]) => values.length > 0);
  if (!entries.length) return [];
  for (const want of preferred) {
    const exact = entries.find(([lang]) => lang.toLowerCase() === want.toLowerCase());
    if (exact) return exact[1];
  }
  for (const want of preferred) {
    const primary = want.split('-')[0].toLowerCase();
    const near = entries.find(([lang]) => lang.split('-')[0].toLowerCase() === primary);
    if (near) return near[1];
  }
  const none = entries.find(([lang]) => lang === 'none' || lang === '@none');
  return (none ?? entries[0])[1];
}

/** The first language (other than `none`) a language map offers. */
function firstLanguage(map: unknown): string | undefined {
  if (!isObject(map)) return undefined;
  return Object.keys(map).find((lang) => lang !== 'none' && lang !== '@none' && isLanguageTag(lang));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
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
function paragraphsOf(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const pieces = trimmed.startsWith('<') && trimmed.endsWith('>')
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

interface ParsedXywh {
  rect: Rect;
  unit: 'pixel' | 'percent';
}

/**
 * The `xywh=` media fragment in a fragment string (`xywh=1,2,3,4`, `xywh=pixel:…`, `xywh=percent:…`,
 * possibly after `t=…&`). Undefined when there is none; a string message when it is malformed.
 */
function parseXywh(fragment: string): ParsedXywh | string | undefined {
  const part = fragment
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.trim().toLowerCase().startsWith('xywh='));
  if (part === undefined) return undefined;
  let value = part.trim().slice(5);
  let unit: ParsedXywh['unit'] = 'pixel';
  const prefix = /^(pixel|percent):/i.exec(value);
  if (prefix) {
    unit = prefix[1].toLowerCase() as ParsedXywh['unit'];
    value = value.slice(prefix[0].length);
  } else if (/^[a-z]+:/i.test(value)) {
    return `unknown xywh unit "${value.split(':')[0]}" (expected pixel or percent)`;
  }
  const numbers = value.split(',').map((n) => n.trim());
  if (numbers.length !== 4 || numbers.some((n) => !/^\d+(\.\d+)?$/.test(n)))
    return `malformed xywh "${part.trim()}" (expected four non-negative numbers x,y,w,h)`;
  const [x, y, w, h] = numbers.map(Number);
  if (w <= 0 || h <= 0) return `empty xywh "${part.trim()}" (width and height must be above 0)`;
  return { rect: { x, y, w, h }, unit };
}

interface CanvasInfo {
  page: Page | undefined;
  width: number;
  height: number;
}

/** Where an item of a Range points: a canvas URI and the fragment, if any. */
function targetOf(item: Json): { canvas: string; fragment: string | undefined; selectorProblem?: string } | undefined {
  if (typeOf(item) === 'SpecificResource') {
    const source = idOf(item.source);
    if (!source) return undefined;
    const [canvas, hash] = splitFragment(source);
    const selectors = asArray(item.selector);
    for (const selector of selectors) {
      if (isObject(selector) && typeOf(selector) === 'FragmentSelector' && typeof selector.value === 'string')
        return { canvas, fragment: selector.value };
    }
    if (selectors.length)
      return { canvas, fragment: hash, selectorProblem: `selector of type ${selectors.map((s) => typeOf(s) ?? typeof s).join(', ')} is not supported (expected a FragmentSelector)` };
    return { canvas, fragment: hash };
  }
  const id = idOf(item);
  if (!id) return undefined;
  const [canvas, fragment] = splitFragment(id);
  return { canvas, fragment };
}

function splitFragment(uri: string): [string, string | undefined] {
  const hash = uri.indexOf('#');
  return hash < 0 ? [uri, undefined] : [uri.slice(0, hash), uri.slice(hash + 1)];
}

const IMAGE_SERVICE = /^(ImageService[123]|iiif:ImageService[123])$/;
const IMAGE_PROFILE = /iiif\.io\/api\/image\/[123]\//;

/** The IIIF Image API service of an image resource (or the resource itself, when it is one). */
function imageServiceOf(body: Json): string | undefined {
  const candidates = [body, ...asArray(body.service)];
  for (const service of candidates) {
    if (!isObject(service)) continue;
    const type = typeOf(service) ?? '';
    const profile = asArray(service.profile).filter((p): p is string => typeof p === 'string').join(' ');
    if (IMAGE_SERVICE.test(type) || (!type && IMAGE_PROFILE.test(profile)) || (type === 'ImageService' && IMAGE_PROFILE.test(profile))) {
      const id = idOf(service);
      if (id) return id.replace(/\/+$/, '').replace(/\/info\.json$/, '');
    }
  }
  return undefined;
}

const positiveNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

/** The scan of a canvas from its first painting annotation, or a reason there is none. */
function scanOf(canvas: Json, at: string, warnings: ImportWarning[]): Page['scan'] | string {
  const paintings: { annotation: Json; path: string }[] = [];
  asArray(canvas.items).forEach((page, p) => {
    if (!isObject(page)) return;
    asArray(page.items).forEach((annotation, a) => {
      if (isObject(annotation) && asArray(annotation.motivation).includes('painting'))
        paintings.push({ annotation, path: `${at}.items[${p}].items[${a}]` });
    });
  });
  if (!paintings.length) return 'no painting annotation (the canvas shows nothing)';
  if (paintings.length > 1)
    warnings.push({ path: paintings[1].path, message: `${paintings.length - 1} further painting annotation(s) ignored: only the first image becomes the scan` });
  const { annotation, path } = paintings[0];
  const target = idOf(asArray(annotation.target)[0]) ?? idOf(isObject(annotation.target) ? annotation.target.source : undefined);
  if (target && /#.*xywh=/.test(target))
    warnings.push({ path: `${path}.target`, message: 'the image is painted on part of the canvas only; it is shown over the whole page' });

  let body = asArray(annotation.body)[0];
  if (asArray(annotation.body).length > 1) warnings.push({ path: `${path}.body`, message: 'several bodies: the first is used' });
  if (isObject(body) && typeOf(body) === 'Choice') {
    const options = asArray(body.items);
    body = options.find((o) => isObject(o) && typeOf(o) === 'Image') ?? options[0];
    warnings.push({ path: `${path}.body`, message: 'a Choice of images: the first image is used' });
  }
  if (!isObject(body)) return `painting annotation without a body (${path}.body)`;
  const type = typeOf(body);
  const service = imageServiceOf(body);
  if (type !== 'Image' && !service) return `the painted resource is ${type ? `a ${type}` : 'untyped'}, not an Image or an image service`;

  const width = positiveNumber(body.width) ?? positiveNumber(isObject(asArray(body.service)[0]) ? (asArray(body.service)[0] as Json).width : undefined);
  const height = positiveNumber(body.height) ?? positiveNumber(isObject(asArray(body.service)[0]) ? (asArray(body.service)[0] as Json).height : undefined);
  const size = { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
  if (service) {
    const full = `${service}/full/max/0/default.jpg`;
    const srcset: { src: string; width: number }[] = [];
    // The Image API does not upscale without `^`: a 1000-wide copy only when the image is wider.
    if (width === undefined || width > 1000) srcset.push({ src: `${service}/full/1000,/0/default.jpg`, width: 1000 });
    if (width !== undefined) srcset.push({ src: full, width });
    return { src: full, ...size, ...(srcset.length ? { srcset } : {}) };
  }
  const src = idOf(body);
  if (!src) return `the image has no id (${path}.body.id)`;
  return { src, ...size };
}

/**
 * Turns a IIIF Presentation 3 Manifest (parsed JSON) into a validated edition, with warnings for
 * what could not be mapped. Throws an {@link ImportError} for input that is not such a manifest,
 * and lets the validator's `EditionError` through should the result still not be a valid edition.
 */
export function importIiifManifest(manifest: unknown, options: IiifImportOptions = {}): ImportResult {
  const warnings: ImportWarning[] = [];
  if (!isObject(manifest))
    throw new ImportError('', `expected a IIIF manifest (a JSON object), got ${Array.isArray(manifest) ? 'an array' : manifest === null ? 'null' : typeof manifest}`);
  const type = typeOf(manifest);
  if (type === 'sc:Manifest' || 'sequences' in manifest)
    throw new ImportError('type', 'a IIIF Presentation 2 manifest: only Presentation 3 is supported (type "Manifest" with items)');
  if (type !== 'Manifest') throw new ImportError('type', `expected "Manifest", got ${type === undefined ? 'nothing' : JSON.stringify(type)}`);
  if (!Array.isArray(manifest.items) || manifest.items.length === 0)
    throw new ImportError('items', 'expected a list of canvases, but it is missing or empty');

  const lang = options.lang ?? firstLanguage(manifest.label);
  const preferred = lang ? [lang] : [];
  const text = (map: unknown) => resolveLanguageMap(map, preferred).map(clean).filter(Boolean);

  const title = options.title ?? text(manifest.label).join(' / ');
  if (!title) throw new ImportError('label', 'the manifest has no label: pass options.title');
  const date = options.date ?? isoDatePrefix(str(manifest.navDate));
  if (!date) throw new ImportError('navDate', 'no date: the manifest has no navDate in YYYY-MM-DD form; pass options.date');
  if (!lang) warnings.push({ path: 'label', message: 'no language found: the edition is marked "und"; pass options.lang' });

  // Pages, one per canvas.
  const pageIds = new IdFactory('p');
  const canvases = new Map<string, CanvasInfo>();
  const pages: Page[] = [];
  manifest.items.forEach((canvas, c) => {
    const at = `items[${c}]`;
    if (!isObject(canvas) || typeOf(canvas) !== 'Canvas')
      throw new ImportError(at, `expected a Canvas, got ${isObject(canvas) ? JSON.stringify(typeOf(canvas) ?? 'an untyped object') : typeof canvas}`);
    const id = idOf(canvas);
    if (!id) throw new ImportError(`${at}.id`, 'expected the canvas URI, but it is missing');
    const width = positiveNumber(canvas.width);
    const height = positiveNumber(canvas.height);
    if (width === undefined) throw new ImportError(`${at}.width`, `expected a positive number, ${canvas.width === undefined ? 'but it is missing' : `got ${JSON.stringify(canvas.width)}`}`);
    if (height === undefined) throw new ImportError(`${at}.height`, `expected a positive number, ${canvas.height === undefined ? 'but it is missing' : `got ${JSON.stringify(canvas.height)}`}`);
    const scan = scanOf(canvas, at, warnings);
    if (typeof scan === 'string') {
      warnings.push({ path: at, message: `${scan}, page skipped` });
      canvases.set(id, { page: undefined, width, height });
      return;
    }
    let label = text(canvas.label).join(' / ');
    if (!label) {
      label = String(c + 1);
      warnings.push({ path: `${at}.label`, message: `no label: the page is labelled "${label}"` });
    }
    const page: Page = {
      id: pageIds.next(lastSegment(id), pages.length + 1),
      label: fitText(label, LIMITS.textLength, `${at}.label`, 'label', warnings),
      width: round(width),
      height: round(height),
      scan,
      regions: [],
    };
    pages.push(page);
    canvases.set(id, { page, width, height });
  });
  if (!pages.length) throw new ImportError('items', 'no canvas with an image: nothing to show');

  // Articles, one per range that selects parts of canvases.
  const articleIds = new IdFactory('a');
  const articles: Article[] = [];
  const visit = (range: unknown, at: string) => {
    if (!isObject(range)) {
      warnings.push({ path: at, message: 'expected a Range (an object), skipped' });
      return;
    }
    if (typeOf(range) !== 'Range') {
      warnings.push({ path: at, message: `expected a Range, got ${JSON.stringify(typeOf(range) ?? 'an untyped object')}, skipped` });
      return;
    }
    if (!Array.isArray(range.items)) {
      warnings.push({ path: at, message: 'a Range without items (referenced, not embedded), skipped' });
      return;
    }
    const shapesByPage = new Map<Page, Region['shapes']>();
    const problems: ImportWarning[] = [];
    const subranges: [Json, string][] = [];
    range.items.forEach((item, i) => {
      const iat = `${at}.items[${i}]`;
      if (isObject(item) && typeOf(item) === 'Range') return subranges.push([item, iat]);
      if (!isObject(item) && typeof item !== 'string') return problems.push({ path: iat, message: 'expected a Canvas, a part of one or a Range' });
      const target = targetOf(isObject(item) ? item : { id: item, type: 'Canvas' });
      if (!target) return problems.push({ path: iat, message: 'no canvas URI' });
      const canvas = canvases.get(target.canvas);
      if (!canvas) return problems.push({ path: iat, message: `canvas ${target.canvas} is not among the manifest's items` });
      if (target.selectorProblem) return problems.push({ path: iat, message: target.selectorProblem });
      const xywh = target.fragment === undefined ? undefined : parseXywh(target.fragment);
      if (xywh === undefined) return problems.push({ path: iat, message: 'no xywh fragment' });
      if (typeof xywh === 'string') return problems.push({ path: iat, message: xywh });
      if (!canvas.page) return problems.push({ path: iat, message: `canvas ${target.canvas} was skipped (no image)` });
      const r = xywh.rect;
      const rect = xywh.unit === 'percent'
        ? { x: (r.x / 100) * canvas.width, y: (r.y / 100) * canvas.height, w: (r.w / 100) * canvas.width, h: (r.h / 100) * canvas.height }
        : r;
      const clipped = clipRect(rect, canvas.page.width, canvas.page.height, iat, warnings);
      if (!clipped) return;
      const shapes = shapesByPage.get(canvas.page) ?? [];
      shapes.push({ rect: clipped });
      shapesByPage.set(canvas.page, shapes);
    });
    const skipped = shapesByPage.size === 0;
    // A range that only groups other ranges is a table of contents, not an article.
    if (!(skipped && subranges.length && !problems.length))
      for (const problem of problems) warnings.push({ path: problem.path, message: `${problem.message}, ${skipped ? 'range' : 'item'} skipped` });
    if (skipped && !problems.length && !subranges.length) warnings.push({ path: at, message: 'an empty Range, skipped' });
    if (!skipped) addArticle(range, at, shapesByPage);
    for (const [sub, sat] of subranges) visit(sub, sat);
  };
  const addArticle = (range: Json, rat: string, shapesByPage: Map<Page, Region['shapes']>) => {
    const id = articleIds.next(lastSegment(idOf(range)), articles.length + 1);
    let headline = text(range.label).join(' / ');
    if (!headline) {
      headline = `Article ${articles.length + 1}`;
      warnings.push({ path: `${rat}.label`, message: `no label: the headline reads "${headline}"` });
    }
    headline = fitText(headline, LIMITS.textLength, `${rat}.label`, 'label', warnings);
    let paragraphs = paragraphsOf(resolveLanguageMap(range.summary, preferred));
    if (!paragraphs.length) {
      paragraphs = [headline];
      warnings.push({ path: rat, message: 'no summary: the label stands in as the only paragraph; supply the text' });
    }
    if (paragraphs.length > LIMITS.paragraphs) {
      warnings.push({ path: `${rat}.summary`, message: `more than ${LIMITS.paragraphs} paragraphs, the rest dropped` });
      paragraphs = paragraphs.slice(0, LIMITS.paragraphs);
    }
    paragraphs = paragraphs.map((p, k) => fitText(p, LIMITS.paragraphLength, `${rat}.summary`, `paragraph ${k + 1}`, warnings));
    articles.push({ id, headline, paragraphs });
    for (const [page, shapes] of shapesByPage) for (const chunk of chunkShapes(shapes)) page.regions!.push({ article: id, shapes: chunk });
  };
  if (manifest.structures !== undefined && !Array.isArray(manifest.structures))
    throw new ImportError('structures', 'expected a list of Ranges');
  asArray(manifest.structures).forEach((range, r) => visit(range, `structures[${r}]`));
  if (!articles.length) warnings.push({ path: 'structures', message: 'no Range selects parts of canvases (xywh): the edition has no articles' });

  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? (slug(lastSegment(idOf(manifest), ['manifest', 'iiif']) ?? '') || 'iiif-edition'),
    title: fitText(title, LIMITS.textLength, 'label', 'title', warnings),
    date,
    lang: lang ?? 'und',
    pageCount: manifest.items.length,
    articles,
    pages,
  };
  return { edition: validateEdition(edition), warnings };
}
