/**
 * Pan/zoom maths as pure functions, testable without a DOM.
 *
 * Sizes and screen points are CSS pixels relative to the viewport's box (origin top-left); the
 * page is in page units. A view maps one to the other: `screen = page × scale + (x, y)`, so
 * `scale` is screen pixels per page unit. Page units are CSS pixels at 100%, and body text is 16
 * units, so a scale of 1 is normal reading size.
 *
 * Every function returns finite numbers, whatever it is given (zero, negative or NaN sizes).
 */

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where the page stands in the viewport: screen = page × scale + (x, y). */
export interface View {
  scale: number;
  x: number;
  y: number;
}

/** The smallest and the largest scale a reader may reach. */
export interface ScaleBounds {
  min: number;
  max: number;
}

export type FitMode = 'page' | 'width';

/** The scale at which body text is at its normal reading size (100%). */
export const READING_SCALE = 1;

/** How many times its normal reading size body text may grow at most. */
export const MAX_TEXT_FACTOR = 3;

/** Scales closer than this (relatively) count as the same, e.g. "at fit". */
export const SCALE_EPSILON = 1e-3;

/** The factor of one zoom step: buttons, keys, double-click. */
export const ZOOM_STEP = 1.5;

/** Two taps this close in time (ms) and place (CSS px) are a double-tap. */
export const DOUBLE_TAP_MS = 320;
export const DOUBLE_TAP_SLOP = 24;

/** `value` when it is a finite number, else `fallback`. */
export const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
/** A finite number above zero. */
export const positive = (value: number) => Number.isFinite(value) && value > 0;
/** `value` brought within [low, high]. */
export const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** A size with every side finite and ≥ 0. */
export function safeSize(size: Size): Size {
  return { width: Math.max(0, finiteOr(size.width, 0)), height: Math.max(0, finiteOr(size.height, 0)) };
}

/** The scale at which the page fits the box: whole ('page') or across ('width'). Always finite and > 0. */
export function fitScale(box: Size, page: Size, mode: FitMode = 'page'): number {
  if (!positive(box.width) || !positive(box.height) || !positive(page.width) || !positive(page.height)) return 1;
  const across = box.width / page.width;
  const scale = mode === 'width' ? across : Math.min(across, box.height / page.height);
  return positive(scale) ? scale : 1;
}

/**
 * The scales a reader may zoom between: from fitting the whole page to body text at
 * {@link MAX_TEXT_FACTOR} times its reading size. When the fitted page is already larger than
 * that, both bounds are the fit.
 */
export function scaleBounds(box: Size, page: Size): ScaleBounds {
  const min = fitScale(box, page, 'page');
  const max = Math.max(READING_SCALE * MAX_TEXT_FACTOR, min);
  return { min, max };
}

/** A scale within the bounds; NaN or infinite values become the minimum. */
export function clampScale(scale: number, bounds: ScaleBounds): number {
  const min = positive(bounds.min) ? bounds.min : 1;
  const max = positive(bounds.max) && bounds.max >= min ? bounds.max : min;
  return Number.isFinite(scale) ? clamp(scale, min, max) : min;
}

/** Whether a scale is (within {@link SCALE_EPSILON}) the fitted, smallest scale. */
export function isFittedScale(scale: number, bounds: ScaleBounds): boolean {
  return scale <= bounds.min * (1 + SCALE_EPSILON);
}

/**
 * Keeps the page in view, along each axis on its own: a page smaller than the box along an axis
 * is centred on it; a larger one may not uncover more than `slack` pixels of the box at either
 * end (0: its edges never come inside the box), so at least the box's length of the page, less
 * the slack, stays visible. The scale is kept as given (clamp it first with {@link clampScale}).
 */
export function clampView(view: View, box: Size, page: Size, slack = 0): View {
  const { width: bw, height: bh } = safeSize(box);
  const { width: pw, height: ph } = safeSize(page);
  const scale = positive(view.scale) ? view.scale : 1;
  const axis = (offset: number, boxLength: number, pageLength: number) => {
    const length = pageLength * scale;
    if (!(length > boxLength)) return finiteOr((boxLength - length) / 2, 0);
    const gap = clamp(finiteOr(slack, 0), 0, boxLength / 2);
    return clamp(finiteOr(offset, 0), boxLength - length - gap, gap);
  };
  return { scale, x: axis(view.x, bw, pw), y: axis(view.y, bh, ph) };
}

/** Where a page point appears on screen. */
export function pageToScreen(view: View, point: Point): Point {
  return { x: finiteOr(point.x * view.scale + view.x, 0), y: finiteOr(point.y * view.scale + view.y, 0) };
}

/** Which page point is under a screen point. */
export function screenToPage(view: View, point: Point): Point {
  const scale = positive(view.scale) ? view.scale : 1;
  return { x: finiteOr((point.x - view.x) / scale, 0), y: finiteOr((point.y - view.y) / scale, 0) };
}

/**
 * The view at `scale` that keeps the page point under `screenPoint` where it is. Not clamped:
 * compose with {@link clampScale} and {@link clampView}.
 */
export function zoomAtPoint(view: View, scale: number, screenPoint: Point): View {
  const to = positive(scale) ? scale : positive(view.scale) ? view.scale : 1;
  const anchor = screenToPage(view, screenPoint);
  return {
    scale: to,
    x: finiteOr(screenPoint.x - anchor.x * to, 0),
    y: finiteOr(screenPoint.y - anchor.y * to, 0),
  };
}

/** The centre of the box, in screen pixels. */
export function boxCenter(box: Size): Point {
  const { width, height } = safeSize(box);
  return { x: width / 2, y: height / 2 };
}

/** The page point at the centre of the box. */
export function viewCenter(view: View, box: Size): Point {
  return screenToPage(view, boxCenter(box));
}

/** The view at `scale` with the page point `center` at the centre of the box. Not clamped. */
export function viewCenteredOn(center: Point, scale: number, box: Size): View {
  const to = positive(scale) ? scale : 1;
  const mid = boxCenter(box);
  return { scale: to, x: finiteOr(mid.x - center.x * to, 0), y: finiteOr(mid.y - center.y * to, 0) };
}

/** The view that fits the page, centred across; top-aligned when fitting the width. */
export function fitView(box: Size, page: Size, mode: FitMode = 'page'): View {
  const scale = fitScale(box, page, mode);
  const { width: bw, height: bh } = safeSize(box);
  const { width: pw, height: ph } = safeSize(page);
  const x = (bw - pw * scale) / 2;
  const y = mode === 'width' && ph * scale > bh ? 0 : (bh - ph * scale) / 2;
  return { scale, x: finiteOr(x, 0), y: finiteOr(y, 0) };
}

/** Two views are the same to within a thousandth of a pixel (or of a scale step). */
export function sameView(a: View, b: View): boolean {
  return Math.abs(a.scale - b.scale) <= 1e-9 * Math.max(1, a.scale) && Math.abs(a.x - b.x) < 1e-3 && Math.abs(a.y - b.y) < 1e-3;
}
