// The toolbar fits its row to the viewer's width, in Chinese and in English, with everything on
// (eight pages: the page arrows and read-out; the search, the list, the text view's toggle and
// full screen): one row at every width, every control inside the window and named, the words
// kept where they fit, and the page under the toolbar never moved as the toolbar's end arrives.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { deepQuery, frames, nextEvent, partsLoaded, trapUncaught, until } from '../../helpers.js';
import { expectOneRow, nameOf } from './toolbar-controls.js';

const WORDS = { 'zh-CN': { search: '搜索', list: /标题导航|版面导航/ }, en: { search: 'Search', list: /\w/ } };

/** The viewer, `width` px wide, with the page's top (under the toolbar) as it was at `e-paper-ready`, before the toolbar's end. */
async function mount(lang: keyof typeof WORDS, width: number) {
  await setViewport({ width: Math.max(width, 320), height: 720 });
  document.body.style.margin = '0';
  const el = document.createElement('e-paper') as EPaper;
  el.style.cssText = `display: block; width: ${width}px; height: 680px`;
  el.storageKey = `toolbar-fit-${lang}-${width}-${Date.now()}`;
  el.lang = lang;
  el.src = '/fixtures/multipage/8.json';
  let pageTopAtReady = NaN;
  const ready = nextEvent(el, 'e-paper-ready').then(() => {
    pageTopAtReady = el.shadowRoot!.querySelector('e-paper-viewport')!.getBoundingClientRect().top;
  });
  document.body.append(el);
  await ready;
  await partsLoaded(el);
  await until(() => !!deepQuery(el, 'e-paper-fullscreen', 'button'), 'full screen is drawn');
  await frames(3);
  return { el, pageTopAtReady };
}

describe('<e-paper-toolbar>: one row at every width, fitted by measure', () => {
  const uncaught = trapUncaught();
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await setViewport({ width: 800, height: 600 });
    document.body.style.margin = '';
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const width of [320, 360, 600, 640, 700, 1280]) {
      it(`${lang}, ${width} px: one row, every control inside and named, the page unmoved`, async () => {
        const mounted = await mount(lang, width);
        el = mounted.el;
        const bar = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.toolbar')!.getBoundingClientRect();
        const buttons = expectOneRow(el, width);
        expect(buttons.length, 'zoom, fit, search, list and the text view at least').to.be.at.least(7);
        expect(bar.height, 'one row').to.be.below(50);
        expect(bar.right, 'the toolbar inside the window').to.be.at.most(width);
        const page = el.shadowRoot!.querySelector('e-paper-viewport')!.getBoundingClientRect();
        expect(page.top, 'the page where it was before the toolbar’s end came').to.equal(mounted.pageTopAtReady);
        const search = el.shadowRoot!.querySelector<HTMLElement>('.search-toggle')!;
        expect(nameOf(search) || search.textContent!.trim(), 'the search is named').to.contain(WORDS[lang].search);
        if (width >= 700) {
          // Room for every word: none is made an icon (the natural row is 637 px in Chinese, 687 in English).
          expect(search.innerText.trim(), 'the search’s word shown').to.equal(WORDS[lang].search);
          const list = deepQuery<HTMLElement>(el, 'e-paper-contents', '[part="contents-button"]')!;
          expect(list.innerText.trim(), 'the list’s word shown').to.match(WORDS[lang].list);
          expect(
            deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.scale')!.getBoundingClientRect().width,
            'the scale shown',
          ).to.be.greaterThan(20);
          expect(
            deepQuery<HTMLElement>(el, 'e-paper-toolbar', '[data-action="next-page"]')!.getBoundingClientRect().width,
            'the arrows',
          ).to.be.greaterThan(0);
        }
        uncaught.expectNone();
      });
    }
  }

  it('fits again as the viewer narrows and widens, and as the language changes', async () => {
    const mounted = await mount('zh-CN', 1280);
    el = mounted.el;
    const toolbar = deepQuery<HTMLElement>(el, 'e-paper-toolbar')!;
    expect(toolbar.hasAttribute('compact'), 'room for everything at 1280 px').to.equal(false);
    el.style.width = '420px';
    await until(() => toolbar.getAttribute('compact') !== null, 'the row compacts at 420 px');
    await frames(2);
    expectOneRow(el, 420);
    el.lang = 'en';
    await until(() => !!el!.shadowRoot!.querySelector('.search-toggle')?.textContent?.includes('Search'), 'the words in English');
    await frames(3);
    expectOneRow(el, 420);
    el.style.width = '1280px';
    await until(() => !toolbar.hasAttribute('compact'), 'the words back at 1280 px');
    await frames(2);
    expectOneRow(el, 1280);
    uncaught.expectNone();
  });
});
