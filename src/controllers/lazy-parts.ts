import { definePart, type LazyElementName } from '../lazy-parts.js';

/**
 * The parts loaded once the browser is idle, before the first hover, click or Ctrl+F asks for them:
 * and the full-screen button, last in the toolbar's end (which comes after the page is shown).
 */
const IDLE_PARTS: readonly LazyElementName[] = ['e-paper-tooltip', 'e-paper-reader', 'e-paper-search', 'e-paper-fullscreen'];

/**
 * The viewer's lazy parts (src/lazy-parts.ts): each loaded when first needed, with a message when
 * that fails; the host's `updateComplete` waits for those being loaded (see {@link settled}).
 */
export class LazyPartsController {
  /** Parts being loaded. */
  readonly #pending = new Set<Promise<unknown>>();

  constructor(
    private readonly host: HTMLElement,
    /** A part could not be loaded: the viewer tells the reader. */
    private readonly failed: (name: string) => void,
  ) {}

  /** Loads a part that the first render did without. */
  need(name: LazyElementName): void {
    if (!customElements.get(name)) void this.load(name, () => definePart(name, undefined, this.host));
  }

  /**
   * Loads a module the first render did without (a part, or the viewer's own templates around the
   * page), tracked like a part: the host's `updateComplete` waits for it. Resolves with it, or with
   * undefined once `failed` has told the reader; never rejects.
   */
  load<T>(name: string, load: () => Promise<T>): Promise<T | undefined> {
    const pending: Promise<T | undefined> = load()
      .catch((error: unknown) => {
        console.warn(`e-paper: <${name}> could not be loaded`, error);
        this.failed(name);
        return undefined;
      })
      .finally(() => this.#pending.delete(pending));
    this.#pending.add(pending);
    return pending;
  }

  /** Whether a part is being loaded. */
  get loading(): boolean {
    return this.#pending.size > 0;
  }

  /** Resolves once the parts being loaded now are in (or failed). */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }

  /**
   * The part the first render shows with the page: the page strip, which arriving later would
   * shrink the page (the list comes with the toolbar's end, after the page is shown). Never
   * rejects: a failed one is asked for again with {@link need}.
   */
  forFirstRender(pageCount: number): Promise<unknown> {
    return pageCount > 1 ? definePart('e-paper-pages').catch(() => this.need('e-paper-pages')) : Promise.resolve();
  }

  /** Loads the tooltip, the reader and the search once the browser is idle (keys typed while the search loaded would be lost), then runs `then`. */
  whenIdle(then: () => void): void {
    const whenIdle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 100));
    whenIdle(
      () => {
        if (!this.host.isConnected) return;
        for (const name of IDLE_PARTS) this.need(name);
        then();
      },
      { timeout: 1000 },
    );
  }
}
