/**
 * PDF pages (as the reader gives them: ./pdf-content.ts) and their images → an edition of scan
 * pages: the articles found on each page (./pdf-layout.ts) with their regions, a text layer of
 * the page's lines, articles continued across pages (转X版 / 上接X版) joined into one, and a
 * confidence per page. A page whose text cannot be used is kept as a scan page without articles,
 * with a warning. Pure: the caller reads the PDF and writes the images.
 */
import type { Article, Edition, Page, TextLine } from '../schema.js';
import { LIMITS } from '../schema.js';
import { validateEdition } from '../validate.js';
import { fitText, round, type ImportResult, type ImportWarning } from './common.js';
import type { PdfPageContent } from './pdf-content.js';
import { detectLayout, type FoundUnit, type GivenBox } from './pdf-layout.js';
import { shapesOf } from './pdf-shapes.js';
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
   * ends were found), the page it goes on to or comes from, and the line as printed.
   */
  jumps: { article: string; to?: string; from?: string; line: string }[];
}

/** A jump line read: the page it names and the line as printed. */
interface Jump {
  label: string;
  line: string;
}
interface Jumps {
  jumpTo?: Jump;
  jumpFrom?: Jump;
}
type Placed = Article & Jumps & { page: number };

/** A jump line: "（下转A2版）", "转第3版", "（上接A1版）", "接第2版". */
const JUMP_TO = /^[（(]?\s*(?:下转|转至|转)\s*(?:第\s*)?([A-Za-z]?\d{1,3})\s*版\s*[)）]?$/u;
const JUMP_FROM = /^[（(]?\s*(?:上接|接上|接)\s*(?:第\s*)?([A-Za-z]?\d{1,3})\s*版\s*[)）]?$/u;

/**
 * The mark an advertisement carries: Chinese law has every advertisement in a newspaper marked
 * 广告 (广告法 第十四条), as a small label over or under it; elsewhere Anzeige, Advertisement.
 */
const AD_MARK = /^[（(【[]?\s*(?:广\s*告|廣\s*告|advertisement|advertising|anzeige|publicité|sponsored)\s*[)）】\]]?$/iu;

const sameLabel = (label: string, named: string) =>
  label.toUpperCase() === named.toUpperCase() || (/^\d+$/.test(named) && label.replace(/^\D+0*/, '') === named.replace(/^0+/, ''));

export function importPdfPages(pages: PdfPageInput[], options: PdfImportOptions): ImportResult & { reports: PdfPageReport[] } {
  const warnings: ImportWarning[] = [];
  const articles: Placed[] = [];
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
    const layout = detectLayout(content, { lang: options.lang, given, asEncoded: options.asEncoded });
    // Vertical text goes into the text layer character by character, each where it stands.
    const textLines = layout.lines.flatMap((line) => (line.vertical && line.chars ? line.chars : [line]));
    page.text = textLines.slice(0, LIMITS.textLines).map((line): TextLine => ({
      text: line.text.slice(0, LIMITS.textLength),
      x: round(line.x),
      y: round(line.y),
      w: round(line.w),
      h: round(line.h),
    }));
    if (textLines.length > LIMITS.textLines)
      warnings.push({ path: `pages[${p}].text`, message: `more than ${LIMITS.textLines} lines: the rest left out of the text layer` });
    let n = 0;
    const used = new Set(articles.map((a) => a.id));
    for (const unit of layout.units) {
      if (unit.kind === 'masthead') masthead ??= unit.headline;
      let articleId = unit.id ?? (unit.kind === 'news' ? `${id}-${++n}` : `${id}-${unit.kind}`);
      for (let k = 2; used.has(articleId); k++) articleId = `${unit.id ?? `${id}-${unit.kind}`}-${k}`;
      used.add(articleId);
      const article = toArticle(unit, articleId, `pages[${p}].${articleId}`, warnings);
      if (!article) continue;
      articles.push({ ...article, page: p });
      page.regions!.push({ article: articleId, shapes: shapesOf(unit.boxes, layout.gutter * 1.5).slice(0, LIMITS.shapesPerRegion) });
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
  joinContinuations(articles, out, warnings, reports);
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
    articles: articles.map(({ jumpTo: _, jumpFrom: __, page: ___, ...a }) => a),
    pages: out,
  };
  return { edition: validateEdition(edition), warnings, reports };
}

const KIND = { news: 'news', masthead: 'masthead', ear: 'masthead', footer: 'other' } as const;

function toArticle(unit: FoundUnit, id: string, path: string, warnings: ImportWarning[]): (Article & Jumps) | undefined {
  let jumpTo: Jump | undefined;
  let jumpFrom: Jump | undefined;
  const paragraphs = unit.paragraphs.filter((p) => {
    const to = JUMP_TO.exec(p)?.[1];
    const from = JUMP_FROM.exec(p)?.[1];
    if (to) jumpTo ??= { label: to, line: p };
    if (from) jumpFrom ??= { label: from, line: p };
    return !to && !from;
  });
  // An advertisement: its mark is its banner or kicker, or a line of its own; the mark is not its text.
  const marks = [unit.banner, unit.kicker, paragraphs[0], paragraphs.at(-1)].filter((t) => t !== undefined && AD_MARK.test(t.trim()));
  const advert = unit.kind === 'news' && marks.length > 0;
  if (advert)
    for (let i = paragraphs.length - 1; i >= 0; i--)
      if (AD_MARK.test(paragraphs[i].trim()) && (i === 0 || i === paragraphs.length - 1)) paragraphs.splice(i, 1);
  const banner = advert && unit.banner && AD_MARK.test(unit.banner.trim()) ? undefined : unit.banner;
  const kicker = advert && unit.kicker && AD_MARK.test(unit.kicker.trim()) ? undefined : unit.kicker;
  const fit = (text: string, what: string) => fitText(text, LIMITS.textLength, path, what, warnings);
  const body = paragraphs.map((p) => fitText(p, LIMITS.paragraphLength, path, 'a paragraph', warnings)).slice(0, LIMITS.paragraphs);
  if (!body.length) body.push(unit.headline);
  return {
    id,
    ...(unit.kind !== 'news' && { kind: KIND[unit.kind] }),
    ...(advert && { kind: 'advertisement' as const }),
    ...(banner && { banner: fit(banner, 'the banner') }),
    ...(kicker && { kicker: fit(kicker, 'the kicker') }),
    headline: fit(unit.headline, 'the headline'),
    ...(unit.subheads.length && { subheads: unit.subheads.slice(0, 10).map((s) => fit(s, 'a subhead')) }),
    ...(unit.bylines.length && { bylines: unit.bylines.slice(0, 10).map((s) => fit(s, 'a byline')) }),
    paragraphs: body,
    ...(unit.photos.length && {
      photos: unit.photos.slice(0, 20).map((photo) => ({
        ...(photo.caption && { caption: fit(photo.caption, 'a caption') }),
        ...(photo.credit && { credit: fit(photo.credit, 'a credit') }),
        aspect: Math.min(10, Math.max(0.11, round(photo.box.w / photo.box.h))),
      })),
    }),
    ...(jumpTo && { jumpTo }),
    ...(jumpFrom && { jumpFrom }),
  };
}

/**
 * An article that says 转A2版 and one on A2 that says 上接A1版 (with the same headline, or the
 * only one there) are one article: its text in order, its regions on both pages under one id.
 */
function joinContinuations(articles: Placed[], pages: Page[], warnings: ImportWarning[], reports: PdfPageReport[]): void {
  for (const first of articles.filter((a) => a.jumpTo)) {
    const jump = first.jumpTo!;
    const target = pages.findIndex((page) => sameLabel(page.label, jump.label));
    const candidates = articles.filter((a) => a.page === target && a.jumpFrom && sameLabel(pages[first.page].label, a.jumpFrom.label));
    const rest =
      candidates.find((a) => a.headline === first.headline || a.headline.includes(first.headline) || first.headline.includes(a.headline)) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (!rest) {
      warnings.push({
        path: first.id,
        message: `"${first.headline}" continues on ${jump.label} (its line "${jump.line}" taken out of its text), but no article there takes it up (上接${pages[first.page].label}版): left as it is`,
      });
      reports[first.page].jumps.push({ article: first.id, to: jump.label, line: jump.line });
      continue;
    }
    const back = rest.jumpFrom!;
    reports[first.page].jumps.push({ article: first.id, to: pages[target].label, line: jump.line });
    reports[target].jumps.push({ article: first.id, from: pages[first.page].label, line: back.line });
    warnings.push({
      path: first.id,
      message: `"${first.headline}" continues from ${pages[first.page].label} to ${pages[target].label}: joined into one article with parts on both pages; its jump lines "${jump.line}" and "${back.line}" taken out of its text`,
    });
    first.paragraphs = [...first.paragraphs, ...rest.paragraphs].slice(0, LIMITS.paragraphs);
    for (const region of pages[target].regions ?? []) if (region.article === rest.id) region.article = first.id;
    articles.splice(articles.indexOf(rest), 1);
    rest.jumpFrom = undefined;
  }
  for (const a of articles.filter((x) => x.jumpFrom)) {
    warnings.push({
      path: a.id,
      message: `"${a.headline}" is continued from ${a.jumpFrom!.label} (its line "${a.jumpFrom!.line}" taken out of its text), but no article there says it goes on here`,
    });
    reports[a.page].jumps.push({ article: a.id, from: a.jumpFrom!.label, line: a.jumpFrom!.line });
  }
}
