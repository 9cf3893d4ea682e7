/**
 * IIIF Presentation manifests → editions. Each Canvas becomes a scan page (page units are canvas
 * units), the image painted on it becomes the scan, and each Range whose items select parts of
 * canvases with `xywh` fragments becomes an article with one region per canvas.
 *
 * An article's text is, first found: the Range's `summary`; the annotations of its
 * `supplementary` collection; the canvas's text annotations (the cookbook's newspaper pattern:
 * `supplementing` TextualBody lines) inside its regions; the blocks of the canvas's `rendering`
 * ALTO inside them. A manifest without article ranges gets its articles from the ALTO (grouped as
 * {@link importAlto} does) or, with text annotations alone, one unit of kind `other` per page.
 * `requiredStatement` becomes the edition's attribution, `rights` its licence.
 *
 * Presentation 2 manifests are upgraded by `options.upgrade` (the `e-paper` command passes
 * @iiif/parser's); resources the manifest only points at (annotation pages, ALTO files) come
 * from `options.resources`, by URL ({@link iiifReferences} lists them). JSON in, no DOM needed
 * except to read ALTO (`options.parseXml`).
 */
import { LIMITS, type Article, type Edition, type Page, type Region, type Rect, type Shape } from '../schema.js';
import { validateEdition } from '../validate.js';
import {
  IdFactory,
  ImportError,
  chunkShapes,
  clean,
  clipRect,
  documentParser,
  fitText,
  isoDatePrefix,
  lastSegment,
  parseWith,
  round,
  slug,
  type ImportResult,
  type ImportWarning,
  type ParseDocument,
} from './common.js';
import { altoLinesText, readAltoPage, type AltoPage } from './alto-page.js';
import { children as childrenNamed, descendants as descendantsNamed, numberAttr } from './dom.js';
import { groupAltoBlocks } from './alto.js';
import { editionId, editionLanguage, isKnownLanguage, joinLines, parseDate } from './text.js';

export interface IiifImportOptions {
  /** Edition id; else taken from the manifest's URI. */
  id?: string;
  /** Edition title; else the manifest's label. */
  title?: string;
  /** BCP 47 language of the edition, also the first choice when reading language maps. */
  lang?: string;
  /** YYYY-MM-DD; else the date part of the manifest's `navDate`. */
  date?: string;
  /** The publication's name, for the default id (publication + date); else the manifest's label. */
  publication?: string;
  /** Upgrades a Presentation 2 manifest to 3 (such as @iiif/parser's `upgrade`); without it version 2 is refused. */
  upgrade?: (manifest: unknown) => unknown;
  /** Resources the manifest points at without embedding them, by URL: JSON (annotation pages, collections) or text (ALTO). */
  resources?: Record<string, unknown>;
  /** XML parser for `rendering` ALTO files; defaults to the platform's DOMParser (browsers). */
  parseXml?: ParseDocument;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
/** `id`, or `@id` as older (v2) service descriptions write it. */
const idOf = (value: unknown): string | undefined => (isObject(value) ? (str(value.id) ?? str(value['@id'])) : str(value));
const typeOf = (value: unknown): string | undefined => (isObject(value) ? (str(value.type) ?? str(value['@type'])) : undefined);

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
  return Object.keys(map).find((lang) => lang !== 'none' && lang !== '@none' && isKnownLanguage(lang));
}

/** A label's value in Latin letters, if any language gives one: ids read better from it. */
function latinLabel(label: unknown): string | undefined {
  const values = isObject(label) ? Object.values(label).flat() : [label];
  return values.find((value): value is string => typeof value === 'string' && /[A-Za-z]{2}/.test(value));
}

const isPresentation2 = (json: Json) => {
  const type = typeOf(json) ?? '';
  return (
    /^sc:/.test(type) || 'sequences' in json || 'manifests' in json || JSON.stringify(json['@context'] ?? '').includes('presentation/2')
  );
};

/** A Presentation 2 resource upgraded by the caller's upgrader, or an ImportError. */
function upgraded(json: Json, upgrade: IiifImportOptions['upgrade'], what: string): Json {
  if (!upgrade)
    throw new ImportError(
      'type',
      `a IIIF Presentation 2 ${what}: pass options.upgrade (such as @iiif/parser's upgrade), or use the e-paper command, which upgrades it`,
    );
  let out: unknown;
  try {
    out = upgrade(json);
  } catch (error) {
    throw new ImportError(
      '',
      `the Presentation 2 ${what} could not be upgraded: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
    );
  }
  if (!isObject(out)) throw new ImportError('', `the Presentation 2 ${what} could not be upgraded: the upgrader returned no object`);
  return out;
}

/** One manifest a Collection lists: its URI and what the Collection says of it. */
export interface CollectionItem {
  id: string;
  label?: string;
  navDate?: string;
}

/**
 * The manifests of a IIIF Collection (version 3, or 2 through `upgrade`), nested collections
 * included when embedded; each becomes an edition of the archive the `e-paper` command writes.
 */
export function iiifCollectionManifests(
  collection: unknown,
  upgrade?: IiifImportOptions['upgrade'],
): { label?: string; items: CollectionItem[]; warnings: ImportWarning[] } {
  if (!isObject(collection)) throw new ImportError('', 'expected a IIIF Collection (a JSON object)');
  const json = isPresentation2(collection) ? upgraded(collection, upgrade, 'collection') : collection;
  if (typeOf(json) !== 'Collection')
    throw new ImportError('type', `expected "Collection", got ${JSON.stringify(typeOf(json) ?? 'nothing')}`);
  const warnings: ImportWarning[] = [];
  const items: CollectionItem[] = [];
  const visit = (node: Json, at: string, depth: number) => {
    asArray(node.items).forEach((item, i) => {
      const iat = `${at}.items[${i}]`;
      if (!isObject(item)) return warnings.push({ path: iat, message: 'not an object, skipped' });
      const type = typeOf(item);
      if (type === 'Manifest' && idOf(item)) {
        const label = resolveLanguageMap(item.label, []).map(clean).join(' / ') || undefined;
        items.push({ id: idOf(item)!, ...(label && { label }), ...(str(item.navDate) && { navDate: str(item.navDate) }) });
      } else if (type === 'Collection' && Array.isArray(item.items) && depth < 8) visit(item, iat, depth + 1);
      else
        warnings.push({
          path: iat,
          message: `${type === 'Collection' ? 'a Collection that is only referenced' : `a ${type ?? 'resource of no type'}`}, not a manifest: skipped`,
        });
    });
  };
  visit(json, 'collection', 0);
  if (!items.length) throw new ImportError('items', 'the Collection lists no manifest');
  return { label: resolveLanguageMap(json.label, []).map(clean).join(' / ') || undefined, items, warnings };
}

const TEXT_MOTIVATIONS = new Set(['supplementing', 'commenting', 'transcribing', 'describing', 'sc:painting']);
const isAlto = (rendering: Json) =>
  /xml/i.test(str(rendering.format) ?? '') &&
  /alto/i.test(`${JSON.stringify(rendering.profile ?? '')} ${JSON.stringify(rendering.label ?? '')} ${idOf(rendering) ?? ''}`);

/**
 * The URLs a manifest points at without embedding what is there and that its import would use:
 * text annotation pages, `rendering` ALTO files, `supplementary` collections and their pages.
 * Those already in `resources` are left out: fetch these, add them, and ask again (a collection
 * names its pages only once fetched).
 */
export function iiifReferences(manifest: unknown, resources: Record<string, unknown> = {}): string[] {
  const wanted = new Set<string>();
  if (!isObject(manifest)) return [];
  const need = (id: string | undefined) => {
    if (id && /^https?:/i.test(id) && !Object.hasOwn(resources, id)) wanted.add(id);
  };
  for (const canvas of asArray(manifest.items)) {
    if (!isObject(canvas)) continue;
    for (const page of asArray(canvas.annotations)) if (isObject(page) && !Array.isArray(page.items)) need(idOf(page));
    for (const rendering of asArray(canvas.rendering)) if (isObject(rendering) && isAlto(rendering)) need(idOf(rendering));
  }
  const ranges = [...asArray(manifest.structures)];
  for (let range = ranges.pop(); range !== undefined; range = ranges.pop()) {
    if (!isObject(range)) continue;
    ranges.push(...asArray(range.items).filter((item) => isObject(item) && typeOf(item) === 'Range'));
    const supplementary = asArray(range.supplementary)[0];
    if (!isObject(supplementary) && typeof supplementary !== 'string') continue;
    const id = idOf(supplementary);
    const collection = id && isObject(resources[id]) ? resources[id] : supplementary;
    if (typeof collection === 'string' || (!Array.isArray(collection.items) && !collection.first)) need(id);
    else for (const page of pagesOf(collection, resources)) if (typeof page === 'string') need(page);
  }
  return [...wanted];
}

/** The annotation pages of a collection (`items`, or `first` and each `next`), resolved where possible, else their URLs. */
function pagesOf(collection: Json, resources: Record<string, unknown>): (Json | string)[] {
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
interface TextLine {
  text: string;
  canvas: string;
  rect?: Rect;
}

/** Text lines from annotation pages: bodies that are text (TextualBody, or a `value`), targets on canvases. */
function linesOf(pages: (Json | string)[], warnings: ImportWarning[], at: string): TextLine[] {
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
function paragraphsFromLines(lines: TextLine[], lang: string | undefined): string[] {
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
function blockBox(block: Element, factor: number): Rect | undefined {
  const [x, y, w, h] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => numberAttr(block, name));
  if (x === undefined || y === undefined || !(w! > 0) || !(h! > 0)) return undefined;
  return { x: x * factor, y: y * factor, w: w! * factor, h: h! * factor };
}

const centerIn = (rect: Rect, shapes: Shape[]) => {
  const cx = rect.x + rect.w / 2;
  const cy = rect.y + rect.h / 2;
  return shapes.some(
    (shape) =>
      'rect' in shape && cx >= shape.rect.x && cx <= shape.rect.x + shape.rect.w && cy >= shape.rect.y && cy <= shape.rect.y + shape.rect.h,
  );
};

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
  json: Json;
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
      return {
        canvas,
        fragment: hash,
        selectorProblem: `selector of type ${selectors.map((s) => typeOf(s) ?? typeof s).join(', ')} is not supported (expected a FragmentSelector)`,
      };
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
    const profile = asArray(service.profile)
      .filter((p): p is string => typeof p === 'string')
      .join(' ');
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
    warnings.push({
      path: paintings[1].path,
      message: `${paintings.length - 1} further painting annotation(s) ignored: only the first image becomes the scan`,
    });
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

  const width =
    positiveNumber(body.width) ?? positiveNumber(isObject(asArray(body.service)[0]) ? (asArray(body.service)[0] as Json).width : undefined);
  const height =
    positiveNumber(body.height) ??
    positiveNumber(isObject(asArray(body.service)[0]) ? (asArray(body.service)[0] as Json).height : undefined);
  const size = { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
  if (service) {
    const full = `${service}/full/max/0/default.jpg`;
    const srcset: { src: string; width: number }[] = [];
    // The Image API does not upscale without `^`: a 1000-wide copy only when the image is wider.
    if (width === undefined || width > 1000) srcset.push({ src: `${service}/full/1000,/0/default.jpg`, width: 1000 });
    if (width !== undefined) srcset.push({ src: full, width });
    // The service's own tiles, level 0 or above: the viewer reads its info.json (tile-layer.ts).
    return { src: full, ...size, ...(srcset.length ? { srcset } : {}), tiles: { service } };
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
export function importIiifManifest(input: unknown, options: IiifImportOptions = {}): ImportResult {
  const warnings: ImportWarning[] = [];
  if (!isObject(input))
    throw new ImportError(
      '',
      `expected a IIIF manifest (a JSON object), got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}`,
    );
  const manifest = isPresentation2(input)
    ? upgraded(input, options.upgrade, typeOf(input) === 'sc:Collection' ? 'collection' : 'manifest')
    : input;
  const type = typeOf(manifest);
  if (type === 'Collection')
    throw new ImportError(
      'type',
      'a IIIF Collection, not a manifest: import each of its manifests (iiifCollectionManifests lists them; the e-paper command writes them as an archive)',
    );
  if (type !== 'Manifest')
    throw new ImportError('type', `expected "Manifest", got ${type === undefined ? 'nothing' : JSON.stringify(type)}`);
  if (!Array.isArray(manifest.items) || manifest.items.length === 0)
    throw new ImportError('items', 'expected a list of canvases, but it is missing or empty');

  const lang = options.lang ?? firstLanguage(manifest.label);
  const preferred = lang ? [lang] : [];
  const text = (map: unknown) => resolveLanguageMap(map, preferred).map(clean).filter(Boolean);

  const title = options.title ?? text(manifest.label).join(' / ');
  if (!title) throw new ImportError('label', 'the manifest has no label: pass options.title');
  const date = options.date ?? isoDatePrefix(str(manifest.navDate)) ?? parseDate(str(manifest.navDate));
  if (!date) throw new ImportError('navDate', 'no date: the manifest has no navDate in YYYY-MM-DD form; pass options.date');

  // Pages, one per canvas.
  const pageIds = new IdFactory('p');
  const canvases = new Map<string, CanvasInfo>();
  const pages: Page[] = [];
  manifest.items.forEach((canvas, c) => {
    const at = `items[${c}]`;
    if (!isObject(canvas) || typeOf(canvas) !== 'Canvas')
      throw new ImportError(
        at,
        `expected a Canvas, got ${isObject(canvas) ? JSON.stringify(typeOf(canvas) ?? 'an untyped object') : typeof canvas}`,
      );
    const id = idOf(canvas);
    if (!id) throw new ImportError(`${at}.id`, 'expected the canvas URI, but it is missing');
    const width = positiveNumber(canvas.width);
    const height = positiveNumber(canvas.height);
    if (width === undefined)
      throw new ImportError(
        `${at}.width`,
        `expected a positive number, ${canvas.width === undefined ? 'but it is missing' : `got ${JSON.stringify(canvas.width)}`}`,
      );
    if (height === undefined)
      throw new ImportError(
        `${at}.height`,
        `expected a positive number, ${canvas.height === undefined ? 'but it is missing' : `got ${JSON.stringify(canvas.height)}`}`,
      );
    for (const [side, value] of [
      ['width', width],
      ['height', height],
    ] as const)
      if (value > LIMITS.pageUnits)
        throw new ImportError(`${at}.${side}`, `a canvas ${side} of ${value}, over the format's ${LIMITS.pageUnits}`);
    const scan = scanOf(canvas, at, warnings);
    if (typeof scan === 'string') {
      warnings.push({ path: at, message: `${scan}, page skipped` });
      canvases.set(id, { page: undefined, width, height, json: canvas });
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
    canvases.set(id, { page, width, height, json: canvas });
  });
  if (!pages.length) throw new ImportError('items', 'no canvas with an image: nothing to show');

  // Text the canvases carry: annotation lines, and ALTO files as `rendering`.
  const resources = options.resources ?? {};
  const linesByCanvas = new Map<string, TextLine[]>();
  const altoByCanvas = new Map<string, { alto: AltoPage; sx: number; sy: number }>();
  for (const [canvasId, info] of canvases) {
    if (!info.page) continue;
    const c = [...canvases.keys()].indexOf(canvasId);
    const pages = asArray(info.json.annotations).map((page) => {
      const id = idOf(page);
      return isObject(page) && Array.isArray(page.items)
        ? page
        : id && isObject(resources[id])
          ? resources[id]
          : (id ?? '(an annotation page without id)');
    });
    const lines = linesOf(pages, warnings, `items[${c}].annotations`).filter((line) => line.canvas === canvasId || !line.canvas);
    if (lines.length) linesByCanvas.set(canvasId, lines);
    asArray(info.json.rendering).forEach((rendering, r) => {
      if (!isObject(rendering) || !isAlto(rendering)) return;
      const rat = `items[${c}].rendering[${r}]`;
      const href = idOf(rendering) ?? '';
      const text = resources[href];
      if (typeof text !== 'string')
        return warnings.push({ path: rat, message: `the ALTO file ${href} was not given (not fetched): its text is not used` });
      try {
        const parse = documentParser(options.parseXml, 'application/xml', 'parseXml');
        const alto = readAltoPage(parseWith(parse, text, rat, 'XML').documentElement, href, rat, 300, warnings);
        if (typeof alto === 'string') return warnings.push({ path: rat, message: `${alto}: its text is not used` });
        altoByCanvas.set(canvasId, { alto, sx: info.width / alto.page.width, sy: info.height / alto.page.height });
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        warnings.push({ path: rat, message: `${error.message.replace(`${rat}: `, '')}: its text is not used` });
      }
    });
  }
  const scaled = (shape: Shape, sx: number, sy: number): Shape =>
    'rect' in shape
      ? { rect: { x: round(shape.rect.x * sx), y: round(shape.rect.y * sy), w: round(shape.rect.w * sx), h: round(shape.rect.h * sy) } }
      : { polygon: shape.polygon.map(([x, y]) => [round(x * sx), round(y * sy)] as [number, number]) };

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
      if (!isObject(item) && typeof item !== 'string')
        return problems.push({ path: iat, message: 'expected a Canvas, a part of one or a Range' });
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
      const rect =
        xywh.unit === 'percent'
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
      for (const problem of problems)
        warnings.push({ path: problem.path, message: `${problem.message}, ${skipped ? 'range' : 'item'} skipped` });
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
    const supplementary = asArray(range.supplementary)[0];
    if (!paragraphs.length && supplementary !== undefined) {
      const id = idOf(supplementary);
      const collection = id && isObject(resources[id]) ? resources[id] : isObject(supplementary) ? supplementary : undefined;
      const pages =
        collection && (Array.isArray(collection.items) || collection.first) ? pagesOf(collection, resources) : [id ?? '(no id)'];
      paragraphs = paragraphsFromLines(linesOf(pages, warnings, `${rat}.supplementary`), lang);
    }
    // Else the text inside its regions: annotation lines, then ALTO blocks.
    for (const [page, shapes] of shapesByPage) {
      if (paragraphs.length) break;
      const canvasId = [...canvases].find(([, info]) => info.page === page)?.[0] ?? '';
      const lines = (linesByCanvas.get(canvasId) ?? []).filter((line) => line.rect && centerIn(line.rect, shapes));
      paragraphs.push(...paragraphsFromLines(lines, lang));
      const rendered = altoByCanvas.get(canvasId);
      if (!lines.length && rendered) {
        for (const block of descendantsNamed(rendered.alto.root, 'TextBlock')) {
          const box = blockBox(block, rendered.alto.factor);
          if (!box || !centerIn({ x: box.x * rendered.sx, y: box.y * rendered.sy, w: box.w * rendered.sx, h: box.h * rendered.sy }, shapes))
            continue;
          const text = altoLinesText(childrenNamed(block, 'TextLine'), lang);
          if (text) paragraphs.push(text);
        }
      }
    }
    if (!paragraphs.length) {
      paragraphs = [headline];
      warnings.push({
        path: rat,
        message: 'no summary and no text on its regions: the label stands in as the only paragraph; supply the text',
      });
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
  // No article ranges: articles from the ALTO of each page, else the page's text as one unit.
  if (!articles.length) {
    let c = -1;
    for (const [canvasId, info] of canvases) {
      c++;
      const page = info.page;
      if (!page) continue;
      const rendered = altoByCanvas.get(canvasId);
      const lines = linesByCanvas.get(canvasId);
      if (rendered) {
        for (const group of groupAltoBlocks(rendered.alto, lang, warnings)) {
          const shapes = group.shapes.map((shape) => scaled(shape, rendered.sx, rendered.sy));
          const headline = fitText(
            group.headline ?? group.paragraphs[0] ?? `Illustration ${articles.length + 1}`,
            LIMITS.textLength,
            rendered.alto.path,
            'headline',
            warnings,
          );
          const id = articleIds.next(`${page.id}-${group.first.getAttribute('ID') ?? ''}`, articles.length + 1);
          articles.push({
            id,
            headline,
            paragraphs: (group.paragraphs.length ? group.paragraphs : [headline])
              .slice(0, LIMITS.paragraphs)
              .map((p) => fitText(p, LIMITS.paragraphLength, rendered.alto.path, 'paragraph', warnings)),
          });
          for (const chunk of chunkShapes(shapes)) page.regions!.push({ article: id, shapes: chunk });
        }
      } else if (lines?.length) {
        const boxes = lines.map((line) => line.rect).filter((rect): rect is Rect => !!rect);
        const all = boxes.length
          ? { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)), w: 0, h: 0 }
          : { x: 0, y: 0, w: info.width, h: info.height };
        if (boxes.length) {
          all.w = Math.max(...boxes.map((b) => b.x + b.w)) - all.x;
          all.h = Math.max(...boxes.map((b) => b.y + b.h)) - all.y;
        }
        const rect = clipRect(all, page.width, page.height, `items[${c}].annotations`, warnings);
        const paragraphs = paragraphsFromLines(lines, lang)
          .slice(0, LIMITS.paragraphs)
          .map((p) => fitText(p, LIMITS.paragraphLength, `items[${c}]`, 'paragraph', warnings));
        if (!rect || !paragraphs.length) continue;
        const id = articleIds.next(`${page.id}-text`, articles.length + 1);
        articles.push({
          id,
          kind: 'other',
          headline: fitText(`${page.label}: ${paragraphs[0]}`, 80, `items[${c}]`, 'headline', []),
          paragraphs,
        });
        page.regions!.push({ article: id, shapes: [{ rect }] });
        warnings.push({
          path: `items[${c}].annotations`,
          message:
            'text without article segmentation (no Range selects parts of this canvas, no ALTO): the page\'s text is one unit of kind "other"',
        });
      }
    }
  }
  if (!articles.length)
    warnings.push({
      path: 'structures',
      message: 'no Range selects parts of canvases (xywh), and no text on the canvases: the edition has no articles',
    });
  // Text that stands in no article's region is not in the edition: say how much, and where.
  let c = -1;
  for (const [canvasId, info] of canvases) {
    c++;
    const shapes = info.page?.regions?.flatMap((region) => region.shapes) ?? [];
    if (!info.page) continue;
    const lines = (linesByCanvas.get(canvasId) ?? []).filter((line) => line.rect && !centerIn(line.rect, shapes));
    if (lines.length)
      warnings.push({
        path: `items[${c}].annotations`,
        message: `${lines.length} text annotation(s) outside every article, their text not in the edition: "${lines[0].text.slice(0, 40)}"…`,
      });
    const rendered = altoByCanvas.get(canvasId);
    if (!rendered) continue;
    const blocks = descendantsNamed(rendered.alto.root, 'TextBlock').filter((block) => {
      const box = blockBox(block, rendered.alto.factor);
      return box && !centerIn({ x: box.x * rendered.sx, y: box.y * rendered.sy, w: box.w * rendered.sx, h: box.h * rendered.sy }, shapes);
    });
    if (blocks.length)
      warnings.push({
        path: rendered.alto.path,
        message: `${blocks.length} ALTO text block(s) outside every article, their text not in the edition: ${blocks
          .slice(0, 10)
          .map((b) => b.getAttribute('ID') ?? '(no ID)')
          .join(', ')}`,
      });
  }
  const editionLang = editionLanguage(lang, () => articles.flatMap((a) => [a.headline, ...a.paragraphs]).join('\n'), 'label', warnings);
  const attribution = isObject(manifest.requiredStatement) ? paragraphsOf(text(manifest.requiredStatement.value)).join(' ') : '';
  const license = str(manifest.rights) ?? str(manifest.license);

  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id:
      options.id ??
      (editionId(options.publication ?? latinLabel(manifest.label) ?? title, date) ||
        slug(lastSegment(idOf(manifest), ['manifest', 'iiif']) ?? '') ||
        'iiif-edition'),
    title: fitText(title, LIMITS.textLength, 'label', 'title', warnings),
    date,
    lang: editionLang,
    pageCount: manifest.items.length,
    ...((attribution || license) && {
      rights: {
        ...(attribution && { attribution: fitText(attribution, LIMITS.textLength, 'requiredStatement', 'attribution', warnings) }),
        ...(license && { license: fitText(license, LIMITS.textLength, 'rights', 'rights URL', warnings) }),
      },
    }),
    articles,
    pages,
  };
  return { edition: validateEdition(edition), warnings };
}
