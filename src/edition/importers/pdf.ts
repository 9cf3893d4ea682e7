/**
 * PDF pages (as the reader gives them: ./pdf-content.ts) and their images → an edition of scan
 * pages: the articles found on each page (./pdf-layout.ts) with their regions, a text layer of
 * the page's lines, articles continued across pages (转X版 / 上接X版) joined into one with the
 * pages' `jumps` (./pdf-jumps.ts), and a confidence per page. A page whose text cannot be used is kept as a scan page without articles,
 * with a warning. Pure: the caller reads the PDF and writes the images.
 */
import type { Article, Edition, Page } from '../schema.js';
import { LIMITS } from '../schema.js';
import { validateEdition } from '../validate.js';
import { fitText, round, type ImportResult, type ImportWarning } from './common.js';
import type { PdfPageContent } from './pdf-content.js';
import { detectLayout, type FoundUnit, type GivenBox } from './pdf-layout.js';
import { joinContinuations, readJumps, type JumpReport, type Part } from './pdf-jumps.js';
import { joinFlow } from './pdf-flow.js';
import { shapesOf } from './pdf-shapes.js';
import { fitArticle, fitShapes, layerLines, splitText } from './pdf-limits.js';
import { unusableText } from './pdf-text.js';
import { editionId, editionLanguage } from './text.js';

export interface PdfPageInput {
  content: PdfPageContent;
  /** The page image the caller wrote: the largest as `src`, the others as `srcset`. */
  scan: NonNullable<Page['scan']>;
  /** Boxes from the layout system for this page, instead of detection. */
  given?: GivenBox[];
}

export interface PdfImportOptions {
  date: string;
  title?: string;
  id?: string;
  lang?: string;
  publication?: string;
  /** The text as the PDF encodes it, without the repair of radicals and dashes: for measuring the repair only. */
  asEncoded?: boolean;
}

export interface PdfPageReport {
  label: string;
  source: string;
  articles: number;
  confidence: number;
  doubts: string[];
  /** The page has no usable text: a scan page without articles. */
  textless?: string;
  /** Characters of the page's text the repair changed (radicals read as the ideographs printed, dashes). */
  repaired: number;
  /** Advertisements found (units marked 广告), not counted in `articles`. */
  advertisements: number;
  /**
   * Jump lines on the page (转X版 / 上接X版): the article (its id in the edition, joined when both
   * ends were found), the page it goes on to or comes from, the line as printed, and whether its
   * other end was found (then it is in the page's `jumps`, else still in the article's text).
   */
  jumps: JumpReport[];
}

/**
 * The mark an advertisement carries: Chinese law has every advertisement in a newspaper marked
 * 广告 (广告法 第十四条), as a small label over or under it; elsewhere Anzeige, Advertisement.
 */
const AD_MARK = /^[（(【[]?\s*(?:广\s*告|廣\s*告|advertisement|advertising|anzeige|publicité|sponsored)\s*[)）】\]]?$/iu;

export function importPdfPages(pages: PdfPageInput[], options: PdfImportOptions): ImportResult & { reports: PdfPageReport[] } {
  const warnings: ImportWarning[] = [];
  let articles: (Part & { continues?: boolean })[] = [];
  // The page before has no rules and an article: its last article may run on (./pdf-flow.ts).
  let flowsIn = false;
  const reports: PdfPageReport[] = [];
  const out: Page[] = [];
  let masthead: string | undefined;
  pages.forEach(({ content, scan, given }, p) => {
    const label = content.label ?? `${p + 1}`;
    const id = label.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || `p${p + 1}`;
    const page: Page = { id, label, width: round(content.width), height: round(content.height), scan, regions: [] };
    out.push(page);
    const allText = content.runs.map((r) => r.text).join('');
    const textless = unusableText(allText, content.unmapped);
    if (textless) {
      flowsIn = false;
      warnings.push({ path: `pages[${p}]`, message: `${content.source}: ${textless}: kept as a scan page without articles or text layer` });
      reports.push({
        label,
        source: content.source,
        articles: 0,
        advertisements: 0,
        repaired: 0,
        confidence: 0,
        doubts: [textless],
        textless,
        jumps: [],
      });
      return;
    }
    const layout = detectLayout(content, { lang: options.lang, given, asEncoded: options.asEncoded, flowsIn });
    flowsIn = !!layout.flow && layout.units.some((u) => u.kind === 'news');
    // Vertical text goes into the text layer character by character, each where it stands.
    const textLines = layout.lines.flatMap((line) => (line.vertical && line.chars ? line.chars : [line]));
    const layer = textLines.flatMap((line) =>
      layerLines({ text: line.text, x: round(line.x), y: round(line.y), w: round(line.w), h: round(line.h) }),
    );
    if (layer.length > textLines.length)
      warnings.push({
        path: `pages[${p}].text`,
        message: `page ${label}: lines of more than ${LIMITS.textLength} characters split in the text layer, each piece where it stands`,
      });
    page.text = layer.slice(0, LIMITS.textLines);
    if (layer.length > LIMITS.textLines)
      warnings.push({
        path: `pages[${p}].text`,
        message: `page ${label}: ${layer.length} lines, over the ${LIMITS.textLines} of a text layer: the last ${layer.length - LIMITS.textLines} left out of it (from "${layer[LIMITS.textLines].text.slice(0, 30)}")`,
      });
    if (layout.outside.length)
      warnings.push({
        path: `pages[${p}]`,
        message: `page ${label}: text in no article, only in the page's text layer: ${layout.outside.slice(0, 5).join('; ')}${layout.outside.length > 5 ? `; and ${layout.outside.length - 5} more blocks` : ''}`,
      });
    let n = 0;
    const used = new Set(articles.map((a) => a.id));
    for (const unit of layout.units) {
      if (unit.kind === 'masthead') masthead ??= unit.headline;
      let articleId = unit.id ?? (unit.kind === 'news' ? `${id}-${++n}` : `${id}-${unit.kind}`);
      for (let k = 2; used.has(articleId); k++) articleId = `${unit.id ?? `${id}-${unit.kind}`}-${k}`;
      used.add(articleId);
      const path = `pages[${p}].${articleId}`;
      const article = toArticle(unit, articleId, path, label, warnings);
      articles.push({
        ...article,
        page: p,
        jumps: readJumps(article.paragraphs),
        ...(unit.headless && { headless: true }),
        ...(unit.continues && { continues: true }),
      });
      const place = { path, page: label, headline: article.headline };
      // Text set past the page's edge (a line of code running off a manual's page) is kept; its region ends at the edge.
      const boxes = unit.boxes.map((b) => clip(b, content.width, content.height)).filter((b) => b.w > 0 && b.h > 0);
      if (boxes.length)
        page.regions!.push({ article: articleId, shapes: fitShapes(shapesOf(boxes, layout.gutter * 1.5), boxes, place, warnings) });
    }
    const advertisements = articles.filter((a) => a.page === p && a.kind === 'advertisement').length;
    reports.push({
      label,
      source: content.source,
      articles: n - advertisements,
      advertisements,
      repaired: layout.repaired,
      confidence: layout.confidence,
      doubts: layout.doubts,
      jumps: [],
    });
  });
  const joined = joinContinuations(joinFlow(articles, out, warnings), out, warnings);
  articles = joined.articles;
  joined.reports.forEach((jumps, p) => (reports[p].jumps = jumps));
  const title = options.title ?? masthead ?? 'PDF edition';
  const text = () => articles.flatMap((a) => [a.headline, ...a.paragraphs]).join('\n');
  const lang = editionLanguage(options.lang, text, 'options.lang', warnings);
  const edition: Edition = {
    format: 'e-paper-edition',
    version: 1,
    id: options.id ?? editionId(options.publication ?? title, options.date),
    title: fitText(title, LIMITS.textLength, 'title', 'the title', warnings),
    date: options.date,
    lang,
    pageCount: out.length,
    readingOrder: ['news'],
    articles: articles.map(({ jumps: _, page: __, headless: ___, continues: ____, ...a }) => a),
    pages: out,
  };
  return { edition: validateEdition(edition), warnings, reports };
}

/** A box cut to the page. */
function clip(b: { x: number; y: number; w: number; h: number }, width: number, height: number) {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, w: Math.min(width, b.x + b.w) - x, h: Math.min(height, b.y + b.h) - y };
}

const KIND = { news: 'news', masthead: 'masthead', ear: 'masthead', footer: 'other' } as const;

function toArticle(unit: FoundUnit, id: string, path: string, page: string, warnings: ImportWarning[]): Article {
  const paragraphs = [...unit.paragraphs];
  // An advertisement: its mark is its banner or kicker, or a line of its own; the mark is not its text.
  const marks = [unit.banner, unit.kicker, paragraphs[0], paragraphs.at(-1)].filter((t) => t !== undefined && AD_MARK.test(t.trim()));
  const advert = unit.kind === 'news' && marks.length > 0;
  if (advert)
    for (let i = paragraphs.length - 1; i >= 0; i--)
      if (AD_MARK.test(paragraphs[i].trim()) && (i === 0 || i === paragraphs.length - 1)) paragraphs.splice(i, 1);
  const banner = advert && unit.banner && AD_MARK.test(unit.banner.trim()) ? undefined : unit.banner;
  const kicker = advert && unit.kicker && AD_MARK.test(unit.kicker.trim()) ? undefined : unit.kicker;
  // The end of a line too long for its place (400 characters) goes into the text, not away:
  // a header's before the body, a caption's after it.
  const [before, after]: string[][] = [[], []];
  const fit = (text: string, what: string, into = before) => {
    if (text.length <= LIMITS.textLength) return text;
    const [kept, ...rest] = splitText(text, LIMITS.textLength);
    const end = rest.join(' ');
    if (end) into.push(end);
    warnings.push({
      path,
      message: `page ${page}: ${what} of ${text.length} characters, over the ${LIMITS.textLength} the format takes: its end ("${end.slice(0, 30)}…") kept as a paragraph`,
    });
    return kept;
  };
  const article: Article = {
    id,
    ...(unit.kind !== 'news' && { kind: KIND[unit.kind] }),
    ...(advert && { kind: 'advertisement' as const }),
    ...(banner && { banner: fit(banner, 'the banner') }),
    ...(kicker && { kicker: fit(kicker, 'the kicker') }),
    headline: fit(unit.headline, 'the headline'),
    ...(unit.subheads.length && { subheads: unit.subheads.map((s) => fit(s, 'a subhead')) }),
    ...(unit.bylines.length && { bylines: unit.bylines.map((s) => fit(s, 'a byline')) }),
    paragraphs: [],
    ...(unit.photos.length && {
      photos: unit.photos.map((photo) => ({
        ...(photo.caption && { caption: fit(photo.caption, 'a caption', after) }),
        ...(photo.credit && { credit: fit(photo.credit, 'a credit', after) }),
        aspect: Math.min(10, Math.max(0.11, round(photo.box.w / photo.box.h))),
      })),
    }),
  };
  // Filled after the fields, which may give it the ends of lines too long for them.
  article.paragraphs = [...before, ...paragraphs, ...after];
  if (!article.paragraphs.length) article.paragraphs.push(article.headline);
  return fitArticle(article, { path, page, headline: article.headline }, warnings);
}
