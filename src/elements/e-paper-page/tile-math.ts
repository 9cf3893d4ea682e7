/**
 * The tile layer's maths as pure functions: which level of a IIIF image service a view needs,
 * which tiles of that level it shows, their URLs, and where they stand on the page.
 *
 * A level is a scale factor `f` of the service (IIIF Image API 2 and 3): at `f` the image is
 * `width / f` pixels wide and cut into tiles of `tileWidth × tileHeight` of those pixels, so a
 * tile covers `tileWidth × f` pixels of the full image. Rectangles are `{x, y, w, h}`: in full
 * image pixels for tiles and regions, in page units for the page (the image covers the page).
 */

/** A IIIF image service as the tile layer reads it. */
export interface TileSource {
  /** The service's id, an absolute URL without a trailing slash. */
  service: string;
  /** The Image API version its URLs follow. */
  version: 2 | 3;
  /** The full image, in pixels. */
  width: number;
  height: number;
  tileWidth: number;
  tileHeight: number;
  /** The levels, smallest (sharpest) first. */
  scaleFactors: readonly number[];
  /** The tiles' format as the service names it (`jpg`, `webp` …): their URLs end in `default.{format}`. */
  format: string;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One tile: its level, its place in the level's grid, the full image's pixels it covers and its own size. */
export interface Tile {
  factor: number;
  col: number;
  row: number;
  /** The region of the full image, in pixels. */
  region: Box;
  /** Its size in pixels as served. */
  width: number;
  height: number;
}

/** A level may be this much coarser than the screen needs before a sharper one is fetched. */
export const LEVEL_TOLERANCE = 0.85;

const positive = (n: number) => Number.isFinite(n) && n > 0;

/**
 * The coarsest scale factor whose pixels are still at least as dense as the screen's (with
 * {@link LEVEL_TOLERANCE}): `devicePxPerUnit` is device pixels per page unit (the view's scale
 * times the device pixel ratio). Zoomed in past the full image, the sharpest factor.
 */
export function levelFor(source: TileSource, pageWidth: number, devicePxPerUnit: number): number {
  const factors = [...source.scaleFactors].filter(positive).sort((a, b) => a - b);
  if (!factors.length) return 1;
  if (!positive(pageWidth) || !positive(devicePxPerUnit)) return factors.at(-1)!;
  // Image pixels per page unit at factor f: width / (pageWidth × f); wanted ≥ need × tolerance.
  const widest = source.width / (pageWidth * devicePxPerUnit * LEVEL_TOLERANCE);
  return factors.filter((f) => f <= widest).at(-1) ?? factors[0];
}

/** The grid of a level: its columns and rows. */
export function gridOf(source: TileSource, factor: number): { cols: number; rows: number } {
  return {
    cols: Math.max(1, Math.ceil(source.width / (source.tileWidth * factor))),
    rows: Math.max(1, Math.ceil(source.height / (source.tileHeight * factor))),
  };
}

/** The tile at `col`, `row` of the level `factor`. */
export function tileAt(source: TileSource, factor: number, col: number, row: number): Tile {
  const spanX = source.tileWidth * factor;
  const spanY = source.tileHeight * factor;
  const x = col * spanX;
  const y = row * spanY;
  const w = Math.min(spanX, source.width - x);
  const h = Math.min(spanY, source.height - y);
  return { factor, col, row, region: { x, y, w, h }, width: Math.ceil(w / factor), height: Math.ceil(h / factor) };
}

/** The tiles of the level `factor` that `area` (full image pixels) touches, row by row. */
export function tilesIn(source: TileSource, factor: number, area: Box): Tile[] {
  const { cols, rows } = gridOf(source, factor);
  const x0 = Math.max(0, area.x);
  const y0 = Math.max(0, area.y);
  const x1 = Math.min(source.width, area.x + area.w);
  const y1 = Math.min(source.height, area.y + area.h);
  if (!(x1 > x0 && y1 > y0)) return [];
  const spanX = source.tileWidth * factor;
  const spanY = source.tileHeight * factor;
  const tiles: Tile[] = [];
  for (let row = Math.floor(y0 / spanY); row < Math.min(rows, Math.ceil(y1 / spanY)); row++)
    for (let col = Math.floor(x0 / spanX); col < Math.min(cols, Math.ceil(x1 / spanX)); col++) tiles.push(tileAt(source, factor, col, row));
  return tiles;
}

/**
 * A tile's URL in the canonical form of its version, as a level 0 service (static files) has
 * it: region `full` for the whole image, else `x,y,w,h`; size `w,h` (version 3) or `w,` (2);
 * quality `default` and the source's format.
 */
export function tileUrl(source: TileSource, tile: Tile): string {
  const { x, y, w, h } = tile.region;
  const region = x === 0 && y === 0 && w === source.width && h === source.height ? 'full' : `${x},${y},${w},${h}`;
  const size = source.version === 2 ? `${tile.width},` : `${tile.width},${tile.height}`;
  return `${source.service}/${region}/${size}/0/default.${source.format}`;
}

/** A rectangle of the full image in page units (the image covers the page). */
export function imageToPage(source: TileSource, page: { width: number; height: number }, box: Box): Box {
  const sx = page.width / source.width;
  const sy = page.height / source.height;
  return { x: box.x * sx, y: box.y * sy, w: box.w * sx, h: box.h * sy };
}

/** A rectangle of the page (page units) in full image pixels. */
export function pageToImage(source: TileSource, page: { width: number; height: number }, box: Box): Box {
  const sx = source.width / page.width;
  const sy = source.height / page.height;
  return { x: box.x * sx, y: box.y * sy, w: box.w * sx, h: box.h * sy };
}

/** `box` grown by `by` on every side. */
export function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, w: box.w + 2 * by, h: box.h + 2 * by };
}

/** Whether two rectangles overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * What of the page is in view, in page units, and the CSS pixels per page unit it is shown at:
 * from the page's box on screen (its transform applied) and the box that clips it (the
 * viewport), both as `getBoundingClientRect()` gives them. Nothing in view: `w` or `h` is 0.
 */
export function visiblePart(pageOnScreen: Box, clip: Box, page: { width: number; height: number }): { area: Box; pxPerUnit: number } {
  const pxPerUnit = positive(page.width) && positive(pageOnScreen.w) ? pageOnScreen.w / page.width : 0;
  if (!pxPerUnit) return { area: { x: 0, y: 0, w: 0, h: 0 }, pxPerUnit: 0 };
  const x0 = Math.max(pageOnScreen.x, clip.x);
  const y0 = Math.max(pageOnScreen.y, clip.y);
  const x1 = Math.min(pageOnScreen.x + pageOnScreen.w, clip.x + clip.w);
  const y1 = Math.min(pageOnScreen.y + pageOnScreen.h, clip.y + clip.h);
  const pxPerUnitY = positive(page.height) && positive(pageOnScreen.h) ? pageOnScreen.h / page.height : pxPerUnit;
  return {
    area: {
      x: (x0 - pageOnScreen.x) / pxPerUnit,
      y: (y0 - pageOnScreen.y) / pxPerUnitY,
      w: Math.max(0, x1 - x0) / pxPerUnit,
      h: Math.max(0, y1 - y0) / pxPerUnitY,
    },
    pxPerUnit,
  };
}
