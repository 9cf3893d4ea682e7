// Network faults against the test server's own /faults/ routes (scripts/wtr-faults-plugin.js):
// each gives a specific message in the viewer, an `e-paper-error` naming its cause, and a retry
// that works once the route is mended; a new `src` aborts the load before it.
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperEventMap } from '../src/events/events.js';
import { deepQuery, trapUncaught } from './helpers.js';

type ErrorDetail = EPaperEventMap['e-paper-error'];
type Outcome = { type: 'ready'; detail: EPaperEventMap['e-paper-ready'] } | { type: 'error'; detail: ErrorDetail };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Errors nobody caught, while this file runs. */

let keys = 0;
/** A key of its own for each request series, so that counts never meet (tests of other files share the server). */
const freshKey = () => `net-${Date.now().toString(36)}-${keys++}`;

interface RouteStats {
  requests: number;
  completed: number;
  aborted: number;
}
const statsOf = async (key: string): Promise<RouteStats> => (await fetch(`/faults/stats?key=${key}`)).json();
/** From now on the routes asked with `key` serve the good edition. */
const mend = async (key: string) => void (await fetch(`/faults/mend?key=${key}`)).json();

/** Resolves with the next ready or error event of `el`, whichever comes first. */
function outcome(el: EPaper, timeoutMs = 15_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const done = (event: Event) => {
      el.removeEventListener('e-paper-ready', done);
      el.removeEventListener('e-paper-error', done);
      clearTimeout(timer);
      resolve({ type: event.type === 'e-paper-ready' ? 'ready' : 'error', detail: (event as CustomEvent).detail } as Outcome);
    };
    const timer = setTimeout(() => reject(new Error(`neither e-paper-ready nor e-paper-error within ${timeoutMs} ms`)), timeoutMs);
    el.addEventListener('e-paper-ready', done);
    el.addEventListener('e-paper-error', done);
  });
}

const mounted: HTMLElement[] = [];

/** A viewer (lang="en", no-persist) on `src`, with its first outcome. */
async function mount(src: string, attributes: Record<string, string> = {}) {
  const el = document.createElement('e-paper') as EPaper;
  el.setAttribute('lang', 'en');
  el.setAttribute('no-persist', '');
  el.style.cssText = 'display: block; width: 600px; height: 450px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('src', src);
  const first = outcome(el);
  document.body.append(el);
  mounted.push(el);
  return { el, first: await first };
}

/** The error box: its text, and its retry button. */
function errorBox(el: EPaper) {
  const box = el.shadowRoot!.querySelector<HTMLElement>('[part="error"]');
  expect(box, 'the error box').to.exist;
  expect(box!.getAttribute('role')).to.equal('alert');
  return { text: box!.textContent!.replace(/\s+/g, ' '), retry: box!.querySelector('button')! };
}

/** The viewer is ready and shows `title` in its masthead. */
function expectShowing(el: EPaper, title = '株洲日报') {
  expect(el.shadowRoot!.querySelector('[part="error"]'), 'no error box').to.equal(null);
  expect(deepQuery(el, 'e-paper-page', '.title')?.textContent).to.equal(title);
}

interface FaultCase {
  route: string;
  attributes?: Record<string, string>;
  cause: ErrorDetail['cause'];
  /** The sentence for the cause (uiStrings('en').errors) and the detail that names the fault, in the error box. */
  says: string[];
}

const CASES: Record<string, FaultCase> = {
  'an HTTP 500': { route: 'http-500', cause: 'http', says: ['The server did not return the edition.', 'the server answered 500'] },
  'an HTTP 404': { route: 'http-404', cause: 'http', says: ['The server did not return the edition.', 'the server answered 404'] },
  'an HTML page': {
    route: 'html',
    cause: 'not-json',
    says: ['The edition file is not in the right format.', 'a web page, not edition data'],
  },
  'truncated JSON': { route: 'truncated', cause: 'not-json', says: ['The edition file is not in the right format.', 'not valid JSON'] },
  'an empty body': { route: 'empty', cause: 'empty', says: ['The edition file is empty.'] },
  'a body of only whitespace': { route: 'blank', cause: 'empty', says: ['The edition file is empty.'] },
  'a body larger than max-bytes (announced by Content-Length)': {
    // The A1 edition (34 KB) fits the limit: the retry gets it.
    route: 'large?bytes=100000',
    attributes: { 'max-bytes': '40000' },
    cause: 'too-large',
    says: ['The edition file is too large.', 'larger than 40000 bytes'],
  },
  'a body larger than max-bytes (streamed without a length)': {
    route: 'large?bytes=200000&chunked=1',
    attributes: { 'max-bytes': '40000' },
    cause: 'too-large',
    says: ['The edition file is too large.', 'larger than 40000 bytes'],
  },
  'a response that sends headers and a first chunk, then never ends': {
    route: 'hang',
    attributes: { 'load-timeout': '700' },
    cause: 'timeout',
    says: ['Loading took too long.', 'no complete answer within 700 ms'],
  },
  'a server that never answers': {
    route: 'stall',
    attributes: { 'load-timeout': '1500' },
    cause: 'timeout',
    says: ['Loading took too long.', 'within 1.5 s'],
  },
  'a connection reset': { route: 'reset', cause: 'network', says: ['The network request failed.'] },
  'a body shorter than its Content-Length': { route: 'short', cause: 'network', says: ['The network request failed.'] },
  'absurdly nested JSON (100000 arrays)': {
    route: 'deep?n=100000',
    cause: 'invalid',
    says: ['The edition data does not match the format.', 'expected at most 16 levels of nesting'],
  },
};

describe('hostile network: every fault gives a clear message, an event naming its cause, and a working retry', () => {
  const uncaught = trapUncaught();
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
    uncaught.expectNone();
  });

  for (const [name, fault] of Object.entries(CASES)) {
    it(`${name}: cause "${fault.cause}", then retry → ready`, async () => {
      const key = freshKey();
      const separator = fault.route.includes('?') ? '&' : '?';
      const started = performance.now();
      const { el, first } = await mount(`/faults/${fault.route}${separator}key=${key}`, fault.attributes);
      const took = performance.now() - started;
      expect(first.type).to.equal('error');
      const detail = first.detail as ErrorDetail;
      expect(detail.cause).to.equal(fault.cause);
      const detailText = [detail.message, ...detail.problems.map((p) => `${p.path}: ${p.message}`)].join('\n');
      for (const words of fault.says) expect(detailText).to.contain(words);
      await el.updateComplete;
      const box = errorBox(el);
      expect(box.text).to.contain('This edition cannot be shown');
      for (const words of fault.says) expect(box.text).to.contain(words);
      expect(box.retry.textContent!.trim()).to.equal('Retry');
      if (fault.cause === 'timeout') {
        const limit = Number(fault.attributes!['load-timeout']);
        expect(took, 'the timeout fired when it should').to.be.within(limit - 50, limit + 2500);
      }

      // The route is mended; the retry button loads the same src again.
      await mend(key);
      const before = (await statsOf(key)).requests;
      const ready = outcome(el);
      box.retry.click();
      const second = await ready;
      expect(second.type, 'the retry loads the mended route').to.equal('ready');
      expectShowing(el);
      expect((await statsOf(key)).requests).to.equal(before + 1);
    });
  }

  it('gives the messages in Chinese by default', async () => {
    const { el, first } = await mount('/faults/http-500', { lang: 'zh-CN' });
    expect(first.type).to.equal('error');
    await el.updateComplete;
    const { text, retry } = errorBox(el);
    expect(text).to.contain('无法显示本期报纸');
    expect(text).to.contain('服务器没有返回报纸数据。');
    expect(retry.textContent!.trim()).to.equal('重试');
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const { el, first } = await mount('/faults/bom');
    expect(first.type).to.equal('ready');
    expectShowing(el);
  });

  it('accepts UTF-16 with its byte-order mark', async () => {
    const { el, first } = await mount('/faults/utf16');
    expect(first.type, JSON.stringify(first.detail)).to.equal('ready');
    expectShowing(el);
  });

  it('lets go of the connection when it gives up: too large, timed out, HTTP error', async () => {
    // 32 MB announced: more than the sockets can buffer, so the server only finishes if the body is read.
    // Paced: the whole body takes seconds to send, so the server only finishes if the body is read.
    const large = freshKey();
    const big = await mount(`/faults/large?bytes=${32 * 1024 * 1024}&paced=1&key=${large}`, { 'max-bytes': '1000' });
    expect((big.first.detail as ErrorDetail).cause).to.equal('too-large');
    const hang = freshKey();
    const slow = await mount(`/faults/hang?key=${hang}`, { 'load-timeout': '500' });
    expect((slow.first.detail as ErrorDetail).cause).to.equal('timeout');
    let stats: RouteStats[] = [];
    for (let i = 0; i < 40; i++) {
      stats = await Promise.all([statsOf(large), statsOf(hang)]);
      if (stats.every((s) => s.aborted === 1)) break;
      await sleep(100);
    }
    expect(stats[0], 'the large body is not downloaded').to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
    expect(stats[1], 'the never-ending response is cut off').to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
  });

  it('takes nonsense load-timeout and max-bytes as the defaults', async () => {
    const { el, first } = await mount('/faults/ok', { 'load-timeout': 'soon', 'max-bytes': '-5' });
    expect(first.type, JSON.stringify(first.detail)).to.equal('ready');
    expectShowing(el);
    const huge = await mount('/faults/ok', { 'load-timeout': '1e30' });
    expect(huge.first.type, JSON.stringify(huge.first.detail)).to.equal('ready');
  });

  it('loads after load-timeout and max-bytes are removed again (the properties become null)', async () => {
    const { el, first } = await mount('/faults/ok', { 'load-timeout': '5000', 'max-bytes': '100000' });
    expect(first.type).to.equal('ready');
    el.removeAttribute('load-timeout');
    el.removeAttribute('max-bytes');
    const ready = outcome(el);
    el.src = '/faults/ok?again';
    const second = await ready;
    expect(second.type, JSON.stringify(second.detail)).to.equal('ready');
    expectShowing(el);
  });

  it('a new src aborts the load before it: the old answer never replaces the new edition', async () => {
    const key = freshKey();
    const el = document.createElement('e-paper') as EPaper;
    el.setAttribute('lang', 'en');
    el.setAttribute('no-persist', '');
    el.style.cssText = 'display: block; width: 600px; height: 450px';
    mounted.push(el);
    const events: string[] = [];
    for (const type of ['e-paper-ready', 'e-paper-error'] as const) {
      el.addEventListener(type, (event) => events.push(`${type}:${JSON.stringify((event as CustomEvent).detail)}`));
    }
    el.src = `/faults/slow?ms=1500&variant=slow&key=${key}`;
    document.body.append(el);
    await sleep(300); // the slow request is under way
    expect((await statsOf(key)).requests).to.equal(1);
    const ready = outcome(el);
    el.src = '/faults/ok';
    const first = await ready;
    expect(first.type).to.equal('ready');
    expect((first.detail as EPaperEventMap['e-paper-ready']).editionId).to.equal('zhuzhou-daily-2021-01-08');
    // Past the time the slow answer would have come.
    await sleep(1800);
    expectShowing(el);
    expect(events).to.have.length(1);
    expect(await statsOf(key), 'the old request was aborted, not just ignored').to.deep.equal({ requests: 1, completed: 0, aborted: 1 });
  });

  it('the last of many quick src changes wins', async () => {
    const el = document.createElement('e-paper') as EPaper;
    el.setAttribute('no-persist', '');
    el.style.cssText = 'display: block; width: 600px; height: 450px';
    mounted.push(el);
    const readies: string[] = [];
    const errors: string[] = [];
    el.addEventListener('e-paper-ready', (event) => readies.push(event.detail.editionId));
    el.addEventListener('e-paper-error', (event) => errors.push(event.detail.cause));
    document.body.append(el);
    // Routes that cannot answer before the next change: each load is cut off by the next.
    const routes = ['slow?ms=400&variant=one', 'hang', 'slow?ms=200&variant=two', 'stall', 'slow?ms=600&variant=three'];
    for (const route of routes) {
      el.src = `/faults/${route}`;
      await sleep(30);
    }
    // And routes that answer at once, changed before the answer can be handled.
    for (const route of ['http-500', 'html', 'empty']) {
      el.src = `/faults/${route}`;
      await el.updateComplete;
    }
    const ready = outcome(el);
    el.src = '/faults/variant?name=last';
    const last = await ready;
    expect(last.type).to.equal('ready');
    await sleep(900);
    expect(readies).to.deep.equal(['zhuzhou-daily-2021-01-08-last']);
    expect(errors).to.deep.equal([]);
    expectShowing(el, 'LAST 株洲日报');
  });

  it('retries a slow route that then succeeds, and a retry during a load restarts it cleanly', async () => {
    const key = freshKey();
    const { el, first } = await mount(`/faults/hang?fail=1&key=${key}`, { 'load-timeout': '400' });
    expect((first.detail as ErrorDetail).cause).to.equal('timeout');
    const ready = outcome(el);
    // Two clicks in a row: the second load replaces the first.
    const { retry } = errorBox(el);
    retry.click();
    await el.updateComplete;
    el.load();
    expect((await ready).type).to.equal('ready');
    await sleep(300);
    expectShowing(el);
  });
});
