import { deepActiveElement } from '../internal/deep-focus.js';

/** What the reader's focus needs of the viewer: its render, and the region of an article on the page. */
export interface ReaderFocusHost {
  /** Resolves once the viewer has rendered. */
  rendered(): Promise<unknown>;
  regionFor(articleId: string): Element | null | undefined;
}

/**
 * Where focus goes back to when the reader closes: what had it when the reader opened (a region,
 * a list's item, a search result, a button of the host page), else the region of the article read.
 */
export class ReaderFocusController {
  /** What had focus when the reader opened. */
  #opener?: Element;

  constructor(private readonly host: ReaderFocusHost) {}

  /** The reader opens from `opener` (a region); without one, from what has focus now. */
  openedFrom(opener?: Element): void {
    this.#opener = opener ?? deepActiveElement() ?? undefined;
  }

  /**
   * After the reader closes, focus goes to the region of the article read when a region opened it
   * (the reader may have moved on with ← / →), else back to what opened it, else to that region.
   */
  returnFocus(articleId: string): void {
    const opener = this.#opener;
    this.#opener = undefined;
    void this.host.rendered().then(() => {
      const region = this.host.regionFor(articleId);
      const keepOpener = opener?.isConnected && opener !== document.body && !(region && opener.matches('.region'));
      ((keepOpener ? opener : region) as HTMLElement | SVGElement | null | undefined)?.focus({ preventScroll: true });
    });
  }
}
