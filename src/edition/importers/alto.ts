/**
 * ALTO pages without METS (the commonest OCR output) → an edition of scan pages. ALTO knows
 * blocks, not articles, so articles are grouped by one rule, stated in every result's warnings:
 *
 * - the blocks are read in document order (ComposedBlocks opened, their blocks in order);
 * - a heading block starts a new article: TYPE or a tag says heading/headline/title, or its text
 *   is set at least 1.4 times the page's commonest font size (TextStyle FONTSIZE);
 * - every following block joins that article (text blocks as paragraphs, illustrations as
 *   regions) until the next heading; blocks before the first heading make an article of their own;
 * - a page with no heading at all gets one article per text block.
 *
 * XML is read with a DOMParser: the browser's by default; in Node pass `options.parseXml`.
 */
import { LIMITS, type Article, type Edition, type Page, type Shape } from '../schema.js';
import { validateEdition } from '../validate.js';
import {
  IdFactory,
  ImportError,
  chunkShapes,
  documentParser,
  fitText,
  parseWith,
  type ImportResult,
  type ImportWarning,
  type ParseDocument,
} from './common.js';
import { attr, children, descendants, elementChildren, nameOf, numberAttr } from './dom.js';
import { altoLinesText, isHeadingBlock, readAltoPage, shapeOf, type AltoPage } from './alto-page.js';
import { editionId, editionLanguage, isKnownLanguage } from './text.js';
import { resolveImageHref, type ImageMapper } from './images.js';

export interface AltoPageInput {
  /** Where the ALTO file is (a path or URL): named in warnings, and the default page label's source. */
  href: string;
  /** The ALTO XML. */
  text: string;
  /** The page image's href; else the file the ALTO names in sourceImageInformation. */
  image?: string;
  /** The page's label as printed; else its number. */
  label?: string;
}

export interface AltoImportOptions {
  /** Edition title (ALTO has none). Required. */
  title?: string;
  /** YYYY-MM-DD (ALTO has none). Required. */
  date?: string;
  /** Edition id; else the title and the date (see {@link editionId}). */
  id?: string;
  /** BCP 47; else the first LANG in the files, else told from the text. */
  lang?: string;
  /** The resolution that turns mm10 and inch1200 into pixels (page units). Default 300. */
  dpi?: number;
  /** The URL relative image hrefs are resolved against. */
  base?: string;
  /** Maps a page's master image to the web image to show. */
  image?: ImageMapper;
  /** XML parser, `(text) => Document`; defaults to the platform's DOMParser (browsers). */
  parseXml?: ParseDocument;
}

/** How much larger than the page's commonest size a block's font must be to count as a heading. */
const HEADING_SIZE = 1.4;

/** The blocks of a page in reading order: text blocks and illustrations, ComposedBlocks opened. */
function blocksInOrder(alto: Element): Element[] {
  const out: Element[] = [];
  const printSpaces = descendants(alto, 'PrintSpace');
  const visit = (el: Element) => {
    for (const child of elementChildren(el)) {
      const name = nameOf(child);
      if (name === 'TextBlock' || name === 'Illustration' || name === 'GraphicalElement') out.push(child);
      else visit(child);
    }
  };
  for (const space of printSpaces.length ? printSpaces : [alto]) visit(space);
  return out;
}

/** A block's font size: its own STYLEREFS, else its first line's or first string's. */
function fontSize(block: Element, sizes: Map<string, number>): number | undefined {
  const first = [block, ...descendants(block, 'TextLine').slice(0, 1), ...descendants(block, 'String').slice(0, 1)];
  for (const el of first)
    for (const ref of (attr(el, 'STYLEREFS') ?? '').split(/\s+/)) {
      const size = sizes.get(ref);
      if (size) return size;
    }
  return undefined;
}

/** Blocks grouped into one article by the rule above. */
export interface AltoGroup {
  headline?: string;
  paragraphs: string[];
  /** In the ALTO page's units. */
  shapes: Shape[];
  /** The group's first block, which names it. */
  first: Element;
}

/** The blocks of an ALTO page grouped into articles by the rule above, with the warning that says so. */
export function groupAltoBlocks(alto: AltoPage, lang: string | undefined, warnings: ImportWarning[]): AltoGroup[] {
  const apath = alto.path;
  // The page's font sizes: the commonest (by characters) is the body's.
  const sizes = new Map<string, number>();
  for (const style of descendants(alto.root, 'TextStyle')) {
    const size = numberAttr(style, 'FONTSIZE');
    const id = attr(style, 'ID');
    if (id && size) sizes.set(id, size);
  }
  const blocks = blocksInOrder(alto.root);
  const weight = new Map<number, number>();
  for (const block of blocks) {
    const size = fontSize(block, sizes);
    if (size)
      weight.set(
        size,
        (weight.get(size) ?? 0) + descendants(block, 'String').reduce((n, s) => n + (s.getAttribute('CONTENT') ?? '').length, 0),
      );
  }
  const bodySize = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const isHeading = (block: Element) => {
    if (nameOf(block) !== 'TextBlock') return false;
    if (isHeadingBlock(block, alto)) return true;
    const size = fontSize(block, sizes);
    return !!(size && bodySize && size >= HEADING_SIZE * bodySize);
  };
  const headings = blocks.filter(isHeading).length;
  warnings.push({
    path: apath,
    message: headings
      ? `ALTO has no article segmentation: ${headings} article(s) grouped by their headings (a heading block and the blocks after it)`
      : 'ALTO has no article segmentation and this page no heading: one article per text block',
  });

  const groups: AltoGroup[] = [];
  let current: AltoGroup | undefined;
  for (const block of blocks) {
    const bat = `${apath}#${attr(block, 'ID') ?? nameOf(block)}`;
    const heading = isHeading(block);
    const text = nameOf(block) === 'TextBlock' ? altoLinesText(children(block, 'TextLine'), lang) : '';
    if (nameOf(block) === 'TextBlock' && !text) {
      warnings.push({ path: bat, message: 'a text block without text, skipped' });
      continue;
    }
    if (!current || heading || (!headings && nameOf(block) === 'TextBlock')) {
      current = { paragraphs: [], shapes: [], first: block };
      groups.push(current);
    }
    if (heading && !current.headline) current.headline = text;
    else if (text) current.paragraphs.push(text);
    const shape = shapeOf(block, alto, bat, warnings);
    if (shape) current.shapes.push(shape);
  }
  return groups;
}

/**
 * Turns ALTO files, one per page, into a validated edition, grouping blocks into articles by the
 * rule above. Throws an {@link ImportError} when no page can be read or title or date is missing.
 */
export function importAlto(inputs: AltoPageInput[], options: AltoImportOptions = {}): ImportResult {
  const warnings: ImportWarning[] = [];
  if (!Array.isArray(inputs) || !inputs.length) throw new ImportError('pages', 'expected at least one ALTO page');
  if (!options.title) throw new ImportError('options.title', 'no title: ALTO carries none; pass options.title (--title)');
  if (!options.date) throw new ImportError('options.date', 'no date: ALTO carries none; pass options.date (--date, YYYY-MM-DD)');
  const dpi = options.dpi ?? 300;
  const parse = documentParser(options.parseXml, 'application/xml', 'parseXml');
  const pageIds = new IdFactory('p');
  const articleIds = new IdFactory('a');
  const pages: Page[] = [];
  const articles: Article[] = [];
  const altoPages: AltoPage[] = [];
  inputs.forEach((input, i) => {
    const apath = `alto[${input.href}]`;
    let alto: AltoPage | string;
    try {
      alto = readAltoPage(parseWith(parse, input.text, apath, 'XML').documentElement, input.href, apath, dpi, warnings);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      alto = error.message.replace(`${apath}: `, '');
    }
    if (typeof alto === 'string') return warnings.push({ path: apath, message: `${alto}, page skipped`, leftOut: true });
    const label = input.label ?? String(i + 1);
    // Without an image named anywhere, the caller's mapping works from the ALTO file's own name.
    const href = input.image ?? alto.fileName ?? (options.image ? input.href : undefined);
    if (!href)
      return warnings.push({
        path: apath,
        message: 'no page image given and none named in sourceImageInformation, page skipped; name it with --image (options.image)',
        leftOut: true,
      });
    const src = resolveImageHref(href, { base: options.base, image: options.image, label, order: pages.length + 1 }, apath, warnings);
    if (!src) return;
    const page = alto.page;
    page.id = pageIds.next(undefined, pages.length + 1);
    page.label = fitText(label, LIMITS.textLength, apath, 'label', warnings);
    page.scan = { src };
    pages.push(page);
    altoPages.push(alto);

    const lang = options.lang ?? alto.lang;
    const groups = groupAltoBlocks(alto, lang, warnings);
    for (const group of groups) {
      const gat = `${apath}#${attr(group.first, 'ID') ?? 'block'}`;
      if (!group.shapes.length) {
        warnings.push({ path: gat, message: 'no block of this article has a position: article skipped' });
        continue;
      }
      let headline = group.headline ?? group.paragraphs[0];
      if (!headline) {
        headline = `Illustration ${articles.length + 1}`;
        warnings.push({ path: gat, message: `no text: the headline reads "${headline}"` });
      }
      const paragraphs = (group.paragraphs.length ? group.paragraphs : [headline])
        .slice(0, LIMITS.paragraphs)
        .map((p, k) => fitText(p, LIMITS.paragraphLength, gat, `paragraph ${k + 1}`, warnings));
      const id = articleIds.next(`${page.id}-${attr(group.first, 'ID') ?? ''}`, articles.length + 1);
      const article: Article = { id, headline: fitText(headline, LIMITS.textLength, gat, 'headline', warnings), paragraphs };
      if (!group.headline && !group.paragraphs.length) article.kind = 'illustration';
      articles.push(article);
      for (const chunk of chunkShapes(group.shapes)) page.regions!.push({ article: id, shapes: chunk });
    }
  });
  if (!pages.length)
    throw new ImportError('pages', `no ALTO page could be read: ${warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}`);
  const lang = editionLanguage(
    options.lang ?? altoPages.map((a) => a.lang).find(isKnownLanguage),
    () => articles.flatMap((a) => [a.headline, ...a.paragraphs]).join('\n'),
    'alto',
    warnings,
  );
  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? editionId(options.title, options.date),
    title: fitText(options.title, LIMITS.textLength, 'options.title', 'title', warnings),
    date: options.date,
    lang,
    pageCount: inputs.length,
    articles,
    pages,
  };
  return { edition: validateEdition(edition), warnings };
}
