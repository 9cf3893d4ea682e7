/**
 * The viewport's geometry as its input controllers need it: client points in the box, the bounds
 * and the zoom at a point, from the viewport's public API and the pure maths of `viewport-math.ts`;
 * the steps only input takes (a pan, a wheel's zoom), apart from it so that the first render,
 * which has no input yet, does without them.
 */
import {
  clamp,
  clampScale,
  finiteOr,
  isFittedScale,
  positive,
  zoomAtPoint,
  type Point,
  type ScaleBounds,
  type View,
} from './viewport-math.js';
import type { ViewportHost } from './viewport-types.js';

/** A client point in the coordinates of `el`'s box (inside its border). */
export function toBox(el: HTMLElement, clientX: number, clientY: number): Point {
  const rect = el.getBoundingClientRect();
  return { x: clientX - rect.left - el.clientLeft, y: clientY - rect.top - el.clientTop };
}

/** The scales the viewport may take now. */
export const boundsOf = (host: ViewportHost): ScaleBounds => ({ min: host.minScale, max: host.maxScale });

/** Whether the viewport shows the whole page (its smallest scale). */
export const isFitted = (host: ViewportHost): boolean => isFittedScale(host.scale, boundsOf(host));

/**
 * The view at `scale`, clamped to the bounds first, that keeps the page point under `point` (box
 * px) where it is. Clamping after would keep the translation of the unclamped scale and move the
 * view elsewhere on the page.
 */
export const zoomedAt = (host: ViewportHost, scale: number, point: Point): View =>
  zoomAtPoint(host.view, clampScale(scale, boundsOf(host)), point);

/** The view that moves the page by (dx, dy) screen pixels. Not clamped. */
export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, x: finiteOr(view.x + dx, view.x), y: finiteOr(view.y + dy, view.y) };
}

/**
 * The zoom factor for one wheel event: `exp(-delta / 100)`, with the delta in pixels, capped per
 * event at `maxStep`. Trackpad pinches arrive as small ctrl+wheel deltas and follow the fingers;
 * a mouse notch (≈100 px) is capped to one step.
 */
export function wheelZoomFactor(deltaPixels: number, maxStep = 1.3): number {
  const cap = Math.log(positive(maxStep) && maxStep > 1 ? maxStep : 1.3);
  return Math.exp(clamp(-finiteOr(deltaPixels, 0) / 100, -cap, cap));
}
