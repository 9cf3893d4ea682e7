import { DOUBLE_TAP_MS, DOUBLE_TAP_SLOP } from '../e-paper-viewport/e-paper-viewport.js';

/** A second press that the reader hands back to the page: zoom there, as the gesture does. */
export interface DoublePress {
  x: number;
  y: number;
  /** `mouse` (a double-click: a step in, or out with Shift) or `touch`/`pen` (a double-tap). */
  pointerType: string;
  out: boolean;
}

interface Press {
  x: number;
  y: number;
  time: number;
  type: string;
  article?: string;
}

/**
 * Double-click and double-tap over articles, which cover nearly the whole page. The first click
 * of a double-click opens the reader at once: waiting to see whether a second follows would delay
 * every single click by the double-click time. The second press then lands on the reader that
 * the first opened: this watch sees it, and the reader closes and hands the press back to the
 * viewer, which zooms there as over empty paper. The click and double-click that follow the press
 * are swallowed (the click would land on the article again and reopen it).
 *
 * It listens in the capture phase on the reader's root (the viewer's shadow root), so it sees the
 * click on the article's region that opened the reader. A press is the second of a pair when, for
 * a mouse, Chromium counts it so (`detail` 2 or more: the platform's double-click time and
 * distance); for a finger or a pen, when it comes within the viewport's double-tap time and
 * distance of the tap that opened the reader.
 */
export class DoublePressWatch {
  readonly #onSecond: (press: DoublePress) => void;
  #root?: Node;
  #lastClick?: Press;
  #opener?: Press;
  #swallow = false;

  constructor(onSecond: (press: DoublePress) => void) {
    this.#onSecond = onSecond;
  }

  attach(root: Node): void {
    this.detach();
    this.#root = root;
    for (const [type, listener] of this.#listeners) root.addEventListener(type, listener, true);
  }

  detach(): void {
    for (const [type, listener] of this.#listeners) this.#root?.removeEventListener(type, listener, true);
    this.#root = this.#opener = this.#lastClick = undefined;
  }

  /** The reader has just opened `articleId`: by the last click, on its region, or not. */
  opened(articleId: string | undefined): void {
    const click = this.#lastClick;
    this.#lastClick = undefined;
    // However long the opening took (a slow phone, the reader's part still loading), the click
    // that opened it is the last input before it: a key pressed since has cleared it.
    this.#opener = click && click.article === articleId ? click : undefined;
  }

  #onKey = (): void => {
    this.#lastClick = undefined;
  };

  #onClick = (event: Event): void => {
    if (this.#swallow) {
      if (event.type === 'dblclick') this.#swallow = false;
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (event.type !== 'click') return;
    const click = event as PointerEvent;
    const region = event.composedPath().find((node) => (node as Element).classList?.contains('region')) as HTMLElement | undefined;
    this.#lastClick = {
      x: click.clientX,
      y: click.clientY,
      time: click.timeStamp,
      type: click.pointerType || 'mouse',
      article: region?.dataset.articleId,
    };
  };

  #onPress = (event: Event): void => {
    const press = event as PointerEvent;
    // A mouse's press is judged on its mousedown, which carries the click count.
    if (press.type === 'pointerdown') this.#swallow = false;
    if (press.type === 'pointerdown' && press.pointerType === 'mouse') return;
    const opener = this.#opener;
    this.#opener = undefined;
    if (!opener || press.button !== 0) return;
    const second =
      opener.type === 'mouse'
        ? press.type === 'mousedown' && press.detail >= 2
        : opener.type === press.pointerType &&
          press.timeStamp - opener.time < DOUBLE_TAP_MS &&
          Math.hypot(press.clientX - opener.x, press.clientY - opener.y) < DOUBLE_TAP_SLOP;
    if (!second) return;
    // No text selection, no backdrop click: the press is the page's.
    press.preventDefault();
    this.#swallow = true;
    this.#onSecond({ x: press.clientX, y: press.clientY, pointerType: opener.type, out: press.shiftKey });
  };

  readonly #listeners: [string, (event: Event) => void][] = [
    ['click', this.#onClick],
    ['dblclick', this.#onClick],
    ['pointerdown', this.#onPress],
    ['mousedown', this.#onPress],
    ['keydown', this.#onKey],
  ];
}
