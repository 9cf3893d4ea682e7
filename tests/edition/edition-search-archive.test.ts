import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import type { EPaperViewport } from '../../src/elements/e-paper-viewport/e-paper-viewport.js';
import type { Edition } from '../../src/edition/schema.js';
import { multiPageEdition } from '../../scripts/editions-from-a1.js';
import { A1_URL, deepQuery, loadA1, mountViewer, nextEvent, partsLoaded, until } from '../helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

const mount = (setup: (el: EPaper) => void) => mountViewer<EPaper>(setup, { width: 960 });

async function click(target: Element) {
  target.scrollIntoView({ block: 'nearest' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

const viewportOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperViewport>('e-paper-viewport')!;
const highlightRanges = () => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('e-paper-search') ?? [])];

describe('<e-paper>: search the edition', () => {
  let el: EPaper | undefined;
  let edition: Edition;
  /** Seven characters of article a3 that no other article of A1 has. */
  let phrase: string;
  before(async () => {
    const a1 = await loadA1();
    edition = multiPageEdition(a1, 4, { fontBase: A1_URL });
    const others = a1.articles
      .filter((a) => a.id !== 'a3')
      .map((a) => [a.headline, ...a.paragraphs].join('\n'))
      .join('\n');
    const text = a1.articles.find((a) => a.id === 'a3')!.paragraphs.join('');
    for (let i = 0; !phrase; i++) if (!others.includes(text.slice(i, i + 7))) phrase = text.slice(i, i + 7);
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await resetMouse();
  });

  it('Ctrl+F in the viewer opens the search; typing finds the article, highlights it on the page; Enter opens it there, highlighted', async () => {
    el = await mount((e) => (e.edition = edition));
    // A phrase of one article (a3), which pages A1, A2 and A3 carry (A4 leaves it out).
    viewportOf(el).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'f' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    const search = el.shadowRoot!.querySelector('e-paper-search') as Updating;
    expect(search, 'the search opened').to.exist;
    await search.updateComplete;
    expect(search.shadowRoot!.activeElement?.tagName, 'focus in the field').to.equal('INPUT');
    await sendKeys({ type: phrase });
    // The search runs as the reader types: wait for the whole phrase's results and highlights, not a shorter query's.
    const listed = () => [...search.shadowRoot!.querySelectorAll<HTMLElement>('[part~="search-result"]')];
    await until(() => listed().some((r) => r.textContent!.includes(phrase)), 'results for the phrase listed');
    const results = listed();
    expect(results.map((r) => r.textContent).join(' ')).to.contain(phrase);
    // Highlighted on the page replica (page A1 has a3).
    const pageRoot = deepQuery(el, 'e-paper-page')!.shadowRoot!;
    const onPage = () => highlightRanges().filter((r) => pageRoot.contains(r.startContainer));
    await until(() => onPage().length > 0 && onPage().every((r) => r.toString() === phrase), 'the phrase highlighted on the page');
    expect(onPage().map((r) => r.toString())).to.include(phrase);
    // Enter goes to the first result, Enter again opens it: a3 on A1, in the reader with the match highlighted.
    const opened = nextEvent<{ articleId: string }>(el, 'e-paper-article-open');
    await sendKeys({ press: 'Enter' });
    expect(search.shadowRoot!.activeElement, 'on the first result').to.equal(results[0]);
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.articleId).to.equal('a3');
    await el.updateComplete;
    const readerRoot = deepQuery(el, 'e-paper-reader')!.shadowRoot!;
    await until(() => highlightRanges().some((r) => readerRoot.contains(r.startContainer)), 'the match highlighted in the reader');
  });

  it('by pointer: the toolbar button, a result on another page goes to that page', async () => {
    el = await mount((e) => (e.edition = edition));
    await partsLoaded(el);
    await click(el.shadowRoot!.querySelector('.search-toggle')!);
    await el.updateComplete;
    const search = el.shadowRoot!.querySelector('e-paper-search') as Updating;
    await search.updateComplete;
    await sendKeys({ type: phrase });
    await until(() => search.shadowRoot!.querySelectorAll('[part~="search-result"]').length >= 3, 'a result per page that has a3');
    const onA3 = search.shadowRoot!.querySelector<HTMLElement>('[part~="search-result"][data-article-id="a3-p3"]')!;
    // Under the heading of page A3.
    expect(onA3.closest('[role="group"] > ul')!.previousElementSibling!.textContent, 'a result on page A3').to.contain('A3');
    const opened = nextEvent<{ articleId: string }>(el, 'e-paper-article-open');
    await click(onA3);
    expect((await opened).detail.articleId).to.equal('a3-p3');
    expect(el.page).to.equal('A3');
    // Escape closes the reader, then Escape in the field clears it, then closes the search: no highlight left.
    el.closeArticle();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('.search-toggle')!.click();
    await el.updateComplete;
    await until(() => highlightRanges().length === 0, 'the highlights go with the search');
  });
});

describe('<e-paper archive>: moving between editions', () => {
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    history.replaceState(null, '', location.pathname + location.search);
    await resetMouse();
  });

  const picker = (e: EPaper) => e.shadowRoot!.querySelector('e-paper-archive') as Updating;
  const pickerButton = (e: EPaper, selector: string) => picker(e).shadowRoot!.querySelector<HTMLButtonElement>(selector)!;

  it('without src shows the latest edition; previous keeps the current one in view until the next is ready', async () => {
    el = await mount((e) => (e.archive = '/fixtures/archive.json?days=30&last=2021-01-08&ms=600'));
    expect(el.pageArticles.length).to.be.greaterThan(0);
    await until(() => Boolean(picker(el!)?.shadowRoot?.querySelector('.date')), 'the date picker');
    expect(pickerButton(el, '.date').textContent).to.contain('2021年1月8日');
    expect(pickerButton(el, '.next').getAttribute('aria-disabled'), 'no later edition').to.equal('true');
    const ready = nextEvent<{ editionId: string }>(el, 'e-paper-ready');
    await click(pickerButton(el, '.prev'));
    await el.updateComplete;
    // Loading: the page in view stays, usable; the picker says it is busy.
    expect(picker(el).hasAttribute('busy')).to.equal(true);
    expect(deepQuery(el, 'e-paper-page'), 'the current page stays').to.exist;
    expect(el.shadowRoot!.querySelector('.skeleton'), 'no skeleton').to.equal(null);
    expect((await ready).detail.editionId).to.equal('zhuzhou-daily-2021-01-07-test');
    await el.updateComplete;
    expect(picker(el).hasAttribute('busy')).to.equal(false);
    expect(pickerButton(el, '.date').textContent).to.contain('2021年1月7日');
  });

  it('keeps reading state per edition, and the keyboard alone picks a day in the calendar', async () => {
    el = await mount((e) => {
      e.src = '/fixtures/edition/2021-01-08.json';
      e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
    });
    await until(() => Boolean(picker(el!)?.shadowRoot?.querySelector('.date')), 'the date picker');
    const zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1.2, { x: 900, y: 1200 });
    await zoomed;
    // Keyboard: focus the date button, Enter opens the calendar on 8 January, ArrowLeft ×2 → 6 January, Enter.
    pickerButton(el, '.date').focus();
    await sendKeys({ press: 'Enter' });
    await picker(el).updateComplete;
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    let ready = nextEvent<{ editionId: string }>(el, 'e-paper-ready');
    await sendKeys({ press: 'Enter' });
    expect((await ready).detail.editionId).to.equal('zhuzhou-daily-2021-01-06-test');
    expect(viewportOf(el).scale, 'another edition: its own state, the page whole').to.be.closeTo(viewportOf(el).minScale, 1e-6);
    // Back to 8 January with the next-edition button, twice (7 January lies between): its zoom is back.
    ready = nextEvent(el, 'e-paper-ready');
    await click(pickerButton(el, '.next'));
    await ready;
    ready = nextEvent(el, 'e-paper-ready');
    await click(pickerButton(el, '.next'));
    expect((await ready).detail.editionId).to.equal('zhuzhou-daily-2021-01-08');
    expect(viewportOf(el).scale).to.be.closeTo(1.2, 1e-6);
  });

  it('the hash names the date with hash-sync; a broken edition leaves the one in view with a message', async () => {
    history.replaceState(null, '', `${location.pathname}#date=2021-01-05`);
    el = await mount((e) => {
      e.hashSync = true;
      e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
    });
    expect(el.pageArticles.length).to.be.greaterThan(0);
    expect((el.edition ?? el.src) && el.src).to.contain('2021-01-05');
    el.src = '/faults/http-500';
    // Not a move through the archive: the host page's own src change shows its error.
    await nextEvent(el, 'e-paper-error');
  });
});
