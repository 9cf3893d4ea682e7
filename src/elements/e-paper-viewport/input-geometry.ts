/**
 * The viewport's geometry as its input controllers need it: client points in the box, the bounds
 * and the zoom at a point, from the viewport's public API and the pure maths of `viewport-math.ts`.
 */
import { clampScale, isFittedScale, zoomAtPoint, type Point, type ScaleBounds, type View } from './viewport-math.js';
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
