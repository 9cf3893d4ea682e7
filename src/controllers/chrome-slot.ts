import type { Chrome } from '../elements/e-paper/e-paper-chrome.js';
import type { ViewerContext } from './viewer-context.js';

/**
 * The viewer's hold on what it shows and does around the page once the page is shown (the toolbar's
 * end, the search, the list, the notice, the tooltip, the reader, and the opening of articles:
 * src/elements/e-paper/e-paper-chrome.ts, a module of its own). Loads it after `e-paper-ready` or on
 * first use, and keeps what the reader does before it is in: each action runs once it is, in the
 * order asked, before the viewer's `updateComplete` resolves. Kept small: it is in the first render.
 */
export class ChromeSlot {
  #chrome?: Chrome;
  /** The module on its way (never rejects: a failure is told by the parts' message, and tried again on next use). */
  #loading?: Promise<unknown>;
  /** What waits for it, in the order asked. */
  #queue: ((chrome: Chrome) => void)[] = [];
  /** The article before the first change that waits for it (in a box: undefined is a value). */
  #previous?: { article: string | undefined };

  constructor(
    private readonly ctx: ViewerContext,
    /** Makes it for `ctx` (a test's stand-in may take the module's place). */
    private readonly make = async (ctx: ViewerContext): Promise<Chrome> =>
      (await import('../elements/e-paper/e-paper-chrome.js')).makeChrome(ctx),
  ) {}

  /** What is shown around the page, once in. */
  get current(): Chrome | undefined {
    return this.#chrome;
  }

  /** Loads it (with the toolbar, and the list in its end), unless it is in or on its way. */
  need(): Promise<unknown> {
    const { parts } = this.ctx;
    if (this.#chrome) return Promise.resolve();
    if (!this.#loading) {
      parts.need('e-paper-toolbar');
      parts.need('e-paper-contents');
      this.#loading = parts.load('e-paper-chrome', async () => {
        const chrome = await this.make(this.ctx);
        this.#chrome = chrome;
        this.ctx.host.requestUpdate();
        // Inside the load the viewer's updateComplete waits for: what the actions load counts too.
        for (const action of this.#queue.splice(0)) action(chrome);
      });
      void this.#loading.then(() => {
        this.#loading = undefined;
        this.#queue = [];
        this.#previous = undefined;
      });
    }
    return this.#loading;
  }

  /** Runs `action` now if it is in, else once it is (loading it). */
  with(action: (chrome: Chrome) => void): void {
    if (this.#chrome) return action(this.#chrome);
    this.#queue.push(action);
    void this.need();
  }

  /**
   * `article` changed from `previous`: the reader opens, switches or closes. Changes before the
   * module is in are one change, from the article before the first of them to the last.
   */
  articleChanged(previous: string | undefined): void {
    if (this.#chrome) return this.#chrome.articles.changed(previous);
    if (this.#previous) return;
    this.#previous = { article: previous };
    this.with((chrome) => chrome.articles.changed(this.#previous?.article));
  }
}
