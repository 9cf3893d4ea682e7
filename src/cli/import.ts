/**
 * `e-paper import <kind|auto> <inputs…> -o <dir>`: one issue (or a IIIF Collection of issues)
 * into an edition folder ready to serve. The kinds' reading is the importers'; this module finds
 * the files, brings the parsers, fills what the input lacks from the options, and writes.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { imageSize } from 'image-size';
import { upgrade } from '@iiif/parser/upgrader';
import { importAlto } from '../edition/importers/alto.js';
import { decodePath, ImportError, type ImportResult, type ImportWarning } from '../edition/importers/common.js';
import { iiifCollectionManifests, iiifReferences, importIiifManifest } from '../edition/importers/iiif.js';
import { articleKey, importImageMap } from '../edition/importers/image-map.js';
import { importMetsAlto } from '../edition/importers/mets-alto.js';
import type { ImageMapper } from '../edition/importers/images.js';
import { isKnownLanguage, parseDate } from '../edition/importers/text.js';
import { EditionError, validateEdition } from '../edition/validate.js';
import type { Article, Edition, Page } from '../edition/schema.js';
import { parse, positiveNumber, str, type Parsed } from './args.js';
import { addToArchive } from './archive.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';
import { DEFAULT_MAX_BYTES, isDirectory, listFiles, readBytes, readText, Resolver } from './inputs.js';
import { parseHtml, parseXml } from './parsers.js';
import { Progress, summarize, summaryTable, type EditionSummary } from './report.js';
import {
  KINDS,
  altoFiles,
  dateFromPath,
  detectKind,
  imageMapPages,
  imagePattern,
  metsSource,
  pageLabelOf,
  publicationOf,
  readHtml,
  relativePosix,
  type Kind,
} from './sources.js';
import { writeEdition } from './write-edition.js';
import { importPdfFiles, pdfFiles } from './pdf/import-pdf.js';
import { TILE_QUALITY, TILE_SIZE, writeTiles } from './tiles/write-tiles.js';

export const IMPORT_USAGE = `Usage: e-paper import <kind|auto> <inputs…> -o <dir> [options]

Kinds:
  iiif        a IIIF manifest or collection (file or URL; Presentation 2 or 3)
  mets        a METS file (or its folder) with its ALTO files beside it
  alto        ALTO files (or a folder of them), one per page, without METS
  image-map   a saved 数字报 site: page HTML with the image map (or the folder), with the
              article pages its links point to
  pdf         the layout system's page PDFs (files, or a folder of them; A01.pdf → page A1):
              scan pages drawn at --widths, articles found on each page, a text layer
  auto        tell the kind from the first input

Options:
  -o, --out <dir>        the edition folder to write (a collection: one folder per issue in it)
  --id <id>              edition id (default: publication + date, e.g. sample-daily-2021-01-08)
  --title <text>         edition title (required for alto; else from the input)
  --date <YYYY-MM-DD>    issue date (else from the input, else from the input's path)
  --lang <tag>           BCP 47 language (else from the input, else told from the text)
  --publication <name>   the publication's name, for the default id
  --base <url>           resolve relative image hrefs against this URL (mets, alto)
  --image <pattern>      map page images (masters; for ALTO without one, the ALTO file) to the
                         web images to show:
                         {stem} {name} {dir} {href} {label} {n}, e.g. "web/{stem}.jpg"
  --copy-images          copy local images into <out>/images/ (else referenced in place)
  --single-file          keep every page in edition.json (no page files)
  --dpi <n>              resolution for ALTO mm10/inch1200 units (default 300)
  --display-size <WxH>   image-map: the size the map's coords were drawn for
  --local <prefix=dir>   read URLs under prefix from dir (repeatable; iiif)
  --offline              fetch nothing over the network
  --articles <file>      pdf: article boxes from the layout system instead of detection:
                         {"unit": "pt"|"px", "pages": {"A1": [{"id", "x", "y", "w", "h"}]}}
  --widths <list>        pdf: image widths in pixels (default 500,1000,2000)
  --image-format <f>     pdf: webp (default) or jpeg
  --quality <n>          pdf: image quality 1–100 (default 80); also the tiles'
  --tiles                cut each scan page's image into IIIF level 0 tiles in <out>/tiles/
                         (512 px JPEG), so the viewer fetches only the tiles in view
  --tile-size <n>        tile width and height in pixels, 128 to 2048 (default 512)
  --max-bytes <n>        refuse input files larger than this (default ${DEFAULT_MAX_BYTES})
  --strict               exit 2 when there are warnings
  --json                 print one JSON document (summary, files, warnings) on stdout
  -q, --quiet            no progress, no table
  -h, --help             this help

${EXIT_HELP}`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  id: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  lang: { type: 'string' },
  publication: { type: 'string' },
  base: { type: 'string' },
  image: { type: 'string' },
  'copy-images': { type: 'boolean' },
  'single-file': { type: 'boolean' },
  dpi: { type: 'string' },
  'display-size': { type: 'string' },
  local: { type: 'string', multiple: true },
  offline: { type: 'boolean' },
  'max-bytes': { type: 'string' },
  strict: { type: 'boolean' },
  articles: { type: 'string' },
  widths: { type: 'string' },
  'image-format': { type: 'string' },
  quality: { type: 'string' },
  tiles: { type: 'boolean' },
  'tile-size': { type: 'string' },
} as const;

/** What one import produced, before writing. */
interface Imported {
  result: ImportResult;
  /** Where the input's relative image hrefs are. */
  sourceDir: string;
  inputs: string[];
  /** Files the importer itself wrote into the edition folder (the page images drawn from a PDF). */
  alsoWritten?: string[];
}

interface Settings {
  parsed: Parsed;
  maxBytes: number;
  mapper?: ImageMapper;
  resolver: Resolver;
  progress: Progress;
}

export async function importCommand(argv: string[]): Promise<number> {
  const started = performance.now();
  const parsed = parse(argv, OPTIONS, 'import');
  if (parsed.values.help) {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return EXIT.ok;
  }
  const [kindArg, ...inputs] = parsed.positionals;
  if (!kindArg || !inputs.length)
    throw new CliError(EXIT.usage, `expected a kind and at least one input\n(e-paper import --help lists the options)`);
  if (kindArg !== 'auto' && !(KINDS as readonly string[]).includes(kindArg))
    throw new CliError(
      EXIT.usage,
      `unknown kind "${kindArg}": expected ${KINDS.join(', ')} or auto\n(e-paper import --help lists the options)`,
    );
  const out = str(parsed, 'out');
  if (!out) throw new CliError(EXIT.usage, `-o, --out: the edition folder to write is required\n(e-paper import --help lists the options)`);
  const date = str(parsed, 'date');
  if (date !== undefined && parseDate(date) !== date) throw new CliError(EXIT.usage, `--date: expected a day as YYYY-MM-DD, got "${date}"`);
  const lang = str(parsed, 'lang');
  if (lang !== undefined && !isKnownLanguage(lang))
    throw new CliError(EXIT.usage, `--lang: expected a BCP 47 language tag such as zh-CN or de, got "${lang}"`);
  for (const input of inputs)
    if (!/^https?:\/\//i.test(input) && !existsSync(input)) throw new CliError(EXIT.noInput, `${input}: no such file or folder`);
  const kind: Kind = kindArg === 'auto' ? detectKind(inputs[0]) : (kindArg as Kind);
  const maxBytes = positiveNumber(parsed, 'max-bytes') ?? DEFAULT_MAX_BYTES;
  const image = str(parsed, 'image');
  const settings: Settings = {
    parsed,
    maxBytes,
    mapper: image ? imagePattern(image) : undefined,
    resolver: new Resolver({ local: parsed.values.local as string[] | undefined, offline: !!parsed.values.offline, maxBytes }),
    progress: new Progress(!!parsed.values.quiet || !!parsed.values.json),
  };

  const summaries: EditionSummary[] = [];
  const files: string[] = [];
  const allWarnings: (ImportWarning & { edition: string })[] = [];
  const tiling = tileOptions(parsed, settings.progress);
  const write = async (imported: Imported, dir: string, t0: number) => {
    const { result, sourceDir } = imported;
    const tiled = tiling && (await writeTiles(result.edition, { ...tiling, out: dir, sourceDir }));
    if (tiled) {
      result.edition = tiled.edition;
      result.warnings.push(...tiled.warnings);
      (imported.alsoWritten ??= []).push(...tiled.files);
    }
    const written = writeEdition(result.edition, result.warnings, {
      out: dir,
      sourceDir,
      copyImages: !!parsed.values['copy-images'],
      pageFiles: !parsed.values['single-file'],
      meta: { format: 'e-paper-import-warnings', kind, inputs: imported.inputs },
    });
    const warnings = [...result.warnings, ...written.warnings];
    files.push(...(imported.alsoWritten ?? []).map((file) => relativePosix(process.cwd(), file)), ...written.files);
    allWarnings.push(...warnings.map((w) => ({ edition: result.edition.id, ...w })));
    summaries.push(summarize(kind, result.edition, relativePosix(process.cwd(), resolve(dir)), warnings.length, performance.now() - t0));
    return written.edition;
  };

  let failure: string | undefined;
  try {
    if (kind === 'iiif') await importIiif(inputs, out, settings, write);
    else if (kind === 'pdf') await importPdf(inputs, out, settings, write);
    else {
      const t0 = performance.now();
      const imported =
        kind === 'mets'
          ? importMets(inputs, settings)
          : kind === 'alto'
            ? importAltoPages(inputs, settings)
            : importImageMaps(inputs, settings);
      await write(imported, out, t0);
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof EditionError) failure = error.message;
    else throw error;
  } finally {
    settings.progress.done();
  }

  const warningCount = allWarnings.length;
  const code = failure ? EXIT.failed : parsed.values.strict && warningCount ? EXIT.warnings : EXIT.ok;
  if (parsed.values.json) {
    const report = {
      command: 'import',
      kind,
      ok: !failure,
      exitCode: code,
      ...(failure && { error: failure }),
      editions: summaries,
      files,
      warnings: allWarnings,
      ms: Math.round(performance.now() - started),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (failure) process.stderr.write(`error: ${failure}\n`);
    if (!parsed.values.quiet && summaries.length) {
      process.stdout.write(`${summaryTable(summaries)}\n`);
      process.stdout.write(
        `wrote ${files.length} files to ${out}${warningCount ? `; ${warningCount} warning(s), in the warnings.json of ${summaries.length > 1 ? 'each edition' : 'the edition'}` : ''}\n`,
      );
    }
  }
  return code;
}

/** PDF pages: read, drawn and detected (src/cli/pdf/); the pages in doubt named in the warnings. */
async function importPdf(
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
    progress: settings.progress,
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

/** --tiles and its size and quality, checked; undefined without --tiles. */
function tileOptions(parsed: Parsed, progress: Progress): { size: number; quality: number; log: (line: string) => void } | undefined {
  const size = positiveNumber(parsed, 'tile-size');
  if (!parsed.values.tiles) {
    if (size !== undefined) throw new CliError(EXIT.usage, '--tile-size: only with --tiles');
    return undefined;
  }
  if (size !== undefined && !(Number.isInteger(size) && size >= 128 && size <= 2048))
    throw new CliError(EXIT.usage, `--tile-size: expected a whole number of pixels from 128 to 2048, got "${str(parsed, 'tile-size')}"`);
  const quality = positiveNumber(parsed, 'quality') ?? TILE_QUALITY;
  if (quality > 100) throw new CliError(EXIT.usage, `--quality: expected 1 to 100, got ${quality}`);
  return { size: size ?? TILE_SIZE, quality, log: (line) => progress.update(0, 1, line) };
}

/** The options every importer takes, from the command line. */
function common(settings: Settings) {
  const { parsed } = settings;
  return {
    ...(str(parsed, 'id') && { id: str(parsed, 'id') }),
    ...(str(parsed, 'title') && { title: str(parsed, 'title') }),
    ...(str(parsed, 'date') && { date: str(parsed, 'date') }),
    ...(str(parsed, 'lang') && { lang: str(parsed, 'lang') }),
  };
}

function importMets(inputs: string[], settings: Settings): Imported {
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

function importAltoPages(inputs: string[], settings: Settings): Imported {
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

function importImageMaps(inputs: string[], settings: Settings): Imported {
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
    if (typeof image === 'string') return warnings.push({ path: `page[${at}]`, message: `${image}: page skipped` });
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
      warnings.push({ path: `page[${at}]`, message: `${error.message}: page skipped` });
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
    all.push(...result.warnings.map((w) => ({ path: `page[${at}].${w.path}`, message: w.message })));
  });
  const edition: Edition = { ...first, pageCount: pages.length, pages, articles };
  return { edition: validateEdition(edition), warnings: all };
}

/** A IIIF manifest (with what it points at), or each manifest of a Collection into its own folder and the archive. */
async function importIiif(
  inputs: string[],
  out: string,
  settings: Settings,
  write: (imported: Imported, dir: string, t0: number) => Promise<Edition>,
): Promise<void> {
  if (inputs.length > 1) throw new CliError(EXIT.usage, 'iiif: expected one manifest or collection (file or URL)');
  const input = inputs[0];
  const isUrl = /^https?:\/\//i.test(input);
  const sourceDir = isUrl ? process.cwd() : dirname(resolve(input));
  const json = isUrl ? await settings.resolver.json(input) : parseJsonFile(input, settings.maxBytes);
  // JSON files beside the input, by their id: a collection's manifests and annotation pages saved with it.
  const byId = isUrl ? new Map<string, string>() : jsonById(sourceDir, settings.maxBytes);
  const readUrl = async (url: string) => (byId.has(url) ? readText(byId.get(url)!, settings.maxBytes) : settings.resolver.text(url));
  const type = (json as { type?: string; '@type'?: string })?.type ?? (json as { '@type'?: string })?.['@type'];
  if (type === 'Collection' || type === 'sc:Collection') {
    const { label, items, warnings } = iiifCollectionManifests(json, upgrade as (m: unknown) => unknown);
    const entries: { date: string; src: string; label?: string }[] = [];
    for (const [i, item] of items.entries()) {
      settings.progress.update(i, items.length, item.label ?? item.id);
      const t0 = performance.now();
      try {
        const manifest = jsonOf(await readUrl(item.id), item.id);
        const result = await importManifest(manifest, settings, readUrl, label);
        result.warnings.unshift(...warnings);
        const dir = join(out, result.edition.id);
        // The manifest's relative image hrefs are relative to the manifest's own place.
        const local = byId.get(item.id) ?? settings.resolver.localPath(item.id);
        const edition = await write({ result, sourceDir: local ? dirname(local) : sourceDir, inputs: [item.id] }, dir, t0);
        entries.push({ date: edition.date, src: `${edition.id}/edition.json` });
      } catch (error) {
        if (!(error instanceof ImportError || error instanceof EditionError || error instanceof CliError)) throw error;
        process.stderr.write(`warning: ${item.id}: not imported: ${error.message}\n`);
      }
    }
    if (!entries.length) throw new ImportError('items', 'no manifest of the Collection could be imported');
    addToArchive(join(out, 'archive.json'), entries, label);
    return;
  }
  const t0 = performance.now();
  settings.progress.update(0, 1, input);
  const result = await importManifest(json, settings, readUrl, str(settings.parsed, 'publication'));
  await write({ result, sourceDir, inputs: [input] }, out, t0);
}

async function importManifest(
  json: unknown,
  settings: Settings,
  readUrl: (url: string) => Promise<string>,
  publication?: string,
): Promise<ImportResult> {
  const manifest = isP2(json) ? upgradeOrFail(json) : json;
  // What the manifest points at, fetched round by round (a collection names its pages once read).
  const resources: Record<string, unknown> = {};
  const failed: ImportWarning[] = [];
  for (let round = 0; round < 5; round++) {
    const wanted = iiifReferences(manifest, resources).filter((url) => !failed.some((w) => w.path === url));
    if (!wanted.length) break;
    for (const url of wanted) {
      try {
        const text = await readUrl(url);
        resources[url] = /^\s*[{[]/.test(text) ? jsonOf(text, url) : text;
      } catch (error) {
        if (!(error instanceof CliError || error instanceof ImportError)) throw error;
        failed.push({ path: url, message: `could not be read, its text is not used: ${error.message}` });
      }
    }
  }
  const result = importIiifManifest(manifest, {
    ...common(settings),
    ...((str(settings.parsed, 'publication') ?? publication) && { publication: str(settings.parsed, 'publication') ?? publication }),
    upgrade: upgrade as (m: unknown) => unknown,
    resources,
    parseXml,
  });
  result.warnings.push(...failed);
  return result;
}

const isP2 = (json: unknown) => {
  const type = !!json && typeof json === 'object' ? (json as Record<string, unknown>)['@type'] : undefined;
  return !!json && typeof json === 'object' && ('sequences' in json || (typeof type === 'string' && type.startsWith('sc:')));
};

function upgradeOrFail(json: unknown): unknown {
  try {
    return upgrade(json as Parameters<typeof upgrade>[0]);
  } catch (error) {
    throw new ImportError('', `the Presentation 2 manifest could not be upgraded: ${(error as Error).message}`);
  }
}

function parseJsonFile(path: string, maxBytes: number): unknown {
  return jsonOf(readText(path, maxBytes), path);
}

function jsonOf(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError(where, `not JSON: ${(error as Error).message}`);
  }
}

/** The JSON files under `dir` by their `id` (or `@id`), found by a look at each file's start. */
function jsonById(dir: string, maxBytes: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of listFiles(dir, (name) => /\.json$/i.test(name), { depth: 3, limit: 5000 })) {
    const path = join(dir, file);
    const id = /"@?id"\s*:\s*"([^"]+)"/.exec(readText(path, maxBytes).slice(0, 2000))?.[1];
    if (id && !out.has(id)) out.set(id, path);
  }
  return out;
}
