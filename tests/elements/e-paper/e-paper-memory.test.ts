import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { EPaperViewport } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import { createStore, set } from 'idb-keyval';
import { A1_URL, deepQuery, loadA1, nextEvent } from '../../helpers.js';

let keyCount = 0;
/** A storage key of its own for each test, so records never meet. */
const freshKey = () => `memory-test-${Date.now()}-${keyCount++}`;

async function mount(storageKey: string, extra: { noPersist?: boolean } = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const started = performance.now();
  const ready = nextEvent(host, 'e-paper-ready');
  const el = document.createElement('e-paper') as EPaper;
  el.style.cssText = 'width: 800px; height: 560px';
  el.storageKey = storageKey;
  el.noPersist = extra.noPersist ?? false;
  el.src = A1_URL;
  host.append(el);
  await ready;
  return { el, host, readyAfter: performance.now() - started };
}

const viewportOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperViewport>('e-paper-viewport')!;
const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
type Progress = { articleId: string; fraction: number; paragraph: number };
/** Resolves at the first reading-progress report that matches. */
const progressWhere = (el: EPaper, match: (detail: Progress) => boolean) =>
  new Promise<void>((resolve) => {
    const listener = (event: Event) => {
      if (!match((event as CustomEvent<Progress>).detail)) return;
      el.shadowRoot!.removeEventListener('e-paper-reader-progress', listener);
      resolve();
    };
    el.shadowRoot!.addEventListener('e-paper-reader-progress', listener);
  });
const settle = (ms = 450) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<e-paper> remembers each reader', () => {
  it('restores zoom, pan, the open article at its paragraph, read marks and text size', async () => {
    const key = freshKey();
    const first = await mount(key);
    const zoomed = nextEvent(first.el, 'e-paper-zoom');
    first.el.zoomTo(1, { x: 700, y: 1500 });
    await zoomed;
    // An article read to its end is marked read.
    first.el.openArticle('a1');
    await first.el.updateComplete;
    const reader = readerOf(first.el);
    await reader.updateComplete;
    const scroller = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const readToEnd = progressWhere(first.el, (d) => d.fraction >= 0.98);
    scroller.scrollTop = scroller.scrollHeight;
    await readToEnd;
    await first.el.updateComplete;
    await (deepQuery(first.el, 'e-paper-page') as unknown as { updateComplete: Promise<void> }).updateComplete;
    const firstRegion = deepQuery(first.el, 'e-paper-page')!.shadowRoot!.querySelector('.region[data-article-id="a1"]')!;
    expect(firstRegion.classList.contains('read'), 'marked read at once').to.equal(true);
    // A larger text size, then another article, left open at its fourth paragraph.
    reader.shadowRoot!.querySelector<HTMLButtonElement>('.larger')!.click();
    first.el.openArticle('a6');
    await first.el.updateComplete;
    const atFifth = progressWhere(first.el, (d) => d.articleId === 'a6' && d.paragraph === 5);
    await reader.scrollToParagraph(5);
    await atFifth;
    first.host.remove(); // disconnecting flushes the pending write
    await settle(300); // the reader comes back later

    const second = await mount(key);
    const view = viewportOf(second.el);
    // At the first ready frame the view is already the saved one.
    expect(view.scale).to.be.closeTo(1, 0.001);
    expect(view.center.x).to.be.closeTo(700, 1);
    expect(view.center.y).to.be.closeTo(1500, 1);
    console.log(`ready with the restored view ${second.readyAfter.toFixed(0)} ms after mounting`);
    const region = deepQuery(second.el, 'e-paper-page')!.shadowRoot!.querySelector('.region[data-article-id="a1"]')!;
    expect(region.classList.contains('read')).to.equal(true);
    // The notice comes with what shows around the page, once it is shown.
    await second.el.updateComplete;
    const notice = second.el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.textContent!.replace(/[\u2068\u2069]/g, '')).to.contain('继续阅读《扶贫小车间 托起大梦想》');
    notice.querySelector<HTMLButtonElement>('.continue')!.click();
    await second.el.updateComplete;
    const reopened = readerOf(second.el);
    expect(reopened.articleId).to.equal('a6');
    expect(reopened.textScale).to.be.closeTo(1.1, 0.001);
    await settle(300);
    const paragraphs = [...reopened.shadowRoot!.querySelectorAll<HTMLElement>('.body > p')];
    const top = reopened.shadowRoot!.querySelector<HTMLElement>('.scroller')!.getBoundingClientRect().top;
    const atTop = paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > top + 24);
    expect(atTop).to.equal(5);
    second.el.closeArticle();
    await second.el.updateComplete;
    second.host.remove();
  });

  it('restores a record as the code before the read-side split wrote it: view, read marks, text size, the offer', async () => {
    // Written straight into the store, in the record's version 1 (as session 8's code left it).
    const key = freshKey();
    const { id } = await loadA1();
    await set(
      `${key}:${id}`,
      {
        v: 1,
        editionId: id,
        page: 'A1',
        view: { scale: 0.8, x: 600, y: 1200 },
        views: { A1: { scale: 0.8, x: 600, y: 1200 } },
        open: { article: 'a6', fraction: 0.4, paragraph: 3 },
        progress: { a1: 1, a6: 0.4 },
        read: ['a1'],
        textScale: 1.1,
        updatedAt: 1_764_900_000_000,
      },
      createStore('e-paper', 'reading-state'),
    );
    const { el, host } = await mount(key);
    const view = viewportOf(el);
    expect([view.scale, Math.round(view.center.x), Math.round(view.center.y)], 'the saved view, at ready').to.deep.equal([0.8, 600, 1200]);
    const region = deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector('.region[data-article-id="a1"]')!;
    expect(region.classList.contains('read'), 'the read mark, at ready').to.equal(true);
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.textContent!.replace(/[\u2068\u2069]/g, ''), 'the offer to continue').to.contain('继续阅读《扶贫小车间 托起大梦想》');
    notice.querySelector<HTMLButtonElement>('.continue')!.click();
    await el.updateComplete;
    const reader = readerOf(el);
    expect(reader.articleId, 'the article left').to.equal('a6');
    expect(reader.textScale, 'at the text size kept').to.be.closeTo(1.1, 0.001);
    el.closeArticle();
    await el.updateComplete;
    host.remove();
  });

  it('keeps two storage keys apart', async () => {
    const [a, b] = [freshKey(), freshKey()];
    const first = await mount(a);
    const zoomed = nextEvent(first.el, 'e-paper-zoom');
    first.el.zoomTo(2, { x: 300, y: 300 });
    await zoomed;
    await settle();
    first.host.remove();
    const other = await mount(b);
    expect(viewportOf(other.el).scale).to.be.lessThan(1);
    other.host.remove();
    const same = await mount(a);
    expect(viewportOf(same.el).scale).to.be.closeTo(2, 0.001);
    same.host.remove();
  });

  it('writes nothing with no-persist', async () => {
    await settle(600); // writes the earlier tests' viewers flushed as they went
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      puts++;
      return put.apply(this, args);
    };
    try {
      const { el, host } = await mount(freshKey(), { noPersist: true });
      const zoomed = nextEvent(el, 'e-paper-zoom');
      el.zoomTo(1.5);
      await zoomed;
      el.openArticle('a2');
      await el.updateComplete;
      await settle();
      el.closeArticle();
      host.remove();
      await settle(100);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(puts).to.equal(0);
  });

  it('keeps working, and warns once, when IndexedDB throws', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const { el, host } = await mount(freshKey());
      expect(deepQuery(el, 'e-paper-page', '.page')).to.exist;
      const zoomed = nextEvent(el, 'e-paper-zoom');
      el.zoomTo(1.2);
      await zoomed;
      el.openArticle('a5');
      await el.updateComplete;
      expect(readerOf(el).open).to.equal(true);
      el.closeArticle();
      await settle();
      host.remove();
    } finally {
      Object.defineProperty(window, 'indexedDB', descriptor);
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('e-paper'))).to.have.length(1);
  });

  it('clears this edition’s history on request', async () => {
    const key = freshKey();
    const first = await mount(key);
    const zoomed = nextEvent(first.el, 'e-paper-zoom');
    first.el.zoomTo(2);
    await zoomed;
    await first.el.clearHistory();
    first.host.remove();
    const second = await mount(key);
    expect(viewportOf(second.el).scale).to.be.lessThan(1);
    second.host.remove();
  });
});

describe('<e-paper> read marks', () => {
  it('marks an article that fits the reader without scrolling as read when it opens', async () => {
    // A tall window: a short article fits its reader whole.
    await setViewport({ width: 1280, height: 2000 });
    const { el, host } = await mount(freshKey());
    await el.updateComplete; // the reader comes once the page is shown
    const reader = readerOf(el);
    const whole = progressWhere(el, (d) => d.articleId === 'a8' && d.fraction === 1);
    el.openArticle('a8');
    await el.updateComplete;
    await whole;
    const scroller = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollHeight, 'the article fits without scrolling').to.be.at.most(scroller.clientHeight);
    await setViewport({ width: 800, height: 600 });
    await el.updateComplete;
    const region = deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector('.region[data-article-id="a8"]')!;
    await (deepQuery(el, 'e-paper-page') as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(region.classList.contains('read')).to.equal(true);
    el.closeArticle();
    host.remove();
  });
});
