/**
 * Offline reading as a reader does it: the test server's offline site (scripts/wtr-offline-plugin.js)
 * serves a host page with the built viewer (dist/: `npm run build` first when running this file
 * alone); the test registers the service worker (dist/e-paper-sw.js) as a host would, saves the
 * edition with the viewer's button, stops the site and reloads the page, which then reads from
 * the caches alone. Also a full storage (a wrapper over the Cache Storage that throws
 * QuotaExceededError), a missing file, and removing a saved edition.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { definePart } from '../../src/lazy-parts.js';
import { loadStrings } from '../../src/i18n/localize.js';
import type { EPaperOffline } from '../../src/elements/e-paper-offline/e-paper-offline.js';
import { SITE_CACHE, editionCacheName } from '../../src/offline/cache-names.js';
import { saveEdition } from '../../src/offline/offline-save.js';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { A1_URL, deepQuery, mountViewer, until } from '../helpers.js';

const SITE = new URL('/offline-site/', location.href).href;
const SPLIT = `${SITE}split/3.json`;

/** Clicks `element` (in this page or in `frame`) with the mouse. */
async function click(element: Element, frame?: HTMLIFrameElement): Promise<void> {
  const box = element.getBoundingClientRect();
  const at = frame?.getBoundingClientRect() ?? { left: 0, top: 0 };
  await sendMouse({
    type: 'click',
    position: [Math.round(at.left + box.left + box.width / 2), Math.round(at.top + box.top + box.height / 2)],
  });
}

async function ourCaches(): Promise<string[]> {
  return (await caches.keys()).filter((name) => name.startsWith('e-paper:'));
}

async function clearCaches(): Promise<void> {
  for (const name of await ourCaches()) await caches.delete(name);
}

/** The site's service worker, registered as a host page would, once it is active. */
async function registerWorker(url = `${SITE}e-paper-sw.js`, scope = SITE): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(url, { scope });
  const worker = registration.installing ?? registration.waiting;
  if (worker)
    await new Promise<void>((resolve) => {
      const check = () => worker.state === 'activated' && resolve();
      worker.addEventListener('statechange', check);
      check();
    });
  return registration;
}

/** A frame showing the host page of the offline site for `src`, once its viewer is ready. */
async function hostPage(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; left: 0; top: 0; width: 900px; height: 640px; border: 0';
  frame.src = `${SITE}index.html?src=${encodeURIComponent(src)}`;
  document.body.append(frame);
  await frameReady(frame);
  return frame;
}

const viewerIn = (frame: HTMLIFrameElement) => frame.contentDocument?.querySelector('e-paper') as Element;

/** Waits for the frame's page and its viewer to be shown. */
async function frameReady(frame: HTMLIFrameElement): Promise<void> {
  await until(
    () =>
      frame.contentDocument?.readyState === 'complete' && Boolean(viewerIn(frame)) && Boolean(deepQuery(viewerIn(frame), 'e-paper-page')),
    'the host page shows the viewer',
    15000,
  );
  await until(() => Boolean(deepQuery(viewerIn(frame), 'e-paper-page', '[part~="article"]')), 'the page is set', 15000);
}

const offlineOf = (root: Element) => deepQuery<EPaperOffline>(root, 'e-paper-offline');

describe('offline reading', function () {
  this.timeout(60000);
  let registration: ServiceWorkerRegistration | undefined;

  before(async () => {
    const built = await fetch(`${SITE}e-paper-sw.js`);
    expect(built.ok, 'dist/e-paper-sw.js is built (npm run build)').to.equal(true);
    await clearCaches();
    await definePart('e-paper-offline');
    registration = await registerWorker();
  });

  afterEach(async () => {
    await executeServerCommand('offline-site', { refuse: false });
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    for (const el of document.querySelectorAll('e-paper-offline')) el.remove();
    await clearCaches();
  });

  after(async () => {
    await registration?.unregister();
  });

  it('saves an edition with its page files and fonts, and reads it after the server is gone', async () => {
    const frame = await hostPage('split/3.json');
    expect(frame.contentWindow!.navigator.serviceWorker.controller, 'the worker controls the host page').to.not.equal(null);
    const viewer = viewerIn(frame);
    await until(() => Boolean(offlineOf(viewer)?.shadowRoot?.querySelector('.toggle')), 'the offline button is shown');
    const offline = offlineOf(viewer)!;
    const toggle = offline.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.textContent).to.contain('离线保存');

    // The reader opens the panel with the mouse and saves with the keyboard.
    await click(toggle, frame);
    await until(() => Boolean(offline.shadowRoot!.querySelector('.panel')), 'the panel opens');
    expect(offline.shadowRoot!.activeElement?.id, 'focus goes to the panel').to.equal('heading');
    await sendKeys({ press: 'Tab' });
    expect(offline.shadowRoot!.activeElement?.classList.contains('save')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => offline.shadowRoot!.querySelector('.status')!.textContent!.includes('已保存本期'), 'the save is done', 30000);
    expect(toggle.textContent, 'the button says saved').to.contain('已保存');

    // What the cache holds: the edition, each page file, the fonts its text needs, the record.
    const name = editionCacheName(SPLIT);
    expect(await ourCaches()).to.include(name);
    const kept = (await (await caches.open(name)).keys()).map((request) => request.url);
    expect(kept).to.include(SPLIT);
    expect(kept).to.include(`${SITE}split/3/A2.json`);
    expect(kept).to.include(`${SITE}split/3/A3.json`);
    expect(kept.filter((url) => url.endsWith('.woff2')).length, 'font files').to.be.greaterThan(0);
    const listed = offline.shadowRoot!.querySelector('li')!;
    expect(listed.dataset.url).to.equal(SPLIT);
    expect(listed.textContent).to.match(/\d+(\.\d)? (kB|MB)/);

    // The server is gone: nothing of the site answers any more.
    await executeServerCommand('offline-site', { refuse: true });
    let failed = false;
    await fetch(SPLIT).catch(() => (failed = true));
    expect(failed, 'the site no longer answers').to.equal(true);

    frame.contentWindow!.location.reload();
    await until(() => frame.contentDocument?.readyState !== 'complete' || !viewerIn(frame)?.shadowRoot, 'the page reloads');
    await frameReady(frame);
    const again = viewerIn(frame);
    const page = deepQuery(again, 'e-paper-page')!;
    expect(page.shadowRoot!.textContent, 'the page reads offline').to.contain('株洲');
    await until(
      () => offlineOf(again)?.shadowRoot?.querySelector('.toggle')?.textContent?.includes('已保存') === true,
      'the button still says saved',
    );

    // An article: the reader clicks its region.
    const region = page.shadowRoot!.querySelector<SVGGElement>('.region')!;
    await click(region, frame);
    await until(() => (deepQuery(again, 'e-paper-reader', '[part~="body"]')?.textContent?.length ?? 0) > 20, 'the article reads offline');
    await sendKeys({ press: 'Escape' });
    await until(() => !(again as Element & { article?: string }).article, 'the reader closes');

    // The second page comes from its saved page file.
    await click(deepQuery(again, 'e-paper-toolbar', '[data-action="next-page"]')!, frame);
    await until(
      () => deepQuery(again, 'e-paper-toolbar', '.page-number')?.textContent?.includes('A2') === true,
      'page A2 is shown offline',
    );
    await until(() => Boolean(deepQuery(again, 'e-paper-page', '[part~="article"]')), 'page A2 is set');
  });

  it('reports a full storage and keeps nothing of the save', async () => {
    let puts = 0;
    const full: CacheStorage = {
      ...caches,
      has: (name) => caches.has(name),
      keys: () => caches.keys(),
      delete: (name) => caches.delete(name),
      match: (request, options) => caches.match(request, options),
      open: async (name) => {
        const cache = await caches.open(name);
        return new Proxy(cache, {
          get(target, key) {
            if (key === 'put')
              return (request: RequestInfo, response: Response) => {
                if (++puts > 3) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
                return target.put(request, response);
              };
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    const el = document.createElement('e-paper-offline') as EPaperOffline;
    el.src = SPLIT;
    el.lang = 'en';
    el.caches = full;
    document.body.append(el);
    await el.updateComplete;
    await click(el.shadowRoot!.querySelector('.toggle')!);
    await el.updateComplete;
    await click(el.shadowRoot!.querySelector('.save')!);
    await until(() => el.shadowRoot!.querySelector('.status.problem') !== null, 'the failure is told', 30000);
    const status = el.shadowRoot!.querySelector('.status')!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(status.textContent).to.contain('no room left');
    expect(puts, 'it failed on a put').to.be.greaterThan(3);
    expect(await caches.has(editionCacheName(SPLIT)), 'nothing half-saved is left').to.equal(false);
    expect(el.shadowRoot!.querySelector('.toggle')!.textContent).to.contain('Save offline');
    expect(el.shadowRoot!.querySelector('.none')?.textContent).to.contain('No edition saved');
  });

  it('fails a save whose page file is missing, naming no partial copy', async () => {
    const src = `${SPLIT}?missing=A3`;
    const el = document.createElement('e-paper-offline') as EPaperOffline;
    el.src = src;
    el.lang = 'zh-Hant';
    await loadStrings('zh-Hant');
    document.body.append(el);
    await el.updateComplete;
    await click(el.shadowRoot!.querySelector('.toggle')!);
    await el.updateComplete;
    await el.save();
    expect(el.shadowRoot!.querySelector('.status.problem')?.textContent).to.contain('沒有留下不完整的副本');
    expect(await caches.has(editionCacheName(src))).to.equal(false);
  });

  it('lists saved editions with their size and removes one', async () => {
    const el = document.createElement('e-paper-offline') as EPaperOffline;
    el.src = `${SITE}demo/editions/zhuzhou-daily-2021-01-08-scan.json`;
    el.lang = 'en';
    document.body.append(el);
    await el.updateComplete;
    await click(el.shadowRoot!.querySelector('.toggle')!);
    await el.save();
    const kept = (await (await caches.open(editionCacheName(el.src))).keys()).map((request) => request.url);
    expect(kept.filter((url) => url.endsWith('.jpg')).length, 'the scan images a reader needs').to.be.greaterThan(0);
    await el.updateComplete;
    const item = el.shadowRoot!.querySelector('li')!;
    expect(item.textContent).to.match(/株洲日报.* · [\d.]+ (kB|MB)/);
    const remove = item.querySelector<HTMLButtonElement>('.remove')!;
    expect(remove.getAttribute('aria-label')).to.contain('Remove the saved');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('li') === null, 'the entry is gone');
    expect(await caches.has(editionCacheName(el.src))).to.equal(false);
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Removed the offline copy');
    expect(el.shadowRoot!.activeElement?.id, 'focus stays in the panel').to.equal('heading');
    // Escape closes the panel and gives focus back to the button.
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.querySelector('.panel')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.classList.contains('toggle')).to.equal(true);
  });
});

describe('saved editions that look alike', function () {
  this.timeout(60000);
  afterEach(async () => {
    for (const el of document.querySelectorAll('e-paper-offline')) el.remove();
    await clearCaches();
  });

  it('tells them apart by pages, size and, where those are alike too, their address, in every UI language', async () => {
    // Three saves of one day's paper, one title: the typeset page, its scan, and the three-page
    // test copy saved from two addresses (the same pages and size).
    const urls = [
      `${SITE}demo/editions/zhuzhou-daily-2021-01-08.json`,
      `${SITE}demo/editions/zhuzhou-daily-2021-01-08-scan.json`,
      SPLIT,
      `${SPLIT}?copy=2`,
    ];
    for (const url of urls) await saveEdition(url, { imageWidth: 400 });
    const el = document.createElement('e-paper-offline') as EPaperOffline;
    el.src = urls[0];
    for (const [lang, pages] of [
      ['en', /^3 pages · [\d.]+ (kB|MB) · from \/offline-site\/split\/3\.json/],
      ['zh-CN', /^3 版 · [\d.]+ (kB|MB) · 来自 \/offline-site\/split\/3\.json/],
      ['zh-Hant', /^3 版 · [\d.]+ (kB|MB) · 來自 \/offline-site\/split\/3\.json/],
    ] as const) {
      await loadStrings(lang);
      el.lang = lang;
      if (!el.isConnected) document.body.append(el);
      await el.refreshed;
      await el.updateComplete;
      if (!el.shadowRoot!.querySelector('.panel')) await click(el.shadowRoot!.querySelector('.toggle')!);
      await until(() => el.shadowRoot!.querySelectorAll('li').length === 4, 'the four are listed');
      const items = [...el.shadowRoot!.querySelectorAll('li')];
      const texts = items.map((li) => li.querySelector('.entry')!.textContent!.replace(/[\u2066-\u2069]/g, ''));
      expect(new Set(texts).size, `${lang}: four entries, each unlike the others: ${texts.join(' | ')}`).to.equal(4);
      const labels = items.map((li) => li.querySelector('.remove')!.getAttribute('aria-label'));
      expect(new Set(labels).size, `${lang}: four remove buttons, each named apart`).to.equal(4);
      for (const li of items) expect(li.querySelector('.entry')!.textContent, 'the title').to.contain('株洲日报');
      // The two copies alike: the address each was saved from; the others: pages and size only.
      const details = (url: string) =>
        items
          .find((li) => li.dataset.url === url)!
          .querySelector('.details')!
          .textContent!.replace(/[\u2066-\u2069]/g, '')
          .trim();
      expect(details(SPLIT)).to.match(pages);
      expect(details(`${SPLIT}?copy=2`)).to.match(pages);
      expect(details(urls[0])).to.match(/^1 (page|版) · [\d.]+ (kB|MB)$/);
      expect(details(urls[1]), 'the scan, larger').to.match(/^1 (page|版) · [\d.]+ (kB|MB)$/);
    }
  });
});

describe('the viewer’s offline button', () => {
  afterEach(() => document.querySelectorAll('e-paper').forEach((el) => el.remove()));

  it('is there only when the host asks for it (offline), for an edition with a src', async () => {
    const plain = await mountViewer<EPaper>((el) => (el.src = A1_URL));
    await plain.updateComplete;
    expect(plain.shadowRoot!.querySelector('e-paper-offline'), 'no button without offline').to.equal(null);

    const offered = await mountViewer<EPaper>((el) => {
      el.src = A1_URL;
      el.offline = true;
    });
    await offered.updateComplete;
    const part = offered.shadowRoot!.querySelector<EPaperOffline>('e-paper-offline')!;
    expect(part.src).to.equal(A1_URL);
    await until(() => part.shadowRoot?.querySelector('.toggle') != null, 'the button is shown');
    expect(part.shadowRoot!.querySelector('.toggle')!.getAttribute('aria-expanded')).to.equal('false');
  });
});

describe('the service worker’s own cache of the site', function () {
  this.timeout(60000);
  /** A scope of its own (the same site, served again under it): this worker, with its bounds, answers there. */
  const SCOPE = `${SITE}bounded/`;
  const STYLE = `${SITE}demo/site.css`;
  let registration: ServiceWorkerRegistration | undefined;

  afterEach(async () => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    await registration?.unregister();
    registration = undefined;
    await clearCaches();
  });

  /** The URLs the site's cache holds, oldest first. */
  const siteKept = async () => (await (await caches.open(SITE_CACHE)).keys()).map((request) => request.url);

  /**
   * A page under the bounded scope that then loads `count` style sheets, one after another (each
   * kept by the worker before the next), as a site's pages load their styles; their URLs.
   */
  async function loadStyles(count: number): Promise<string[]> {
    const frame = document.createElement('iframe');
    frame.src = `${SCOPE}index.html`;
    document.body.append(frame);
    await until(
      () => frame.contentDocument?.readyState === 'complete' && frame.contentWindow!.location.href !== 'about:blank',
      'the page loads',
    );
    expect(frame.contentWindow!.navigator.serviceWorker.controller?.scriptURL, 'the bounded worker controls the page').to.contain(
      'bounded/',
    );
    const urls: string[] = [];
    for (let n = 1; n <= count; n++) {
      const url = `${STYLE}?n=${n}`;
      const link = frame.contentDocument!.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
      frame.contentDocument!.head.append(link);
      await loaded;
      // Kept (after the response, in the worker's own time) before the next one is asked for.
      let kept: string[] = [];
      for (let i = 0; i < 200 && !kept.includes(url); i++) {
        kept = await siteKept();
        if (!kept.includes(url)) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(kept, `${url} is kept`).to.include(url);
      urls.push(url);
    }
    return urls;
  }

  it('keeps at most max-entries responses, the oldest going first, and never touches a saved edition', async () => {
    // An edition saved as "save this edition" saves it: a cache of its own.
    await saveEdition(SPLIT, { imageWidth: 800 });
    const saved = (await (await caches.open(editionCacheName(SPLIT))).keys()).map((request) => request.url).sort();
    expect(saved.length, 'the saved edition').to.be.greaterThan(3);

    registration = await registerWorker(`${SCOPE}e-paper-sw.js?max-entries=3`, SCOPE);
    const urls = await loadStyles(5);
    const kept = await siteKept();
    expect(kept.length, `at most 3 entries: ${kept.join(' ')}`).to.be.at.most(3);
    expect(kept, 'the newest three, oldest first').to.deep.equal(urls.slice(2));
    expect(
      kept.some((url) => url.endsWith('index.html')),
      'the page, kept first, went first',
    ).to.equal(false);
    const after = (await (await caches.open(editionCacheName(SPLIT))).keys()).map((request) => request.url).sort();
    expect(after, 'the saved edition is whole').to.deep.equal(saved);
  });

  it('keeps at most max-bytes, the oldest going first', async () => {
    const size = (await (await fetch(STYLE)).blob()).size;
    const max = Math.floor(size * 2.5);
    registration = await registerWorker(`${SCOPE}e-paper-sw.js?max-bytes=${max}`, SCOPE);
    const urls = await loadStyles(4);
    const cache = await caches.open(SITE_CACHE);
    const kept = await siteKept();
    let bytes = 0;
    for (const url of kept) bytes += (await (await cache.match(url))!.blob()).size;
    expect(bytes, `at most ${max} bytes`).to.be.at.most(max);
    expect(
      kept.filter((url) => url.startsWith(STYLE)),
      'the newest two style sheets',
    ).to.deep.equal(urls.slice(2));
  });
});
