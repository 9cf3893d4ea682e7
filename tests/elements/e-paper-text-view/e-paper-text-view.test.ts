// The text view: the edition as a list of its articles, switched by the toolbar's toggle or by
// `view`, remembered per reader (IndexedDB), opening the reader and taking focus back.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createStore, get } from 'idb-keyval';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { Edition } from '../../../src/edition/schema.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { READING_DB_NAME, READING_STORE_NAME } from '../../../src/state/reading-state.js';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { frames, loadA1, mountViewer, nextEvent, until } from '../../helpers.js';

const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const store = createStore(READING_DB_NAME, READING_STORE_NAME);

/**
 * A1 as a test edition (not real data): a9 made an advertisement (not listed as an article) and
 * a8 an image-only region (its headline as its only paragraph, as the importers write it).
 */
async function testEdition(): Promise<Edition> {
  const edition = structuredCloneA1();
  for (const article of edition.articles) {
    if (article.id === 'a9') article.kind = 'advertisement';
    if (article.id === 'a8') article.paragraphs = [article.headline];
  }
  return edition;
}

const toggleOf = (el: EPaper) => el.shadowRoot!.querySelector<HTMLButtonElement>('.view-toggle')!;
const listOf = (el: EPaper) => el.shadowRoot!.querySelector('e-paper-text-view');
const items = (el: EPaper) => [...listOf(el)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-article-id]')];
const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
const focusedIn = (root: ShadowRoot | null | undefined) => root?.activeElement ?? null;

async function click(target: Element) {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + Math.min(r.height / 2, 12))] });
}

/** The text view is in and drawn. */
async function textShown(el: EPaper) {
  await until(() => !!listOf(el)?.shadowRoot?.querySelector('section'), 'the text view is drawn');
  await el.updateComplete;
}

describe('<e-paper-text-view> in the viewer', () => {
  afterEach(async () => {
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
    await resetMouse();
    await setViewport({ width: 1000, height: 800 });
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('the toggle switches to the text view by a click and back by the keyboard', async () => {
    await setViewport({ width: 1000, height: 800 });
    const el = await mountViewer<EPaper>((e) => (e.edition = multiPageEdition(structuredCloneA1(), 3)), { width: 900, height: 640 });
    const toggle = toggleOf(el);
    expect(el.getAttribute('view'), 'the page is the default').to.equal('page');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.textContent!.trim(), 'its label').to.equal('文字版');
    expect(listOf(el)).to.equal(null);

    await click(toggle);
    await textShown(el);
    expect(el.getAttribute('view')).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const viewport = el.shadowRoot!.querySelector('e-paper-viewport')!;
    expect(getComputedStyle(viewport).visibility, 'the page is hidden under it').to.equal('hidden');
    const list = listOf(el)!.getBoundingClientRect();
    expect(list.width, 'the list covers the viewer').to.be.greaterThan(800);
    // Every page, each with its articles in reading order.
    const headings = [...listOf(el)!.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent!.trim());
    expect(headings).to.have.length(3);
    expect(headings[1]).to.contain('A2');

    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('page');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(listOf(el)).to.equal(null);
    expect(getComputedStyle(viewport).visibility).to.equal('visible');
    await sendKeys({ press: 'Enter' });
    await textShown(el);
    expect(el.getAttribute('view'), 'Enter too').to.equal('text');
  });

  it('view="text" lists the news in reading order with kicker, headline and summary; not the advertisement', async () => {
    const edition = await testEdition();
    const el = await mountViewer<EPaper>((e) => {
      e.setAttribute('view', 'text');
      e.edition = edition;
    });
    await textShown(el);
    const expected = articlesOnPage(edition, edition.pages[0])
      .filter((a) => a.kind !== 'advertisement')
      .map((a) => a.id);
    expect(items(el).map((b) => b.dataset.articleId)).to.deep.equal(expected);
    expect(expected, 'the advertisement is left out').to.not.include('a9');
    const root = listOf(el)!.shadowRoot!;
    const a5 = edition.articles.find((a) => a.id === 'a5')!;
    const item = root.querySelector('button[data-article-id="a5"]')!.closest('li')!;
    expect(item.querySelector('.over')!.textContent).to.equal(a5.kicker);
    expect(item.querySelector('h3')!.textContent).to.contain(a5.headline);
    const summary = item.querySelector('.summary')!.textContent!;
    expect(a5.paragraphs[0].startsWith(summary.slice(0, 20)), 'the summary opens the body').to.equal(true);
    expect(summary.length, 'a summary, not the body').to.be.lessThan(a5.paragraphs.join('').length);
    // The image-only article: listed by its headline, no summary.
    const a8 = root.querySelector('button[data-article-id="a8"]')!.closest('li')!;
    expect(a8.querySelector('.summary')).to.equal(null);
    expect(a8.querySelector('.tag')!.textContent).to.equal('图片');
  });

  it('view="auto" shows the text view at a phone’s width, the page at a desktop’s', async () => {
    await setViewport({ width: 390, height: 844 });
    const phone = await mountViewer<EPaper>(
      (e) => {
        e.setAttribute('view', 'auto');
        e.edition = structuredCloneA1();
      },
      { width: 390, height: 700 },
    );
    await textShown(phone);
    expect(phone.getAttribute('view')).to.equal('text');
    phone.remove();
    await setViewport({ width: 1000, height: 800 });
    const desktop = await mountViewer<EPaper>((e) => {
      e.setAttribute('view', 'auto');
      e.edition = structuredCloneA1();
    });
    expect(desktop.getAttribute('view')).to.equal('page');
    expect(listOf(desktop)).to.equal(null);
  });

  it('the reader’s choice is remembered in IndexedDB and wins over the site’s view on the next visit', async () => {
    const key = `text-view-${Date.now()}`;
    // A viewer with this reader's key, on a phone with `auto`: the text view; the reader picks the page.
    await setViewport({ width: 390, height: 844 });
    const phone = await mountViewer<EPaper>(
      (e) => {
        e.storageKey = key;
        e.setAttribute('view', 'auto');
        e.edition = structuredCloneA1();
      },
      { width: 390, height: 700 },
    );
    expect(phone.view).to.equal('text');
    await click(toggleOf(phone));
    await phone.updateComplete;
    expect(phone.view).to.equal('page');
    let saved: unknown;
    for (let i = 0; i < 100 && saved === undefined; i++) {
      saved = ((await get<{ view?: string }>(`${key}::reader`, store)) ?? {}).view;
      if (saved === undefined) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(saved, 'kept for the reader, not for the edition').to.equal('page');
    phone.remove();

    // Reload: the same reader, the site still asking for auto on a phone: the page, their choice.
    const again = await mountViewer<EPaper>(
      (e) => {
        e.storageKey = key;
        e.setAttribute('view', 'auto');
        e.edition = structuredCloneA1();
      },
      { width: 390, height: 700 },
    );
    expect(again.view).to.equal('page');
    expect(listOf(again)).to.equal(null);
    // And another edition: the choice is the reader's, not the edition's.
    await click(toggleOf(again));
    await textShown(again);
    again.remove();
    await setViewport({ width: 1000, height: 800 });
    const other = await mountViewer<EPaper>((e) => {
      e.storageKey = key;
      e.edition = multiPageEdition(structuredCloneA1(), 2);
    });
    expect(other.view, 'the text view, on a desktop, for another edition').to.equal('text');
    await textShown(other);
  });

  it('opens an article from the list, and Esc brings focus back to its item', async () => {
    const el = await mountViewer<EPaper>((e) => {
      e.setAttribute('view', 'text');
      e.noPersist = true;
      e.edition = structuredCloneA1();
    });
    await textShown(el);
    const item = items(el).find((b) => b.dataset.articleId === 'a3')!;
    const opened = nextEvent<{ articleId: string }>(el, 'e-paper-article-open');
    // Scrolled to, as a reader would.
    item.scrollIntoView({ block: 'center' });
    await click(item);
    expect((await opened).detail.articleId).to.equal('a3');
    await el.updateComplete;
    expect(el.getAttribute('article')).to.equal('a3');
    expect(readerOf(el).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await frames();
    expect(readerOf(el).open).to.equal(false);
    expect(focusedIn(listOf(el)!.shadowRoot), 'focus is back on the item').to.equal(item);

    // By the keyboard, and after the reader moved on (→), focus goes to the item of the article read.
    item.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(readerOf(el).open).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const reading = el.article!;
    expect(reading).to.not.equal('a3');
    await sendKeys({ press: 'Escape' });
    await frames();
    expect((focusedIn(listOf(el)!.shadowRoot) as HTMLElement | null)?.dataset.articleId).to.equal(reading);
  });

  it('a deep link (the hash) opens its article over the text view, and turning the page scrolls the list', async () => {
    history.replaceState(null, '', '#article=a5');
    const el = await mountViewer<EPaper>((e) => {
      e.setAttribute('view', 'text');
      e.hashSync = true;
      e.noPersist = true;
      e.edition = multiPageEdition(structuredCloneA1(), 3);
    });
    await textShown(el);
    await until(() => readerOf(el).open, 'the reader opens');
    expect(el.article).to.equal('a5');
    await sendKeys({ press: 'Escape' });
    await frames();
    expect(location.hash).to.not.contain('article=');

    const scroller = listOf(el)!.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollTop).to.equal(0);
    el.turnPage(1);
    await el.updateComplete;
    await listOf(el)!.updateComplete;
    const section = listOf(el)!.shadowRoot!.querySelector<HTMLElement>('section[data-page-id="A2"]')!;
    expect(Math.abs(section.getBoundingClientRect().top - scroller.getBoundingClientRect().top), 'A2 at the top').to.be.lessThan(2);
    expect(location.hash).to.contain('page=A2');
  });

  it('has no axe violations, in Chinese and in English', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const el = await mountViewer<EPaper>((e) => {
        e.setAttribute('view', 'text');
        e.noPersist = true;
        e.lang = lang;
        e.edition = multiPageEdition(structuredCloneA1(), 2);
      });
      await textShown(el);
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).to.deep.equal([]);
      if (lang === 'en') expect(toggleOf(el).textContent!.trim()).to.equal('Text view');
      el.remove();
    }
  });
});

let a1: Edition;
before(async () => {
  a1 = await loadA1();
  // Its fonts are beside the edition's file, not this page: the system's stand in.
  delete a1.fonts;
});
/** A fresh copy of A1 (an edition object is not changed in place). */
const structuredCloneA1 = () => structuredClone(a1);
