import type { View } from './viewport-math.js';

/** The stage's transform for `view` with its page drawn at `drawnAt` inside it (e-paper-viewport.ts writes the same with `drawnAt` 1). */
const transformOf = ({ x, y, scale }: View, drawnAt = 1): string => `translate(${x}px, ${y}px) scale(${scale / drawnAt})`;

/**
 * How far (either way) the view's scale may move from the scale the layer's page is drawn at
 * before it is drawn again at the view's scale: the ratio at which Chromium's own pinch zoom
 * rasterises again (`kMaxScaleRatioDuringPinch`).
 */
export const REDRAW_RATIO = 2;

/** How far a zoom in may stretch the drawn page before it is drawn again during the gesture. */
export const STRETCH_RATIO = 4;

/**
 * The stage as a compositor layer during a gesture, with the page drawn inside it at the scale
 * of the view: the stage's `<slot>` scales the page by `drawnAt`, and the stage itself by what
 * remains (`scale / drawnAt`), so the layer is rasterised once at the scale shown, then moved and
 * scaled by the compositor while the gesture runs.
 *
 * Why the split: Chromium rasterises a `will-change: transform` layer at no less than the
 * screen's native scale (`MinimumRasterContentsScaleForWillChangeTransform`, unless the layer is
 * shown at under a quarter of it). With the whole page in the layer at its own size, the first
 * notch of a zoom from the fitted page (31 %) rasterised the whole A1 at 100 %: ten times the
 * pixels shown, 88 tiles in one frame (bench/frame-timeline.mjs). Drawn at the view's scale
 * inside the layer, the page is rasterised at the scale shown, in as many tiles as the screen
 * holds. As the scale moves {@link REDRAW_RATIO} away the page is drawn again at the new scale
 * (the layer stays; only what is in view is rasterised again), as Chromium's pinch zoom does.
 *
 * Why that redraw is one frame's work, not spread over several (measured, issue 22): a commit
 * that repaints a layer is activated only once every tile of it in view is rasterised, and
 * Chromium sends no main frame until then, so the view's ~21 tiles of dense text (1.3–2 ms of
 * CPU raster each, three quarters of it drawing text, not new glyphs) hold the frame for one
 * interval. Shown only a band of the box, the same redraw does spread (bench/experiments/
 * clip-band.js), but the rest of the box is blank meanwhile: the stretched raster is gone as soon
 * as its layer is repainted. Spreading it needs the page split into layers that can be redrawn
 * one at a time, or drawn twice; Chromium's own pinch avoids it by rasterising on the compositor.
 */
export class StageLayer {
  /** The scale the page is drawn at inside the layer; 0 while the stage is not promoted. */
  #drawnAt = 0;

  constructor(private readonly root: () => ParentNode | null | undefined) {}

  /** The scale the page is drawn at inside the promoted stage (0: not promoted). */
  get drawnAt(): number {
    return this.#drawnAt;
  }

  get #stage(): HTMLElement | null {
    return this.root()?.querySelector<HTMLElement>('.stage') ?? null;
  }

  /** Promotes the stage, or draws its page again, at `view`'s scale. */
  promote(view: View): void {
    const stage = this.#stage;
    const slot = stage?.querySelector('slot');
    if (!stage || !slot || !(view.scale > 0)) return;
    this.#drawnAt = view.scale;
    slot.style.transform = `scale(${view.scale})`;
    stage.style.willChange = 'transform';
    // The split changes at once: a step's transition must not animate the stage's part of it.
    stage.style.transition = 'none';
    this.write(view);
  }

  /** Whether `view`'s scale is far enough from the drawn one to draw the page again during a gesture. */
  stale(view: View): boolean {
    const ratio = view.scale / this.#drawnAt;
    return this.#drawnAt > 0 && (ratio > STRETCH_RATIO || ratio < 1 / REDRAW_RATIO);
  }

  /** Whether the page is drawn at `scale`. */
  drawnAtScale(scale: number): boolean {
    return Math.abs(scale / this.#drawnAt - 1) < 1e-6;
  }

  /**
   * Writes `view` to the promoted stage: the scale that remains once the page is drawn at
   * `drawnAt`, and the offset in whole device pixels. Chromium keeps the sub-pixel offset a
   * `will-change` layer was first rasterised at; moved by a fraction of a pixel from it, the
   * layer is resampled and its text blurred (seen after a zoom settled, until rounded).
   */
  write(view: View): void {
    const stage = this.#stage;
    const dpr = globalThis.devicePixelRatio || 1;
    const px = (n: number) => Math.round(n * dpr) / dpr;
    if (stage && this.#drawnAt) stage.style.transform = transformOf({ ...view, x: px(view.x), y: px(view.y) }, this.#drawnAt);
  }

  /** Ends the promotion: the page is drawn at the view's scale in the document again. */
  drop(view: View): void {
    const stage = this.#stage;
    const wasPromoted = this.#drawnAt > 0;
    this.#drawnAt = 0;
    if (!stage) return;
    stage.style.willChange = '';
    const slot = stage.querySelector('slot');
    if (slot) slot.style.transform = '';
    if (!wasPromoted) return;
    stage.style.transition = 'none';
    stage.style.transform = transformOf(view);
  }
}
