import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import { A1_URL, deepQuery, loadA1, nextEvent } from '../../helpers.js';

/** A viewer that keeps nothing in storage, so the tests do not see each other's history. */
async function viewer(attrs: { article?: string; hashSync?: boolean; lang?: string } = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const ready = nextEvent(host, 'e-paper-ready');
  const el = await fixture<EPaper>(
    html`<e-paper style="width: 800px; height: 560px" no-persist ?hash-sync=${attrs.hashSync} lang=${attrs.lang ?? 'zh-CN'} article=${attrs.article ?? ''} src=${A1_URL}></e-paper>`,
    { parentNode: host },
  );
  await ready;
  // The reader and the list come once the page is shown.
  await el.updateComplete;
  return el;
}

const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
const regionOf = (el: EPaper, id: string) =>
  deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector<SVGGElement>(`.region[data-article-id="${id}"]`)!;
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });

function countEvents(target: EventTarget, names: string[]) {
  const counts: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) target.addEventListener(name, (e) => counts[name].push((e as CustomEvent).detail.articleId));
  return counts;
}

describe('<e-paper>: articles open in the reader', () => {
  afterEach(async () => {
    await resetMouse();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('opens the clicked article, and Esc closes it and returns focus to its region', async () => {
    const el = await viewer();
    const counts = countEvents(el, ['e-paper-article-open', 'e-paper-article-close']);
    const region = regionOf(el, 'a3');
    const box = region.querySelector('.shape')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await el.updateComplete;
    expect(el.getAttribute('article')).to.equal('a3');
    expect(readerOf(el).open).to.equal(true);
    expect(readerOf(el).shadowRoot!.textContent).to.contain((await loadA1()).articles[2].headline);
    await sendKeys({ press: 'Escape' });
    await frames();
    expect(readerOf(el).open).to.equal(false);
    expect(el.hasAttribute('article')).to.equal(false);
    expect(deepQuery(el, 'e-paper-page')!.shadowRoot!.activeElement).to.equal(region);
    expect(counts).to.deep.equal({ 'e-paper-article-open': ['a3'], 'e-paper-article-close': ['a3'] });
  });

  it('after ← / → in the reader, Esc returns focus to the region of the article being read', async () => {
    const el = await viewer();
    regionOf(el, 'a3').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(readerOf(el).open).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const reading = el.article!;
    expect(reading, 'the reader moved on').to.not.equal('a3');
    await sendKeys({ press: 'Escape' });
    await frames();
    expect(readerOf(el).open).to.equal(false);
    const focused = deepQuery(el, 'e-paper-page')!.shadowRoot!.activeElement;
    expect(focused?.getAttribute('data-article-id')).to.equal(reading);
  });

  it('opens with Enter on a focused region', async () => {
    const el = await viewer();
    regionOf(el, 'a5').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.article).to.equal('a5');
    expect(readerOf(el).articleId).to.equal('a5');
  });

  it('opens the article named by the attribute on load, and by openArticle()', async () => {
    const el = await viewer({ article: 'a7' });
    await el.updateComplete;
    expect(readerOf(el).open).to.equal(true);
    expect(readerOf(el).articleId).to.equal('a7');
    el.openArticle('a2');
    await el.updateComplete;
    expect(readerOf(el).articleId).to.equal('a2');
    el.closeArticle();
    await el.updateComplete;
    expect(readerOf(el).open).to.equal(false);
  });

  it('walks all nine articles with next, and stops at the end', async () => {
    // The A1's reading order: the lead, the left stack, then the right (tests/edition/reading-order.test.ts).
    const el = await viewer({ article: 'a2' });
    const seen = ['a2'];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      if (seen.at(-1) !== el.article) seen.push(el.article!);
    }
    expect(seen).to.deep.equal(['a2', 'a6', 'a5', 'a7', 'a1', 'a3', 'a4', 'a9', 'a8']);
  });

  it('says so when an article id is unknown, and keeps working', async () => {
    const el = await viewer({ lang: 'en' });
    el.openArticle('nope');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent!.replace(/[\u2068\u2069]/g, '')).to.contain(
      'This edition has no article “nope”.',
    );
    expect(readerOf(el).open).to.equal(false);
    el.openArticle('a4');
    await el.updateComplete;
    expect(readerOf(el).open).to.equal(true);
  });

  it('follows a #article= link when hash sync is on, and writes the hash as articles open and close', async () => {
    history.replaceState(null, '', '#article=a6');
    const el = await viewer({ hashSync: true });
    await el.updateComplete;
    expect(readerOf(el).articleId).to.equal('a6');
    el.openArticle('a8');
    await el.updateComplete;
    expect(location.hash).to.equal('#article=a8');
    el.closeArticle();
    await el.updateComplete;
    expect(location.hash).to.equal('');
  });

  it('lists the page’s articles in the toolbar, and opens the chosen one', async () => {
    const el = await viewer();
    const contents = el.shadowRoot!.querySelector('e-paper-contents')!;
    (contents.shadowRoot!.querySelector('.toggle') as HTMLButtonElement).click();
    await (contents as unknown as { updateComplete: Promise<void> }).updateComplete;
    const items = [...contents.shadowRoot!.querySelectorAll<HTMLButtonElement>('.item')];
    expect(items.map((i) => i.dataset.articleId)).to.deep.equal(['a2', 'a6', 'a5', 'a7', 'a1', 'a3', 'a4', 'a9', 'a8']);
    items[7].click();
    await el.updateComplete;
    expect(el.article).to.equal('a9');
  });
});
