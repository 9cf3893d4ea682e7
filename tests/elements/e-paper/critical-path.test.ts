import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { A1_URL, deepQuery, frames, nextEvent } from '../../helpers.js';

const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;

/** The modules this file's page has fetched, by name. */
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => pattern.test(path));

/**
 * The modules this file's page has fetched that the first paint of a typeset page in Simplified
 * Chinese does without: what is shown after it (the toolbar too, what articles read do to the
 * session), the reading state's writer and how records merge,
 * the other languages' strings and those of what comes after ready, the words of validation
 * (an edition that fails loads them), and what only a scan page draws (the first test runs first:
 * nothing cached).
 */
const afterReadyModules = () =>
  fetched(
    /\/(e-paper-toolbar|toolbar-fit|e-paper-chrome|e-paper-chrome\.styles|article-reading|e-paper-contents|e-paper-reader|e-paper-tooltip|e-paper-search|search-highlights|reading-state|merge-records|en|languages|zh-hant|toolbar-strings|chrome-strings|validate|viewport-input|viewport-strings|scan-view|scan-tiles|scan-sources|text-layer|tile-layer)\.ts$/,
  );

let key = 0;

/** Mounts a viewer `width` × `height` px and resolves at its `e-paper-ready`, before anything else runs. */
async function mountAt(width: number, height: number): Promise<EPaper> {
  const el = document.createElement('e-paper') as EPaper;
  el.style.cssText = `display: block; width: ${width}px; height: ${height}px`;
  el.storageKey = `critical-${Date.now()}-${key++}`;
  el.src = A1_URL;
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  return el;
}

const box = (el: Element) => {
  const { top, left, width, height } = el.getBoundingClientRect();
  return { top, left, width, height };
};

describe('<e-paper>: the critical path', () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    it(`at ${width}×${height}: the page shows before the toolbar and the list load, and nothing moves as they come`, async () => {
      const el = await mountAt(width, height);
      if (width === 1280) expect(afterReadyModules(), 'fetched before e-paper-ready').to.deep.equal([]);
      const toolbar = deepQuery(el, 'e-paper-toolbar')!;
      const viewport = deepQuery(el, 'e-paper-viewport')!;
      expect(toolbar.querySelector('e-paper-contents'), 'the list comes after the first paint').to.equal(null);
      if (width === 1280) expect(toolbar.matches(':defined'), 'the toolbar comes after the first paint').to.equal(false);
      const before = { toolbar: box(toolbar), viewport: box(viewport) };
      expect(before.toolbar.height, 'the toolbar’s row is kept for it').to.be.above(0);
      await el.updateComplete;
      await customElements.whenDefined('e-paper-contents');
      await frames(2);
      expect(toolbar.querySelector('e-paper-contents'), 'the list, once the page is shown').to.exist;
      expect(toolbar.querySelector('.search-toggle'), 'the search button').to.exist;
      if (width === 1280)
        expect(
          getComputedStyle(toolbar.querySelector('.search-toggle svg')!).display,
          'its word, not its icon: its styles came with it',
        ).to.equal('none');
      expect(el.shadowRoot!.querySelector('e-paper-reader'), 'the reader').to.exist;
      expect(deepQuery(el, 'e-paper-contents', 'button'), 'the list’s button is drawn').to.exist;
      expect(deepQuery(el, 'e-paper-toolbar', '[data-action="zoom-in"]'), 'the toolbar’s own buttons are drawn').to.exist;
      expect({ toolbar: box(toolbar), viewport: box(viewport) }, 'the toolbar and the page keep their place').to.deep.equal(before);
      el.remove();
    });
  }

  it('a scan page: at e-paper-ready its image is drawn and styled by the scan part, fetched for it alone', async () => {
    const el = document.createElement('e-paper') as EPaper;
    el.style.cssText = 'display: block; width: 700px; height: 560px';
    el.noPersist = true;
    el.src = SCAN_URL;
    const ready = nextEvent(el, 'e-paper-ready');
    document.body.append(el);
    await ready;
    const image = deepQuery(el, 'e-paper-page', '.scan-image.sharp');
    expect(image, 'the scan image, at ready').to.exist;
    expect(getComputedStyle(image!).position, 'with the scan part’s styles').to.equal('absolute');
    expect(fetched(/\/scan-view\.ts$/), 'the scan part').to.have.length(1);
    el.remove();
  });
});
