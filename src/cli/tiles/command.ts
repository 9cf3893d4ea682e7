/**
 * `e-paper tiles <edition.json>`: tiles for the scan pages of an edition already written (the
 * same as `import … --tiles`), in `tiles/<page id>/` beside it; the edition is rewritten with
 * each page's `scan.tiles`.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { renameSync, writeFileSync } from 'node:fs';
import { parse, positiveNumber, str } from '../args.js';
import { CliError, EXIT, EXIT_HELP } from '../exit-codes.js';
import { readText, DEFAULT_MAX_BYTES } from '../inputs.js';
import { notes } from '../report.js';
import { EditionError, validateEdition } from '../../edition/validate.js';
import { TILE_QUALITY, TILE_SIZE, tileFormat, writeTiles } from './write-tiles.js';

export const TILES_USAGE = `Usage: e-paper tiles <edition.json> [options]

Cuts each scan page's image (a local file) into IIIF Image API 3 level 0 tiles in tiles/<page id>/
beside the edition, and names them in the page's scan.tiles, so that the viewer fetches only the
tiles in view. Pages in page files are left as they are (import with --tiles instead).

Options:
  --tile-size <n>      tile width and height in pixels, 128 to 2048 (default ${TILE_SIZE})
  --image-format <f>   webp (default: under half the bytes of plain JPEG tiles at the
                       same quality) or jpeg (for IIIF viewers that read jpg only)
  --quality <n>        1–100 (default: webp ${TILE_QUALITY.webp}, jpeg ${TILE_QUALITY.jpeg})
  --json               print one JSON document (files, warnings) on stdout
  -q, --quiet          nothing on stdout
  -h, --help           this help

A scan with no colour is tiled grey.

${EXIT_HELP}`;

export async function tilesCommand(argv: string[]): Promise<number> {
  const parsed = parse(argv, { 'tile-size': { type: 'string' }, quality: { type: 'string' }, 'image-format': { type: 'string' } }, 'tiles');
  if (parsed.values.help) {
    process.stdout.write(`${TILES_USAGE}\n`);
    return EXIT.ok;
  }
  const [path, ...more] = parsed.positionals;
  if (!path || more.length) throw new CliError(EXIT.usage, 'expected one edition.json\n(e-paper tiles --help lists the options)');
  const size = positiveNumber(parsed, 'tile-size') ?? TILE_SIZE;
  if (!(Number.isInteger(size) && size >= 128 && size <= 2048))
    throw new CliError(EXIT.usage, `--tile-size: expected a whole number of pixels from 128 to 2048, got "${str(parsed, 'tile-size')}"`);
  const format = tileFormat(str(parsed, 'image-format'));
  const quality = positiveNumber(parsed, 'quality') ?? TILE_QUALITY[format];
  if (quality > 100) throw new CliError(EXIT.usage, `--quality: expected 1 to 100, got ${quality}`);
  let edition;
  try {
    edition = validateEdition(JSON.parse(readText(path, DEFAULT_MAX_BYTES)));
  } catch (error) {
    if (error instanceof EditionError || error instanceof SyntaxError) throw new CliError(EXIT.failed, `${path}: ${error.message}`);
    throw error;
  }
  const dir = dirname(resolve(path));
  const tiled = await writeTiles(edition, { out: dir, sourceDir: dir, size, format, quality, log: notes(parsed) });
  const warnings = [
    ...tiled.warnings,
    ...edition.pages.flatMap((page, p) => (page.src ? [{ path: `pages[${p}]`, message: `not tiled: the page is in ${page.src}` }] : [])),
  ];
  const temp = `${resolve(path)}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(validateEdition(tiled.edition), null, 2)}\n`);
    renameSync(temp, resolve(path));
  } catch (error) {
    throw new CliError(EXIT.cantCreate, `${path}: cannot be written (${(error as Error).message})`);
  }
  const files = tiled.files.map((file) => relative(process.cwd(), file).split(sep).join('/'));
  if (parsed.values.json) process.stdout.write(`${JSON.stringify({ command: 'tiles', ok: true, files, warnings }, null, 2)}\n`);
  else if (!parsed.values.quiet) {
    for (const w of warnings) process.stderr.write(`warning: ${w.path}: ${w.message}\n`);
    process.stdout.write(`wrote ${files.length} files of tiles beside ${path}\n`);
  }
  return EXIT.ok;
}
