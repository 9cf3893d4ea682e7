/**
 * The fonts of a page turned to (src/controllers/page-fonts.ts): a deep link into a page kept in a
 * page file (A2 of demo/editions/sliced/paged.json, test copies of the A1's layout, not news),
 * then the next page. Each page's headlines are set in its own exact cut, registered and loaded as
 * it is shown, and the page turned to fetches no headline slice (that the page strip's thumbnails
 * fetch none either is tests/elements/e-paper-pages/thumbnail-fonts.test.ts's).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { editionFontFamily } from '../../src/edition/fonts.js';
import type { Edition } from '../../src/edition/schema.js';
import type { EPaperPage } from '../../src/elements/e-paper-page/e-paper-page.js';
import { frames, nextEvent, until } from '../helpers.js';

const SLICED = new URL('../../demo/editions/sliced/', import.meta.url);
const faces = (family: string) => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family);

describe('the fonts of a page turned to', () => {
  before(() => performance.setResourceTimingBufferSize(100_000));

  it('loads the headline cut of each page shown, and fetches no headline slice', async () => {
    performance.clearResourceTimings();
    const el = document.createElement('e-paper') as EPaper;
    el.style.cssText = 'display: block; width: 1280px; height: 800px';
    el.storageKey = `page-fonts-${Date.now()}`;
    el.page = 'A2';
    el.src = new URL('paged.json', SLICED).href;
    const ready = nextEvent(el, 'e-paper-ready');
    document.body.append(el);
    try {
      await ready;
      const edition: Edition = await (await fetch(el.src)).json();
      const headline = editionFontFamily(edition, 'headline');
      const slices = edition.fonts!.filter((font) => font.role === 'headline' && font.kind === 'slice').map((font) => font.src);
      const headlineSlices = () =>
        performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname.replace(/.*\/sliced\//, ''))
          .filter((path) => slices.includes(path));
      // The strip's thumbnails drawn (A1, A3 from their files) and laid out, then the next page.
      const thumbnails = () => [
        ...(el.shadowRoot!.querySelector('e-paper-pages')?.shadowRoot?.querySelectorAll<EPaperPage>('e-paper-page') ?? []),
      ];
      await until(() => thumbnails().length === 3, 'the thumbnails drawn', 20_000);
      await Promise.all(thumbnails().map((page) => page.updateComplete));
      await frames(2);
      el.page = 'A3';
      const shown = () => el.shadowRoot!.querySelector<EPaperPage>('e-paper-viewport > e-paper-page')?.page?.id;
      await until(() => shown() === 'A3', 'A3 shown', 20_000);
      await until(() => faces(`${headline} A3`).some((face) => face.status === 'loaded'), 'the cut of A3 loaded', 20_000);
      await document.fonts.ready;
      expect(faces(`${headline} A3`).length, 'registered once').to.equal(1);
      expect(headlineSlices(), 'no headline slice').to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
