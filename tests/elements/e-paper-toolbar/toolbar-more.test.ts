// The toolbar's "more" (⋯) menu: at a phone's width (360 × 740, 390 × 844) every control the
// toolbar has at a desktop's (1280 × 800) is either on the row or an item of the menu, none
// dropped; the menu opens by a tap, a click or the keys as a menu button does (ARIA practices),
// its items press the controls they name, it closes on Escape (the focus back on its button), on
// Tab and on a press outside; it is named in zh-CN, zh-Hant and en, and axe finds nothing in it.
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { centre, deepQuery, frames, mountViewer, nextEvent, partsLoaded, until } from '../../helpers.js';
import { controls, everyControl, expectOneRow, nameOf } from './toolbar-controls.js';

const axe = (window as unknown as { axe: typeof AxeCore }).axe;

const VIEWS = {
  'eight pages, archive, offline': (e: EPaper) => {
    e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
    e.src = '/fixtures/multipage/8.json';
    e.offline = true;
  },
  'the same in the text view': (e: EPaper) => {
    e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
    e.src = '/fixtures/multipage/8.json';
    e.offline = true;
    e.view = 'text';
  },
  'one page, archive': (e: EPaper) => {
    e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
    e.src = '/fixtures/edition/2021-01-08.json';
  },
};

const toolbarOf = (el: EPaper) => deepQuery<HTMLElement>(el, 'e-paper-toolbar')!;
const moreButton = (el: EPaper) => deepQuery<HTMLButtonElement>(el, 'e-paper-toolbar', '[part~="more"]')!;
const menu = (el: EPaper) => deepQuery<HTMLElement>(el, 'e-paper-toolbar', '[part="more-menu"]');
const items = (el: EPaper) => [...(menu(el)?.querySelectorAll<HTMLElement>('[part="more-item"]') ?? [])];
const focused = (el: EPaper) => toolbarOf(el).shadowRoot!.activeElement;
const shown = (b: HTMLElement) => b.getClientRects().length > 0;

/** Every control the row can hold, shown or not: the toolbar's actions and the slotted ones. */
const allControls = (el: EPaper) => everyControl(el, 'button[data-action]');

/** The element a tap at `[x, y]` lands on, through the shadow roots. */
function hitAt([x, y]: [number, number]): Element | null {
  let hit: Element | null = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** A finger's tap at `[x, y]` (touch start and end, as a phone sends them). */
async function tap([x, y]: [number, number]): Promise<void> {
  const point = { x, y, radiusX: 4, radiusY: 4, id: 1 };
  await executeServerCommand('cdp-input', {
    events: [
      { method: 'Input.dispatchTouchEvent', params: { type: 'touchStart', touchPoints: [point] } },
      { method: 'Input.dispatchTouchEvent', params: { type: 'touchEnd', touchPoints: [] } },
    ],
    delay: 30,
  });
}

/** The viewer at a desktop's size (1280 × 800), its toolbar's end drawn. */
async function mountDesktop(view: keyof typeof VIEWS, lang?: string): Promise<EPaper> {
  await setViewport({ width: 1280, height: 800 });
  document.body.style.margin = '0';
  const el = await mountViewer<EPaper>(
    (e) => {
      VIEWS[view](e);
      if (lang) e.lang = lang;
    },
    { width: 1280, height: 760 },
  );
  await partsLoaded(el);
  await until(() => !!deepQuery(el, 'e-paper-archive', '.date'), 'the date picker is drawn');
  if (view !== 'one page, archive') await until(() => !!deepQuery(el, 'e-paper-offline', '.toggle'), 'the offline button is drawn');
  await frames();
  return el;
}

/** The same viewer made a phone's size; resolves once the toolbar has fitted its row to it. */
async function toPhone(el: EPaper, width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  el.style.width = `${width}px`;
  el.style.height = `${height - 40}px`;
  await until(
    () => controls(el).every((b) => b.getBoundingClientRect().right <= width) && shown(moreButton(el)),
    'the toolbar has fitted its row',
  );
  await frames();
}

describe('<e-paper-toolbar>: the "more" menu', () => {
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    document.body.style.margin = '';
  });

  for (const [width, height] of [
    [360, 740],
    [390, 844],
  ]) {
    for (const view of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) {
      it(`${view}, ${width} × ${height}: every control of the desktop's row is on the row or in the menu`, async () => {
        el = await mountDesktop(view);
        const desktop = allControls(el).filter(shown);
        expect(shown(moreButton(el)), 'no "more" button at 1280 px: nothing left out').to.equal(false);
        await toPhone(el, width, height);
        const row = expectOneRow(el, width);
        const bar = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.toolbar')!.getBoundingClientRect();
        expect(bar.height, 'one row').to.be.below(36 * 2);
        const left = desktop.filter((b) => !shown(b));
        expect(left.length, 'some control is left out of the row').to.be.greaterThan(0);
        await tap(centre(moreButton(el)));
        await until(() => items(el!).length > 0, 'the menu opened');
        const names = items(el).map(nameOf);
        for (const b of left) expect(names, `${nameOf(b)}, left out of the row, in the menu`).to.include(nameOf(b));
        for (const b of row) expect(names, `${nameOf(b)}, on the row, not in the menu too`).to.not.include(nameOf(b));
        expect(names.length, 'the menu holds only what is left out').to.equal(left.length);
        const box = menu(el)!.getBoundingClientRect();
        expect(box.left, 'the menu inside the window').to.be.at.least(0);
        expect(box.right, 'the menu inside the window').to.be.at.most(width);
        expect(box.top, 'the menu under the row').to.be.at.least(bar.bottom);
        for (const item of items(el)) {
          const r = item.getBoundingClientRect();
          expect(r.height, `${nameOf(item)} big enough to tap`).to.be.at.least(36);
          expect(item.contains(hitAt(centre(item))), `${nameOf(item)} over what is under it (the text view's heading too)`).to.equal(true);
        }
        // Full screen is the control a phone's row always leaves out: its item presses it.
        expect(names, 'full screen in the menu').to.include('全屏');
        await tap(centre(items(el).find((item) => nameOf(item) === '全屏')!));
        await until(() => document.fullscreenElement === el, 'the viewer full screen');
        expect(menu(el), 'the menu closed').to.equal(null);
        await document.exitFullscreen();
      });
    }
  }

  it('an item presses its control: the next page, from a tap; a disabled one does nothing and keeps the menu', async () => {
    el = await mountDesktop('eight pages, archive, offline');
    await toPhone(el, 390, 844);
    await tap(centre(moreButton(el)));
    await until(() => items(el!).length > 0, 'the menu opened');
    const previous = items(el).find((item) => nameOf(item) === '上一版')!;
    expect(previous.getAttribute('aria-disabled'), 'the first page: previous is disabled').to.equal('true');
    await tap(centre(previous));
    await frames();
    expect(el.page ?? '', 'still the first page').to.not.equal('p2');
    expect(menu(el), 'the menu stays open').to.not.equal(null);
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    await tap(centre(items(el).find((item) => nameOf(item) === '下一版')!));
    expect((await changed).detail.page, 'the next page').to.not.equal('');
    await until(() => menu(el!) === null, 'the menu closed');
    expect(focused(el), 'the focus on the "more" button').to.equal(moreButton(el));
  });

  it('keys: Enter opens on the first item, arrows go round, Home and End, Escape closes back on the button, ArrowUp opens on the last', async () => {
    el = await mountDesktop('eight pages, archive, offline');
    await toPhone(el, 360, 740);
    const button = moreButton(el);
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => items(el!).length > 0, 'the menu opened');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(menu(el)!.id);
    const all = items(el);
    expect(all.length).to.be.at.least(3);
    expect(focused(el), 'the first item').to.equal(all[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'the second item').to.equal(all[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el), 'round to the last').to.equal(all[all.length - 1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'round to the first').to.equal(all[0]);
    await sendKeys({ press: 'End' });
    expect(focused(el), 'End').to.equal(all[all.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(focused(el), 'Home').to.equal(all[0]);
    await sendKeys({ press: 'Escape' });
    await until(() => menu(el!) === null, 'Escape closed the menu');
    expect(focused(el), 'the focus back on the button').to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => items(el!).length > 0, 'ArrowUp opened the menu');
    expect(focused(el), 'on the last item').to.equal(items(el)[items(el).length - 1]);
    // Enter on an item presses it: to the next page by the keys alone.
    const next = items(el).find((item) => nameOf(item) === '下一版')!;
    next.focus();
    const changed = nextEvent(el, 'e-paper-page-change');
    await sendKeys({ press: 'Enter' });
    await changed;
    await until(() => menu(el!) === null, 'the menu closed');
    expect(focused(el), 'the focus back on the button').to.equal(button);
    // Tab leaves the menu and closes it.
    await sendKeys({ press: 'Space' });
    await until(() => items(el!).length > 0, 'Space opened the menu');
    await sendKeys({ press: 'Tab' });
    await until(() => menu(el!) === null, 'Tab closed the menu');
  });

  it('a click outside closes it (on the page, on the site’s own .menu); a click on its button closes it too', async () => {
    el = await mountDesktop('one page, archive');
    await toPhone(el, 390, 844);
    await sendMouse({ type: 'click', position: centre(moreButton(el)) });
    await until(() => items(el!).length > 0, 'the menu opened');
    expect(focused(el), 'the first item').to.equal(items(el)[0]);
    const page = el.shadowRoot!.querySelector('e-paper-viewport')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(page.left + page.width / 2), Math.round(page.bottom - 40)] });
    await until(() => menu(el!) === null, 'a click on the page closed the menu');
    // The host page's own elements are outside, whatever their class.
    const site = document.createElement('nav');
    site.className = 'menu more';
    site.style.cssText = 'position: fixed; left: 0; bottom: 0; width: 100px; height: 40px';
    document.body.append(site);
    try {
      await sendMouse({ type: 'click', position: centre(moreButton(el)) });
      await until(() => items(el!).length > 0, 'the menu opened again');
      await sendMouse({ type: 'click', position: centre(site) });
      await until(() => menu(el!) === null, 'a click on the site’s own .menu closed it');
    } finally {
      site.remove();
    }
    await sendMouse({ type: 'click', position: centre(moreButton(el)) });
    await until(() => items(el!).length > 0, 'the menu opened a third time');
    await sendMouse({ type: 'click', position: centre(moreButton(el)) });
    await until(() => menu(el!) === null, 'its button closed it');
    expect(moreButton(el).getAttribute('aria-expanded')).to.equal('false');
  });

  for (const [lang, name] of [
    ['zh-CN', '更多'],
    ['zh-TW', '更多'],
    ['en', 'More'],
  ]) {
    it(`${lang}: named "${name}", its items named in ${lang}; axe finds nothing with the menu open`, async () => {
      el = await mountDesktop('eight pages, archive, offline', lang);
      await toPhone(el, 390, 844);
      expect(nameOf(moreButton(el))).to.equal(name);
      await tap(centre(moreButton(el)));
      await until(() => items(el!).length > 0, 'the menu opened');
      expect(menu(el)!.getAttribute('aria-label')).to.equal(name);
      const next = { 'zh-CN': '下一版', 'zh-TW': '下一版', en: 'Next page' }[lang];
      expect(items(el).map(nameOf)).to.include(next);
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
    });
  }
});
