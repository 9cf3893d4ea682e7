// The text view's focus, as a keyboard reader meets it: a page heading focused (a page chosen in
// the list of pages) has its ring clear of the heading's first letter, the heading where it was;
// an article opened from the list on another page than the one shown leaves the list where it
// was under the reader, and closing the reader gives focus back to the article's item.
import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { Edition } from '../../../src/edition/schema.js';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { deepQuery, frames, loadA1, mountViewer, until } from '../../helpers.js';

const listOf = (el: EPaper) => el.shadowRoot!.querySelector('e-paper-text-view')!;
const rootOf = (el: EPaper) => listOf(el).shadowRoot!;
const scrollerOf = (el: EPaper) => rootOf(el).querySelector<HTMLElement>('.scroller')!;
const sectionOf = (el: EPaper, pageId: string) => rootOf(el).querySelector<HTMLElement>(`section[data-page-id="${pageId}"]`)!;

async function click(target: Element) {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function textViewOf(pages: number): Promise<EPaper> {
  const el = await mountViewer<EPaper>((e) => {
    e.setAttribute('view', 'text');
    e.edition = multiPageEdition(structuredClone(a1), pages);
  });
  await until(() => !!rootOf(el)?.querySelector('section'), 'the text view is drawn');
  await listOf(el).updateComplete;
  return el;
}

/** The left edge of the first letter of `element`'s text. */
function textLeft(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return [...range.getClientRects()].filter((r) => r.width > 0)[0].left;
}

/**
 * The inner left edge of the focus ring of `h2` (drawn by the heading or by its ::before): the
 * edge of the box it is drawn around, moved in by a negative outline offset.
 */
function ringInnerLeft(h2: HTMLElement): number {
  const own = getComputedStyle(h2);
  const left = h2.getBoundingClientRect().left;
  if (own.outlineStyle !== 'none') return left - parseFloat(own.outlineOffset);
  const before = getComputedStyle(h2, '::before');
  expect(before.outlineStyle, 'a ring is drawn').to.not.equal('none');
  expect(before.position, 'around a box placed against the heading').to.equal('absolute');
  return left + parseFloat(before.left) - parseFloat(before.outlineOffset);
}

describe('<e-paper-text-view>: focus of a heading and of an item', () => {
  afterEach(async () => {
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
    await resetMouse();
  });
  before(() => setViewport({ width: 1000, height: 800 }));

  it('a focused page heading: the ring clear of its first letter, the heading unmoved', async () => {
    const el = await textViewOf(3);
    const h2 = rootOf(el).querySelector<HTMLElement>('#page-A2')!;
    const before = { text: textLeft(h2), box: h2.getBoundingClientRect().toJSON() as DOMRect };
    // Chosen in the list of pages, by the keyboard.
    await click(deepQuery<HTMLElement>(el, 'e-paper-contents', '[part~="contents-button"]')!);
    await until(() => !!deepQuery(el, 'e-paper-contents', 'button[data-page-id="A2"]'), 'the list of pages opens');
    deepQuery<HTMLButtonElement>(el, 'e-paper-contents', 'button[data-page-id="A2"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rootOf(el).activeElement === h2, 'the heading of A2 has focus');
    await frames(2);
    expect(h2.matches(':focus-visible'), 'its ring shows').to.equal(true);
    const text = textLeft(h2);
    expect(text - ringInnerLeft(h2), 'room between the ring and the first letter').to.be.at.least(3);
    // No layout moved: the heading's text starts where the items' headlines do, its box as wide.
    const headline = sectionOf(el, 'A2').querySelector('h3 button')!;
    expect(text).to.be.closeTo(textLeft(headline), 0.5);
    expect(text - h2.getBoundingClientRect().left, 'the text where it was in its box').to.be.closeTo(before.text - before.box.left, 0.5);
    expect(h2.getBoundingClientRect().width).to.be.closeTo(before.box.width, 0.5);
    expect(h2.getBoundingClientRect().height).to.be.closeTo(before.box.height, 0.5);
  });

  it('an article on another page, opened from the list: the list stays; closing gives focus back to its item', async () => {
    const el = await textViewOf(3);
    expect(el.page).to.equal('A1');
    const scroller = scrollerOf(el);
    // Scrolled until page A2's first items are in sight, its heading still below the top (A1 shown).
    const r = scroller.getBoundingClientRect();
    const [x, y] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
    for (let i = 0; i < 80 && sectionOf(el, 'A2').getBoundingClientRect().top > r.bottom - 260; i++) {
      await executeServerCommand('cdp-input', {
        events: [{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 60 } }],
      });
      await frames(2);
    }
    await frames(3);
    expect(sectionOf(el, 'A2').getBoundingClientRect().top, 'A2 below the top').to.be.greaterThan(r.top + 20);
    expect(el.page, 'A1 still shown').to.equal('A1');
    const item = sectionOf(el, 'A2').querySelector<HTMLButtonElement>('h3 button')!;
    const id = item.dataset.articleId!;
    const at = scroller.scrollTop;

    await click(item);
    await until(() => el.article === id, 'the reader opens the article');
    await until(() => el.page === 'A2', 'the viewer turns to its page');
    await frames(4);
    expect(scroller.scrollTop, 'the list under the reader did not move').to.equal(at);

    await sendKeys({ press: 'Escape' });
    await until(() => el.article === undefined, 'the reader closes');
    await until(() => rootOf(el).activeElement === item, 'focus back on the item');
    await frames(2);
    expect(scroller.scrollTop, 'the list where the reader left it').to.equal(at);
  });
});

let a1: Edition;
before(async () => {
  a1 = await loadA1();
  // Its fonts are beside the edition's file, not this page: the system's stand in.
  delete a1.fonts;
});
