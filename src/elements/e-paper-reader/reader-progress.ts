/**
 * The reader's reading progress: `e-paper-reader-progress` while the article scrolls (at most
 * every 250 ms, in a frame), once when an article that fits opens, and the paragraph at the top.
 */
import { emit } from '../../events/events.js';

/** How often, at most, `e-paper-reader-progress` fires while the reader scrolls. */
const PROGRESS_INTERVAL_MS = 250;
/** A paragraph counts as at the top of the view while more than this much of it is below the top. */
export const READ_LINE_PX = 24;

/** Reports how far the reader has read the article its element shows. */
export class ReadingProgress {
  readonly #element: HTMLElement;
  readonly #scroller: () => HTMLElement | null;
  readonly #paragraphs: () => HTMLElement[];
  /** The id of the article shown, if there is one. */
  readonly #articleId: () => string | undefined;

  constructor(
    element: HTMLElement,
    scroller: () => HTMLElement | null,
    paragraphs: () => HTMLElement[],
    articleId: () => string | undefined,
  ) {
    this.#element = element;
    this.#scroller = scroller;
    this.#paragraphs = paragraphs;
    this.#articleId = articleId;
  }

  #progressTimer?: number;
  #progressFrame?: number;
  #lastProgressAt = -Infinity;
  /** Set by the reader's own return to the top (a new article): that scroll is not reading progress. */
  ignoreScrollToTop = false;

  /** Whether a report is waiting for its time or its frame. */
  get pending(): boolean {
    return this.#progressTimer !== undefined || this.#progressFrame !== undefined;
  }

  onScroll = () => {
    const scroller = this.#scroller();
    // The reader's own return to the top (a new article) is not reading progress.
    if (this.ignoreScrollToTop) {
      if (!scroller || scroller.scrollTop === 0) return;
      this.ignoreScrollToTop = false;
    }
    if (this.#progressTimer !== undefined || this.#progressFrame !== undefined) return;
    const wait = Math.max(0, PROGRESS_INTERVAL_MS - (performance.now() - this.#lastProgressAt));
    this.#progressTimer = window.setTimeout(() => {
      this.#progressTimer = undefined;
      this.#progressFrame = requestAnimationFrame(() => {
        this.#progressFrame = undefined;
        this.emit();
      });
    }, wait);
  };

  /** An article that fits without scrolling is read to its end as it opens: say so once. */
  reportIfWhole(): void {
    if (this.#wholeFrame !== undefined) cancelAnimationFrame(this.#wholeFrame);
    this.#wholeFrame = requestAnimationFrame(() => {
      this.#wholeFrame = undefined;
      const scroller = this.#scroller();
      if (scroller && scroller.scrollHeight <= scroller.clientHeight) this.emit();
    });
  }

  #wholeFrame?: number;

  cancel(): void {
    if (this.#wholeFrame !== undefined) cancelAnimationFrame(this.#wholeFrame);
    this.#wholeFrame = undefined;
    if (this.#progressTimer !== undefined) clearTimeout(this.#progressTimer);
    if (this.#progressFrame !== undefined) cancelAnimationFrame(this.#progressFrame);
    this.#progressTimer = this.#progressFrame = undefined;
  }

  emit(): void {
    const scroller = this.#scroller();
    const articleId = this.#articleId();
    if (!scroller || articleId === undefined) return;
    this.#lastProgressAt = performance.now();
    const range = scroller.scrollHeight - scroller.clientHeight;
    const fraction = range <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / range));
    emit(this.#element, 'e-paper-reader-progress', { articleId, fraction, paragraph: this.paragraphAtTop() });
  }

  /** Index of the first body paragraph that reaches below the top of the view (by more than a few pixels). */
  paragraphAtTop(): number {
    const scroller = this.#scroller();
    const paragraphs = this.#paragraphs();
    if (!scroller || !paragraphs.length) return 0;
    const top = scroller.getBoundingClientRect().top + READ_LINE_PX;
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].getBoundingClientRect().bottom > top) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
