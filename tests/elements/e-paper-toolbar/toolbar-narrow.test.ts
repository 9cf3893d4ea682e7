// The toolbar and the list in a phone's window (360, 390 and 414 px wide): one row of named
// controls, and the list's panel inside the screen, for one page, several pages and an archive.
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { deepQuery, frames, mountViewer, partsLoaded, until } from '../../helpers.js';
import { controls, expectOneRow, nameOf } from './toolbar-controls.js';

const VIEWS = {
  'one page': (e: EPaper) => (e.src = '/fixtures/edition/2021-01-08.json'),
  'eight pages': (e: EPaper) => (e.src = '/fixtures/multipage/8.json'),
  archive: (e: EPaper) => {
    e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
    e.src = '/fixtures/edition/2021-01-08.json';
  },
};

async function mount(view: keyof typeof VIEWS, width: number) {
  await setViewport({ width, height: 740 });
  document.body.style.margin = '0';
  // As wide as the window, as a site gives it on a phone.
  const el = await mountViewer<EPaper>(VIEWS[view], { width, height: 700 });
  await partsLoaded(el);
  if (view === 'archive') await until(() => !!deepQuery(el, 'e-paper-archive', '.date'), 'the date picker is drawn');
  await frames();
  // The toolbar fits itself in the frame after a change of its width or of a font (the date
  // picker's words, the UI font): one such change may still be on its way.
  await until(() => controls(el).every((b) => b.getBoundingClientRect().right <= width), 'the toolbar has fitted its row');
  return el;
}

describe('<e-paper>: the toolbar and the list on a phone', () => {
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    document.body.style.margin = '';
  });

  for (const view of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) {
    for (const width of [360, 390, 414]) {
      it(`${view}, ${width} px: one row of named controls; the list opens inside the screen`, async () => {
        el = await mount(view, width);
        const bar = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.toolbar')!.getBoundingClientRect();
        expect(expectOneRow(el, width).length, 'zoom, fit, search and list at least').to.be.at.least(6);
        expect(bar.height, 'one row').to.be.below(36 * 2);
        // The list, by touch of a finger's size as a pointer: its panel is inside the window.
        const toggle = deepQuery<HTMLElement>(el, 'e-paper-contents', '[part="contents-button"]')!;
        expect(nameOf(toggle)).to.match(/标题导航|版面导航/);
        const t = toggle.getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(t.left + t.width / 2), Math.round(t.top + t.height / 2)] });
        await until(() => !!deepQuery(el!, 'e-paper-contents', '[part="contents-panel"]'), 'the list opened');
        await frames();
        const panel = deepQuery<HTMLElement>(el, 'e-paper-contents', '[part="contents-panel"]')!.getBoundingClientRect();
        expect(panel.left, 'panel left').to.be.at.least(0);
        expect(panel.right, 'panel right').to.be.at.most(width);
        expect(panel.top, 'panel under the toolbar').to.be.at.least(bar.bottom);
        expect(panel.bottom, 'panel bottom').to.be.at.most(innerHeight);
        expect(panel.width, 'a sheet across the screen').to.be.at.least(width - 8);
      });
    }
  }

  it('at 1000 px: the words, the scale and the arrows are back', async () => {
    el = await mount('archive', 1000);
    const search = el.shadowRoot!.querySelector<HTMLElement>('.search-toggle')!;
    expect(search.innerText.trim()).to.equal('搜索');
    expect(deepQuery<HTMLElement>(el, 'e-paper-contents', '[part="contents-button"]')!.innerText.trim()).to.equal('标题导航');
    expect(deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.scale')!.getBoundingClientRect().width).to.be.greaterThan(20);
    expect(deepQuery<HTMLElement>(el, 'e-paper-archive', '.date')!.innerText.trim()).to.equal('2021年1月8日 星期五');
    expect(deepQuery<HTMLElement>(el, 'e-paper-archive', '.prev')!.getBoundingClientRect().width).to.be.greaterThan(0);
  });
});
