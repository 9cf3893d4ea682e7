// Over 400 lines: the mapping of one format, from its manifest to an edition; what it reads apart
// (targets, text, scans, collections, JSON) is in the iiif-*.ts modules beside it.
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
 *
 * This file is the import's outline; its parts are beside it: `iiif-json.ts` (reading the JSON,
 * language maps, version 2), `iiif-collection.ts` (Collections, what a manifest points at),
 * `iiif-targets.ts` (canvas targets and `xywh`), `iiif-scan.ts` (a canvas's image) and
 * `iiif-text.ts` (annotation text, paragraphs, ALTO boxes). {@link importIiifManifest} stays one
 * function (about 340 lines): its stages (pages, the canvases' text, ranges, the fallback without
 * ranges, the text left outside) share the maps of canvases, lines and ALTO it builds.
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
import { children as childrenNamed, descendants as descendantsNamed } from './dom.js';
import { groupAltoBlocks } from './alto.js';
import { editionId, editionLanguage, parseDate } from './text.js';
import {
  asArray,
  firstLanguage,
  idOf,
  isObject,
  isPresentation2,
  latinLabel,
  resolveLanguageMap,
  str,
  typeOf,
  upgraded,
  type Json,
} from './iiif-json.js';
import { blockBox, centerIn, isAlto, linesOf, pagesOf, paragraphsFromLines, paragraphsOf, type TextLine } from './iiif-text.js';
import { parseXywh, targetOf } from './iiif-targets.js';
import { positiveNumber, scanOf } from './iiif-scan.js';

export { resolveLanguageMap } from './iiif-json.js';
export { iiifCollectionManifests, iiifReferences, type CollectionItem } from './iiif-collection.js';

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

interface CanvasInfo {
  page: Page | undefined;
  width: number;
  height: number;
  json: Json;
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
      warnings.push({ path: at, message: `${scan}, page skipped`, leftOut: true });
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
