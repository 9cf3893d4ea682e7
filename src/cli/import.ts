/**
 * `e-paper import <kind|auto> <inputs…> -o <dir>`: one issue (or a IIIF Collection of issues)
 * into an edition folder ready to serve. The kinds' reading is the importers'; this module finds
 * the files, brings the parsers, fills what the input lacks from the options, and writes.
 * Each kind's reading is beside it: `import-pages.ts` (pdf, mets, alto, image-map) and
 * `import-iiif.ts`; `import-settings.ts` holds what they share.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImportError, type ImportWarning } from '../edition/importers/common.js';
import { isKnownLanguage, parseDate } from '../edition/importers/text.js';
import { EditionError } from '../edition/validate.js';
import { parse, positiveNumber, str, type Parsed } from './args.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';
import { DEFAULT_MAX_BYTES, Resolver } from './inputs.js';
import { Progress, summarize, summaryTable, type EditionSummary } from './report.js';
import { leftOut, leftOutLine } from './left-out.js';
import { KINDS, detectKind, imagePattern, relativePosix, type Kind } from './sources.js';
import { writeEdition } from './write-edition.js';
import type { Imported, Settings } from './import-settings.js';
import { importAltoPages, importImageMaps, importMets, importPdf } from './import-pages.js';
import { importIiif } from './import-iiif.js';
import { TILE_QUALITY, TILE_SIZE, tileFormat, writeTiles, type TileFormat } from './tiles/write-tiles.js';

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
  --image-format <f>     pdf: webp (default) or jpeg; also the tiles' (default webp)
  --quality <n>          pdf: image quality 1–100 (default 80); also the tiles' (default:
                         webp ${TILE_QUALITY.webp}, jpeg ${TILE_QUALITY.jpeg})
  --jobs <n>             pdf: files read at once, each in a process of its own (default: the
                         processor cores, at most 4; 1 reads them one after another)
  --tiles                cut each scan page's image into IIIF level 0 tiles in <out>/tiles/
                         (${TILE_SIZE} px WebP; grey for a scan with no colour), so the viewer
                         fetches only the tiles in view
  --tile-size <n>        tile width and height in pixels, 128 to 2048 (default ${TILE_SIZE})
  --max-bytes <n>        refuse input files larger than this (default ${DEFAULT_MAX_BYTES})
  --strict               exit 2 when there are warnings (else 4 when pages of the input
                         are left out of the edition, 0 for other warnings)
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
  jobs: { type: 'string' },
  tiles: { type: 'boolean' },
  'tile-size': { type: 'string' },
} as const;

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
  // A warning of no edition (a Collection's manifest not imported) has no `edition`.
  const allWarnings: (ImportWarning & { edition?: string })[] = [];
  const tiling = tileOptions(parsed, settings.progress);
  const write = async (imported: Imported, dir: string, t0: number) => {
    const { result, sourceDir } = imported;
    const tiled = tiling && (await writeTiles(result.edition, { ...tiling, out: dir, sourceDir }));
    if (tiled) {
      result.edition = tiled.edition;
      result.warnings.push(...tiled.warnings);
      (imported.alsoWritten ??= []).push(...tiled.files);
    }
    const missing = leftOut(result.warnings);
    const written = writeEdition(result.edition, result.warnings, {
      out: dir,
      sourceDir,
      copyImages: !!parsed.values['copy-images'],
      pageFiles: !parsed.values['single-file'],
      meta: { format: 'e-paper-import-warnings', kind, inputs: imported.inputs, ...(missing.length && { leftOut: missing }) },
    });
    const warnings = [...result.warnings, ...written.warnings];
    files.push(...(imported.alsoWritten ?? []).map((file) => relativePosix(process.cwd(), file)), ...written.files);
    allWarnings.push(...warnings.map((w) => ({ edition: result.edition.id, ...w })));
    summaries.push(summarize(kind, result.edition, relativePosix(process.cwd(), resolve(dir)), warnings.length, performance.now() - t0));
    return written.edition;
  };

  let failure: string | undefined;
  // A IIIF Collection: an edition per issue.
  let collection = false;
  try {
    if (kind === 'iiif') {
      const iiif = await importIiif(inputs, out, settings, write);
      collection = iiif.collection;
      allWarnings.push(...iiif.notImported);
    } else if (kind === 'pdf') await importPdf(inputs, out, settings, write);
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
  // Of a Collection's issues, each named with its edition.
  const missing = leftOut(collection ? allWarnings.map((w) => (w.edition ? { ...w, path: `${w.edition}: ${w.path}` } : w)) : allWarnings);
  const code = failure ? EXIT.failed : parsed.values.strict && warningCount ? EXIT.warnings : missing.length ? EXIT.partial : EXIT.ok;
  if (parsed.values.json) {
    const report = {
      command: 'import',
      kind,
      ok: !failure,
      exitCode: code,
      ...(failure && { error: failure }),
      editions: summaries,
      leftOut: missing,
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
      if (missing.length) process.stdout.write(`${leftOutLine(missing)}\n`);
    }
  }
  return code;
}

/** --tiles and its size, format and quality, checked; undefined without --tiles. */
function tileOptions(
  parsed: Parsed,
  progress: Progress,
): { size: number; format: TileFormat; quality: number; log: (line: string) => void } | undefined {
  const size = positiveNumber(parsed, 'tile-size');
  if (!parsed.values.tiles) {
    if (size !== undefined) throw new CliError(EXIT.usage, '--tile-size: only with --tiles');
    return undefined;
  }
  if (size !== undefined && !(Number.isInteger(size) && size >= 128 && size <= 2048))
    throw new CliError(EXIT.usage, `--tile-size: expected a whole number of pixels from 128 to 2048, got "${str(parsed, 'tile-size')}"`);
  const format = tileFormat(str(parsed, 'image-format'));
  const quality = positiveNumber(parsed, 'quality') ?? TILE_QUALITY[format];
  if (quality > 100) throw new CliError(EXIT.usage, `--quality: expected 1 to 100, got ${quality}`);
  return { size: size ?? TILE_SIZE, format, quality, log: (line) => progress.update(0, 1, line) };
}
