// An article opened from a search before the reader's part has arrived: its matches are
// highlighted once the part is defined. A file of its own: the reader must not be defined yet.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { deepQuery, loadA1 } from '../helpers.js';

const highlightRanges = () => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('e-paper-search') ?? [])];

describe('<e-paper>: search highlights in a reader that arrives late', () => {
  it('highlights the match in the reader once its part is defined', async () => {
    const edition = { ...(await loadA1()), fonts: undefined };
    const article = edition.articles.find((a) => a.id === 'a3')!;
    const text = article.paragraphs[0];
    let at = 0;
    while (/\s/.test(text.slice(at, at + 6))) at++;
    const phrase = text.slice(at, at + 6);
    const el = document.createElement('e-paper') as EPaper;
    el.style.cssText = 'display: block; width: 900px; height: 640px';
    el.storageKey = `late-reader-${Date.now()}`;
    el.edition = edition;
    let definedWhenOpened: boolean | undefined;
    const opened = new Promise<void>((resolve) =>
      el.addEventListener(
        'e-paper-ready',
        async () => {
          // Before the viewer's idle time: the search is asked for, the reader not yet.
          (el as unknown as { searchOpen: boolean }).searchOpen = true;
          await el.updateComplete;
          el.shadowRoot!.querySelector('e-paper-search')!.dispatchEvent(
            new CustomEvent('e-paper-search-query', { detail: { query: phrase } }),
          );
          definedWhenOpened = customElements.get('e-paper-reader') !== undefined;
          el.openArticle('a3');
          resolve();
        },
        { once: true },
      ),
    );
    document.body.append(el);
    await opened;
    expect(definedWhenOpened, 'the reader part had not arrived when the article opened').to.equal(false);
    await customElements.whenDefined('e-paper-reader');
    const readerRoot = () => deepQuery(el, 'e-paper-reader')?.shadowRoot;
    for (let i = 0; i < 200 && !highlightRanges().some((r) => readerRoot()?.contains(r.startContainer)); i++)
      await new Promise((r) => setTimeout(r, 25));
    const inReader = highlightRanges().filter((r) => readerRoot()?.contains(r.startContainer));
    expect(inReader.length, 'matches highlighted in the reader').to.be.greaterThan(0);
    expect(inReader[0].toString()).to.equal(phrase);
    el.remove();
  });
});
