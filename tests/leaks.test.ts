// Leaks: 1,000 mount/unmount cycles of a viewer (the A1 edition as an object, no-persist) with its
// reader opened each time, then the JS heap after garbage collection against its value after a
// warm-up, and the listeners left on window and document.
//
// Needs Chromium started with `--js-flags=--expose-gc` (window.gc) and
// `--enable-precise-memory-info` (performance.memory not rounded); without window.gc the heap
// part is skipped with a note in the browser log, the listener part still runs.
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../src/elements/e-paper-reader/e-paper-reader.js';
import type { Edition } from '../src/edition/schema.js';
import { loadA1 } from './helpers.js';

const CYCLES = 1000;
const WARM_UP = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Gc = (options?: { type: 'major'; execution: 'async' }) => Promise<void> | void;
const gc = (window as unknown as { gc?: Gc }).gc;
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;

/** Collects garbage until the heap stops shrinking, and returns its size. */
async function settledHeap(): Promise<number> {
  let last = Infinity;
  for (let i = 0; i < 10; i++) {
    await gc!({ type: 'major', execution: 'async' });
    gc!();
    await sleep(50);
    const now = heap();
    if (Math.abs(last - now) < 64 * 1024) return now;
    last = now;
  }
  return last;
}

/** Counts the listeners added to window and document and not removed, while it is on. */
function listenerLedger() {
  const live = new Map<string, { target: string; type: string }>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (listener: unknown) => {
    if (!listener || (typeof listener !== 'object' && typeof listener !== 'function')) return -1;
    if (!ids.has(listener as object)) ids.set(listener as object, nextId++);
    return ids.get(listener as object)!;
  };
  const capture = (options: unknown) =>
    typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture);
  const restore: (() => void)[] = [];
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (listener && !(typeof options === 'object' && options?.once))
        live.set(`${name}|${type}|${capture(options)}|${idOf(listener)}`, { target: name, type });
      return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    } as typeof add;
    target.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      live.delete(`${name}|${type}|${capture(options)}|${idOf(listener)}`);
      return remove.call(this, type, listener as EventListenerOrEventListenerObject, options);
    } as typeof remove;
    restore.push(() => {
      delete (target as unknown as Record<string, unknown>).addEventListener;
      delete (target as unknown as Record<string, unknown>).removeEventListener;
    });
  }
  return { live, restore: () => restore.forEach((undo) => undo()) };
}

/** Mounts a viewer of `edition` in `host`, waits until it is ready, opens an article, and removes it. */
async function cycle(host: HTMLElement, edition: Edition, articleId: string, refs?: WeakRef<object>[]): Promise<void> {
  const el = document.createElement('e-paper') as EPaper;
  refs?.push(new WeakRef(el));
  el.noPersist = true;
  el.style.cssText = 'display: block; width: 640px; height: 480px';
  el.edition = edition;
  const ready = new Promise<void>((resolve, reject) => {
    el.addEventListener('e-paper-ready', () => resolve(), { once: true });
    el.addEventListener('e-paper-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), { once: true });
  });
  host.append(el);
  await ready;
  el.openArticle(articleId);
  await el.updateComplete;
  const reader = el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
  await reader.updateComplete;
  if (!reader.open) throw new Error('the reader did not open');
  refs?.push(new WeakRef(reader));
  el.remove();
}

describe('leaks', () => {
  it(`${CYCLES} mount/unmount cycles with the reader open: the heap comes back within 10%, and no listeners stay on window or document`, async function () {
    this.timeout(240_000);
    const edition = await loadA1();
    for (const font of edition.fonts ?? []) font.src = `/demo/editions/${font.src}`;
    const ids = edition.articles.map((a) => a.id);
    const host = document.createElement('div');
    document.body.append(host);
    const started = performance.now();

    for (let i = 0; i < WARM_UP; i++) await cycle(host, edition, ids[i % ids.length]);
    const withGc = typeof gc === 'function';
    const before = withGc ? await settledHeap() : heap();
    const nodesBefore = document.getElementsByTagName('*').length;

    const ledger = listenerLedger();
    const cyclesStarted = performance.now();
    // The viewers and their readers: after GC none of them may be left.
    const refs: WeakRef<object>[] = [];
    try {
      for (let i = 0; i < CYCLES; i++) await cycle(host, edition, ids[i % ids.length], refs);
    } finally {
      ledger.restore();
    }
    const cyclesMs = performance.now() - cyclesStarted;
    const after = withGc ? await settledHeap() : heap();
    const alive = refs.filter((ref) => ref.deref() !== undefined).length;
    const totalMs = performance.now() - started;
    const nodesAfter = document.getElementsByTagName('*').length;
    host.remove();

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    console.log(
      `leaks: ${CYCLES} cycles in ${(cyclesMs / 1000).toFixed(1)} s (${(cyclesMs / CYCLES).toFixed(1)} ms each), whole test ${(totalMs / 1000).toFixed(1)} s; ` +
        `heap after ${WARM_UP} warm-up cycles ${mb(before)}, after ${CYCLES} more ${mb(after)} (${(((after - before) / before) * 100).toFixed(1)}%); ` +
        `${alive} of ${refs.length} viewers and readers still alive` +
        (withGc ? '' : ' — no window.gc: heap not checked (start Chromium with --js-flags=--expose-gc)'),
    );

    const left = [...ledger.live.values()].map(({ target, type }) => `${target}:${type}`);
    expect(left, 'listeners left on window and document').to.deep.equal([]);
    expect(nodesAfter, 'no elements left in the document').to.equal(nodesBefore);
    expect(document.documentElement.style.getPropertyValue('overflow'), 'the page scroll lock is released').to.equal('');
    if (withGc) {
      expect(after, `heap ${mb(after)} within 10% of ${mb(before)}`).to.be.at.most(before * 1.1);
      // The last one may still sit in a pending task's closure; none of the others.
      expect(alive, 'viewers and readers left after GC').to.be.at.most(2);
    }
  });
});
