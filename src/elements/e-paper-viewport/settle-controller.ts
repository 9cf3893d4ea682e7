import type { ReactiveController } from 'lit';
import type { ViewportHost, ViewportPort, ViewportViewDetail } from './viewport-types.js';
import { StageLayer } from './stage-layer.js';

/** Quiet time after the last input of a gesture before it counts as ended (ms). */
export const SETTLE_MS = 150;

/** How long an animated step (the viewport's transition, 180 ms) and its settling take before the page is drawn at its new scale (ms). */
export const STEP_SETTLE_MS = 180 + SETTLE_MS;

/**
 * The lifecycle of a gesture (wheel, pinch, drag) and the stage's layer. The stage is a
 * compositor layer from the time the input is attached, with the page drawn in it at the scale
 * shown (stage-layer.ts): a gesture moves and scales that raster, and nothing is rasterised when
 * it starts. {@link SETTLE_MS} after its last input, with no pointer down, the page is drawn at
 * the new scale if it changed (crisp at rest), and the viewport announces the view it settled at.
 * A change of scale outside a gesture (buttons, keys, fit, a resize) draws it again too, after
 * the step's transition.
 */
export class SettleController implements ReactiveController {
  #moving = false;
  #timer?: ReturnType<typeof setTimeout>;
  /** Drawing the page again after a step outside a gesture. */
  #redraw?: ReturnType<typeof setTimeout>;
  #idle?: number;

  readonly #host: ViewportHost;
  readonly #port: ViewportPort;
  readonly #layer: StageLayer;
  /** Whether a pointer is still down: its lifting settles the gesture, not the timer. */
  readonly #held: () => boolean;

  constructor(host: ViewportHost, port: ViewportPort, held: () => boolean) {
    this.#host = host;
    this.#port = port;
    this.#held = held;
    this.#layer = new StageLayer(() => host.renderRoot);
    host.addController(this);
  }

  /** A gesture is under way. */
  get moving(): boolean {
    return this.#moving;
  }

  /** A gesture moved the view. */
  moved(): void {
    const view = this.#host.view;
    clearTimeout(this.#redraw);
    this.#moving = true;
    // Not promoted yet (a gesture before the first idle moment), or far from the scale the page
    // was drawn at: zoomed out, the layer would raster ever more of the page at a higher scale.
    if (!this.#layer.drawnAt || this.#layer.stale(view)) this.#layer.promote(view);
    this.schedule();
  }

  /** Settles the gesture {@link SETTLE_MS} from now, unless more input comes. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#held()) return; // the pointer's lifting settles it
      this.#moving = false;
      this.#sharpen();
      this.#port.settled();
    }, SETTLE_MS);
  }

  /** Draws the page at the scale shown, if it was drawn at another. */
  #sharpen(): void {
    clearTimeout(this.#redraw);
    const view = this.#host.view;
    if (this.#layer.drawnAt && !this.#layer.drawnAtScale(view.scale)) this.#layer.promote(view);
  }

  /**
   * Every view written to the stage: the promoted stage gets what remains of the scale. A view
   * written outside a gesture (buttons, keys, fit, a resize) at another scale is drawn again at
   * it, once its transition has run; checked after the task, as a gesture's first step writes
   * its view before it counts as moving.
   */
  #onView = (event: Event): void => {
    const { view, animate } = (event as CustomEvent<ViewportViewDetail>).detail;
    this.#layer.write(view);
    queueMicrotask(() => {
      if (this.#moving || !this.#layer.drawnAt || this.#layer.drawnAtScale(this.#host.scale)) return;
      clearTimeout(this.#redraw);
      if (animate) this.#redraw = setTimeout(() => this.#sharpen(), STEP_SETTLE_MS);
      else this.#sharpen();
    });
  };

  hostConnected(): void {
    this.#host.addEventListener('e-paper-viewport-view', this.#onView);
    // The layer once the page is shown and the browser is idle: its first raster is the page at
    // the scale shown, as the document's was.
    const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 100));
    this.#idle = idle(() => {
      this.#idle = undefined;
      if (!this.#layer.drawnAt && this.#host.isConnected) this.#layer.promote(this.#host.view);
    });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('e-paper-viewport-view', this.#onView);
    if (this.#idle !== undefined) (globalThis.cancelIdleCallback ?? clearTimeout)(this.#idle);
    this.#idle = undefined;
    clearTimeout(this.#timer);
    clearTimeout(this.#redraw);
    this.#timer = undefined;
    this.#moving = false;
    this.#layer.drop(this.#host.view);
  }
}
