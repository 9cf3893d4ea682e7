/**
 * Continued articles in the viewer, on the test edition demo/editions/continued-test.json (made
 * from A1's articles; NOT the paper's real layout): the lead story a2 is cut on A1 (转第2版) and
 * goes on on A2 (上接第1版).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { Edition } from '../../../src/edition/schema.js';
import { readerStrings } from '../../../src/elements/e-paper-reader/reader-strings.js';
import { deepQuery, frames, nextEvent, until } from '../../helpers.js';

const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const CONTINUED_URL = new URL('../../../demo/editions/continued-test.json', import.meta.url).href;

async function viewer(attrs: { page?: string; article?: string; hashSync?: boolean; storageKey?: string } = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const ready = nextEvent(host, 'e-paper-ready');
  const el = await fixture<EPaper>(
    html`<e-paper
      style="width: 900px; height: 640px"
      ?no-persist=${!attrs.storageKey}
      storage-key=${attrs.storageKey ?? ''}
      ?hash-sync=${attrs.hashSync}
      page=${attrs.page ?? 'A1'}
      article=${attrs.article ?? ''}
      src=${CONTINUED_URL}
    ></e-paper>`,
    { parentNode: host },
  );
  await ready;
  // The reader and the list come once the page is shown.
  await el.updateComplete;
  return el;
}

const pageOf = (el: EPaper) => deepQuery(el, 'e-paper-page')!.shadowRoot!;
const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
const regionOf = (el: EPaper, id: string) => pageOf(el).querySelector<SVGGElement>(`.region[data-article-id="${id}"]`)!;
const jumpLinks = (el: EPaper) => [...readerOf(el).shadowRoot!.querySelectorAll<HTMLButtonElement>('button.jump')];

async function clickCentre(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

async function edition(): Promise<Edition> {
  return (await (await fetch(CONTINUED_URL)).json()) as Edition;
}

describe('<e-paper>: continued articles (test edition)', () => {
  afterEach(async () => {
    await resetMouse();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('prints the jump lines on the typeset pages, at the cut and at the continuation', async () => {
    const el = await viewer();
    const first = pageOf(el).querySelector('article[data-article-id="a2"] .body')!;
    expect(first.lastElementChild!.matches('p.jump'), 'the cut ends with its jump line').to.equal(true);
    expect(first.lastElementChild!.textContent).to.equal('（转第2版）');
    expect(first.querySelectorAll('p:not(.jump)')).to.have.length(3);
    el.page = 'A2';
    await until(() => pageOf(el).querySelector('article[data-article-id="a2"]') !== null && el.page === 'A2', 'page A2 shown');
    await el.updateComplete;
    const second = pageOf(el).querySelector('article[data-article-id="a2"] .body')!;
    expect(second.firstElementChild!.textContent).to.equal('（上接第1版）');
    expect(second.querySelectorAll('p:not(.jump)')).to.have.length(3);
  });

  it('a click on the part on A2 opens the whole article there, without turning to A1', async () => {
    const el = await viewer({ page: 'A2' });
    const turned: string[] = [];
    el.addEventListener('e-paper-page-change', (e) => turned.push((e as CustomEvent<{ page: string }>).detail.page));
    await clickCentre(regionOf(el, 'a2').querySelector('.shape')!);
    await el.updateComplete;
    expect(el.article).to.equal('a2');
    expect(readerOf(el).open).to.equal(true);
    expect(el.page).to.equal('A2');
    expect(turned).to.deep.equal([]);
    const paragraphs = [...readerOf(el).shadowRoot!.querySelectorAll('.body p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal((await edition()).articles.find((a) => a.id === 'a2')!.paragraphs);
  });

  it('the jump link in the reader turns to the other page, closes the reader and lights up the part there', async () => {
    const el = await viewer({ page: 'A2' });
    await clickCentre(regionOf(el, 'a2').querySelector('.shape')!);
    await el.updateComplete;
    const links = jumpLinks(el);
    expect(links.map((link) => link.dataset.pageId)).to.deep.equal(['A1']);
    expect(links[0].textContent).to.contain('（上接第1版）');
    expect(links[0].textContent).to.contain(readerStrings('zh-CN').showPart('A1'));
    // The 上接 link stands above the body, as printed.
    const body = readerOf(el).shadowRoot!.querySelector('.body')!;
    expect(links[0].compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    await clickCentre(links[0]);
    expect((await changed).detail.page).to.equal('A1');
    await until(() => regionOf(el, 'a2')?.classList.contains('active') ?? false, 'the part on A1 lit');
    expect(readerOf(el).open).to.equal(false);
    expect(el.hasAttribute('article')).to.equal(false);
    await frames();
    expect(pageOf(el).activeElement, 'focus on the part').to.equal(regionOf(el, 'a2'));
    // The light goes when the reader moves on.
    regionOf(el, 'a1').focus();
    expect(regionOf(el, 'a2').classList.contains('active')).to.equal(false);
  });

  it('keyboard: Enter on the part on A1, Tab to the 转 link, Enter turns to A2', async () => {
    const el = await viewer();
    regionOf(el, 'a2').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(readerOf(el).open).to.equal(true);
    const [link] = jumpLinks(el);
    expect(link.dataset.pageId).to.equal('A2');
    expect(link.textContent).to.contain('（转第2版）');
    for (let i = 0; i < 30 && readerOf(el).shadowRoot!.activeElement !== link; i++) await sendKeys({ press: 'Tab' });
    expect(readerOf(el).shadowRoot!.activeElement, 'the link is reached by Tab').to.equal(link);
    await sendKeys({ press: 'Enter' });
    await until(() => el.page === 'A2' && (regionOf(el, 'a2')?.classList.contains('active') ?? false), 'A2 shown, its part lit');
    expect(readerOf(el).open).to.equal(false);
  });

  it('a deep link to the article opens it on the page shown when that page holds a part', async () => {
    history.replaceState(null, '', '#article=a2');
    const el = await viewer({ page: 'A2', hashSync: true });
    await until(() => readerOf(el).open, 'the reader open');
    expect(el.page).to.equal('A2');
    expect(jumpLinks(el).map((link) => link.dataset.pageId)).to.deep.equal(['A1']);
    expect(location.hash).to.contain('article=a2');
  });

  it('a deep link to the article from a page without it turns to its first part', async () => {
    const el = await viewer({ page: 'A2' });
    el.page = 'A2';
    el.openArticle('a3');
    await until(() => el.page === 'A1' && readerOf(el).open, 'turned to A1 for a3');
    expect(el.article).to.equal('a3');
  });

  it('a read mark covers both parts', async () => {
    const storageKey = `continued-${Math.random()}`;
    const el = await viewer({ storageKey, page: 'A2' });
    await clickCentre(regionOf(el, 'a2').querySelector('.shape')!);
    await el.updateComplete;
    // Read to the end: the reader marks an article read when its end is reached.
    const reader = readerOf(el);
    await reader.updateComplete;
    const scroller = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const readToEnd = new Promise<void>((resolve) =>
      el.shadowRoot!.addEventListener(
        'e-paper-reader-progress',
        (e) => (e as CustomEvent<{ fraction: number }>).detail.fraction >= 0.98 && resolve(),
      ),
    );
    scroller.scrollTop = scroller.scrollHeight;
    await readToEnd;
    await until(() => regionOf(el, 'a2')?.classList.contains('read') ?? false, 'a2 read on A2');
    el.page = 'A1';
    await until(() => el.page === 'A1' && (regionOf(el, 'a2')?.classList.contains('read') ?? false), 'a2 read on A1 too');
  });

  it('has no axe violations with the jump links shown', async () => {
    const el = await viewer({ page: 'A2', article: 'a2' });
    await until(() => jumpLinks(el).length === 1, 'the jump link shown');
    const results = await axe.run(el, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
  });
});
