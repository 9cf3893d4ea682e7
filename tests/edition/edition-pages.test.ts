import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import type { EPaperViewport } from '../../src/elements/e-paper-viewport/e-paper-viewport.js';
import type { Edition } from '../../src/edition/schema.js';
import { multiPageEdition } from '../../scripts/editions-from-a1.js';
import { A1_URL, deepQuery, frames, loadA1, mountViewer, nextEvent, partsLoaded, shownArticles } from '../helpers.js';

let keyCount = 0;
const freshKey = () => `pages-test-${Date.now()}-${keyCount++}`;

/** The viewer showing `edition`, with the options the tests vary. */
const mount = (edition: Edition, options: { storageKey?: string; hashSync?: boolean; page?: string } = {}) =>
  mountViewer<EPaper>((el) => {
    if (options.storageKey) el.storageKey = options.storageKey;
    el.hashSync = options.hashSync ?? false;
    if (options.page) el.page = options.page;
    el.edition = edition;
  });

const sixPages = async () => multiPageEdition(await loadA1(), 6, { fontBase: A1_URL });
const viewportOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperViewport>('e-paper-viewport')!;
const toolbarButton = (el: EPaper, action: string) =>
  deepQuery<HTMLButtonElement>(el, 'e-paper-toolbar', `button[data-action="${action}"]`)!;

async function click(target: Element) {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

type Touch = { x: number; y: number; id: number };
const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', touchPoints: Touch[]) => ({
  method: 'Input.dispatchTouchEvent',
  params: { type, touchPoints },
});
async function swipe(x0: number, y0: number, x1: number, y1: number, steps = 8) {
  const events = [touch('touchStart', [{ x: x0, y: y0, id: 1 }])];
  for (let i = 1; i <= steps; i++)
    events.push(touch('touchMove', [{ x: x0 + ((x1 - x0) * i) / steps, y: y0 + ((y1 - y0) * i) / steps, id: 1 }]));
  await executeServerCommand('cdp-input', { events, delay: 16 });
  await executeServerCommand('cdp-input', { events: [touch('touchEnd', [])] });
}

describe('<e-paper>: an edition of several pages', () => {
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    history.replaceState(null, '', location.pathname + location.search);
    await resetMouse();
  });

  it('turns pages with the toolbar buttons, firing e-paper-page-change and reflecting `page`', async () => {
    el = await mount(await sixPages());
    const a1Articles = shownArticles(el);
    expect(el.getAttribute('page'), 'the page shown').to.equal('A1');
    const previous = toolbarButton(el, 'previous-page');
    expect(previous.getAttribute('aria-disabled'), 'no page before the first').to.equal('true');
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    await click(toolbarButton(el, 'next-page'));
    expect((await changed).detail.page).to.equal('A2');
    await el.updateComplete;
    await (deepQuery(el, 'e-paper-page') as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(el.getAttribute('page')).to.equal('A2');
    expect(shownArticles(el)).not.to.deep.equal(a1Articles);
    expect(shownArticles(el).every((id) => id?.endsWith('-p2'))).to.equal(true);
    expect(deepQuery(el, 'e-paper-toolbar', '.page-number')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('\u2068A2\u2069 2/6');
    await click(toolbarButton(el, 'previous-page'));
    await el.updateComplete;
    expect(el.page).to.equal('A1');
  });

  it('stops at the last page: next is disabled and fires nothing', async () => {
    el = await mount(await sixPages(), { page: 'A6' });
    const next = toolbarButton(el, 'next-page');
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    let fired = 0;
    el.addEventListener('e-paper-page-change', () => fired++);
    await click(next);
    el.turnPage(1);
    await el.updateComplete;
    expect(fired).to.equal(0);
    expect(el.page).to.equal('A6');
  });

  it('PageDown and PageUp turn pages from the keyboard, but not while the reader is open', async () => {
    el = await mount(await sixPages());
    viewportOf(el).focus();
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.page).to.equal('A3');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(el.page).to.equal('A2');
    el.openArticle('a1-p2');
    await el.updateComplete;
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.page, 'PageDown scrolls the reader, it does not turn the page').to.equal('A2');
  });

  it('a sideways swipe at the fitted scale turns the page; not when zoomed in, not a vertical one', async () => {
    el = await mount(await sixPages());
    const box = viewportOf(el).getBoundingClientRect();
    const cy = box.y + box.height / 2;
    await swipe(box.x + box.width * 0.75, cy, box.x + box.width * 0.25, cy + 10);
    await el.updateComplete;
    expect(el.page, 'swiped left: next page').to.equal('A2');
    await swipe(box.x + box.width / 2, box.y + box.height * 0.3, box.x + box.width / 2 + 20, box.y + box.height * 0.8);
    await el.updateComplete;
    expect(el.page, 'a vertical swipe is the host page scrolling').to.equal('A2');
    await swipe(box.x + box.width * 0.25, cy, box.x + box.width * 0.75, cy);
    await el.updateComplete;
    expect(el.page, 'swiped right: previous page').to.equal('A1');
    const zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1.5);
    await zoomed;
    await swipe(box.x + box.width * 0.75, cy, box.x + box.width * 0.25, cy);
    await el.updateComplete;
    expect(el.page, 'zoomed in, a swipe pans').to.equal('A1');
  });

  it('the `page` attribute and the URL hash choose the page; turning pages writes the hash', async () => {
    history.replaceState(null, '', `${location.pathname}#page=A4`);
    el = await mount(await sixPages(), { hashSync: true });
    expect(el.page).to.equal('A4');
    expect(shownArticles(el).every((id) => id?.endsWith('-p4'))).to.equal(true);
    el.turnPage(1);
    await el.updateComplete;
    expect(location.hash).to.equal('#page=A5');
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    location.hash = '#page=A2';
    expect((await changed).detail.page).to.equal('A2');
    el.setAttribute('page', 'A6');
    await el.updateComplete;
    expect(el.page).to.equal('A6');
    expect(location.hash).to.equal('#page=A6');
    el.openArticle('a1');
    await el.updateComplete;
    expect(el.page, 'an article opens on its own page').to.equal('A1');
    expect(new URLSearchParams(location.hash.slice(1)).get('article')).to.equal('a1');
  });

  it('remembers the view of each page: back on a page, it is where the reader left it', async () => {
    const storageKey = freshKey();
    el = await mount(await sixPages(), { storageKey });
    const viewport = viewportOf(el);
    el.turnPage(1);
    await el.updateComplete;
    const zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1.2, { x: 600, y: 900 });
    await zoomed;
    el.turnPage(1);
    await el.updateComplete;
    await frames(3);
    expect(viewport.scale, 'a page not zoomed before is shown whole').to.be.closeTo(viewport.minScale, 1e-6);
    el.turnPage(-1);
    await el.updateComplete;
    await frames(3);
    expect(viewport.scale, 'A2 comes back at its zoom').to.be.closeTo(1.2, 1e-6);
    // And in a new viewer after a reload.
    el.remove();
    el = await mount(await sixPages(), { storageKey });
    expect(el.page).to.equal('A2');
    expect(viewportOf(el).scale).to.be.closeTo(1.2, 1e-6);
    el.turnPage(-1);
    await el.updateComplete;
    await frames(3);
    expect(viewportOf(el).scale, 'A1 was never zoomed').to.be.closeTo(viewportOf(el).minScale, 1e-6);
    // A2 fitted again by the reader stays whole, also after a reload (the stored zoom does not come back).
    el.turnPage(1);
    await el.updateComplete;
    await frames(3);
    const fitted = nextEvent(el, 'e-paper-zoom');
    el.fit();
    await fitted;
    el.remove();
    el = await mount(await sixPages(), { storageKey });
    expect(el.page).to.equal('A2');
    expect(viewportOf(el).scale, 'A2 whole after the reload').to.be.closeTo(viewportOf(el).minScale, 1e-6);
    el.turnPage(1);
    await el.updateComplete;
    el.turnPage(-1);
    await el.updateComplete;
    await frames(3);
    expect(viewportOf(el).scale, 'A2 whole when turned back to').to.be.closeTo(viewportOf(el).minScale, 1e-6);
  });

  it('the contents list every page and its articles; choosing goes to the page or opens the article there', async () => {
    el = await mount(await sixPages());
    const toggle = deepQuery<HTMLButtonElement>(el, 'e-paper-contents', '.toggle')!;
    expect(toggle.textContent!.trim()).to.equal('版面导航');
    await click(toggle);
    const contents = deepQuery(el, 'e-paper-contents')!;
    await (contents as unknown as { updateComplete: Promise<void> }).updateComplete;
    const pageButtons = [...contents.shadowRoot!.querySelectorAll<HTMLButtonElement>('[data-page-id]')];
    expect(pageButtons.map((b) => b.dataset.pageId)).to.deep.equal(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(pageButtons[0].getAttribute('aria-current')).to.equal('page');
    // Keyboard: from the first item, down to page A2's heading, Enter.
    const items = [...contents.shadowRoot!.querySelectorAll<HTMLButtonElement>('.item')];
    const a2Index = items.findIndex((b) => b.dataset.pageId === 'A2');
    for (let i = 0; i < a2Index; i++) await sendKeys({ press: 'Tab' });
    expect(contents.shadowRoot!.activeElement).to.equal(items[a2Index]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.page).to.equal('A2');
    // An article on page A3, by pointer.
    await click(toggle);
    await (contents as unknown as { updateComplete: Promise<void> }).updateComplete;
    const opened = nextEvent<{ articleId: string }>(el, 'e-paper-article-open');
    const item = contents.shadowRoot!.querySelector('[data-article-id="a2-p3"]')!;
    item.scrollIntoView({ block: 'nearest' });
    await click(item);
    expect((await opened).detail.articleId).to.equal('a2-p3');
    expect(el.page).to.equal('A3');
  });

  it('a one-page edition keeps the plain article list and shows no page controls', async () => {
    el = await mount(await loadA1().then((a1) => multiPageEdition(a1, 1, { fontBase: A1_URL })));
    expect(deepQuery(el, 'e-paper-toolbar', 'button[data-action="next-page"]')).to.equal(null);
    expect(deepQuery(el, 'e-paper-contents', '.toggle')!.textContent!.trim()).to.equal('标题导航');
  });

  it("the reader reads on across pages: next at a page's last article opens the next page's first, and back", async () => {
    el = await mount(await sixPages());
    await partsLoaded(el);
    const onA1 = el.pageArticles.map((a) => a.id);
    el.openArticle(onA1[onA1.length - 1]);
    await el.updateComplete;
    const reader = deepQuery<HTMLElement & { updateComplete: Promise<void> }>(el, 'e-paper-reader')!;
    await reader.updateComplete;
    const next = reader.shadowRoot!.querySelector<HTMLButtonElement>('.next')!;
    expect(next.disabled, 'next goes on to page A2').to.equal(false);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.page).to.equal('A2');
    const onA2 = el.pageArticles.map((a) => a.id);
    expect(el.article).to.equal(onA2[0]);
    await reader.updateComplete;
    expect(reader.shadowRoot!.querySelector('.page-label')!.textContent).to.include('A2');
    await click(reader.shadowRoot!.querySelector<HTMLButtonElement>('.previous')!);
    await el.updateComplete;
    expect(el.page).to.equal('A1');
    expect(el.article).to.equal(onA1[onA1.length - 1]);
    // The first article of the edition has nothing before it.
    el.openArticle(onA1[0]);
    await el.updateComplete;
    await reader.updateComplete;
    expect(reader.shadowRoot!.querySelector<HTMLButtonElement>('.previous')!.disabled).to.equal(true);
  });
});
