import type { ReactiveController } from 'lit';
import type { ViewportHost, ViewportPort } from './viewport-types.js';

/** Quiet time after the last input of a gesture before it counts as ended (ms). */
export const SETTLE_MS = 150;

/** The scale is the one the layer was rasterised at. */
const sameScale = (a: number, b: number) => Math.abs(a / b - 1) < 1e-6;

/**
 * The lifecycle of a gesture (wheel, pinch, drag): while it moves, the stage has
 * `will-change: transform` (one raster, moved by the compositor); {@link SETTLE_MS} after its last
 * input, with no pointer down, that is dropped if the scale changed, so Chromium rasterises the
 * text again at the new scale, and the viewport announces the view it settled at.
 *
 * After a pan (the scale the layer was rasterised at), the layer is kept: dropping it rasterised
 * the whole view again for nothing (measured: a 36–57 ms commit after each pan), and the next
 * gesture takes it as it is. Any later change of scale outside a gesture (buttons, keys, fit)
 * drops it, so the text is never left blurred.
 */
export class SettleController implements ReactiveController {
  #moving = false;
  #timer?: ReturnType<typeof setTimeout>;
  /** The scale the stage's will-change layer was rasterised at. */
  #rasterScale = 1;
  #rasterFrame?: number;
  /** Whether the stage stays promoted after a gesture that kept its scale. */
  #kept = false;

  readonly #host: ViewportHost;
  readonly #port: ViewportPort;
  /** Whether a pointer is still down: its lifting settles the gesture, not the timer. */
  readonly #held: () => boolean;

  constructor(host: ViewportHost, port: ViewportPort, held: () => boolean) {
    this.#host = host;
    this.#port = port;
    this.#held = held;
    host.addController(this);
  }

  /** A gesture is under way. */
  get moving(): boolean {
    return this.#moving;
  }

  get #stage(): HTMLElement | null {
    return this.#host.renderRoot?.querySelector<HTMLElement>('.stage') ?? null;
  }

  /** A gesture moved the view. */
  moved(): void {
    const stage = this.#stage;
    const scale = this.#host.scale;
    if (!this.#moving) {
      this.#moving = true;
      if (!this.#kept) {
        this.#rasterScale = scale;
        if (stage) stage.style.willChange = 'transform';
      }
    } else if (stage && this.#rasterFrame === undefined && scale < this.#rasterScale / 2) {
      // A will-change layer keeps the scale it was rasterised at: zooming far out from it would
      // raster ever more of the page at that high scale (measured: the long frames of a zoom
      // out). Let Chromium raster once at the current scale, then promote again.
      stage.style.willChange = '';
      this.#rasterScale = scale;
      this.#rasterFrame = requestAnimationFrame(() => {
        this.#rasterFrame = undefined;
        if (this.#moving) stage.style.willChange = 'transform';
      });
    }
    this.schedule();
  }

  /** Settles the gesture {@link SETTLE_MS} from now, unless more input comes. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#held()) return; // the pointer's lifting settles it
      this.#end();
      this.#port.settled();
    }, SETTLE_MS);
  }

  /** Ends the gesture: drops will-change if the scale changed (or `always`), so Chromium rasterises the text again at the new scale. */
  #end(always = false): void {
    if (this.#rasterFrame !== undefined) cancelAnimationFrame(this.#rasterFrame);
    this.#rasterFrame = undefined;
    if (!this.#moving && !this.#kept) return;
    this.#moving = false;
    this.#kept = !always && sameScale(this.#host.scale, this.#rasterScale);
    const stage = this.#stage;
    if (stage && !this.#kept) stage.style.willChange = '';
  }

  /**
   * A view written outside a gesture (buttons, keys, fit) at another scale drops the kept layer;
   * checked after the task, as a gesture's first step writes its view before it counts as moving.
   */
  #onView = (): void => {
    if (this.#kept && !this.#moving)
      queueMicrotask(() => {
        if (this.#kept && !this.#moving && !sameScale(this.#host.scale, this.#rasterScale)) this.#end(true);
      });
  };

  hostConnected(): void {
    this.#host.addEventListener('e-paper-viewport-view', this.#onView);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('e-paper-viewport-view', this.#onView);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#end(true);
  }
}
