// Over 400 lines: the mapping of one format, from METS's maps to an edition; ALTO pages, METS
// structure and articles are read in alto-page.ts, mets.ts and mets-article.ts beside it.
/**
 * METS/ALTO → editions. The physical structMap gives the pages (each with its page image and its
 * ALTO file, through the fileSec); the logical structMap gives the units of the paper: articles,
 * and what is not an article (advertisements, the title section, publishing statements,
 * illustrations), each kept with its `kind`. A unit's areas point (FILEID + BEGIN/END, BETYPE
 * IDREF) at ALTO blocks or at ranges of words, either from the logical div itself or through the
 * structLink (smLink from the logical div to a physical area div): their boxes become the unit's
 * regions and their text its parts.
 *
 * Parts of a unit by the TYPE of the div they stand in: OVERLINE (kicker), TITLE (headline),
 * SUBHEADLINE (subheads), AUTHOR (bylines), CAPTION (a photo's caption), ILLUSTRATION (a photo),
 * anything else body text; the enclosing SECTION's LABEL is the banner (栏目). A unit's LABEL is
 * the headline when it has no TITLE.
 *
 * XML is read with a DOMParser: the browser's by default; in Node pass `options.parseXml` (the
 * `e-paper` command brings @xmldom/xmldom).
 *
 * This file is the import's outline; `mets.ts` reads the METS (its vocabulary of TYPEs, fileSec,
 * structLink) and `mets-article.ts` makes a unit's text an article. {@link importMetsAlto} stays
 * one function (about 360 lines): its steps share the maps of files, pages and ALTO it builds.
 */
import { LIMITS, type Article, type Edition, type Page, type Shape } from '../schema.js';
import { validateEdition } from '../validate.js';
import {
  IdFactory,
  ImportError,
  chunkShapes,
  clean,
  documentParser,
  fitText,
  parseWith,
  slug,
  type ImportResult,
  type ImportWarning,
  type ParseDocument,
} from './common.js';
import { attr, children, descendants, elementChildren, nameOf, numberAttr } from './dom.js';
import { BLOCKS, HEADING, piecesOf, readAltoPage, shapeOf, textBlockOf, wordRange, type AltoPage, type TextPiece } from './alto-page.js';
import { editionId, editionLanguage, parseDate } from './text.js';
import { resolveImageHref, type ImageMapper } from './images.js';
import {
  CONTAINERS,
  UNIT_KINDS,
  isImage,
  isWebImage,
  looksLikeText,
  modsLanguage,
  readFileSec,
  readStructLink,
  roleOf,
  type MetsFile,
  type Role,
  type Unit,
  type UnitArea,
} from './mets.js';
import { buildArticle } from './mets-article.js';

export { altoLinesText } from './alto-page.js';

export interface MetsAltoImportOptions {
  /** Edition id; else the publication (title) and the date: see {@link editionId}. */
  id?: string;
  /** Edition title; else the METS LABEL, the outermost logical div's LABEL or the MODS title. */
  title?: string;
  /** YYYY-MM-DD; else the MODS dateIssued, in any of the forms {@link parseDate} reads. */
  date?: string;
  /** BCP 47; else a MODS languageTerm of an RFC authority, else the first LANG in the ALTO files, else told from the text. */
  lang?: string;
  /** The resolution that turns mm10 and inch1200 into pixels (page units). Default 300. */
  dpi?: number;
  /** The URL relative image hrefs are resolved against; they stay relative without it. */
  base?: string;
  /** Maps a page's master image (a JPEG 2000 or TIFF href) to the web image to show. */
  image?: ImageMapper;
  /** XML parser, `(text) => Document`; defaults to the platform's DOMParser (browsers). */
  parseXml?: ParseDocument;
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
  if (!(typeof dpi === 'number' && Number.isFinite(dpi) && dpi > 0))
    throw new ImportError('options.dpi', `expected a positive number, got ${String(dpi)}`);
  const parse = documentParser(options.parseXml, 'application/xml', 'parseXml');
  const root = parseWith(parse, mets, 'mets', 'XML').documentElement;
  if (nameOf(root) !== 'mets') throw new ImportError('mets', `expected a METS document (root element mets), got <${root.nodeName}>`);

  const files = readFileSec(root);
  const structMaps = children(root, 'structMap');
  const logical = structMaps.find((map) => /logical/i.test(attr(map, 'TYPE') ?? ''));
  if (!logical) throw new ImportError('mets.structMap', 'no logical structMap (structMap TYPE="LOGICAL"): no articles to import');
  const physical = structMaps.find((map) => /physical/i.test(attr(map, 'TYPE') ?? ''));
  if (!physical) throw new ImportError('mets.structMap', 'no physical structMap (structMap TYPE="PHYSICAL"): no pages to import');
  const structLink = readStructLink(root);

  // ALTO texts by the href METS gives: exact, then without "./", then by unique file name.
  const hrefs = Object.keys(altoByHref);
  const altoKey = (file: MetsFile | undefined): string | undefined => {
    const href = file?.href;
    if (!href) return undefined;
    if (Object.hasOwn(altoByHref, href)) return href;
    const bare = href.replace(/^file:\/\//i, '').replace(/^\.\//, '');
    const same = hrefs.find((key) => key.replace(/^\.\//, '') === bare);
    if (same) return same;
    const name = bare.split('/').pop();
    const byName = hrefs.filter((key) => key.split('/').pop() === name);
    return byName.length === 1 ? byName[0] : undefined;
  };

  // Pages: the outermost physical divs that point at files, in ORDER. Divs with files inside a
  // page are areas of it (the structLink kind), never pages of their own.
  const hasFptr = (div: Element) => children(div, 'fptr').length > 0;
  const insidePage = (div: Element) => {
    for (let up = div.parentNode as Element | null; up && up !== physical; up = up.parentNode as Element | null)
      if (nameOf(up) === 'div' && hasFptr(up)) return true;
    return false;
  };
  let pageDivs = descendants(physical, 'div').filter((div) => hasFptr(div) && !insidePage(div));
  if (pageDivs.every((div) => numberAttr(div, 'ORDER') !== undefined))
    pageDivs = pageDivs
      .map((div, i) => ({ div, i }))
      .sort((a, b) => numberAttr(a.div, 'ORDER')! - numberAttr(b.div, 'ORDER')! || a.i - b.i)
      .map(({ div }) => div);
  const pageIds = new IdFactory('p');
  const altoPages = new Map<string, AltoPage>();
  const pageOfDiv = new Map<Element, AltoPage>();
  const pages: Page[] = [];
  pageDivs.forEach((div, d) => {
    const at = `div[${attr(div, 'ID') ?? `#${d + 1}`}]`;
    const fileIds = children(div, 'fptr').flatMap((fptr) => [
      attr(fptr, 'FILEID'),
      ...descendants(fptr, 'area').map((a) => attr(a, 'FILEID')),
    ]);
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
        leftOut: true,
      });
      return;
    }
    const key = altoKey(altoFile)!;
    const apath = `alto[${key}]`;
    if (altoPages.has(key)) {
      warnings.push({ path: at, message: `ALTO file "${key}" already makes an earlier page, page skipped`, leftOut: true });
      return;
    }
    let alto: AltoPage | string;
    try {
      alto = readAltoPage(parseWith(parse, altoByHref[key], apath, 'XML').documentElement, key, apath, dpi, warnings);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      alto = error.message.replace(`${apath}: `, '');
    }
    if (typeof alto === 'string') {
      warnings.push({ path: apath, message: `${alto}, page skipped`, leftOut: true });
      return;
    }
    const images = pageFiles.filter(isImage);
    const label = attr(div, 'ORDERLABEL') ?? attr(div, 'LABEL') ?? attr(div, 'ORDER') ?? String(d + 1);
    const image = images.find(isWebImage) ?? images[0];
    let href = image?.href;
    if (!href && alto.fileName) {
      href = alto.fileName;
      warnings.push({ path: at, message: `no page image in METS: the ALTO sourceImageInformation "${href}" is used` });
    }
    if (!href) {
      warnings.push({
        path: at,
        message: image
          ? `the page image (FILEID ${image.id}) has no FLocat href, page skipped`
          : 'no page image (USE IMAGE or MIMETYPE image/*), page skipped',
        leftOut: true,
      });
      return;
    }
    const src = resolveImageHref(href, { base: options.base, image: options.image, label, order: pages.length + 1 }, at, warnings);
    if (!src) return;
    const page = alto.page;
    page.id = pageIds.next(attr(div, 'ID'), pages.length + 1);
    page.label = fitText(label, LIMITS.textLength, at, 'label', warnings);
    page.scan = { src };
    pages.push(page);
    altoPages.set(key, alto);
    pageOfDiv.set(div, alto);
    for (const inner of descendants(div, 'div')) pageOfDiv.set(inner, alto);
  });
  if (!pages.length)
    throw new ImportError(
      'mets.structMap',
      `no page could be imported from the physical structMap: ${warnings.map((w) => `${w.path}: ${w.message}`).join('; ') || 'no div points at files'}`,
    );
  const physicalById = new Map<string, Element>();
  for (const div of descendants(physical, 'div')) {
    const id = attr(div, 'ID');
    if (id) physicalById.set(id, div);
  }
  const lang0 = options.lang ?? modsLanguage(root) ?? [...altoPages.values()].map((a) => a.lang).find(Boolean);

  // Units: walk the logical structMap; containers pass their SECTION label down as the banner.
  const units: Unit[] = [];
  const walk = (div: Element, banner: string | undefined, path: string) => {
    for (const child of children(div, 'div')) {
      const type = (attr(child, 'TYPE') ?? '').toUpperCase();
      const cat = `${path}/${attr(child, 'ID') ?? type ?? 'div'}`;
      const kind = UNIT_KINDS[type];
      if (kind) {
        units.push({ div: child, kind, type, banner });
        // Articles nested in a unit are units of their own (the unit's areas leave them out).
        for (const inner of descendants(child, 'div'))
          if (UNIT_KINDS[(attr(inner, 'TYPE') ?? '').toUpperCase()] === 'news')
            units.push({ div: inner, kind: 'news', type: 'ARTICLE', banner });
        continue;
      }
      const ownAreas = children(child, 'fptr').length > 0 || structLink.has(attr(child, 'ID') ?? '\u0000');
      if (CONTAINERS.has(type) || !ownAreas || (structLink.has(attr(child, 'ID') ?? '') && linksOnlyPages(child))) {
        const label = attr(child, 'LABEL');
        walk(child, type === 'SECTION' && label ? clean(label) : banner, cat);
        continue;
      }
      units.push({ div: child, kind: 'other', type, banner, unknownType: true });
    }
  };
  // Whether a div's structLink targets are all whole pages (as DFG METS links every logical div).
  const linksOnlyPages = (div: Element) =>
    (structLink.get(attr(div, 'ID') ?? '') ?? []).every((id) => pageDivs.includes(physicalById.get(id)!));
  walk(logical, undefined, 'logical');
  if (!units.length)
    warnings.push({
      path: 'structMap[LOGICAL]',
      message: 'no unit (ARTICLE, ADVERTISEMENT, …) in the logical structMap: the edition has no articles',
    });

  const articleIds = new IdFactory('a');
  const articles: Article[] = [];
  // The ALTO text blocks some unit points at: the others are named in a warning at the end.
  const usedBlocks = new Set<Element>();
  units.forEach((unit, n) => {
    const { div } = unit;
    const at = `div[${attr(div, 'ID') ?? `${unit.type || 'unit'} #${n + 1}`}]`;
    if (unit.unknownType)
      warnings.push({ path: at, message: `TYPE "${attr(div, 'TYPE') ?? ''}" is not a kind the importer knows: kept as kind "other"` });
    // The unit's areas in document order with their roles; units nested inside are their own.
    const areas: UnitArea[] = [];
    const collect = (el: Element, role: Role, part: Element) => {
      const linked = (structLink.get(attr(el, 'ID') ?? '') ?? []).map((id) => ({ id, div: physicalById.get(id) }));
      for (const { id, div: target } of linked) {
        if (!target) warnings.push({ path: `${at}.structLink`, message: `links to "${id}", which is not a physical div, link skipped` });
        else if (pageDivs.includes(target)) {
          if (el === div && !children(el, 'fptr').length && !children(el, 'div').length)
            warnings.push({
              path: `${at}.structLink`,
              message: `links to the whole page "${id}", not to areas of it: no region from that link`,
            });
        } else for (const area of descendants(target, 'area')) areas.push({ area, role, part });
      }
      for (const child of elementChildren(el)) {
        const name = nameOf(child);
        if (name === 'div') {
          const type = (attr(child, 'TYPE') ?? '').toUpperCase();
          if (child !== div && UNIT_KINDS[type] === 'news') continue;
          const childRole = roleOf(type);
          const headingDiv = HEADING.test(type) && !childRole;
          collect(child, childRole ?? (headingDiv ? 'heading' : role), childRole ? child : part);
        } else if (name === 'fptr') {
          const inner = descendants(child, 'area');
          if (!inner.length && attr(child, 'FILEID'))
            warnings.push({ path: `${at}.fptr`, message: `points at the whole file ${attr(child, 'FILEID')}, not at blocks: skipped` });
          for (const area of inner) areas.push({ area, role, part });
        }
      }
    };
    collect(div, unit.kind === 'illustration' ? 'photo' : 'body', div);

    const pieces: (TextPiece & { role: Role; part: Element })[] = [];
    const shapesByPage = new Map<Page, Shape[]>();
    const seen = new Set<Element>();
    const addShape = (alto: AltoPage, shape: Shape | undefined) => {
      if (!shape) return;
      const shapes = shapesByPage.get(alto.page) ?? [];
      shapes.push(shape);
      shapesByPage.set(alto.page, shapes);
    };
    areas.forEach(({ area, role, part }, k) => {
      const aat = `${at}.area[${k}]`;
      const fileId = attr(area, 'FILEID');
      const file = fileId ? files.get(fileId) : undefined;
      if (!file)
        return warnings.push({
          path: aat,
          message: fileId ? `FILEID "${fileId}" is not in the fileSec, area skipped` : 'no FILEID, area skipped',
        });
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
      if (betype && betype.toUpperCase() !== 'IDREF')
        return warnings.push({ path: aat, message: `BETYPE ${betype} is not supported (expected IDREF), area skipped` });
      const begin = attr(area, 'BEGIN');
      if (!begin) return warnings.push({ path: aat, message: 'no BEGIN: the area points at no block, skipped' });
      const first = alto.byId.get(begin);
      if (!first) return warnings.push({ path: aat, message: `no element with ID "${begin}" in ${key}, area skipped` });
      const end = attr(area, 'END');
      const last = end ? alto.byId.get(end) : undefined;
      if (end && !last) warnings.push({ path: aat, message: `no element with ID "${end}" (END) in ${key}: BEGIN alone is used` });
      else if (last && last.index < first.index)
        warnings.push({ path: aat, message: `END "${end}" comes before BEGIN "${begin}": BEGIN alone is used` });
      const lastEl = last && last.index >= first.index ? last.el : first.el;
      // A range of words (the structLink kind points at words within blocks).
      if (nameOf(first.el) === 'String' && nameOf(lastEl) === 'String') {
        const range = wordRange(first.el, lastEl, alto, aat, warnings, lang0);
        for (const piece of range.pieces) {
          pieces.push({ ...piece, heading: piece.heading || role !== 'body', role, part });
          usedBlocks.add(piece.block);
        }
        for (const shape of range.shapes) addShape(alto, shape);
        return;
      }
      let targets = [first.el];
      if (lastEl !== first.el) {
        const picked: Element[] = [];
        const inPicked = (el: Element) => {
          for (let up = el.parentNode as Element | null; up && up.nodeType === 1; up = up.parentNode as Element | null)
            if (picked.includes(up)) return true;
          return false;
        };
        const lastIndex = alto.byId.get(attr(lastEl, 'ID') ?? '')!.index;
        for (const { el, index } of alto.byId.values())
          if (index >= first.index && index <= lastIndex && BLOCKS.has(nameOf(el)) && !inPicked(el)) picked.push(el);
        if (picked.length) targets = picked;
      }
      for (const el of targets) {
        const bat = `${alto.path}#${attr(el, 'ID') ?? nameOf(el)}`;
        if (seen.has(el)) {
          warnings.push({ path: aat, message: `${attr(el, 'ID') ?? nameOf(el)} is already part of this unit, skipped` });
          continue;
        }
        seen.add(el);
        for (const block of [textBlockOf(el) ?? el, ...descendants(el, 'TextBlock')]) usedBlocks.add(block);
        for (const piece of piecesOf(el, role !== 'body', alto, lang0)) pieces.push({ ...piece, role, part });
        addShape(alto, shapeOf(el, alto, bat, warnings));
      }
    });
    if (!shapesByPage.size) {
      const what = unit.kind === 'news' ? 'article' : `${unit.kind} (TYPE ${unit.type || 'none'})`;
      warnings.push({
        path: at,
        message: `${areas.length ? 'none of its areas could be placed on a page' : 'no areas on any page'}, ${what} skipped`,
      });
      return;
    }
    const article = buildArticle(unit, pieces, at, warnings, articles.length + 1);
    article.id = articleIds.next(attr(div, 'ID'), articles.length + 1);
    articles.push(article);
    for (const [page, shapes] of shapesByPage)
      for (const chunk of chunkShapes(shapes)) page.regions!.push({ article: article.id, shapes: chunk });
  });

  // Text on the pages that no unit points at is not in the edition: say which.
  if (units.length)
    for (const alto of altoPages.values()) {
      const unused = descendants(alto.root, 'TextBlock').filter((block) => !usedBlocks.has(block) && descendants(block, 'String').length);
      if (unused.length)
        warnings.push({
          path: alto.path,
          message: `${unused.length} text block(s) in no unit of the logical structMap, their text not in the edition: ${unused
            .slice(0, 10)
            .map((b) => attr(b, 'ID') ?? '(no ID)')
            .join(', ')}${unused.length > 10 ? '…' : ''}`,
        });
    }

  // The edition's own facts: options first, then METS and MODS.
  const mods = (name: string) => children(root, 'dmdSec').flatMap((sec) => descendants(sec, name));
  const outermost = children(logical, 'div')[0];
  const title =
    options.title ??
    attr(root, 'LABEL') ??
    (outermost && attr(outermost, 'LABEL')) ??
    mods('title')
      .map((t) => clean(t.textContent ?? ''))
      .find(Boolean);
  if (!title)
    throw new ImportError('mets', 'no title (no LABEL on mets or on the outermost logical div, no MODS title): pass options.title');
  const issued = mods('dateIssued')
    .map((d) => clean(d.textContent ?? ''))
    .filter(Boolean);
  const date = options.date ?? issued.map(parseDate).find(Boolean);
  if (!date)
    throw new ImportError(
      'mets',
      `no date (${issued.length ? `MODS dateIssued "${issued[0].slice(0, 40)}" is not a day in a form the importer reads` : 'no MODS dateIssued'}): pass options.date`,
    );
  const lang = editionLanguage(lang0, () => articles.flatMap((a) => [a.headline, ...a.paragraphs]).join('\n'), 'mets', warnings);
  const rights = mods('accessCondition')
    .map((el) => clean(el.textContent ?? ''))
    .find(Boolean);
  const publication =
    mods('title')
      .map((t) => clean(t.textContent ?? ''))
      .find(Boolean) ?? title;

  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? (editionId(publication, date) || slug(attr(root, 'OBJID') ?? '') || 'mets-edition'),
    title: fitText(title, LIMITS.textLength, 'mets', 'title', warnings),
    date,
    lang,
    pageCount: Math.max(pageDivs.length, pages.length),
    ...(rights && { rights: { attribution: fitText(rights, LIMITS.textLength, 'mods.accessCondition', 'rights statement', warnings) } }),
    articles,
    pages,
  };
  return { edition: validateEdition(edition), warnings };
}
