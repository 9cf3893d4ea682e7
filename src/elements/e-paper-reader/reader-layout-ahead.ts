/**
 * The reader's dialog laid out once at idle while it is closed, hidden and away from the screen,
 * with an article of the page in it (the first in reading order). The first open of an article
 * was the click's longest work: Lit made the article's DOM from its templates, and `showModal()`
 * laid the dialog out for the first time, finding the faces of its controls and shaping its text
 * (`bench/compare.mjs --click-cpu`). Done ahead, the click only puts the article's text into the
 * DOM already there, and the layout `showModal()` still does finds its faces and fallbacks known.
 *
 * The dialog then stays laid out while closed (the `ahead` class: hidden, away from the screen,
 * not read, not found, not hit, not reached by Tab), and after each close too: `showModal()` then
 * finds its styles and boxes made and only moves it into the top layer, where it rebuilt the whole
 * dialog from `display: none` before (about 2.5 ms of the click's 7.5 in `showModal()`, measured
 * in the page). Its styles there are those the opening animates from (see the styles). Opening
 * the reader, or a change of what it would show, stops a pass still waiting.
 */
export class LayoutAhead {
  /** What was laid out last (the edition, the page's articles, the text scale). */
  #key?: string;
  #idle?: number;

  constructor(
    /** Puts the article `id` in the closed dialog and resolves once it is rendered. */
    private readonly render: (id: string) => Promise<unknown>,
    /** The dialog as rendered now. */
    private readonly dialog: () => HTMLDialogElement | null,
  ) {}

  /** At the next idle time, once per `key`: renders `id` in the closed dialog and lays it out hidden. */
  schedule(key: string, id: string | undefined): void {
    if (id === undefined || key === this.#key) return;
    this.cancel();
    const idle = globalThis.requestIdleCallback;
    // Without idle callbacks (Safari), nothing: the work would land wherever a timer fell.
    if (!idle) return;
    this.#idle = idle(() => {
      this.#idle = undefined;
      this.#key = key;
      void this.render(id).then(() => {
        const dialog = this.dialog();
        if (!dialog || dialog.open) return;
        dialog.classList.add('ahead');
        // The layout now, in this task, rather than in a frame.
        void dialog.offsetHeight;
      });
    });
  }

  /** Stops a pass still waiting (the reader opens, or leaves the page). */
  cancel(): void {
    if (this.#idle !== undefined) cancelIdleCallback(this.#idle);
    this.#idle = undefined;
  }
}
