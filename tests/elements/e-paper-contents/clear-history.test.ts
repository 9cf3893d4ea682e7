// Clearing the reading history from the list, and taking it back: the read marks and the saved
// record in IndexedDB go, and come back with the undo.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createStore, get } from 'idb-keyval';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { READING_DB_NAME, READING_STORE_NAME } from '../../../src/state/reading-state.js';
import type { ReadingRecord } from '../../../src/state/reading-record.js';
import { A1_URL, deepQuery, mountViewer, nextEvent, partsLoaded, until } from '../../helpers.js';

const store = createStore(READING_DB_NAME, READING_STORE_NAME);
const saved = (el: EPaper) => get<ReadingRecord>(`${el.storageKey}:zhuzhou-daily-2021-01-08`, store);
const list = (el: EPaper) => deepQuery(el, 'e-paper-contents')!.shadowRoot!;
const readMarks = (el: EPaper) => list(el).querySelectorAll('.read-mark').length;
/** The articles the page marks as read (what the viewer hands it). */
const readOnPage = (el: EPaper) => deepQuery<HTMLElement & { readArticles: ReadonlySet<string> }>(el, 'e-paper-page')!.readArticles;

async function click(target: Element) {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** A viewer with a8 read (a short article is read once it opens whole) and saved. */
async function withOneRead(): Promise<EPaper> {
  // A tall window: a8 fits the reader whole.
  await setViewport({ width: 1000, height: 1400 });
  const el = await mountViewer<EPaper>((e) => (e.src = A1_URL), { width: 900, height: 1300 });
  await partsLoaded(el);
  el.openArticle('a8');
  await until(() => readOnPage(el).has('a8'), 'a8 is read');
  const closed = nextEvent(el, 'e-paper-article-close');
  el.closeArticle();
  await closed;
  let record: ReadingRecord | undefined;
  for (let i = 0; i < 100 && !record?.read.includes('a8'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    record = await saved(el);
  }
  expect(record?.read, 'saved in IndexedDB').to.include('a8');
  return el;
}

describe('<e-paper-contents>: clearing the reading history', () => {
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('is not in the toolbar but under the list, with a clear label', async () => {
    el = await withOneRead();
    expect(el.shadowRoot!.querySelector('.clear-history'), 'no button of its own in the toolbar').to.equal(null);
    await click(list(el).querySelector('[part="contents-button"]')!);
    await until(() => !!list(el!).querySelector('[part~="contents-clear"]'), 'the list opened');
    const clear = list(el).querySelector<HTMLButtonElement>('[part~="contents-clear"]')!;
    expect(clear.textContent!.trim()).to.equal('清除本期阅读记录');
    // The last entry of the list, after the articles.
    expect(clear.closest('li')!.nextElementSibling).to.equal(null);
  });

  it('clears the read marks and the saved record; the undo brings both back', async () => {
    el = await withOneRead();
    await click(list(el).querySelector('[part="contents-button"]')!);
    await until(() => !!list(el!).querySelector('[part~="contents-clear"]'), 'the list opened');
    expect(readMarks(el), 'a8 marked read in the list').to.equal(1);
    await click(list(el).querySelector('[part~="contents-clear"]')!);
    await until(() => !readOnPage(el!).size, 'the read marks are gone');
    await until(() => !!list(el!).querySelector('[part="contents-undo"] button'), 'the undo is offered');
    const toast = list(el).querySelector<HTMLElement>('[part="contents-undo"]')!;
    expect(toast.getAttribute('role')).to.equal('status');
    expect(toast.textContent!.replace(/\s+/g, '')).to.equal('已清除阅读记录撤销');
    // Over the foot of the viewer, in sight.
    const box = el.getBoundingClientRect();
    const t = toast.getBoundingClientRect();
    expect(t.bottom).to.be.within(box.bottom - 40, box.bottom);
    expect(t.left).to.be.at.least(box.left);
    let record = await saved(el);
    for (let i = 0; i < 100 && record; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      record = await saved(el);
    }
    expect(record, 'the saved record is gone').to.equal(undefined);
    // Focus went back to the list's button: Tab reaches the undo next.
    await sendKeys({ press: 'Tab' });
    expect(list(el).activeElement).to.equal(toast.querySelector('button'));
    await sendKeys({ press: 'Enter' });
    await until(() => readOnPage(el!).has('a8'), 'a8 is read again');
    expect(toast.textContent!.trim(), 'the offer is over').to.equal('');
    for (let i = 0; i < 100 && !record?.read.includes('a8'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      record = await saved(el);
    }
    expect(record?.read, 'saved again').to.deep.equal(['a8']);
    // And the list says so.
    await click(list(el).querySelector('[part="contents-button"]')!);
    await until(() => readMarks(el!) === 1, 'a8 marked read in the list again');
  });
});
