/**
 * The overview map's maths as pure functions, testable without a DOM: which part of the page the
 * viewport shows, where that stands on the map, and which page point a drag, a click or a key on
 * the map asks to centre. Views, boxes and pages are those of `viewport-math.ts`; the map shows
 * the whole page, so a map point is a page point times `mapScale` (map pixels per page unit).
 *
 * Every function returns finite numbers, whatever it is given.
 */
import { safeSize, screenToPage, type Point, type Size, type View } from '../e-paper-viewport/viewport-math.js';

/** A rectangle: in page units, or in map pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
/** `value` within [low, high]; NaN is `low`. */
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(finiteOr(value, low), low), Math.max(low, high));

/** The part of the page the viewport shows (page units), cut to the page. */
export function visibleRect(view: View, box: Size, page: Size): Box {
  const { width: pw, height: ph } = safeSize(page);
  const { width: bw, height: bh } = safeSize(box);
  const a = screenToPage(view, { x: 0, y: 0 });
  const b = screenToPage(view, { x: bw, y: bh });
  const x = clamp(a.x, 0, pw);
  const y = clamp(a.y, 0, ph);
  return { x, y, w: clamp(b.x, 0, pw) - x, h: clamp(b.y, 0, ph) - y };
}

/** The map's size: the page's shape with its longer side `longSide` pixels. */
export function mapSize(page: Size, longSide: number): Size {
  const { width: pw, height: ph } = safeSize(page);
  const side = Math.max(0, finiteOr(longSide, 0));
  if (!(pw > 0 && ph > 0)) return { width: 0, height: 0 };
  return pw >= ph ? { width: side, height: (side * ph) / pw } : { width: (side * pw) / ph, height: side };
}

/** Map pixels per page unit, for a map of `map` pixels showing the whole `page`. Always finite and > 0. */
export function mapScale(map: Size, page: Size): number {
  const { width: pw, height: ph } = safeSize(page);
  const { width: mw, height: mh } = safeSize(map);
  const scale = pw > 0 && ph > 0 ? Math.min(mw / pw, mh / ph) : 0;
  return scale > 0 ? scale : 1;
}

/** A page rectangle as a share of the page (0–1 on each axis): where the mark stands on a map of any size. */
export function shareOfPage(rect: Box, page: Size): Box {
  const { width: pw, height: ph } = safeSize(page);
  if (!(pw > 0 && ph > 0)) return { x: 0, y: 0, w: 1, h: 1 };
  const share = (value: number, length: number) => finiteOr(value / length, 0);
  return { x: share(rect.x, pw), y: share(rect.y, ph), w: share(rect.w, pw), h: share(rect.h, ph) };
}

/** The page point under a map point (map pixels from the map's top-left), on the page. */
export function mapToPage(point: Point, scale: number, page: Size): Point {
  const { width: pw, height: ph } = safeSize(page);
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return { x: clamp(finiteOr(point.x / s, 0), 0, pw), y: clamp(finiteOr(point.y / s, 0), 0, ph) };
}

/** The centre of a rectangle. */
export function centerOf(rect: Box): Point {
  return { x: finiteOr(rect.x + rect.w / 2, 0), y: finiteOr(rect.y + rect.h / 2, 0) };
}

/**
 * The page point to centre while the mark is dragged: the centre it had when the drag began,
 * moved by the pointer's travel on the map (`dx`, `dy` map pixels), on the page.
 */
export function dragCenter(start: Point, dx: number, dy: number, scale: number, page: Size): Point {
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const { width: pw, height: ph } = safeSize(page);
  return { x: clamp(finiteOr(start.x + dx / s, start.x), 0, pw), y: clamp(finiteOr(start.y + dy / s, start.y), 0, ph) };
}

/**
 * The page point to centre after an arrow key on the mark: the visible area moves the key's way
 * by a tenth of itself (with Shift, most of itself), as the viewport's own arrow keys pan.
 * `null` for another key.
 */
export function keyCenter(visible: Box, key: string, large: boolean, page: Size): Point | null {
  const step = (length: number) => finiteOr(length, 0) * (large ? 0.8 : 0.1);
  const move = {
    ArrowLeft: [-step(visible.w), 0],
    ArrowRight: [step(visible.w), 0],
    ArrowUp: [0, -step(visible.h)],
    ArrowDown: [0, step(visible.h)],
  }[key];
  if (!move) return null;
  const { width: pw, height: ph } = safeSize(page);
  const center = centerOf(visible);
  return { x: clamp(center.x + move[0], 0, pw), y: clamp(center.y + move[1], 0, ph) };
}
