/**
 * The kinds of `e-paper import` read from files, page by page: PDF pages (src/cli/pdf/ does the
 * reading), METS/ALTO, ALTO pages without METS, and saved 数字报 image-map pages.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { imageSize } from 'image-size';
import { importAlto } from '../edition/importers/alto.js';
import { decodePath, ImportError, type ImportResult, type ImportWarning } from '../edition/importers/common.js';
import { articleKey, importImageMap } from '../edition/importers/image-map.js';
import { importMetsAlto } from '../edition/importers/mets-alto.js';
import { validateEdition } from '../edition/validate.js';
import type { Article, Edition, Page } from '../edition/schema.js';
import { positiveNumber, str } from './args.js';
import { CliError, EXIT } from './exit-codes.js';
import { isDirectory, readBytes, readText } from './inputs.js';
import { parseHtml, parseXml } from './parsers.js';
import { altoFiles, dateFromPath, imageMapPages, metsSource, pageLabelOf, publicationOf, readHtml, relativePosix } from './sources.js';
import { importPdfFiles, pdfFiles } from './pdf/import-pdf.js';
import { common, type Imported, type Settings } from './import-settings.js';
import { notes } from './report.js';

/** PDF pages: read, drawn and detected (src/cli/pdf/); the pages in doubt named in the warnings. */
export async function importPdf(
  inputs: string[],
  out: string,
  settings: Settings,
  write: (imported: Imported, dir: string, t0: number) => Promise<Edition>,
) {
  const { parsed } = settings;
  const t0 = performance.now();
  const widths = (str(parsed, 'widths') ?? '500,1000,2000').split(',').map((w) => Number(w.trim()));
  if (!widths.every((w) => Number.isInteger(w) && w >= 100 && w <= 10_000))
    throw new CliError(
      EXIT.usage,
      `--widths: expected widths in pixels from 100 to 10000, such as 500,1000,2000, got "${str(parsed, 'widths')}"`,
    );
  const format = str(parsed, 'image-format') ?? 'webp';
  if (format !== 'webp' && format !== 'jpeg') throw new CliError(EXIT.usage, `--image-format: expected webp or jpeg, got "${format}"`);
  const quality = positiveNumber(parsed, 'quality') ?? 80;
  if (quality > 100) throw new CliError(EXIT.usage, `--quality: expected 1 to 100, got ${quality}`);
  const jobs = positiveNumber(parsed, 'jobs') ?? Math.min(availableParallelism(), 4);
  if (!Number.isInteger(jobs) || jobs > 64) throw new CliError(EXIT.usage, `--jobs: expected a whole number from 1 to 64, got ${jobs}`);
  const files = pdfFiles(inputs);
  const date = str(parsed, 'date') ?? files.map((f) => dateFromPath(resolve(f))).find(Boolean);
  const result = await importPdfFiles(inputs, {
    ...common(settings),
    out,
    date,
    maxBytes: settings.maxBytes,
    publication: str(parsed, 'publication'),
    widths,
    format,
    quality,
    articles: str(parsed, 'articles'),
    jobs,
    progress: settings.progress,
    log: notes(parsed),
  });
  if (!str(parsed, 'date')) result.warnings.unshift({ path: 'options.date', message: `no --date: ${date} taken from the path` });
  for (const report of result.reports)
    if (!report.textless && report.confidence < 0.8)
      result.warnings.push({
        path: `page[${report.label}]`,
        message: `doubtful page (confidence ${report.confidence}): check its articles${report.doubts.length ? `: ${report.doubts.join('; ')}` : ''}`,
      });
  const images = result.edition.pages.flatMap((page) => (page.scan ? [page.scan, ...(page.scan.srcset ?? [])] : []));
  const alsoWritten = images.map(({ src }) => resolve(out, decodeURIComponent(src)));
  await write({ result, sourceDir: out, inputs: result.files, alsoWritten }, out, t0);
}
export function importMets(inputs: string[], settings: Settings): Imported {
  if (inputs.length > 1) throw new CliError(EXIT.usage, 'mets: expected one METS file or folder (its ALTO files are found beside it)');
  const { metsPath, mets, alto, dir } = metsSource(inputs[0], settings.maxBytes);
  settings.progress.update(0, 1, `reading ${metsPath}`);
  const result = importMetsAlto(mets, alto, {
    ...common(settings),
    dpi: positiveNumber(settings.parsed, 'dpi'),
    base: str(settings.parsed, 'base'),
    image: settings.mapper,
    parseXml,
  });
  settings.progress.update(1, 1, metsPath);
  return { result, sourceDir: dir, inputs: [metsPath] };
}

export function importAltoPages(inputs: string[], settings: Settings): Imported {
  const paths = altoFiles(inputs);
  if (!paths.length) throw new CliError(EXIT.failed, `${inputs.join(', ')}: no ALTO file found`);
  const sourceDir = isDirectory(inputs[0]) ? inputs[0] : dirname(paths[0]);
  const pages = paths.map((path, i) => {
    settings.progress.update(i, paths.length, `reading ${path}`);
    const text = readText(path, settings.maxBytes);
    // The image the ALTO names, as a path from the source folder.
    const named = /<(?:\w+:)?fileName>\s*([^<]+?)\s*<\//.exec(text)?.[1];
    const image = named && !/^[a-z][a-z0-9+.-]*:/i.test(named) ? relativePosix(sourceDir, resolve(dirname(path), named)) : named;
    return { href: relativePosix(sourceDir, path), text, ...(image && { image }) };
  });
  const date = str(settings.parsed, 'date') ?? dateFromPath(resolve(paths[0]));
  const result = importAlto(pages, {
    ...common(settings),
    ...(date && { date }),
    dpi: positiveNumber(settings.parsed, 'dpi'),
    base: str(settings.parsed, 'base'),
    image: settings.mapper,
    parseXml,
  });
  if (!str(settings.parsed, 'date'))
    result.warnings.unshift({ path: 'options.date', message: `no --date: ${date} taken from the path ${paths[0]}` });
  return { result, sourceDir, inputs: paths };
}

/** A page HTML's own image: its size from the file, the href from the page's folder. */
function pageImage(htmlPath: string, html: string, sourceDir: string): { src: string; width: number; height: number } | string {
  const doc = parseHtml(html);
  const imgs = Array.from(doc.getElementsByTagName('img'));
  const img = imgs.find((el) => el.getAttribute('usemap')) ?? imgs[0];
  const src = img?.getAttribute('src')?.trim();
  if (!src) return 'no <img> for the map';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//'))
    return `the page image "${src}" is not a local file: save the page with its image`;
  const file = resolve(dirname(htmlPath), decodePath(src.replace(/[?#].*$/, '')));
  if (!existsSync(file)) return `the page image "${src}" is not at ${file}`;
  let size;
  try {
    size = imageSize(readBytes(file));
  } catch (error) {
    return `the page image "${src}" could not be read (${(error as Error).message})`;
  }
  if (!size.width || !size.height) return `the page image "${src}" has no size`;
  return { src: relativePosix(sourceDir, file), width: size.width, height: size.height };
}

export function importImageMaps(inputs: string[], settings: Settings): Imported {
  const paths = imageMapPages(inputs);
  if (!paths.length) throw new CliError(EXIT.failed, `${inputs.join(', ')}: no page with an image map found`);
  const sourceDir = isDirectory(inputs[0]) ? inputs[0] : dirname(paths[0]);
  const display = str(settings.parsed, 'display-size');
  const displayMatch = display ? /^(\d+(?:\.\d+)?)[x×](\d+(?:\.\d+)?)$/.exec(display) : undefined;
  if (display && !displayMatch)
    throw new CliError(EXIT.usage, `--display-size: expected WIDTHxHEIGHT, such as 1000x1500, got "${display}"`);
  const results: { result: ImportResult; at: string }[] = [];
  const warnings: ImportWarning[] = [];
  const date = str(settings.parsed, 'date') ?? paths.map((p) => dateFromPath(resolve(p))).find(Boolean);
  let title = str(settings.parsed, 'title');
  paths.forEach((path, i) => {
    settings.progress.update(i, paths.length, `reading ${path}`);
    const at = relativePosix(sourceDir, path);
    const html = readHtml(path, settings.maxBytes);
    const image = pageImage(path, html, sourceDir);
    if (typeof image === 'string') return warnings.push({ path: `page[${at}]`, message: `${image}: page skipped`, leftOut: true });
    // The article pages the map's links point to, read from the saved folder.
    const articlePages: Record<string, string> = {};
    for (const match of html.matchAll(/<area\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi)) {
      const href = match[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) continue;
      const file = resolve(dirname(path), decodePath(articleKey(href)));
      if (existsSync(file) && !isDirectory(file)) articlePages[articleKey(href)] = readHtml(file, settings.maxBytes);
    }
    const pageTitle = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
    title ??= pageTitle ? publicationOf(pageTitle) : undefined;
    try {
      const result = importImageMap(html, {
        ...common(settings),
        ...(title && { title }),
        ...(date && { date }),
        image,
        articlePages,
        ...(displayMatch && { displaySize: { width: Number(displayMatch[1]), height: Number(displayMatch[2]) } }),
        pageLabel: pageLabelOf(pageTitle) ?? pageLabelOf(html) ?? String(i + 1),
        parseHtml,
      });
      // Photo hrefs are relative to the page's folder: make them relative to the source folder.
      const prefix = relativePosix(sourceDir, dirname(path));
      if (prefix !== '.')
        for (const article of result.edition.articles)
          for (const photo of article.photos ?? [])
            if (photo.src && !/^[a-z][a-z0-9+.-]*:/i.test(photo.src)) photo.src = `${prefix}/${photo.src}`;
      results.push({ result, at });
    } catch (error) {
      if (!(error instanceof ImportError) || paths.length === 1) throw error;
      warnings.push({ path: `page[${at}]`, message: `${error.message}: page skipped`, leftOut: true });
    }
  });
  if (!results.length)
    throw new ImportError('pages', `no page could be imported: ${warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}`);
  if (!date) warnings.push({ path: 'options.date', message: 'no --date and none in the path' });
  else if (!str(settings.parsed, 'date')) warnings.push({ path: 'options.date', message: `no --date: ${date} taken from the path` });
  return { result: mergePages(results, warnings), sourceDir, inputs: paths };
}

/**
 * The one-page editions of a site's pages as one edition: pages in order (ids p1, p2…), article
 * ids prefixed with their page's (p2-a1), warnings prefixed with the page file.
 */
function mergePages(results: { result: ImportResult; at: string }[], warnings: ImportWarning[]): ImportResult {
  if (results.length === 1) return { edition: results[0].result.edition, warnings: [...warnings, ...results[0].result.warnings] };
  const first = results[0].result.edition;
  const pages: Page[] = [];
  const articles: Article[] = [];
  const all = [...warnings];
  results.forEach(({ result, at }, i) => {
    const pageId = `p${i + 1}`;
    const rename = (id: string) => `${pageId}-${id}`;
    const [page] = result.edition.pages;
    pages.push({ ...page, id: pageId, regions: page.regions!.map((r) => ({ ...r, article: rename(r.article) })) });
    articles.push(...result.edition.articles.map((a) => ({ ...a, id: rename(a.id) })));
    all.push(...result.warnings.map((w) => ({ ...w, path: `page[${at}].${w.path}` })));
  });
  const edition: Edition = { ...first, pageCount: pages.length, pages, articles };
  return { edition: validateEdition(edition), warnings: all };
}
