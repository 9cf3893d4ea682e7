// The host page hears only the viewer's public events. A scripted session on a host page (load,
// zoom, open an article, read, search, turn a page) with real input, and a listener on `document`
// for every event name the source fires (scripts/wtr-event-names-plugin.js).
import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { multiPageEdition } from '../scripts/editions-from-a1.js';
import { A1_URL, deepQuery, loadA1, mountViewer, nextEvent, partsLoaded, until } from './helpers.js';

const PUBLIC = ['e-paper-ready', 'e-paper-error', 'e-paper-article-open', 'e-paper-article-close', 'e-paper-page-change', 'e-paper-zoom'];
const CTRL = 2;

const wheel = (x: number, y: number, deltaY: number, modifiers = 0) =>
  executeServerCommand('cdp-input', {
    events: [{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY, modifiers } }],
  });
const centre = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

describe('the host page', () => {
  const heard: string[] = [];
  const fired = new Set<string>();
  const hear = (event: Event) => heard.push(event.type);
  const dispatch = EventTarget.prototype.dispatchEvent;
  let names: string[] = [];
  let el: EPaper | undefined;

  before(async () => {
    names = (await executeServerCommand<string[], undefined>('event-names'))!;
    for (const name of names) document.addEventListener(name, hear);
    // Every e-paper event fired anywhere (inside shadow roots too), to prove the session fired
    // the internal ones the host must not hear, and that the source scan missed none.
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      if (event.type.startsWith('e-paper')) fired.add(event.type);
      return dispatch.call(this, event);
    };
  });
  after(async () => {
    EventTarget.prototype.dispatchEvent = dispatch;
    for (const name of names) document.removeEventListener(name, hear);
    el?.remove();
    await resetMouse();
  });

  it('hears only the public events through a whole session: load, zoom, open, read, search, turn a page', async () => {
    expect(names, 'the event names read from the source').to.include.members(PUBLIC);
    expect(names.length, 'internal events found in the source').to.be.greaterThan(PUBLIC.length);

    // Load: an edition of four pages.
    const edition = multiPageEdition(await loadA1(), 4, { fontBase: A1_URL });
    el = await mountViewer<EPaper>((e) => {
      e.hashSync = false;
      e.edition = edition;
    });
    await partsLoaded(el);
    const page = deepQuery(el, 'e-paper-page')!;
    const shape = () => page.shadowRoot!.querySelector('.region[data-article-id="a3"] .shape')!;

    // Zoom: Ctrl + wheel over article a3 (the point under the pointer stays put).
    const zoomed = nextEvent(el, 'e-paper-zoom');
    await wheel(...centre(shape()), -100, CTRL);
    await zoomed;

    // Open: a real click on a3.
    const opened = nextEvent<{ articleId: string }>(el, 'e-paper-article-open');
    await sendMouse({ type: 'click', position: centre(shape()) });
    expect((await opened).detail.articleId).to.equal('a3');
    const reader = deepQuery(el, 'e-paper-reader')!;
    const scroller = deepQuery<HTMLElement>(el, 'e-paper-reader', '.scroller')!;
    await until(() => scroller.clientHeight > 0, 'the reader shown');

    // Read: the wheel scrolls the reader; it reports its progress to the viewer.
    await wheel(...centre(scroller), 400);
    await until(() => scroller.scrollTop > 0 && fired.has('e-paper-reader-progress'), 'the reader scrolled and reported it');
    const closed = nextEvent(el, 'e-paper-article-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(reader.isConnected).to.equal(true);

    // Search: Ctrl+F and typing.
    deepQuery<HTMLElement>(el, 'e-paper-viewport')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'f' });
    await sendKeys({ up: 'Control' });
    await until(() => !!deepQuery(el!, 'e-paper-search', 'input'), 'the search field');
    await sendKeys({ type: edition.articles.find((a) => a.id === 'a3')!.paragraphs[0].slice(0, 4) });
    await until(() => fired.has('e-paper-search-query'), 'the query settled');
    await sendKeys({ press: 'Escape' });

    // Turn a page: the toolbar's next-page button.
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    await sendMouse({ type: 'click', position: centre(deepQuery(el, 'e-paper-toolbar', 'button[data-action="next-page"]')!) });
    expect((await changed).detail.page).to.equal('A2');

    // What the host heard.
    const unique = [...new Set(heard)];
    expect(
      unique.filter((name) => !PUBLIC.includes(name)),
      'internal events heard by the host page',
    ).to.deep.equal([]);
    expect(unique, 'public events heard by the host page').to.include.members([
      'e-paper-ready',
      'e-paper-zoom',
      'e-paper-article-open',
      'e-paper-article-close',
      'e-paper-page-change',
    ]);
    expect(unique, 'no error in the session').not.to.include('e-paper-error');

    // What was fired, inside the viewer and out.
    const internal = [...fired].filter((name) => !PUBLIC.includes(name));
    expect(internal, 'internal events fired in the session').to.include.members([
      'e-paper-viewport-zoom',
      'e-paper-region-activate',
      'e-paper-reader-progress',
      'e-paper-reader-close',
      'e-paper-search-query',
      'e-paper-toolbar-action',
    ]);
    expect(names, 'every event fired is named in the source').to.include.members([...fired]);
  });
});
