/**
 * `--tiles`: each scan page's largest image cut into static tiles, IIIF Image API 3 at level 0,
 * in `<edition folder>/tiles/<page id>/`: an `info.json` and `{region}/{size}/0/default.webp`
 * (or `.jpg`), the files a IIIF image server would answer with, so any web server serves them and
 * IIIF viewers read them too. libvips cuts them (sharp's `tile`), in one pass over the image.
 *
 * WebP by default: at an SSIM against the source above that of the JPEG tiles a site makes the
 * standard way (sharp's `tile()` defaults, served to OpenSeadragon), WebP at quality
 * {@link TILE_QUALITY} (35) is under half their bytes (README, "A tiled scan page at 3×";
 * `bench/tile-quality.mjs`). The info.json names it in `extraFormats` and `preferredFormats`, as
 * the Image API says a service offering more than jpg does; `--image-format jpeg` writes the
 * plain level 0 set (jpg only) for viewers that never read those. A scan with no colour (colour.ts)
 * is tiled grey: one channel, and no colour to lose.
 *
 * IIIF level 0 rather than Deep Zoom: the viewer reads one kind of tiles, and it is the kind a
 * library's own IIIF image service serves, which an imported manifest points at.
 *
 * The page's `scan.tiles` then names the service and repeats what the viewer needs from its
 * info.json (size, tile width, scale factors), so the viewer fetches no info.json first.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodePath, type ImportWarning } from '../../edition/importers/common.js';
import type { Edition, Page, ScanTiles } from '../../edition/schema.js';
import { CliError, EXIT } from '../exit-codes.js';
import { hasColour } from './colour.js';
import { loadSharp, type Sharp } from './load.js';

/** The tiles' formats: WebP (the default) or JPEG. */
export type TileFormat = 'webp' | 'jpeg';

export interface TileOptions {
  /** The edition folder: tiles go to tiles/ in it. */
  out: string;
  /** Where the scan images' relative hrefs are. */
  sourceDir: string;
  /** Tile width and height in pixels (default {@link TILE_SIZE}). */
  size?: number;
  /** The tiles' format (default {@link TILE_FORMAT}). */
  format?: TileFormat;
  /** Quality 1–100 (default {@link TILE_QUALITY} of the format). */
  quality?: number;
  log?: (line: string) => void;
}

/**
 * 256 px: a zoomed view fetches less of the page beyond its edges than with 512 px tiles (on the
 * bench's path 0.85× the bytes), for 3 % more bytes in the whole level (a WebP tile's own overhead
 * is a few dozen bytes).
 */
export const TILE_SIZE = 256;
export const TILE_FORMAT: TileFormat = 'webp';
/**
 * Quality per format. WebP 35: against a lossless master, its tiles' SSIM is above that of the
 * JPEG 80 tiles sharp's `tile()` makes by default, on a colour newspaper page and on a grey text
 * page, at 0.46× and 0.42× their bytes (30 just matches on the colour page; bench/tile-quality.mjs).
 * JPEG 80 (mozjpeg): type stays clean.
 */
export const TILE_QUALITY: Record<TileFormat, number> = { webp: 35, jpeg: 80 };
/** `--image-format`'s value checked: webp or jpeg (default {@link TILE_FORMAT}). */
export function tileFormat(value: string | undefined): TileFormat {
  if (value === undefined) return TILE_FORMAT;
  if (value === 'webp' || value === 'jpeg') return value;
  throw new CliError(EXIT.usage, `--image-format: expected webp or jpeg, got "${value}"`);
}

/** The file suffix and IIIF format name of each. */
const SUFFIX: Record<TileFormat, 'webp' | 'jpg'> = { webp: 'webp', jpeg: 'jpg' };

const isRelative = (src: string) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) && !src.startsWith('//') && !src.startsWith('/');

/** The edition with `scan.tiles` on every scan page whose image is a local file, the files written, and a warning for each page left untiled. */
export async function writeTiles(
  edition: Edition,
  options: TileOptions,
): Promise<{ edition: Edition; files: string[]; warnings: ImportWarning[] }> {
  const size = options.size ?? TILE_SIZE;
  const format = options.format ?? TILE_FORMAT;
  const quality = options.quality ?? TILE_QUALITY[format];
  const warnings: ImportWarning[] = [];
  const files: string[] = [];
  const scans = edition.pages.filter((page) => page.scan);
  if (!scans.length) return { edition, files, warnings };
  const sharp = await loadSharp(options.log);
  const pages: Page[] = [];
  for (const [p, page] of edition.pages.entries()) {
    // A page without a scan, or with the tiles of a library's own image service (IIIF), stays.
    if (!page.scan || page.scan.tiles) {
      pages.push(page);
      continue;
    }
    const src = page.scan.src;
    const file = isRelative(src) ? resolve(options.sourceDir, decodePath(src.replace(/[?#].*$/, ''))) : undefined;
    if (!file || !existsSync(file)) {
      warnings.push({
        path: `pages[${p}].scan`,
        message: `not tiled: the image "${src}" is not a local file (${file ? 'not found' : 'a URL'}); the page shows the whole image`,
      });
      pages.push(page);
      continue;
    }
    options.log?.(`tiling page ${page.label}`);
    const dir = `tiles/${encodeURIComponent(page.id)}`;
    const tiles = await tilePage(sharp, file, join(options.out, dir), dir, { size, format, quality });
    files.push(...tiles.files);
    pages.push({ ...page, scan: { ...page.scan, tiles: tiles.tiles } });
  }
  return { edition: { ...edition, pages }, files, warnings };
}

/** Pixels at most read to tell whether a scan has colour (sampled, not averaged: colour stays). */
const COLOUR_CHECK_WIDTH = 2500;

/** Whether the image has colour (colour.ts), read at most {@link COLOUR_CHECK_WIDTH} wide. */
async function imageHasColour(sharp: Sharp, file: string): Promise<boolean> {
  const image = sharp(file, { limitInputPixels: false }).rotate();
  const { width = 0 } = await sharp(file, { limitInputPixels: false }).metadata();
  if (width > COLOUR_CHECK_WIDTH) image.resize({ width: COLOUR_CHECK_WIDTH, kernel: 'nearest' });
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return hasColour(data, info.channels);
}

async function tilePage(
  sharp: Sharp,
  file: string,
  target: string,
  service: string,
  { size, format, quality }: { size: number; format: TileFormat; quality: number },
): Promise<{ tiles: ScanTiles; files: string[] }> {
  // libvips writes <staging>/<name>/… and a properties file beside it: cut into a staging
  // folder, then put the tiles in place whole, so that a reader never sees half a pyramid.
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    const image = sharp(file, { limitInputPixels: false }).rotate();
    if (!(await imageHasColour(sharp, file))) image.toColourspace('b-w');
    if (format === 'webp') image.webp({ quality, effort: 6 });
    else image.jpeg({ quality, mozjpeg: true });
    await image.tile({ size, overlap: 0, layout: 'iiif3', id: 'e-paper', depth: 'onetile' }).toFile(join(staging, 'page'));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new CliError(EXIT.failed, `${file}: could not be cut into tiles (${(error as Error).message})`);
  }
  const info = JSON.parse(readFileSync(join(staging, 'page/info.json'), 'utf8')) as {
    width: number;
    height: number;
    tiles: { width: number; height?: number; scaleFactors: number[] }[];
  };
  // The id says where the service is, relative to the edition folder: the viewer uses the
  // edition's URL for it; a IIIF viewer given the info.json alone needs it made absolute.
  const suffix = SUFFIX[format];
  const formats = suffix === 'jpg' ? {} : { extraFormats: [suffix], preferredFormats: [suffix] };
  writeFileSync(join(staging, 'page/info.json'), `${JSON.stringify({ ...info, id: service, ...formats }, null, 2)}\n`);
  try {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(resolve(target, '..'), { recursive: true });
    renameSync(join(staging, 'page'), target);
  } catch (error) {
    throw new CliError(EXIT.cantCreate, `${target}: cannot be written (${(error as Error).message})`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const [grid] = info.tiles;
  const scaleFactors = [...grid.scaleFactors].sort((a, b) => a - b);
  const files = [join(target, 'info.json')];
  for (const factor of scaleFactors)
    for (const path of tilePaths(info.width, info.height, grid.width, factor, suffix)) files.push(join(target, path));
  return {
    tiles: {
      service,
      width: info.width,
      height: info.height,
      tileWidth: grid.width,
      scaleFactors,
      ...(suffix !== 'jpg' && { format: suffix }),
    },
    files,
  };
}

/** The tile files of one level, as the viewer will ask for them (tile-math.ts, canonical IIIF 3 URLs). */
function tilePaths(width: number, height: number, tile: number, factor: number, suffix: string): string[] {
  const span = tile * factor;
  const paths: string[] = [];
  for (let y = 0; y < height; y += span)
    for (let x = 0; x < width; x += span) {
      const w = Math.min(span, width - x);
      const h = Math.min(span, height - y);
      const region = x === 0 && y === 0 && w === width && h === height ? 'full' : `${x},${y},${w},${h}`;
      paths.push(`${region}/${Math.ceil(w / factor)},${Math.ceil(h / factor)}/0/default.${suffix}`);
    }
  return paths;
}
