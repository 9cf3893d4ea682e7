import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import { EPaperPages, type PagesSelectDetail } from '../../../src/elements/e-paper-pages/e-paper-pages.js';
import { EPaperPage } from '../../../src/elements/e-paper-page/e-paper-page.js';
import type { Edition, Page } from '../../../src/edition/schema.js';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { A1_URL, loadA1, nextEvent } from '../../helpers.js';

if (!customElements.get('e-paper-pages')) customElements.define('e-paper-pages', EPaperPages);
if (!customElements.get('e-paper-page')) customElements.define('e-paper-page', EPaperPage);

const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;

const edition = async (pages: number) => multiPageEdition(await loadA1(), pages, { fontBase: A1_URL });
const thumbs = (el: EPaperPages) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="page-thumb"]')];
const thumbOf = (el: EPaperPages, id: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-page-id="${id}"]`)!;
const pageIn = (thumb: Element) => thumb.querySelector<EPaperPage>('e-paper-page');
const list = (el: EPaperPages) => el.shadowRoot!.querySelector('ul')!;
const sizer = (el: EPaperPages) => el.shadowRoot!.querySelector<HTMLElement>('.sizer');

/** The edition with some pages' sizes changed: `{A20: [1, 1.25]}` makes A20 a quarter taller. */
function resized(ed: Edition, factors: Record<string, [number, number]>): Edition {
  return {
    ...ed,
    pages: ed.pages.map((p) => (factors[p.id] ? { ...p, width: p.width * factors[p.id][0], height: p.height * factors[p.id][1] } : p)),
  };
}

/** The page as a reference to a page file not loaded yet: its size and label, no content. */
const asRef = ({ id, label, section, width, height }: Page): Page =>
  ({ id, label, section, width, height, src: `pages/${id}.json` }) as Page;

/** What the strip's layout gives the viewer: its height, and the scroll box of its row. */
function stripSize(el: EPaperPages) {
  const row = list(el);
  return {
    height: el.getBoundingClientRect().height,
    scrollWidth: row.scrollWidth,
    clientWidth: row.clientWidth,
    clientHeight: row.clientHeight,
  };
}

function center(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

async function strip(ed: Edition, width: number, pageId = 'A1', uiLang = 'zh-CN') {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">
    <button id="before">before</button>
    <e-paper-pages .edition=${ed} pageId=${pageId} .baseUrl=${A1_URL} lang=${uiLang}></e-paper-pages>
    <button id="after">after</button>
  </div>`);
  const el = wrap.querySelector<EPaperPages>('e-paper-pages')!;
  await el.updateComplete;
  return el;
}

/** Waits until the first `count` thumbnails are drawn and their pages rendered. */
async function drawn(el: EPaperPages, count: number) {
  await waitUntil(
    () =>
      thumbs(el)
        .slice(0, count)
        .every((t) => pageIn(t)),
    `${count} thumbnails drawn`,
  );
  await Promise.all(thumbs(el).map((t) => pageIn(t)?.updateComplete));
}

afterEach(() => resetMouse());

describe('<e-paper-pages>', () => {
  it('shows one thumb per page with its label and section, in a named nav', async () => {
    const ed = await edition(6);
    const el = await strip(ed, 800);
    const nav = el.shadowRoot!.querySelector('nav[part="pages"]')!;
    expect(nav.getAttribute('aria-label')).to.equal('版面');
    expect(thumbs(el).map((t) => t.querySelector('b')!.textContent!.replace(/[\u2066-\u2069]/g, ''))).to.deep.equal([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
    ]);
    const labels = thumbs(el).map((t) =>
      t
        .querySelector('[part="page-label"]')!
        .textContent!.replace(/[\u2066-\u2069]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(labels[0]).to.equal(`A1 ${ed.pages[0].section}`);
    expect(labels[1]).to.equal('A2 测试版面（A1 的副本）');
    expect(thumbs(el)[0].querySelector('[part="page-label"]')!.getAttribute('lang')).to.equal(ed.lang);
    el.lang = 'en';
    await el.updateComplete;
    expect(nav.getAttribute('aria-label')).to.equal('Pages');
  });

  it('marks the shown page with aria-current and an accent outline, and follows pageId', async () => {
    const el = await strip(await edition(6), 800, 'A2');
    const current = () =>
      thumbs(el)
        .filter((t) => t.getAttribute('aria-current') === 'page')
        .map((t) => t.dataset.pageId);
    expect(current()).to.deep.equal(['A2']);
    const box = (id: string) => getComputedStyle(thumbOf(el, id).querySelector('.box')!);
    expect(box('A2').outlineStyle).to.equal('solid');
    expect(box('A1').outlineStyle).to.equal('none');
    el.pageId = 'A5';
    await el.updateComplete;
    expect(current()).to.deep.equal(['A5']);
    expect(thumbs(el).map((t) => t.tabIndex)).to.deep.equal([-1, -1, -1, -1, 0, -1]);
  });

  it('draws no thumbnail before the browser has been idle; the boxes have the page aspect already', async () => {
    const ed = await edition(6);
    const el = await strip(ed, 800);
    expect(thumbs(el).filter((t) => pageIn(t))).to.have.length(0);
    const r = thumbs(el)[0].querySelector('.box')!.getBoundingClientRect();
    expect(r.width).to.be.closeTo(72, 0.5);
    expect(r.width / r.height).to.be.closeTo(ed.pages[0].width / ed.pages[0].height, 0.01);
    await drawn(el, 6);
  });

  it('fires e-paper-pages-select with the page id on a real click', async () => {
    const el = await strip(await edition(6), 800);
    await drawn(el, 6);
    const event = nextEvent<PagesSelectDetail>(document, 'e-paper-pages-select');
    // On the thumbnail itself: the inert page lets the click through to its button.
    await sendMouse({ type: 'click', position: center(pageIn(thumbOf(el, 'A3'))!) });
    expect((await event).detail).to.deep.equal({ pageId: 'A3' });
    const again = nextEvent<PagesSelectDetail>(document, 'e-paper-pages-select');
    await sendMouse({ type: 'click', position: center(thumbOf(el, 'A1').querySelector('[part="page-label"]')!) });
    expect((await again).detail).to.deep.equal({ pageId: 'A1' });
  });

  it('is one tab stop; arrows, Home and End move along it, Enter chooses', async () => {
    const el = await strip(await edition(6), 800);
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.pageId;
    document.getElementById('before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('A1');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal('A1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('A3');
    const event = nextEvent<PagesSelectDetail>(el, 'e-paper-pages-select');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.pageId).to.equal('A3');
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal('A6');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('A6');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('A2');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal('A1');
    const space = nextEvent<PagesSelectDetail>(el, 'e-paper-pages-select');
    await sendKeys({ press: 'Space' });
    expect((await space).detail.pageId).to.equal('A1');
    // One tab stop: Tab leaves the strip; Shift+Tab comes back to the page last focused.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('after');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal('A2');
  });

  it('draws each thumbnail from its own page, at the page aspect, without focusable regions', async () => {
    const ed = await edition(6);
    const el = await strip(ed, 800);
    await drawn(el, 6);
    for (const [i, thumb] of thumbs(el).entries()) {
      const page = ed.pages[i];
      const inner = pageIn(thumb)!;
      expect(inner.page).to.equal(page);
      expect(inner.hasAttribute('thumbnail')).to.be.true;
      const shown = [...inner.shadowRoot!.querySelectorAll<HTMLElement>('[data-article-id]')].map((a) => a.dataset.articleId);
      const expected = page.blocks!.flatMap((b) => (b.kind === 'article' ? [b.article] : []));
      expect(shown, page.id).to.deep.equal(expected);
      expect(shown.length).to.be.greaterThan(0);
      const r = inner.getBoundingClientRect();
      expect(r.width).to.be.closeTo(72, 0.5);
      expect(r.width / r.height / (page.width / page.height)).to.be.closeTo(1, 0.01);
      const box = thumb.querySelector('.box')!.getBoundingClientRect();
      expect(r.left).to.be.closeTo(box.left, 0.5);
      expect(r.bottom).to.be.closeTo(box.bottom, 0.5);
      // No regions, nothing focusable, out of the accessibility tree.
      expect(inner.shadowRoot!.querySelectorAll('.region, [tabindex], button, a[href]')).to.have.length(0);
      expect(inner.inert).to.be.true;
      expect(inner.getAttribute('aria-hidden')).to.equal('true');
    }
    // The two pages differ, and so do their thumbnails.
    expect(pageIn(thumbs(el)[1])!.shadowRoot!.querySelectorAll('[data-article-id]').length).to.be.lessThan(
      pageIn(thumbs(el)[0])!.shadowRoot!.querySelectorAll('[data-article-id]').length,
    );
  });

  it('a thumbnail page of a scan shows its smallest image and no regions, whatever its scale', async () => {
    const scan = (await (await fetch(SCAN_URL)).json()) as Edition;
    const page = await fixture<EPaperPage>(
      html`<e-paper-page thumbnail .edition=${scan} .page=${scan.pages[0]} .baseUrl=${SCAN_URL} .scale=${2}></e-paper-page>`,
    );
    const images = [...page.shadowRoot!.querySelectorAll('img')].map((img) => img.src);
    expect(images).to.deep.equal([new URL('zhuzhou-daily-2021-01-08-scan/page-500.jpg', SCAN_URL).href]);
    expect(page.shadowRoot!.querySelector('.regions, .region')).to.equal(null);
    // The same page, not a thumbnail: regions and the sharp image.
    page.thumbnail = false;
    await page.updateComplete;
    expect(page.hasAttribute('thumbnail')).to.be.false;
    expect(page.inert).to.be.false;
    expect(page.hasAttribute('aria-hidden')).to.be.false;
    expect(page.shadowRoot!.querySelectorAll('.region').length).to.be.greaterThan(0);
    expect(page.shadowRoot!.querySelector<HTMLImageElement>('img.sharp')!.src).to.match(/page-2000\.jpg$/);
  });

  it('in a narrow strip of 24 pages, draws far-off thumbnails only once they are scrolled near', async () => {
    const el = await strip(await edition(24), 390);
    await drawn(el, 1);
    const all = thumbs(el);
    const drawnIds = () => all.filter((t) => pageIn(t)).map((t) => t.dataset.pageId);
    expect(drawnIds().length).to.be.lessThan(12);
    expect(pageIn(all[23])).to.equal(null);
    const scroller = list(el);
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth * 3);
    scroller.scrollLeft = scroller.scrollWidth;
    await waitUntil(() => pageIn(all[23]), 'the last thumbnail drawn once scrolled to');
    // Those in the middle, never near, still are not.
    expect(drawnIds()).to.not.include('A12');
  });

  it('scrolls the shown page into the strip (the strip alone) when pageId changes', async () => {
    const el = await strip(await edition(24), 390);
    const scrollY = window.scrollY;
    const inView = (id: string) => {
      const t = thumbOf(el, id).getBoundingClientRect();
      const l = list(el).getBoundingClientRect();
      return t.left >= l.left - 0.5 && t.right <= l.right + 0.5;
    };
    expect(inView('A20')).to.be.false;
    el.pageId = 'A20';
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(inView('A20')).to.be.true;
    // And still once any scroll settling is over (scroll snapping once pulled it back out).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(inView('A20'), 'still whole in view').to.be.true;
    expect(window.scrollY).to.equal(scrollY);
    await waitUntil(() => pageIn(thumbOf(el, 'A20')), 'the shown thumbnail drawn');
  });

  it('while paused (the viewer’s first render) it neither draws nor scrolls; unpaused it brings the shown page in', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 390px">
      <e-paper-pages paused .edition=${await edition(24)} pageId="A20" .baseUrl=${A1_URL}></e-paper-pages>
    </div>`);
    const el = wrap.querySelector<EPaperPages>('e-paper-pages')!;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(list(el).scrollLeft, 'not scrolled while paused').to.equal(0);
    expect(el.shadowRoot!.querySelector('e-paper-page'), 'nothing drawn while paused').to.equal(null);
    el.paused = false;
    await el.updateComplete;
    const t = thumbOf(el, 'A20').getBoundingClientRect();
    const l = list(el).getBoundingClientRect();
    expect(t.left >= l.left - 0.5 && t.right <= l.right + 0.5, 'A20 in view').to.equal(true);
    await waitUntil(() => pageIn(thumbOf(el, 'A20')), 'the shown thumbnail drawn once unpaused');
  });

  for (const { pages, width } of [
    { pages: 24, width: 390 },
    { pages: 8, width: 1200 },
  ]) {
    it(`while paused, one hidden item gives the strip its full size (${pages} pages of different sizes, ${width}px)`, async () => {
      // The tallest page is far out of view in the narrow strip; another one is wider than A1.
      const tallest = `A${pages - 2}`;
      const ed = resized(await edition(pages), { A2: [1.5, 1], [tallest]: [1, 1.25] });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">
        <button id="before">before</button>
        <e-paper-pages paused .edition=${ed} pageId="A1" .baseUrl=${A1_URL}></e-paper-pages>
        <button id="after">after</button>
      </div>`);
      const el = wrap.querySelector<EPaperPages>('e-paper-pages')!;
      await el.updateComplete;
      // One item, hidden from everyone, with nothing to focus; the nav keeps its name.
      expect(thumbs(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(1);
      const item = sizer(el)!;
      expect(item.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(item).visibility).to.equal('hidden');
      expect(el.shadowRoot!.querySelectorAll('button, [tabindex], a[href]')).to.have.length(0);
      const nav = el.shadowRoot!.querySelector('nav')!;
      expect(nav.getAttribute('aria-label')).to.equal('版面');
      expect(nav.getAttribute('aria-busy')).to.equal('true');
      document.getElementById('before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement!.id, 'Tab goes past the paused strip').to.equal('after');
      const violations = (await axe.run(el, { resultTypes: ['violations'] })).violations;
      expect(
        violations.map((v) => v.id),
        'axe while paused',
      ).to.deep.equal([]);
      const paused = stripSize(el);
      if (pages === 24) expect(paused.scrollWidth, 'the narrow strip scrolls').to.be.greaterThan(paused.clientWidth);
      else expect(paused.scrollWidth, 'the wide strip does not').to.equal(paused.clientWidth);

      el.paused = false;
      await el.updateComplete;
      expect(sizer(el)).to.equal(null);
      expect(nav.hasAttribute('aria-busy')).to.equal(false);
      expect(thumbs(el)).to.have.length(pages);
      expect(stripSize(el), 'the same size with all items').to.deep.equal(paused);
      // The tallest page's box sets the height, and each box has its page's aspect.
      for (const [i, thumb] of thumbs(el).entries()) {
        const r = thumb.querySelector('.box')!.getBoundingClientRect();
        expect(r.width / r.height, ed.pages[i].id).to.be.closeTo(ed.pages[i].width / ed.pages[i].height, 0.01);
      }
      const heights = thumbs(el).map((t) => t.getBoundingClientRect().height);
      expect(Math.max(...heights)).to.equal(thumbOf(el, tallest).getBoundingClientRect().height);
      expect(thumbOf(el, 'A1').getBoundingClientRect().height).to.be.lessThan(Math.max(...heights));
      // And once thumbnails are drawn.
      await drawn(el, 1);
      expect(stripSize(el), 'the same size once drawn').to.deep.equal(paused);
    });
  }

  it('while paused, is as tall as its labels will be, even set in a taller fallback font', async () => {
    // Latin labels with Chinese sections: at line-height normal, the Chinese fallback font's
    // taller line would make a real label taller than the sizer's, but for its fixed height.
    const ed = { ...(await edition(6)), lang: 'en' };
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 800px">
      <style>
        .normal-lines::part(page-label) {
          line-height: normal;
        }
      </style>
      <e-paper-pages class="normal-lines" paused .edition=${ed} pageId="A1" .baseUrl=${A1_URL}></e-paper-pages>
    </div>`);
    const el = wrap.querySelector<EPaperPages>('e-paper-pages')!;
    await el.updateComplete;
    expect(getComputedStyle(sizer(el)!.querySelector('[part="page-label"]')!).lineHeight).to.equal('normal');
    const paused = stripSize(el);
    el.paused = false;
    await el.updateComplete;
    expect(stripSize(el)).to.deep.equal(paused);
  });

  it('shows an empty box for a page not loaded yet, and draws it once the edition has it', async () => {
    const ed = await edition(6);
    const withRef: Edition = { ...ed, pages: ed.pages.map((p) => (p.id === 'A2' ? asRef(p) : p)) };
    const el = await strip(withRef, 800);
    await waitUntil(() => ['A1', 'A3', 'A4', 'A5', 'A6'].every((id) => pageIn(thumbOf(el, id))), 'the loaded pages drawn');
    expect(pageIn(thumbOf(el, 'A2')), 'no thumbnail of a page reference').to.equal(null);
    const box = thumbOf(el, 'A2').querySelector('.box')!.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(ed.pages[1].width / ed.pages[1].height, 0.01);
    expect(
      thumbOf(el, 'A2')
        .querySelector('b')!
        .textContent!.replace(/[\u2066-\u2069]/g, ''),
    ).to.equal('A2');
    const a1 = pageIn(thumbOf(el, 'A1'));
    // The same edition with A2's page file in its place: A2 is drawn; the others stay as they were.
    el.edition = { ...withRef, pages: ed.pages };
    await el.updateComplete;
    expect(pageIn(thumbOf(el, 'A2'))?.page).to.equal(ed.pages[1]);
    expect(pageIn(thumbOf(el, 'A1')), 'A1 not drawn again').to.equal(a1);
  });

  it('stops observing when disconnected and starts again when reconnected', async () => {
    const el = await strip(await edition(24), 390);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await drawn(el, 1);
    list(el).scrollLeft = list(el).scrollWidth;
    await waitUntil(() => pageIn(thumbs(el)[23]), 'drawn after a reconnect');
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`has no axe violations (${lang})`, async () => {
      const el = await strip(await edition(6), 390, 'A2', lang);
      await drawn(el, 4);
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`))).to.deep.equal(
        [],
      );
    });
  }
});
