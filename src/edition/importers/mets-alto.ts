/**
 * METS/ALTO → editions. The physical structMap gives the pages (each with its page image and its
 * ALTO file, through the fileSec); the logical structMap's ARTICLE divs give the articles, whose
 * `area`s point (FILEID + BEGIN/END, BETYPE IDREF) at ALTO blocks: the blocks' boxes become the
 * article's regions and their text its paragraphs, one per TextBlock.
 *
 * Page units are ALTO units converted to pixels at a stated resolution (`options.dpi`, 300 by
 * default): `pixel` stays as is, `mm10` is value / 254 × dpi, `inch1200` is value / 1200 × dpi.
 *
 * XML is read with a DOMParser: the browser's by default; in Node pass `options.parseXml`.
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
  firstChar,
  fitText,
  isCjk,
  isLanguageTag,
  isoDatePrefix,
  lastChar,
  parseWith,
  round,
  slug,
  type ImportResult,
  type ImportWarning,
  type ParseDocument,
} from './common.js';

export interface MetsAltoImportOptions {
  /** Edition id; else the METS OBJID. */
  id?: string;
  /** Edition title; else the METS LABEL, the outermost logical div's LABEL or the MODS title. */
  title?: string;
  /** YYYY-MM-DD; else the MODS dateIssued. */
  date?: string;
  /** BCP 47; else a MODS languageTerm of an RFC authority, else the first LANG in the ALTO files. */
  lang?: string;
  /** The resolution that turns mm10 and inch1200 into pixels (page units). Default 300. */
  dpi?: number;
  /** XML parser, `(text) => Document`; defaults to the platform's DOMParser (browsers). */
  parseXml?: ParseDocument;
}

const XLINK = 'http://www.w3.org/1999/xlink';
const BLOCKS = new Set(['TextBlock', 'Illustration', 'GraphicalElement', 'ComposedBlock']);
const HEADING = /^(heading|headline|title|main_title|maintitle)$/i;

// —— small DOM helpers that work with any DOM Level 2 implementation (no querySelector) ——

const nameOf = (el: Element): string => el.localName ?? el.nodeName.replace(/^.*:/, '');

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element);
  return out;
}

function children(el: Element, name: string): Element[] {
  return elementChildren(el).filter((child) => nameOf(child) === name);
}

/** Descendants named `name`, in document order. */
function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Element) => {
    for (const child of elementChildren(node)) {
      if (nameOf(child) === name) out.push(child);
      visit(child);
    }
  };
  visit(el);
  return out;
}

function attr(el: Element, name: string): string | undefined {
  const value = el.getAttribute(name);
  return value !== null && value.trim() !== '' ? value.trim() : undefined;
}

function hrefOf(el: Element): string | undefined {
  const value = el.getAttributeNS(XLINK, 'href') ?? el.getAttribute('xlink:href') ?? el.getAttribute('href');
  return value && value.trim() ? value.trim() : undefined;
}

function numberAttr(el: Element, name: string): number | undefined {
  const value = attr(el, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

// —— METS ——

interface MetsFile {
  id: string;
  href?: string;
  mimetype?: string;
  use?: string;
}

function readFileSec(root: Element): Map<string, MetsFile> {
  const files = new Map<string, MetsFile>();
  for (const fileSec of children(root, 'fileSec')) {
    for (const file of descendants(fileSec, 'file')) {
      const id = attr(file, 'ID');
      if (!id) continue;
      let use = attr(file, 'USE');
      for (let up = file.parentNode as Element | null; !use && up && up.nodeType === 1 && nameOf(up) === 'fileGrp'; up = up.parentNode as Element | null)
        use = attr(up, 'USE');
      const locat = children(file, 'FLocat')[0];
      files.set(id, { id, href: locat ? hrefOf(locat) : undefined, mimetype: attr(file, 'MIMETYPE'), use });
    }
  }
  return files;
}

const isImage = (file: MetsFile) => /^image\//i.test(file.mimetype ?? '') || /image/i.test(file.use ?? '');
const looksLikeText = (file: MetsFile) =>
  !isImage(file) && (/alto|text|ocr/i.test(file.use ?? '') || /xml/i.test(file.mimetype ?? '') || /\.xml$/i.test(file.href ?? ''));
const isWebImage = (file: MetsFile) =>
  /^image\/(jpeg|jpg|png|webp|gif|avif)$/i.test(file.mimetype ?? '') || /\.(jpe?g|png|webp|gif|avif)$/i.test(file.href ?? '');

// —— ALTO ——

interface AltoPage {
  key: string;
  path: string;
  page: Page;
  factor: number;
  byId: Map<string, { el: Element; index: number }>;
  tags: Map<string, string>;
  root: Element;
}

interface TextPiece {
  /** The TextBlock the text belongs to: consecutive pieces of one block make one paragraph. */
  block: Element;
  text: string;
  heading: boolean;
}

/**
 * The text of some lines. Strings are words: between two of them a space, except between CJK
 * characters (no spaces in CJK text) and, when no SP stands between them, next to a CJK character
 * ("2021年"). A line ending in HYP joins the next line without a space and without the hyphen;
 * SUBS_CONTENT of a HypPart1 string gives the whole word and its HypPart2 is then skipped.
 */
export function altoLinesText(lines: Element[]): string {
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
      const sep = gap === 'hyphen' ? '' : gap === 'space' ? (both ? '' : ' ') : either ? '' : ' ';
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
function textBlockOf(el: Element): Element | undefined {
  for (let up: Element | null = el; up && up.nodeType === 1; up = up.parentNode as Element | null) if (nameOf(up) === 'TextBlock') return up;
  return undefined;
}

function isHeadingBlock(el: Element, alto: AltoPage): boolean {
  if (HEADING.test(attr(el, 'TYPE') ?? '')) return true;
  return (attr(el, 'TAGREFS') ?? '').split(/\s+/).some((ref) => HEADING.test(alto.tags.get(ref) ?? ''));
}

/** Text pieces of one referenced ALTO element. */
function piecesOf(el: Element, heading: boolean, alto: AltoPage): TextPiece[] {
  const name = nameOf(el);
  const isHeading = heading || isHeadingBlock(el, alto);
  if (name === 'TextBlock') return [{ block: el, text: altoLinesText(children(el, 'TextLine')), heading: isHeading }];
  if (name === 'TextLine') return [{ block: textBlockOf(el) ?? el, text: altoLinesText([el]), heading: isHeading }];
  if (name === 'String') {
    const text = clean((attr(el, 'SUBS_TYPE') === 'HypPart1' && attr(el, 'SUBS_CONTENT')) || (el.getAttribute('CONTENT') ?? ''));
    return [{ block: textBlockOf(el) ?? el, text, heading: isHeading }];
  }
  if (name === 'ComposedBlock') return descendants(el, 'TextBlock').flatMap((block) => piecesOf(block, isHeading, alto));
  return [];
}

/** The region shape of an ALTO element: its Shape/Polygon if it has one, else its box. */
function shapeOf(el: Element, alto: AltoPage, path: string, warnings: ImportWarning[]): Shape | undefined {
  const { factor, page } = alto;
  const polygon = children(el, 'Shape').flatMap((shape) => children(shape, 'Polygon'))[0];
  const points = polygon ? (attr(polygon, 'POINTS') ?? '').split(/[\s,]+/).filter(Boolean).map(Number) : [];
  if (points.length >= 6 && points.length % 2 === 0 && points.every(Number.isFinite)) {
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
 * Turns a METS document and its ALTO files (text by the href the METS fileSec gives them) into a
 * validated edition, with warnings for what could not be mapped. Throws an {@link ImportError} for
 * input that cannot be read (not METS, no logical or physical structMap, no page, no date, no title).
 */
export function importMetsAlto(mets: string, altoByHref: Record<string, string>, options: MetsAltoImportOptions = {}): ImportResult {
  const warnings: ImportWarning[] = [];
  if (typeof mets !== 'string') throw new ImportError('mets', `expected the METS document as text, got ${typeof mets}`);
  if (!altoByHref || typeof altoByHref !== 'object') throw new ImportError('altoByHref', 'expected an object of ALTO texts by href');
  const dpi = options.dpi ?? 300;
  if (!(typeof dpi === 'number' && Number.isFinite(dpi) && dpi > 0)) throw new ImportError('options.dpi', `expected a positive number, got ${String(dpi)}`);
  const parse = documentParser(options.parseXml, 'application/xml', 'parseXml');
  const root = parseWith(parse, mets, 'mets', 'XML').documentElement;
  if (nameOf(root) !== 'mets') throw new ImportError('mets', `expected a METS document (root element mets), got <${root.nodeName}>`);

  const files = readFileSec(root);
  const structMaps = children(root, 'structMap');
  const logical = structMaps.find((map) => /logical/i.test(attr(map, 'TYPE') ?? ''));
  if (!logical) throw new ImportError('mets.structMap', 'no logical structMap (structMap TYPE="LOGICAL"): no articles to import');
  const physical = structMaps.find((map) => /physical/i.test(attr(map, 'TYPE') ?? ''));
  if (!physical) throw new ImportError('mets.structMap', 'no physical structMap (structMap TYPE="PHYSICAL"): no pages to import');

  // ALTO texts by the href METS gives: exact, then without "./", then by unique file name.
  const hrefs = Object.keys(altoByHref);
  const altoKey = (file: MetsFile | undefined): string | undefined => {
    const href = file?.href;
    if (!href) return undefined;
    if (Object.hasOwn(altoByHref, href)) return href;
    const bare = href.replace(/^\.\//, '');
    const same = hrefs.find((key) => key.replace(/^\.\//, '') === bare);
    if (same) return same;
    const name = bare.split('/').pop();
    const byName = hrefs.filter((key) => key.split('/').pop() === name);
    return byName.length === 1 ? byName[0] : undefined;
  };

  // Pages, from the physical structMap's divs that point at files, in ORDER.
  let pageDivs = descendants(physical, 'div').filter((div) => children(div, 'fptr').length > 0);
  if (pageDivs.every((div) => numberAttr(div, 'ORDER') !== undefined))
    pageDivs = pageDivs.map((div, i) => ({ div, i })).sort((a, b) => numberAttr(a.div, 'ORDER')! - numberAttr(b.div, 'ORDER')! || a.i - b.i).map(({ div }) => div);
  const pageIds = new IdFactory('p');
  const altoPages = new Map<string, AltoPage>();
  const pages: Page[] = [];
  pageDivs.forEach((div, d) => {
    const at = `div[${attr(div, 'ID') ?? `#${d + 1}`}]`;
    const fileIds = children(div, 'fptr').flatMap((fptr) => [attr(fptr, 'FILEID'), ...descendants(fptr, 'area').map((a) => attr(a, 'FILEID'))]);
    const pageFiles: MetsFile[] = [];
    for (const id of fileIds) {
      if (!id) continue;
      const file = files.get(id);
      if (!file) warnings.push({ path: at, message: `FILEID "${id}" is not in the fileSec` });
      else if (!pageFiles.includes(file)) pageFiles.push(file);
    }
    const altoFile = pageFiles.find((file) => altoKey(file) !== undefined);
    if (!altoFile) {
      const wanted = pageFiles.find(looksLikeText);
      warnings.push({
        path: at,
        message: wanted
          ? `missing ALTO file "${wanted.href ?? wanted.id}" (FILEID ${wanted.id}, not in altoByHref), page skipped`
          : 'no ALTO file among its files, page skipped',
      });
      return;
    }
    const key = altoKey(altoFile)!;
    const apath = `alto[${key}]`;
    if (altoPages.has(key)) {
      warnings.push({ path: at, message: `ALTO file "${key}" already makes an earlier page, page skipped` });
      return;
    }
    let alto: Element;
    try {
      alto = parseWith(parse, altoByHref[key], apath, 'XML').documentElement;
    } catch (error) {
      warnings.push({ path: apath, message: `${(error as ImportError).message.replace(`${apath}: `, '')}, page skipped` });
      return;
    }
    if (nameOf(alto) !== 'alto') {
      warnings.push({ path: apath, message: `not an ALTO document (root element <${alto.nodeName}>), page skipped` });
      return;
    }
    const layoutPages = children(alto, 'Layout').flatMap((layout) => children(layout, 'Page'));
    if (!layoutPages.length) {
      warnings.push({ path: apath, message: 'no Layout/Page, page skipped' });
      return;
    }
    if (layoutPages.length > 1) warnings.push({ path: apath, message: `${layoutPages.length} Layout/Page elements: only the first is read` });
    const factor = readUnit(alto, dpi, apath, warnings);
    const altoPage = layoutPages[0];
    let width = numberAttr(altoPage, 'WIDTH');
    let height = numberAttr(altoPage, 'HEIGHT');
    if (!(width! > 0 && height! > 0)) {
      const space = children(altoPage, 'PrintSpace')[0];
      const [x, y, w, h] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => (space ? numberAttr(space, name) : undefined));
      if (w! > 0 && h! > 0) {
        width = (x ?? 0) + w!;
        height = (y ?? 0) + h!;
        warnings.push({ path: `${apath}.Page`, message: 'no WIDTH/HEIGHT: the page is sized to its PrintSpace' });
      } else {
        warnings.push({ path: `${apath}.Page`, message: 'no WIDTH/HEIGHT and no PrintSpace size, page skipped' });
        return;
      }
    }
    const images = pageFiles.filter(isImage);
    let image = images.find(isWebImage) ?? images[0];
    if (image && !isWebImage(image)) warnings.push({ path: at, message: `the page image "${image.href}" (${image.mimetype ?? 'no MIMETYPE'}) may not show in browsers` });
    let src = image?.href;
    if (!src) {
      const fileName = descendants(alto, 'fileName')[0]?.textContent?.trim();
      if (fileName) {
        src = fileName;
        warnings.push({ path: at, message: `no page image in METS: the ALTO sourceImageInformation "${fileName}" is used` });
      } else {
        warnings.push({ path: at, message: image ? `the page image (FILEID ${image.id}) has no FLocat href, page skipped` : 'no page image (USE IMAGE or MIMETYPE image/*), page skipped' });
        return;
      }
    }
    const label = attr(div, 'ORDERLABEL') ?? attr(div, 'LABEL') ?? attr(div, 'ORDER') ?? String(d + 1);
    const page: Page = {
      id: pageIds.next(attr(div, 'ID'), pages.length + 1),
      label: fitText(label, LIMITS.textLength, at, 'label', warnings),
      width: round(width! * factor),
      height: round(height! * factor),
      scan: { src },
      regions: [],
    };
    const byId = new Map<string, { el: Element; index: number }>();
    let index = 0;
    const visit = (el: Element) => {
      const id = attr(el, 'ID');
      if (id && !byId.has(id)) byId.set(id, { el, index });
      index++;
      for (const child of elementChildren(el)) visit(child);
    };
    visit(alto);
    const tags = new Map<string, string>();
    for (const group of children(alto, 'Tags'))
      for (const tag of elementChildren(group)) {
        const id = attr(tag, 'ID');
        if (id) tags.set(id, attr(tag, 'LABEL') ?? attr(tag, 'TYPE') ?? '');
      }
    pages.push(page);
    altoPages.set(key, { key, path: apath, page, factor, byId, tags, root: alto });
  });
  if (!pages.length)
    throw new ImportError(
      'mets.structMap',
      `no page could be imported from the physical structMap: ${warnings.map((w) => `${w.path}: ${w.message}`).join('; ') || 'no div points at files'}`,
    );

  // Articles, from the logical structMap's ARTICLE divs at any depth.
  const articleIds = new IdFactory('a');
  const articles: Article[] = [];
  const articleDivs = descendants(logical, 'div').filter((div) => /^article$/i.test(attr(div, 'TYPE') ?? ''));
  if (!articleDivs.length) warnings.push({ path: 'structMap[LOGICAL]', message: 'no div of TYPE ARTICLE: the edition has no articles' });
  articleDivs.forEach((div, n) => {
    const at = `div[${attr(div, 'ID') ?? `article #${n + 1}`}]`;
    // The div's areas in document order, not those of articles nested inside it.
    const areas: { area: Element; heading: boolean }[] = [];
    const collect = (el: Element, heading: boolean) => {
      for (const child of elementChildren(el)) {
        const name = nameOf(child);
        if (name === 'div') {
          if (!/^article$/i.test(attr(child, 'TYPE') ?? '')) collect(child, heading || HEADING.test(attr(child, 'TYPE') ?? ''));
        } else if (name === 'fptr') {
          const inner = descendants(child, 'area');
          if (!inner.length && attr(child, 'FILEID'))
            warnings.push({ path: `${at}.fptr`, message: `points at the whole file ${attr(child, 'FILEID')}, not at blocks: skipped` });
          for (const area of inner) areas.push({ area, heading });
        }
      }
    };
    collect(div, false);

    const pieces: TextPiece[] = [];
    const shapesByPage = new Map<Page, Shape[]>();
    const seen = new Set<Element>();
    areas.forEach(({ area, heading }, k) => {
      const aat = `${at}.area[${k}]`;
      const fileId = attr(area, 'FILEID');
      const file = fileId ? files.get(fileId) : undefined;
      if (!file) return warnings.push({ path: aat, message: fileId ? `FILEID "${fileId}" is not in the fileSec, area skipped` : 'no FILEID, area skipped' });
      const key = altoKey(file);
      if (!key) {
        const message = isImage(file)
          ? `points at the image ${file.href ?? file.id}${attr(area, 'COORDS') ? ' with COORDS' : ''}: only areas on ALTO blocks are mapped, area skipped`
          : looksLikeText(file)
            ? `missing ALTO file "${file.href ?? file.id}" (not in altoByHref), area skipped`
            : `points at ${file.href ?? file.id}, which is not an ALTO file, area skipped`;
        return warnings.push({ path: aat, message });
      }
      const alto = altoPages.get(key);
      if (!alto) return warnings.push({ path: aat, message: `the ALTO file "${key}" makes no imported page, area skipped` });
      const betype = attr(area, 'BETYPE');
      if (betype && betype.toUpperCase() !== 'IDREF') return warnings.push({ path: aat, message: `BETYPE ${betype} is not supported (expected IDREF), area skipped` });
      const begin = attr(area, 'BEGIN');
      if (!begin) return warnings.push({ path: aat, message: 'no BEGIN: the area points at no block, skipped' });
      const first = alto.byId.get(begin);
      if (!first) return warnings.push({ path: aat, message: `no element with ID "${begin}" in ${key}, area skipped` });
      let targets = [first.el];
      const end = attr(area, 'END');
      if (end && end !== begin) {
        const last = alto.byId.get(end);
        if (!last) warnings.push({ path: aat, message: `no element with ID "${end}" (END) in ${key}: BEGIN alone is used` });
        else if (last.index < first.index) warnings.push({ path: aat, message: `END "${end}" comes before BEGIN "${begin}": BEGIN alone is used` });
        else {
          const picked: Element[] = [];
          const inPicked = (el: Element) => {
            for (let up = el.parentNode as Element | null; up && up.nodeType === 1; up = up.parentNode as Element | null) if (picked.includes(up)) return true;
            return false;
          };
          for (const { el, index } of alto.byId.values())
            if (index >= first.index && index <= last.index && BLOCKS.has(nameOf(el)) && !inPicked(el)) picked.push(el);
          if (picked.length) targets = picked;
        }
      }
      for (const el of targets) {
        const bat = `${alto.path}#${attr(el, 'ID') ?? nameOf(el)}`;
        if (seen.has(el)) {
          warnings.push({ path: aat, message: `${attr(el, 'ID') ?? nameOf(el)} is already part of this article, skipped` });
          continue;
        }
        seen.add(el);
        pieces.push(...piecesOf(el, heading, alto));
        const shape = shapeOf(el, alto, bat, warnings);
        if (!shape) continue;
        const shapes = shapesByPage.get(alto.page) ?? [];
        shapes.push(shape);
        shapesByPage.set(alto.page, shapes);
      }
    });
    if (!shapesByPage.size) {
      warnings.push({ path: at, message: areas.length ? 'none of its areas could be placed on a page, article skipped' : 'no areas, article skipped' });
      return;
    }

    // Paragraphs: one per TextBlock (consecutive pieces of one block join).
    const merged: TextPiece[] = [];
    for (const piece of pieces) {
      const previous = merged[merged.length - 1];
      if (previous && previous.block === piece.block && previous.heading === piece.heading) {
        const either = isCjk(lastChar(previous.text)) || isCjk(firstChar(piece.text));
        previous.text = clean(previous.text + (either ? '' : ' ') + piece.text);
      } else if (piece.text) merged.push({ ...piece });
    }
    const headings = merged.filter((p) => p.heading && p.text).map((p) => p.text);
    let paragraphs = merged.filter((p) => !p.heading && p.text).map((p) => p.text);
    const label = attr(div, 'LABEL') && clean(attr(div, 'LABEL')!);
    let headline = label ?? headings.shift();
    const subheads = headings.filter((h) => h.toLowerCase() !== headline?.toLowerCase());
    if (!headline && paragraphs.length) headline = paragraphs.length > 1 ? paragraphs.shift() : paragraphs[0];
    if (!headline) {
      headline = `Article ${articles.length + 1}`;
      warnings.push({ path: at, message: `no LABEL and no text: the headline reads "${headline}"` });
    }
    headline = fitText(headline, LIMITS.textLength, at, 'headline', warnings);
    if (!paragraphs.length) {
      paragraphs = [headline];
      warnings.push({ path: at, message: 'no text in its blocks: the headline stands in as the only paragraph; supply the text' });
    }
    if (paragraphs.length > LIMITS.paragraphs) {
      warnings.push({ path: at, message: `more than ${LIMITS.paragraphs} paragraphs: the rest are joined into the last` });
      paragraphs = [...paragraphs.slice(0, LIMITS.paragraphs - 1), paragraphs.slice(LIMITS.paragraphs - 1).join(' ')];
    }
    paragraphs = paragraphs.map((p, i) => fitText(p, LIMITS.paragraphLength, at, `paragraph ${i + 1}`, warnings));
    const id = articleIds.next(attr(div, 'ID'), articles.length + 1);
    const article: Article = { id, headline, paragraphs };
    if (subheads.length) article.subheads = subheads.slice(0, 10).map((s) => fitText(s, LIMITS.textLength, at, 'subhead', warnings));
    articles.push(article);
    for (const [page, shapes] of shapesByPage) for (const chunk of chunkShapes(shapes)) page.regions!.push({ article: id, shapes: chunk });
  });

  // The edition's own facts: options first, then METS and MODS.
  const mods = (name: string) => children(root, 'dmdSec').flatMap((sec) => descendants(sec, name));
  const outermost = children(logical, 'div')[0];
  const title =
    options.title ??
    attr(root, 'LABEL') ??
    (outermost && attr(outermost, 'LABEL')) ??
    mods('title').map((t) => clean(t.textContent ?? '')).find(Boolean);
  if (!title) throw new ImportError('mets', 'no title (no LABEL on mets or on the outermost logical div, no MODS title): pass options.title');
  const date = options.date ?? mods('dateIssued').map((d) => isoDatePrefix(d.textContent)).find(Boolean);
  if (!date) throw new ImportError('mets', 'no date (no MODS dateIssued in YYYY-MM-DD form): pass options.date');
  let lang =
    options.lang ??
    mods('languageTerm')
      .filter((term) => /^rfc\d+$/i.test(attr(term, 'authority') ?? ''))
      .map((term) => term.textContent?.trim())
      .find(isLanguageTag);
  const firstLang = (el: Element): string | undefined => {
    const value = attr(el, 'LANG') ?? attr(el, 'language');
    if (isLanguageTag(value)) return value;
    for (const child of elementChildren(el)) {
      const found = firstLang(child);
      if (found) return found;
    }
    return undefined;
  };
  for (const alto of altoPages.values()) lang ??= firstLang(alto.root);
  if (!lang) warnings.push({ path: 'mets', message: 'no language found: the edition is marked "und"; pass options.lang' });

  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? (slug(attr(root, 'OBJID') ?? '') || slug(attr(root, 'ID') ?? '') || 'mets-edition'),
    title: fitText(title, LIMITS.textLength, 'mets', 'title', warnings),
    date,
    lang: lang ?? 'und',
    pageCount: Math.max(pageDivs.length, pages.length),
    articles,
    pages,
  };
  return { edition: validateEdition(edition), warnings };
}
