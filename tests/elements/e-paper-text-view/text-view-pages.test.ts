// The text view and the page shown, both ways: the reader scrolls the list with the mouse wheel
// and the page read-out (the toolbar, the page strip, `e-paper-page-change`, the saved position)
// follows the page heading at the top; a page chosen in the list of pages scrolls the list to
// its heading and focuses it, and the page view shows that page when the reader switches back.
import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createStore, get } from 'idb-keyval';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperPages } from '../../../src/elements/e-paper-pages/e-paper-pages.js';
import type { Edition } from '../../../src/edition/schema.js';
import { READING_DB_NAME, READING_STORE_NAME } from '../../../src/state/reading-state.js';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { deepQuery, frames, loadA1, mountViewer, until } from '../../helpers.js';

const store = createStore(READING_DB_NAME, READING_STORE_NAME);
const listOf = (el: EPaper) => el.shadowRoot!.querySelector('e-paper-text-view')!;
const scrollerOf = (el: EPaper) => listOf(el).shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const sectionOf = (el: EPaper, pageId: string) => listOf(el).shadowRoot!.querySelector<HTMLElement>(`section[data-page-id="${pageId}"]`)!;
const readOut = (el: EPaper) =>
  deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.page-number')!
    .textContent!.replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** How far page `pageId`'s heading is below the top of the list (px). */
const belowTop = (el: EPaper, pageId: string) =>
  sectionOf(el, pageId).getBoundingClientRect().top - scrollerOf(el).getBoundingClientRect().top;

/** Turns the mouse wheel over the list, `deltaY` px, as a reader does. */
async function wheel(el: EPaper, deltaY: number) {
  const r = scrollerOf(el).getBoundingClientRect();
  const [x, y] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
  await executeServerCommand('cdp-input', {
    events: [{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY } }],
  });
  await frames(3);
}

async function click(target: Element) {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function textViewOf(pages: number, storageKey?: string): Promise<EPaper> {
  const el = await mountViewer<EPaper>((e) => {
    e.setAttribute('view', 'text');
    if (storageKey) e.storageKey = storageKey;
    e.edition = multiPageEdition(structuredClone(a1), pages);
  });
  await until(() => !!listOf(el)?.shadowRoot?.querySelector('section'), 'the text view is drawn');
  await listOf(el).updateComplete;
  return el;
}

describe('<e-paper-text-view> and the page shown', () => {
  afterEach(async () => {
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
    await resetMouse();
  });
  before(() => setViewport({ width: 1000, height: 800 }));

  it('scrolling the list past a page heading moves the read-out, the strip, the event and the saved position', async () => {
    const key = `text-view-pages-${Date.now()}`;
    const el = await textViewOf(3, key);
    const changes: string[] = [];
    el.addEventListener('e-paper-page-change', (e) => changes.push((e as CustomEvent<{ page: string }>).detail.page));
    expect(readOut(el)).to.equal('A1 1/3');

    // The wheel, until A2's heading is at the top of the list.
    for (let i = 0; i < 60 && belowTop(el, 'A2') > 0; i++) await wheel(el, 120);
    expect(belowTop(el, 'A2'), 'A2 is at the top').to.be.at.most(0);
    await until(() => readOut(el) === 'A2 2/3', 'the toolbar reads A2');
    expect(el.page).to.equal('A2');
    expect(changes, 'e-paper-page-change, once').to.deep.equal(['A2']);
    const strip = el.shadowRoot!.querySelector<EPaperPages>('e-paper-pages')!;
    expect(strip.pageId, 'the page strip').to.equal('A2');
    expect(listOf(el).shadowRoot!.querySelector('h2[aria-current="page"]')!.id).to.equal('page-A2');
    // The list stays where the reader scrolled it: its own report brings no jump.
    const at = scrollerOf(el).scrollTop;
    await frames(3);
    expect(scrollerOf(el).scrollTop).to.equal(at);
    // The saved position, in IndexedDB.
    let saved: string | undefined;
    for (let i = 0; i < 100 && saved !== 'A2'; i++) {
      saved = (await get<{ page?: string }>(`${key}:${el.edition ? (el.edition as Edition).id : ''}`, store))?.page;
      if (saved !== 'A2') await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(saved, 'the saved page').to.equal('A2');

    // Back up, until A1's part is at the top again.
    for (let i = 0; i < 60 && belowTop(el, 'A2') <= 0; i++) await wheel(el, -120);
    await until(() => readOut(el) === 'A1 1/3', 'the toolbar reads A1 again');
    expect(changes).to.deep.equal(['A2', 'A1']);

    // To the end: the last page is the one shown, even where its heading cannot reach the top.
    for (let i = 0; i < 200 && scrollerOf(el).scrollTop + scrollerOf(el).clientHeight < scrollerOf(el).scrollHeight - 1; i++)
      await wheel(el, 400);
    await until(() => readOut(el) === 'A3 3/3', 'the toolbar reads A3 at the end');
  });

  it('a page chosen in the list of pages scrolls the list to its heading and focuses it; the page view follows', async () => {
    const el = await textViewOf(4);
    const toggle = deepQuery<HTMLElement>(el, 'e-paper-contents', '[part~="contents-button"]')!;
    await click(toggle);
    await until(() => !!deepQuery(el, 'e-paper-contents', 'button[data-page-id="A3"]'), 'the list of pages opens');
    const page = deepQuery<HTMLButtonElement>(el, 'e-paper-contents', 'button[data-page-id="A3"]')!;
    // By the keyboard, as the list's own: focus on the page, Enter.
    page.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => listOf(el).shadowRoot!.activeElement?.id === 'page-A3', 'the heading of A3 has focus');
    expect(el.shadowRoot!.activeElement, 'focus is in the text view, not on the hidden page').to.equal(listOf(el));
    expect(Math.abs(belowTop(el, 'A3')), 'A3 at the top of the list').to.be.below(2);
    expect(readOut(el)).to.equal('A3 3/4');
    // The page stays where it is: no report of another page after the list moved itself.
    await frames(4);
    expect(el.page).to.equal('A3');

    // Back to the page view: page A3 is the one shown.
    await click(el.shadowRoot!.querySelector('.view-toggle')!);
    await el.updateComplete;
    expect(el.view).to.equal('page');
    expect(el.shadowRoot!.querySelector('e-paper-page')!.page!.id).to.equal('A3');
  });
});

let a1: Edition;
before(async () => {
  a1 = await loadA1();
  // Its fonts are beside the edition's file, not this page: the system's stand in.
  delete a1.fonts;
});
