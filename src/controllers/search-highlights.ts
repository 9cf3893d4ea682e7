import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a part highlights: the query ('' for none) and what its text depends on (the page, the article). */
export type HighlightKey = readonly [query: string, ...text: unknown[]];

/**
 * Lets a part (the page, the reader) highlight the search matches in its own shadow root, after
 * each render that changed the query or its text: no one reaches into it from outside, and a part
 * that arrives late highlights as soon as it renders. The highlighting module
 * (src/search/search-highlight.ts) is loaded on the first query.
 */
export class SearchHighlightController implements ReactiveController {
  /** What the highlights were last drawn for. */
  #drawn: HighlightKey = [''];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly key: () => HighlightKey,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const key = this.key();
    if (key.length === this.#drawn.length && key.every((value, i) => Object.is(value, this.#drawn[i]))) return;
    const [query] = key;
    const was = this.#drawn[0];
    this.#drawn = key;
    if (!query && !was) return;
    void import('../search/search-highlight.js').then((m) => {
      const root = this.host.shadowRoot;
      if (this.#drawn !== key) return;
      if (query && root) m.highlightMatches(this.host, [root], query);
      else m.clearMatches(this.host);
    });
  }

  hostDisconnected(): void {
    if (this.#drawn[0]) void import('../search/search-highlight.js').then((m) => m.clearMatches(this.host));
    this.#drawn = [''];
  }
}
