import type { ReactiveController } from 'lit';
import { isFitted, panBy, toBox, wheelZoomFactor, zoomedAt } from './input-geometry.js';
import type { ViewportHost, ViewportPort } from './viewport-types.js';

/** How long the "hold Ctrl to zoom" hint stays (ms). */
export const HINT_MS = 1500;

/** Safari's trackpad pinch: it sends these instead of ctrl + wheel (non-standard, WebKit only). */
const WEBKIT_GESTURES = ['gesturestart', 'gesturechange', 'gestureend'] as const;
type WebKitGestureEvent = UIEvent & { scale: number; clientX: number; clientY: number };

/**
 * The wheel and the trackpad: Ctrl/⌘ + wheel and a trackpad pinch (Chromium's ctrl + wheel,
 * Safari's gesture events) zoom at the pointer; a plain wheel pans when zoomed in and, at the
 * fitted scale, is left to the host page while a hint says how to zoom.
 */
export class WheelController implements ReactiveController {
  #hintTimer?: ReturnType<typeof setTimeout>;
  #webKitGestureStart?: number;

  readonly #host: ViewportHost;
  readonly #port: ViewportPort;
  /** Whether pointers are down: iOS sends gesture events for touch pinches too, which are pointers. */
  readonly #pointersDown: () => boolean;

  constructor(host: ViewportHost, port: ViewportPort, pointersDown: () => boolean) {
    this.#host = host;
    this.#port = port;
    this.#pointersDown = pointersDown;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('wheel', this.#onWheel, { passive: false });
    for (const type of WEBKIT_GESTURES) this.#host.addEventListener(type, this.#onWebKitGesture);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('wheel', this.#onWheel);
    for (const type of WEBKIT_GESTURES) this.#host.removeEventListener(type, this.#onWebKitGesture);
    this.#webKitGestureStart = undefined;
    this.#hint(false);
  }

  /** Shows the hint for {@link HINT_MS}, or hides it at once. */
  #hint(visible: boolean): void {
    clearTimeout(this.#hintTimer);
    this.#hintTimer = visible ? setTimeout(() => this.#hint(false), HINT_MS) : undefined;
    this.#port.hint(visible);
  }

  #onWheel = (event: WheelEvent): void => {
    if (event.defaultPrevented) return;
    const host = this.#host;
    const unit =
      event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? host.clientHeight || 800 : 1;
    if (event.ctrlKey || event.metaKey) {
      // Ctrl/⌘ + wheel, and trackpad pinches (Chromium sends them as ctrl + wheel). Never let
      // the browser zoom the host page instead, even at the bounds.
      event.preventDefault();
      if (this.#hintTimer !== undefined) this.#hint(false);
      const delta = (event.deltaY === 0 && event.deltaX ? event.deltaX : event.deltaY) * unit;
      const point = toBox(host, event.clientX, event.clientY);
      this.#port.commit(zoomedAt(host, host.scale * wheelZoomFactor(delta), point), { gesture: true });
      return;
    }
    if (isFitted(host)) {
      // The page is whole in view: the wheel belongs to the host page.
      this.#hint(true);
      return;
    }
    event.preventDefault();
    this.#port.commit(panBy(host.view, -event.deltaX * unit, -event.deltaY * unit), { gesture: true });
  };

  #onWebKitGesture = (event: Event): void => {
    // Never let Safari zoom the host page instead.
    event.preventDefault();
    const gesture = event as WebKitGestureEvent;
    // iOS sends these for touch pinches too: those are handled as pointers.
    if (this.#pointersDown()) return;
    if (event.type === 'gesturestart') this.#webKitGestureStart = this.#host.scale;
    else if (event.type === 'gestureend') this.#webKitGestureStart = undefined;
    else if (this.#webKitGestureStart !== undefined && Number.isFinite(gesture.scale)) {
      const point = toBox(this.#host, gesture.clientX, gesture.clientY);
      this.#port.commit(zoomedAt(this.#host, this.#webKitGestureStart * gesture.scale, point), { gesture: true });
    }
  };
}
