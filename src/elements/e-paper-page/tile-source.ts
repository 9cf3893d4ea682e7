/**
 * A scan page's tiles as the tile layer reads them: from the edition's `scan.tiles` when it
 * gives the image's facts, else from the service's `info.json` (IIIF Image API 2 or 3). Pure
 * functions; the fetch is the tile layer's.
 *
 * The format: the edition's `format`, else the first of the info.json's `preferredFormats` (3)
 * that a browser shows, else jpg, which every service has (a library's JPEG-only one too).
 */
import type { ScanTiles } from '../../edition/schema.js';
import { safeHttpUrl } from '../../edition/urls.js';
import type { TileSource } from './tile-math.js';

/** The service's id as an absolute http(s) URL, without `/info.json` or a trailing slash. */
export function serviceUrl(tiles: ScanTiles, base: string): string | undefined {
  return safeHttpUrl(tiles.service, base)
    ?.replace(/\/info\.json$/, '')
    .replace(/\/+$/, '');
}

/** Powers of two from 1 while the level is larger than one tile: for a server that names no scale factors. */
function powersOfTwo(width: number, height: number, tile: number): number[] {
  const factors = [1];
  while (Math.max(width, height) / factors.at(-1)! > tile && factors.length < 16) factors.push(factors.at(-1)! * 2);
  return factors;
}

/** The source from the edition alone, when it gives the image's size, the tile width and the scale factors. */
export function sourceFromScan(tiles: ScanTiles, base: string): TileSource | undefined {
  const service = serviceUrl(tiles, base);
  const { width, height, tileWidth, scaleFactors } = tiles;
  if (!service || !width || !height || !tileWidth || !scaleFactors?.length) return undefined;
  return { service, version: 3, width, height, tileWidth, tileHeight: tileWidth, scaleFactors, format: tiles.format ?? 'jpg' };
}

/** The first of the service's `preferredFormats` (Image API 3, each one it offers) that an `<img>` shows, else jpg. */
const formatOf = (data: Record<string, unknown>): string =>
  (([] as unknown[]).concat(data.preferredFormats ?? []).find((f) => /^(jpg|png|webp|gif|avif)$/.test(String(f))) as string | undefined) ??
  'jpg';

const isLevel0 = (profile: unknown): boolean =>
  (Array.isArray(profile) ? profile : [profile]).some((p) => typeof p === 'string' && /level0(\.json)?$/.test(p));

/**
 * The source an `info.json` describes. Its own id is not used: the edition's URL for the service
 * is (a static copy's info.json often names the place it was made at). Throws an Error saying
 * what is missing.
 */
export function sourceFromInfo(info: unknown, service: string, version?: 2 | 3): TileSource {
  if (!info || typeof info !== 'object') throw new Error('info.json is not a JSON object');
  const data = info as Record<string, unknown>;
  const width = Number(data.width);
  const height = Number(data.height);
  if (!(width > 0 && height > 0)) throw new Error('info.json has no width and height');
  const context = JSON.stringify(data['@context'] ?? '');
  const v: 2 | 3 = version ?? (/image\/2/.test(context) || '@id' in data ? 2 : 3);
  const tiles = Array.isArray(data.tiles) ? (data.tiles as Record<string, unknown>[]) : [];
  const tile = tiles.find((t) => Number(t?.width) > 0);
  if (!tile) {
    // A server above level 0 cuts any region: tiles of 512 at powers of two.
    if (isLevel0(data.profile)) throw new Error('info.json of a level 0 service lists no tiles');
    return {
      service,
      version: v,
      width,
      height,
      tileWidth: 512,
      tileHeight: 512,
      scaleFactors: powersOfTwo(width, height, 512),
      format: formatOf(data),
    };
  }
  const tileWidth = Number(tile.width);
  const tileHeight = Number(tile.height) > 0 ? Number(tile.height) : tileWidth;
  const listed = Array.isArray(tile.scaleFactors) ? (tile.scaleFactors as unknown[]).map(Number).filter((f) => f >= 1) : [];
  const scaleFactors = listed.length ? [...new Set(listed)].sort((a, b) => a - b) : powersOfTwo(width, height, tileWidth);
  return { service, version: v, width, height, tileWidth, tileHeight, scaleFactors, format: formatOf(data) };
}
