import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DOUBLE_TAP_MS, DOUBLE_TAP_SLOP } from '../elements/e-paper-viewport/e-paper-viewport.js';

/** What the viewer does for a double press that its first press turned into an open article. */
export interface DoublePressActions {
  /** Closes the article the first press opened. */
  close(): void;
  /** Zooms the page as a double-click (`pointerType` mouse or pen) or a double-tap does there. */
  zoomAt(clientX: number, clientY: number, pointerType: string, out: boolean): void;
}

interface Press {
  x: number;
  y: number;
  time: number;
  type: string;
}

const inViewport = (event: Event) => event.composedPath().some((node) => (node as Element).localName === 'e-paper-viewport');

/**
 * Double-click and double-tap zoom over articles, which cover nearly the whole page. The first
 * click of a double-click opens the reader at once: waiting to see whether a second follows would
 * delay every single click by the double-click time. The second press then lands on the reader
 * that the first opened; this controller sees it (listening on the viewer, in the capture phase),
 * closes the article again and zooms at the point, as the same gesture does over empty paper. Where
 * the second press lands on the page (the reader not shown yet), the viewport zooms by itself and
 * only the article is closed. The click that follows the press is swallowed: it would open the
 * article again.
 *
 * A press is the second of a pair when, for a mouse, Chromium counts it so (`detail` 2 or more:
 * the platform's double-click time and distance); for a finger or a pen, when it comes within
 * {@link DOUBLE_TAP_MS} and {@link DOUBLE_TAP_SLOP} of the tap that opened the article, the
 * viewport's own double-tap.
 */
export class DoublePressController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: DoublePressActions;
  /** The last click on the viewer, and the one that opened an article (until the next press). */
  #lastClick?: Press;
  #opener?: Press;
  #swallow = { click: false, dblclick: false };

  constructor(host: ReactiveControllerHost & HTMLElement, actions: DoublePressActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, listener] of this.#listeners) this.#host.addEventListener(type, listener, { capture: true });
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.#listeners) this.#host.removeEventListener(type, listener, { capture: true });
    this.#opener = this.#lastClick = undefined;
  }

  /** The article just opened was opened by the click now being dispatched. */
  openedByClick(): void {
    this.#opener = this.#lastClick;
  }

  #onClick = (event: Event): void => {
    const click = event as PointerEvent;
    if (this.#swallow.click) {
      this.#swallow.click = false;
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    this.#lastClick = { x: click.clientX, y: click.clientY, time: click.timeStamp, type: click.pointerType || 'mouse' };
  };

  #onDoubleClick = (event: Event): void => {
    if (!this.#swallow.dblclick) return;
    this.#swallow.dblclick = false;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  #onPointerDown = (event: Event): void => {
    const press = event as PointerEvent;
    this.#swallow = { click: false, dblclick: false };
    // A mouse's press is judged on its mousedown, which carries the click count.
    if (press.pointerType === 'mouse') return;
    const opener = this.#opener;
    this.#opener = undefined;
    if (
      opener &&
      opener.type === press.pointerType &&
      press.timeStamp - opener.time < DOUBLE_TAP_MS &&
      Math.hypot(press.clientX - opener.x, press.clientY - opener.y) < DOUBLE_TAP_SLOP
    )
      this.#second(press, press.pointerType);
  };

  #onMouseDown = (event: Event): void => {
    const press = event as MouseEvent;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.type === 'mouse' && press.button === 0 && press.detail >= 2) this.#second(press, 'mouse');
  };

  #second(press: MouseEvent, pointerType: string): void {
    this.#actions.close();
    const onPage = inViewport(press);
    this.#swallow = { click: true, dblclick: !onPage };
    if (onPage) return;
    // On the reader: no text selection, no backdrop click; the page zooms as if it had the press.
    press.preventDefault();
    this.#actions.zoomAt(press.clientX, press.clientY, pointerType, press.shiftKey);
  }

  readonly #listeners: [string, (event: Event) => void][] = [
    ['click', this.#onClick],
    ['dblclick', this.#onDoubleClick],
    ['pointerdown', this.#onPointerDown],
    ['mousedown', this.#onMouseDown],
  ];
}
