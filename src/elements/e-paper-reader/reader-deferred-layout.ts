/**
 * The reader's body paragraphs skip their layout while they are off screen when an article is
 * first shown (`content-visibility: auto` in the styles): the click that opens it then lays out
 * and shapes the first screenful only, which is most of what opening costs. After the frame that
 * shows it, every paragraph is laid out (the body's `whole` class), so that positions are exact
 * for restoring a paragraph, the progress reports and read aloud; what needs them exact sooner
 * calls {@link DeferredLayout.now}. The text is in the DOM throughout: find in page, selection and
 * screen readers see all of it.
 */
export class DeferredLayout {
  #frame?: number;
  #timer?: number;

  constructor(
    /** The body of the article shown now, if any. */
    private readonly body: () => Element | null,
    /** Runs once every paragraph has been laid out after {@link defer}. */
    private readonly whole: () => void,
  ) {}

  /** A new article is being shown: the first screenful now, the rest after the next frame. */
  defer(): void {
    this.cancel();
    this.body()?.classList.remove('whole');
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      // A task after the frame: its layout does not hold up the frame that shows the text.
      this.#timer = window.setTimeout(() => {
        this.#timer = undefined;
        this.now();
        this.whole();
      });
    });
  }

  /** Every paragraph laid out from now on (until the next {@link defer}). */
  now(): void {
    this.cancel();
    this.body()?.classList.add('whole');
  }

  cancel(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#frame = this.#timer = undefined;
  }
}
