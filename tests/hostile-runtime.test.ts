// Runtime faults: broken images, a box of 0 × 0, a hidden parent, an element detached mid-load
// (and for good), bursts of clicks and keys, and a new `src` while the reader is open. No
// exception escapes, nothing is left stuck, and nothing fires into a removed viewer.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../src/elements/e-paper-reader/e-paper-reader.js';
import type { Edition } from '../src/edition/schema.js';
import { deepQuery, loadA1, trapUncaught, until } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

let keys = 0;
const freshKey = () => `rt-${Date.now().toString(36)}-${keys++}`;
const statsOf = async (key: string) =>
  (await (await fetch(`/faults/stats?key=${key}`)).json()) as { requests: number; completed: number; aborted: number };

/** The A1 edition with its fonts at absolute paths. */
async function a1(): Promise<Edition> {
  const edition = await loadA1();
  for (const font of edition.fonts ?? []) font.src = `/demo/editions/${font.src}`;
  return edition;
}

/** Resolves with the next `name` event at `target`, or rejects after `ms`. */
function next(target: EventTarget, name: string, ms = 10_000): Promise<CustomEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms);
    target.addEventListener(name, (event) => (clearTimeout(timer), resolve(event as CustomEvent)), { once: true });
  });
}

/** Every e-paper event that reaches `target`, in order. */
function record(target: EventTarget): string[] {
  const seen: string[] = [];
  for (const name of [
    'e-paper-ready',
    'e-paper-error',
    'e-paper-article-open',
    'e-paper-article-close',
    'e-paper-page-change',
    'e-paper-zoom',
  ]) {
    target.addEventListener(name, () => seen.push(name));
  }
  return seen;
}

const hosts: HTMLElement[] = [];
/** A host div in the document and a viewer (no-persist, 800 × 600) not yet attached to it. */
function viewer(setup: (el: EPaper) => void, size = 'width: 800px; height: 600px') {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.style.cssText = `display: block; ${size}`;
  setup(el);
  return { host, el };
}

const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader');
const dialogOf = (el: EPaper) => readerOf(el)?.shadowRoot!.querySelector('dialog') ?? null;
const regionsOf = (el: EPaper) => [...deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelectorAll<SVGGElement>('.region')];

/** The page fills the viewport's height or width (fitted), and the scale is a finite number. */
/** Whether the page, as drawn now, fits the viewport's height or width. */
function fitted(el: EPaper): boolean {
  const sheet = deepQuery(el, 'e-paper-page', '.page')!.getBoundingClientRect();
  const box = deepQuery(el, 'e-paper-viewport')!.getBoundingClientRect();
  return box.width > 0 && (Math.abs(sheet.height - box.height) <= 1.5 || Math.abs(sheet.width - box.width) <= 1.5);
}

function expectFitted(el: EPaper) {
  const sheet = deepQuery(el, 'e-paper-page', '.page')!.getBoundingClientRect();
  const box = deepQuery(el, 'e-paper-viewport')!.getBoundingClientRect();
  expect(box.width, 'the viewport has a size').to.be.greaterThan(0);
  expect(fitted(el), `page ${sheet.width}×${sheet.height} fitted in ${box.width}×${box.height}`).to.equal(true);
}

/** Waits for a fit's animation to end (a loaded machine may take longer than a fixed wait), then checks it. */
async function expectFittedOnceSettled(el: EPaper) {
  await until(() => fitted(el), 'the page fits').catch(() => {});
  expectFitted(el);
}

/** The reader is closed for good: not open, no modal dialog, the page behind scrolls again. */
function expectReaderClosed(el: EPaper) {
  expect(el.article, 'no article open').to.equal(undefined);
  const reader = readerOf(el);
  if (reader) expect(reader.open, 'reader.open').to.equal(false);
  const dialog = dialogOf(el);
  if (dialog) {
    expect(dialog.open, 'dialog closed').to.equal(false);
    expect(dialog.matches(':modal')).to.equal(false);
  }
  expect(document.documentElement.style.getPropertyValue('overflow'), 'the page scroll lock is released').to.equal('');
}

/**
 * Records the timers, intervals and animation frames that code under /src/ schedules, and those
 * of them that fire after `arm()` (after the viewer is gone).
 */
function trackTimers() {
  const original = { setTimeout: window.setTimeout, setInterval: window.setInterval, requestAnimationFrame: window.requestAnimationFrame };
  let armed = false;
  const fired: string[] = [];
  const origin = () => /\/src\/[\w/.-]+\.ts:\d+/.exec(new Error().stack ?? '')?.[0];
  const wrap = (kind: string, fn: unknown) => {
    const where = origin();
    if (!where || typeof fn !== 'function') return fn;
    return (...args: unknown[]) => {
      if (armed) fired.push(`${kind} from ${where}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
  };
  const patched = window as unknown as Record<'setTimeout' | 'setInterval', (fn: unknown, ms?: number, ...args: unknown[]) => number>;
  const call = original as unknown as typeof patched;
  patched.setTimeout = (fn, ms, ...args) => call.setTimeout.call(window, wrap('setTimeout', fn), ms, ...args);
  patched.setInterval = (fn, ms, ...args) => call.setInterval.call(window, wrap('setInterval', fn), ms, ...args);
  window.requestAnimationFrame = ((fn: FrameRequestCallback) =>
    original.requestAnimationFrame.call(window, wrap('requestAnimationFrame', fn) as FrameRequestCallback)) as typeof requestAnimationFrame;
  return {
    fired,
    arm: () => (armed = true),
    restore: () => Object.assign(window, original),
  };
}

type CdpEvent = { method: string; params: Record<string, unknown> };
const KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  Tab: { code: 'Tab', keyCode: 9 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27 },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
};
const keyPress = (key: string, shift = false): CdpEvent[] => {
  const { code, keyCode, text } = KEYS[key];
  const common = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, modifiers: shift ? 8 : 0 };
  return [
    {
      method: 'Input.dispatchKeyEvent',
      params: { type: text ? 'keyDown' : 'rawKeyDown', ...common, ...(text ? { text, unmodifiedText: text } : {}) },
    },
    { method: 'Input.dispatchKeyEvent', params: { type: 'keyUp', ...common } },
  ];
};
const click = (x: number, y: number): CdpEvent[] => [
  { method: 'Input.dispatchMouseEvent', params: { type: 'mouseMoved', x, y } },
  { method: 'Input.dispatchMouseEvent', params: { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 } },
  { method: 'Input.dispatchMouseEvent', params: { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 } },
];
const send = (events: CdpEvent[], delay = 0) => executeServerCommand('cdp-input', { events, delay });

/** A small deterministic random sequence. */
function* pseudoRandom(seed: number) {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    yield state / 0x7fffffff;
  }
}

describe('hostile runtime', () => {
  const uncaught = trapUncaught();
  afterEach(async () => {
    for (const host of hosts.splice(0)) host.remove();
    await frames(1);
    uncaught.expectNone();
  });

  describe('images that fail to load', () => {
    for (const [what, src] of [
      ['a 404', '/faults/http-404/photo.jpg'],
      ['an HTML page instead of an image', '/faults/html?photo'],
      ['a file that is no image', '/faults/file?path=package.json'],
    ]) {
      it(`${what}: the reader shows the caption with a note that the photo is missing`, async () => {
        const edition = await a1();
        const photo = edition.articles.find((a) => a.id === 'a6')!.photos![0];
        photo.src = src;
        const { host, el } = viewer((e) => (e.edition = edition));
        host.append(el);
        await next(el, 'e-paper-ready');
        el.openArticle('a6');
        await el.updateComplete;
        const reader = readerOf(el)!;
        const root = reader.shadowRoot!;
        for (let i = 0; i < 50 && root.querySelector('img'); i++) await sleep(50);
        await reader.updateComplete;
        expect(root.querySelector('img'), 'the broken image is gone').to.equal(null);
        const figure = root.querySelector('[part="photo"]')!;
        expect(figure.querySelector('.note')!.textContent).to.contain('图片暂缺');
        expect(figure.querySelector('.caption')!.textContent).to.equal(photo.caption);
        expect(figure.querySelector('.credit')!.textContent).to.equal(photo.credit);
        el.closeArticle();
      });
    }
  });

  describe('size and visibility', () => {
    it('survives a resize to 0 × 0 and back, and fits the page again', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.append(el);
      await next(el, 'e-paper-ready');
      expectFitted(el);
      el.style.width = '0px';
      el.style.height = '0px';
      await frames(3);
      // Zoom requests on an empty box change nothing and throw nothing.
      el.zoomTo(2);
      el.fit('width');
      el.openArticle('a2');
      await el.updateComplete;
      el.closeArticle();
      await el.updateComplete;
      await frames(3);
      const viewport = deepQuery(el, 'e-paper-viewport') as unknown as { scale: number };
      expect(Number.isFinite(viewport.scale), `scale ${viewport.scale}`).to.equal(true);
      el.style.width = '700px';
      el.style.height = '500px';
      await frames(3);
      el.fit('page');
      await expectFittedOnceSettled(el);
      expect(Number.isFinite(viewport.scale)).to.equal(true);
    });

    it('loads inside a hidden parent (display: none), and fits the page once shown', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.style.display = 'none';
      const ready = next(host, 'e-paper-ready');
      host.append(el);
      await ready;
      await frames(2);
      host.style.display = '';
      await frames(3);
      await expectFittedOnceSettled(el);
      el.openArticle('a1');
      await el.updateComplete;
      expect(readerOf(el)!.open).to.equal(true);
      el.closeArticle();
      await el.updateComplete;
    });

    it('opens the reader inside a hidden parent without throwing, and closes it when shown', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.append(el);
      await next(el, 'e-paper-ready');
      host.style.display = 'none';
      el.openArticle('a3');
      await el.updateComplete;
      await frames(2);
      host.style.display = '';
      await frames(2);
      el.closeArticle();
      await el.updateComplete;
      await frames(1);
      expectReaderClosed(el);
    });
  });

  describe('detached mid-load', () => {
    it('detached while fetching, then re-attached: the load starts again, and ready fires once, attached', async () => {
      const key = freshKey();
      const { host, el } = viewer((e) => (e.src = `/faults/slow?ms=800&key=${key}`));
      const seen = record(host);
      host.append(el);
      await sleep(200);
      el.remove();
      await sleep(300);
      host.append(el);
      await next(host, 'e-paper-ready');
      await sleep(1000);
      expect(seen.filter((e) => e !== 'e-paper-zoom')).to.deep.equal(['e-paper-ready']);
      expect(el.isConnected).to.equal(true);
      expect(await statsOf(key), 'the first request was aborted').to.deep.equal({ requests: 2, completed: 1, aborted: 1 });
      expectFitted(el);
    });

    it('detached while its fonts load, then re-attached: ready fires once, attached', async () => {
      const edition = await a1();
      // Fonts that take 1.2 s: the load is past the file, waiting for them.
      for (const font of edition.fonts!) font.src = `/faults/file?ms=1200&path=${encodeURIComponent(font.src)}&${freshKey()}`;
      const { host, el } = viewer((e) => (e.edition = edition));
      const seen = record(host);
      const detachedEvents = record(el);
      host.append(el);
      await sleep(200);
      el.remove();
      await sleep(1800); // the fonts are in by now
      expect(
        detachedEvents.filter((e) => e !== 'e-paper-zoom'),
        'nothing fires at the detached element',
      ).to.deep.equal([]);
      host.append(el);
      await next(host, 'e-paper-ready', 5000);
      await sleep(300);
      expect(seen.filter((e) => e !== 'e-paper-zoom')).to.deep.equal(['e-paper-ready']);
    });

    // Safe because every load goes through the 'loading' state: the page's elements are new and
    // not upgraded while detached, so load() waits at `viewport.updateComplete` for the re-attach.
    it('a second edition, detached while its fonts load, then re-attached: ready fires once, attached', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.append(el);
      await next(el, 'e-paper-ready');
      const edition = await a1();
      edition.title = 'SECOND';
      for (const font of edition.fonts!) font.src = `/faults/file?ms=1200&path=${encodeURIComponent(font.src)}&${freshKey()}`;
      const seen = record(host);
      const detachedEvents = record(el);
      el.edition = edition;
      await sleep(200);
      el.remove();
      await sleep(1800); // the fonts are in by now
      expect(
        detachedEvents.filter((e) => e !== 'e-paper-zoom'),
        'nothing fires at the detached element',
      ).to.deep.equal([]);
      host.append(el);
      await next(host, 'e-paper-ready', 5000);
      await sleep(300);
      expect(seen.filter((e) => e !== 'e-paper-zoom')).to.deep.equal(['e-paper-ready']);
      expect(deepQuery(el, 'e-paper-page', '.title')!.textContent).to.equal('SECOND');
    });

    it('detached for good while fetching: the request is aborted, no event fires, no timer of ours fires afterwards', async () => {
      const timers = trackTimers();
      try {
        const key = freshKey();
        const { host, el } = viewer((e) => (e.src = `/faults/slow?ms=800&key=${key}`));
        const seen = record(el);
        host.append(el);
        await sleep(200);
        el.remove();
        timers.arm();
        await sleep(1500);
        expect(seen, 'no event after removal').to.deep.equal([]);
        expect(timers.fired, 'no timer of ours fires after removal').to.deep.equal([]);
        expect(await statsOf(key)).to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
      } finally {
        timers.restore();
      }
    });

    it('removed for good after use (reader open, zoomed): nothing fires afterwards but the fonts timer', async () => {
      const timers = trackTimers();
      try {
        const { host, el } = viewer((e) => (e.src = '/faults/ok'));
        host.append(el);
        await next(el, 'e-paper-ready');
        el.zoomTo(1.5);
        el.openArticle('a4');
        await el.updateComplete;
        await sleep(100);
        const seen = record(el);
        el.remove();
        timers.arm();
        await sleep(800);
        expect(seen).to.deep.equal([]);
        // src/edition/fonts.ts races the fonts against a 5 s timer that nobody clears (reported).
        expect(timers.fired.filter((t) => !t.includes('/src/edition/fonts.ts'))).to.deep.equal([]);
        expect(document.documentElement.style.getPropertyValue('overflow'), 'the page scroll lock is released').to.equal('');
      } finally {
        timers.restore();
      }
    });

    // BUG (minor, src/edition/fonts.ts, loadEditionFonts()): the 5 s timeout raced against the
    // fonts is never cleared, so every load leaves a timer that fires 5 s later into nothing
    // (with 1000 mounts, 1000 such timers). Fix: keep its id and clearTimeout it once
    // Promise.allSettled(faces) settles.
    it('leaves no timer behind once the fonts are in (bug: fonts.ts race timer)', async function () {
      this.timeout(15_000);
      const timers = trackTimers();
      try {
        const { host, el } = viewer((e) => (e.src = '/faults/ok'));
        host.append(el);
        await next(el, 'e-paper-ready');
        el.remove();
        timers.arm();
        await sleep(5500);
        expect(timers.fired).to.deep.equal([]);
      } finally {
        timers.restore();
      }
    });
  });

  describe('bursts of input', () => {
    it('50 rapid clicks on regions (and on the reader over them): no error, and Escape leaves it closed', async function () {
      this.timeout(60_000);
      const { host, el } = viewer((e) => (e.src = '/faults/ok'), 'width: 900px; height: 700px');
      host.append(el);
      await next(el, 'e-paper-ready');
      const opened = record(el);
      const points = regionsOf(el).map((region) => {
        const box = region.getBoundingClientRect();
        return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] as const;
      });
      expect(points.length).to.be.greaterThan(3);
      const events: CdpEvent[] = [];
      for (let i = 0; i < 50; i++) events.push(...click(...points[(i * 7) % points.length]));
      await send(events, 5);
      await sleep(300);
      expect(opened.filter((e) => e === 'e-paper-article-open').length, 'the clicks opened articles').to.be.greaterThan(0);
      await send(keyPress('Escape'));
      await sleep(200);
      await el.updateComplete;
      if (el.article !== undefined) {
        // A second Escape, as a reader would press it.
        await send(keyPress('Escape'));
        await sleep(200);
      }
      expectReaderClosed(el);
      // And it still works.
      el.openArticle('a2');
      await el.updateComplete;
      expect(readerOf(el)!.open).to.equal(true);
      el.closeArticle();
      await el.updateComplete;
    });

    it('100 rapid key presses (Tab, Shift+Tab, Enter, Space, Escape, arrows): no error, and Escape leaves it closed', async function () {
      this.timeout(60_000);
      const { host, el } = viewer((e) => (e.src = '/faults/ok'), 'width: 900px; height: 700px');
      host.append(el);
      await next(el, 'e-paper-ready');
      regionsOf(el)[0].focus();
      const random = pseudoRandom(42);
      const names = ['Tab', 'Tab', 'Enter', 'Enter', ' ', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
      const events: CdpEvent[] = [];
      for (let i = 0; i < 100; i++) {
        const name = names[Math.floor(random.next().value! * names.length)];
        events.push(...keyPress(name, name === 'Tab' && random.next().value! < 0.3));
      }
      await send(events, 3);
      await sleep(300);
      for (let i = 0; i < 3 && el.article !== undefined; i++) {
        await send(keyPress('Escape'));
        await sleep(200);
      }
      await el.updateComplete;
      expectReaderClosed(el);
      const viewport = deepQuery(el, 'e-paper-viewport') as unknown as { scale: number };
      expect(Number.isFinite(viewport.scale)).to.equal(true);
    });
  });

  describe('a new src while the reader is open', () => {
    it('to an edition without that article: the reader closes, nothing is left locked', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.append(el);
      await next(el, 'e-paper-ready');
      el.openArticle('a3');
      await el.updateComplete;
      expect(readerOf(el)!.open).to.equal(true);
      const ready = next(el, 'e-paper-ready');
      el.src = '/faults/variant?name=other';
      await ready;
      await el.updateComplete;
      await frames(2);
      expectReaderClosed(el);
      expect(deepQuery(el, 'e-paper-page', '.title')!.textContent).to.equal('OTHER 株洲日报');
      // The new edition's articles open.
      el.openArticle('other-a3');
      await el.updateComplete;
      expect(readerOf(el)!.open).to.equal(true);
      el.closeArticle();
      await el.updateComplete;
    });

    it('to an edition with that article: the reader shows the new edition’s article', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.append(el);
      await next(el, 'e-paper-ready');
      el.openArticle('a3');
      await el.updateComplete;
      const ready = next(el, 'e-paper-ready');
      // The same ids, other text: a slow answer, so that the reader is gone for a while.
      el.src = '/faults/slow?ms=300';
      await ready;
      await el.updateComplete;
      await frames(2);
      const reader = readerOf(el)!;
      if (el.article === undefined) {
        expectReaderClosed(el);
      } else {
        expect(el.article).to.equal('a3');
        expect(reader.open).to.equal(true);
        expect(dialogOf(el)!.matches(':modal')).to.equal(true);
        expect(reader.shadowRoot!.querySelector('#headline')!.textContent).to.equal('全力支持民营经济做大做强');
      }
      el.closeArticle();
      await el.updateComplete;
      await frames(1);
      expectReaderClosed(el);
    });

    it('to a file that fails: the error shows, nothing is left locked, and a good src recovers', async () => {
      const { host, el } = viewer((e) => (e.src = '/faults/ok'));
      host.append(el);
      await next(el, 'e-paper-ready');
      el.openArticle('a5');
      await el.updateComplete;
      const failed = next(el, 'e-paper-error');
      el.src = '/faults/http-500';
      await failed;
      await el.updateComplete;
      expect(document.documentElement.style.getPropertyValue('overflow'), 'scroll lock released').to.equal('');
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.exist;
      const ready = next(el, 'e-paper-ready');
      el.src = '/faults/ok?again';
      await ready;
      await el.updateComplete;
      await frames(2);
      // The article attribute survived the failed load: the reader may show it again, or be closed.
      if (el.article !== undefined) {
        expect(readerOf(el)!.open).to.equal(true);
        el.closeArticle();
        await el.updateComplete;
      }
      expectReaderClosed(el);
    });
  });
});
