/**
 * A continued article in an edition that `e-paper import pdf` wrote (tests/fixtures/pdf-import/
 * continued, from the project's printed fixtures; NOT a real page of the paper): scan pages whose
 * jumps the importer found, followed in the viewer with a real click.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { Edition } from '../../../src/edition/schema.js';
import { deepQuery, nextEvent, until } from '../../helpers.js';

const IMPORTED_URL = new URL('../../fixtures/pdf-import/continued/edition.json', import.meta.url).href;

const pageOf = (el: EPaper) => deepQuery(el, 'e-paper-page')!.shadowRoot!;
const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
const regionOf = (el: EPaper, id: string) => pageOf(el).querySelector<SVGGElement>(`.region[data-article-id="${id}"]`);

async function clickCentre(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('<e-paper>: a continued article imported from PDF', () => {
  afterEach(() => resetMouse());

  it('opens on page 1; the part there opens the article, whose jump link turns to page 2 and lights the other part', async () => {
    const edition = (await (await fetch(IMPORTED_URL)).json()) as Edition;
    const [jump] = edition.pages[0].jumps!;
    const id = jump.article;
    const host = document.createElement('div');
    document.body.append(host);
    const ready = nextEvent(host, 'e-paper-ready');
    const el = await fixture<EPaper>(html`<e-paper style="width: 900px; height: 640px" no-persist src=${IMPORTED_URL}></e-paper>`, {
      parentNode: host,
    });
    await ready;
    expect(el.page, 'the first page').to.equal(edition.pages[0].id);
    await until(() => regionOf(el, id) !== null, 'the part on page 1 shown');
    await clickCentre(regionOf(el, id)!.querySelector('.shape')!);
    await until(() => (readerOf(el)?.open && readerOf(el).shadowRoot?.querySelector('button.jump')) != null, 'the reader open');
    await readerOf(el).updateComplete;
    // The whole article: the text of both parts, without the jump lines printed on the pages.
    const paragraphs = [...readerOf(el).shadowRoot!.querySelectorAll('.body p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal(edition.articles.find((a) => a.id === id)!.paragraphs);
    expect(paragraphs.join('')).to.not.contain(jump.text);
    const link = readerOf(el).shadowRoot!.querySelector<HTMLButtonElement>('button.jump')!;
    expect(link.dataset.pageId).to.equal(jump.to);
    expect(link.textContent).to.contain(jump.text);
    // The 转 link stands below the body, as printed: the reader scrolls to it.
    link.scrollIntoView({ block: 'center' });
    await until(() => {
      const box = link.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, 'the link in view');
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    await clickCentre(link);
    expect((await changed).detail.page).to.equal(jump.to);
    await until(() => regionOf(el, id)?.classList.contains('active') ?? false, 'the part on page 2 lit');
    expect(readerOf(el).open).to.equal(false);
  });
});
