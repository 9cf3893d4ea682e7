import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import type { EPaperEventMap } from '../../src/events/events.js';
import { deepQuery, mountViewer, nextEvent, partsLoaded, shownArticles, trapUncaught, until } from '../helpers.js';

// An 8-page copy of A1 whose pages A2…A8 are kept in page files (the test server splits it).
const SPLIT = '/fixtures/split/8.json';

let keyCount = 0;
const freshKey = () => `page-files-test-${Date.now()}-${keyCount++}`;

/** The viewer showing `src`, with the options the tests vary. */
const mount = async (src: string, options: { page?: string; hashSync?: boolean } = {}) => ({
  el: await mountViewer<EPaper>((el) => {
    el.hashSync = options.hashSync ?? false;
    if (options.page) el.page = options.page;
    el.src = src;
  }),
});

/** The page files fetched so far (resource timing), by page id. */
const pageFilesFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/split\/8\/(A\d+)\.json/.exec(entry.name)?.[1])
    .filter((id): id is string => id !== undefined);

const noticeText = (el: EPaper) => el.shadowRoot!.querySelector('[part="notice"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function pageShown(el: EPaper) {
  await el.updateComplete;
  await (deepQuery(el, 'e-paper-page') as unknown as { updateComplete: Promise<void> }).updateComplete;
}

describe('<e-paper>: pages kept in page files', () => {
  const uncaught = trapUncaught();
  let el: EPaper | undefined;
  afterEach(() => {
    el?.remove();
    el = undefined;
    performance.clearResourceTimings();
    history.replaceState(null, '', location.pathname + location.search);
    uncaught.expectNone();
  });

  it('shows the first page without fetching another page file, then loads them all', async () => {
    performance.clearResourceTimings();
    let fetchedAtReady: string[] | undefined;
    const element = document.createElement('e-paper') as EPaper;
    element.addEventListener('e-paper-ready', () => (fetchedAtReady = pageFilesFetched()), { once: true });
    element.style.cssText = 'display: block; width: 900px; height: 640px';
    element.storageKey = freshKey();
    element.src = SPLIT;
    const ready = nextEvent(element, 'e-paper-ready');
    document.body.append((el = element));
    await ready;
    expect(fetchedAtReady, 'page files fetched before the first render').to.deep.equal([]);
    expect(el.page).to.equal('A1');
    expect(shownArticles(el).length).to.be.greaterThan(0);
    // After the first render, every other page's file.
    const listed = () => (deepQuery(el!, 'e-paper-contents') as unknown as { pages: { id: string; loading?: boolean }[] }).pages;
    // The list comes once the page is shown.
    await el.updateComplete;
    expect(listed().length, 'every page listed').to.equal(8);
    await until(() => listed().every((p) => !p.loading), 'the seven page files are in');
  });

  it('turns to a page kept in a file, by keyboard, and shows its own articles', async () => {
    ({ el } = await mount(SPLIT));
    const a1Articles = shownArticles(el);
    deepQuery<HTMLElement>(el, 'e-paper-viewport')!.focus();
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    await sendKeys({ press: 'PageDown' });
    expect((await changed).detail.page).to.equal('A2');
    await pageShown(el);
    const a2Articles = shownArticles(el);
    expect(a2Articles).not.to.deep.equal(a1Articles);
    expect(a2Articles.length).to.be.greaterThan(0);
    expect(
      a2Articles.every((id) => id?.endsWith('-p2')),
      a2Articles.join(),
    ).to.equal(true);
  });

  it('keeps the page in view while the next one loads, then shows it', async () => {
    ({ el } = await mount(`${SPLIT}?slow=A5&ms=1500`));
    const a1Articles = shownArticles(el);
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    el.page = 'A5';
    await pageShown(el);
    expect(shownArticles(el), 'A1 stays while A5 loads').to.deep.equal(a1Articles);
    await until(() => noticeText(el!).includes('A5'), 'a notice says A5 is loading');
    expect(noticeText(el)).to.match(/正在载入.*A5/);
    expect((await changed).detail.page).to.equal('A5');
    await pageShown(el);
    expect(shownArticles(el).every((id) => id?.endsWith('-p5'))).to.equal(true);
    expect(noticeText(el), 'the loading notice is gone').not.to.match(/正在载入/);
  });

  it('a page file that is missing: a message, an error event naming the page, and the page in view stays', async () => {
    ({ el } = await mount(`${SPLIT}?missing=A3`));
    const a1Articles = shownArticles(el);
    const failed = nextEvent<EPaperEventMap['e-paper-error']>(el, 'e-paper-error');
    el.page = 'A3';
    const { detail } = await failed;
    expect(detail.page).to.equal('A3');
    expect(detail.cause).to.equal('http');
    await pageShown(el);
    expect(el.page, 'the attribute goes back to the page shown').to.equal('A1');
    expect(shownArticles(el)).to.deep.equal(a1Articles);
    expect(noticeText(el)).to.match(/A3.*版未能载入/);
    // The other pages still work.
    const changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    el.page = 'A4';
    expect((await changed).detail.page).to.equal('A4');
  });

  it('a viewer moved in the document still turns to its pages, and reports the one that fails', async () => {
    ({ el } = await mount(`${SPLIT}?missing=A3`));
    // Taken out and put back (a site's layout moving it, a framework re-parenting it): the load's
    // signal is aborted by the disconnect, and page files fetched with it failed at once, unheard.
    const box = document.createElement('div');
    document.body.append(box);
    box.append(el);
    el.page = 'A2';
    await until(() => shownArticles(el!).length > 0 && shownArticles(el!).every((id) => id?.endsWith('-p2')), 'A2 is shown');
    const failed = nextEvent<EPaperEventMap['e-paper-error']>(el, 'e-paper-error');
    el.page = 'A3';
    const { detail } = await failed;
    expect([detail.page, detail.cause]).to.deep.equal(['A3', 'http']);
    await pageShown(el);
    expect(el.page, 'the attribute goes back to the page shown').to.equal('A2');
    expect(noticeText(el)).to.match(/A3.*版未能载入/);
    el.remove();
    box.remove();
  });

  it('a page file that does not match its page is refused with the problem named', async () => {
    ({ el } = await mount(`${SPLIT}?wrong=A4`));
    const failed = nextEvent<EPaperEventMap['e-paper-error']>(el, 'e-paper-error');
    el.page = 'A4';
    const { detail } = await failed;
    expect(detail.page).to.equal('A4');
    expect(detail.cause).to.equal('invalid');
    expect(detail.problems.map((p) => p.path)).to.include('page.id');
    await pageShown(el);
    expect(el.page).to.equal('A1');
  });

  it('starts on a page kept in a file when asked to, and falls back to the first page if that file fails', async () => {
    ({ el } = await mount(SPLIT, { page: 'A6' }));
    expect(el.page).to.equal('A6');
    await pageShown(el);
    expect(shownArticles(el).every((id) => id?.endsWith('-p6'))).to.equal(true);
    el.remove();

    const element = document.createElement('e-paper') as EPaper;
    element.style.cssText = 'display: block; width: 900px; height: 640px';
    element.storageKey = freshKey();
    element.page = 'A3';
    element.src = `${SPLIT}?missing=A3`;
    const failed = nextEvent<EPaperEventMap['e-paper-error']>(element, 'e-paper-error');
    const ready = nextEvent(element, 'e-paper-ready');
    document.body.append((el = element));
    expect((await failed).detail.page).to.equal('A3');
    await ready;
    expect(el.page).to.equal('A1');
    await el.updateComplete;
    expect(noticeText(el)).to.match(/A3.*版未能载入/);
  });

  it('opens an article of a page not loaded yet from the URL hash, on its page', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#article=a1-p7`);
    ({ el } = await mount(SPLIT, { hashSync: true }));
    await partsLoaded(el);
    await until(() => el!.page === 'A7', 'page A7 is shown');
    await pageShown(el);
    const reader = deepQuery<HTMLElement & { open: boolean; articleId?: string }>(el, 'e-paper-reader')!;
    await until(() => reader.open, 'the reader opens');
    expect(reader.articleId).to.equal('a1-p7');
    expect(location.hash).to.include('article=a1-p7');
  });

  it('an unknown article is reported once every page file has been looked at', async () => {
    ({ el } = await mount(SPLIT));
    el.openArticle('no-such-article');
    await until(() => /no-such-article/.test(noticeText(el!)), 'the unknown article is reported');
    const listed = (deepQuery(el, 'e-paper-contents') as unknown as { pages: { id: string; loading?: boolean }[] }).pages;
    expect(
      listed.filter((p) => p.loading).map((p) => p.id),
      'every page file was looked at first',
    ).to.deep.equal([]);
    expect(el.article ?? '').to.equal('');
  });

  it('the list says a page is loading until its file is in, then lists its articles', async () => {
    const element = document.createElement('e-paper') as EPaper;
    element.style.cssText = 'display: block; width: 900px; height: 640px';
    element.storageKey = freshKey();
    element.src = SPLIT;
    let loadingAtReady: string | undefined;
    const ready = new Promise<void>((resolve) =>
      element.addEventListener(
        'e-paper-ready',
        async () => {
          // Opened at once, before the viewer's idle time starts on the page files (the list comes once the page is shown).
          await element.updateComplete;
          const contents = element.shadowRoot!.querySelector('e-paper-contents')!;
          contents.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
          await (contents as unknown as { updateComplete: Promise<void> }).updateComplete;
          loadingAtReady = contents.shadowRoot!.querySelector('[data-page-id="A2"] + ul')?.textContent?.trim();
          resolve();
        },
        { once: true },
      ),
    );
    document.body.append((el = element));
    await ready;
    expect(loadingAtReady).to.equal('正在载入版面…');
    const contents = el.shadowRoot!.querySelector('e-paper-contents')!;
    await until(() => contents.shadowRoot!.querySelector('[data-article-id="a1-p2"]') !== null, 'A2 lists its articles');
    expect(contents.shadowRoot!.querySelector('.loading'), 'no page still loading').to.equal(null);
  });

  it('a page shown meanwhile (by opening an article) wins over a page file still loading', async () => {
    ({ el } = await mount(`${SPLIT}?slow=A5&ms=1500`));
    // A2 in place, then back on A1.
    let changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    el.page = 'A2';
    expect((await changed).detail.page).to.equal('A2');
    changed = nextEvent<{ page: string }>(el, 'e-paper-page-change');
    el.page = 'A1';
    expect((await changed).detail.page).to.equal('A1');
    // A5 asked for (slow), then an article of A2 opened: A2 is shown, and stays when A5 arrives.
    el.page = 'A5';
    el.openArticle('a1-p2');
    await el.updateComplete;
    expect(el.page).to.equal('A2');
    await until(
      () =>
        performance
          .getEntriesByType('resource')
          .some((e) => /\/split\/8\/A5\.json/.test(e.name) && (e as PerformanceResourceTiming).responseEnd > 0),
      'A5 has arrived',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    expect(el.page, 'the page of the article stays').to.equal('A2');
    expect(el.article).to.equal('a1-p2');
  });
});
