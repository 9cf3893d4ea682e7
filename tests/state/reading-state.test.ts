import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ReadingStateController, READING_DB_NAME, READING_STORE_NAME, type ReadingStateOptions } from '../../src/state/reading-state.js';
import { emptyRecord, sanitizeRecord, type ReadingRecord, type RecordContext } from '../../src/state/reading-record.js';
import { mergeRecords } from '../../src/state/merge-records.js';

// The test pages of all files share one origin, so one IndexedDB: every test saves under a key of its own.
const RUN = Math.random().toString(36).slice(2, 8);
let keys = 0;
const freshKey = () => `test-${RUN}-${++keys}`;

const EDITION = 'zhuzhou-daily-2021-01-08';
const IDS = { articleIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'], pageIds: ['A1', 'A2'] };
const CTX: RecordContext = { editionId: EDITION, ...IDS };

/** The smallest host a controller can live in. */
class StateHost extends LitElement {}
if (!customElements.get('reading-state-host')) customElements.define('reading-state-host', StateHost);

const mounted: { host: HTMLElement; state: ReadingStateController }[] = [];

/** A connected host with a controller (persisting, under a fresh key, unless told otherwise). */
function mount(options: Partial<ReadingStateOptions> = {}) {
  const host = document.createElement('reading-state-host') as StateHost;
  document.body.append(host);
  const state = new ReadingStateController(host, { persist: true, storageKey: freshKey(), ...options });
  mounted.push({ host, state });
  return { host, state };
}

/** Removes every host (which flushes) and waits for their writes and the closing of their connections. */
async function unmountAll() {
  for (const { host, state } of mounted.splice(0)) {
    host.remove();
    await state.flush();
  }
  await wait(20);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens our database the way idb-keyval would, without idb-keyval. */
function rawOpen(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(READING_DB_NAME);
    request.onupgradeneeded = () => request.result.createObjectStore(READING_STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function rawGet(key: string): Promise<unknown> {
  const db = await rawOpen();
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction(READING_STORE_NAME, 'readonly').objectStore(READING_STORE_NAME).get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

async function rawPut(key: string, value: unknown): Promise<void> {
  const db = await rawOpen();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(READING_STORE_NAME, 'readwrite');
      tx.objectStore(READING_STORE_NAME).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Deletes our database; resolves false if another connection kept it open for 5 s. */
function deleteDatabase(): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(READING_DB_NAME);
    const timer = setTimeout(() => resolve(false), 5000);
    request.onsuccess = () => (clearTimeout(timer), resolve(true));
    request.onerror = () => (clearTimeout(timer), resolve(false));
  });
}

/** Replaces `object[name]` until the returned function is called. */
function patch<T extends object, K extends keyof T>(object: T, name: K, value: T[K]): () => void {
  const original = Object.getOwnPropertyDescriptor(object, name);
  Object.defineProperty(object, name, { value, configurable: true, writable: true });
  // Without an own property before (an inherited one, as document.visibilityState), removing ours restores it.
  return () => (original ? Object.defineProperty(object, name, original) : delete object[name]);
}

/** Counts `put`s into our object store (the store opened by the controller, or any other). */
function countPuts() {
  const original = IDBObjectStore.prototype.put;
  const spy = { count: 0, restore: () => {} };
  spy.restore = patch(IDBObjectStore.prototype, 'put', function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === READING_STORE_NAME) spy.count++;
    return original.apply(this, args);
  });
  return spy;
}

/** Counts calls of `indexedDB.open` (on the prototype, which is where every call lands). */
function countOpens() {
  const original = IDBFactory.prototype.open;
  const spy = { count: 0, restore: () => {} };
  spy.restore = patch(IDBFactory.prototype, 'open', function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    spy.count++;
    return original.apply(this, args);
  });
  return spy;
}

afterEach(unmountAll);

describe('reading state: no-persist', () => {
  // First in the file, so nothing in this page has created the database yet.
  it('persist:false touches no storage at all, not even opening the database', async () => {
    expect(await deleteDatabase(), 'database deleted before the test').to.equal(true);
    const opens = countOpens();
    try {
      const { host, state } = mount({ persist: false });
      expect(await state.restore(EDITION, IDS)).to.equal(null);
      state.update({ page: 'A2', view: { scale: 2, x: 100, y: 200 }, textScale: 1.25 });
      state.markRead('a1');
      state.setProgress('a2', 0.4);
      await state.flush();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await state.clear();
      state.update({ page: 'A1' });
      host.remove();
      await state.flush();
      await wait(50);
      expect(state.record).to.include({ page: 'A1', editionId: EDITION });
      expect(state.persisting).to.equal(false);
      expect(opens.count, 'indexedDB.open calls').to.equal(0);
    } finally {
      opens.restore();
    }
    // Not checked through indexedDB.databases(): test files running beside this one, in the same
    // origin, open the database at any moment.
  });

  it('a persisting controller opens nothing until restore()', async () => {
    const opens = countOpens();
    try {
      const { host, state } = mount();
      state.update({ page: 'A2' }); // ignored: no edition yet
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      host.remove();
      await state.flush();
      expect(state.record).to.equal(null);
      expect(opens.count).to.equal(0);
    } finally {
      opens.restore();
    }
  });
});

describe('reading state: save and restore with real IndexedDB', () => {
  it('restores page, view, open article and position, progress, read marks and text size in a fresh host', async () => {
    const storageKey = freshKey();
    const first = mount({ storageKey });
    expect(await first.state.restore(EDITION, IDS), 'nothing saved yet').to.equal(null);
    first.state.update({ page: 'A2', view: { scale: 2.5, x: 1200, y: 840.5 } });
    first.state.update({ open: { article: 'a3', fraction: 0.42, paragraph: 7 }, textScale: 1.25 });
    first.state.setProgress('a3', 0.42);
    first.state.setProgress('a1', 1);
    first.state.markRead('a1');
    first.state.markRead('a5');
    await first.state.flush();
    first.host.remove();
    await wait(20);

    const second = mount({ storageKey });
    const saved = await second.state.restore(EDITION, IDS);
    const expected = {
      v: 1,
      editionId: EDITION,
      page: 'A2',
      view: { scale: 2.5, x: 1200, y: 840.5 },
      open: { article: 'a3', fraction: 0.42, paragraph: 7 },
      progress: { a3: 0.42, a1: 1 },
      read: ['a1', 'a5'],
      textScale: 1.25,
    };
    expect(saved).to.deep.include(expected);
    expect(saved!.updatedAt).to.be.closeTo(Date.now(), 60_000);
    expect(second.state.record).to.deep.equal(saved);
    // Stored in our own database, under `${storageKey}:${editionId}`.
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include(expected);
  });

  it('keeps progress at its furthest and read marks once, and removes a field set to null', async () => {
    const { state } = mount();
    await state.restore(EDITION, IDS);
    state.setProgress('a2', 0.6);
    state.setProgress('a2', 0.3);
    state.setProgress('a2', Number.NaN);
    state.setProgress('a4', 7);
    state.markRead('a2');
    state.markRead('a2');
    state.update({ open: { article: 'a2', fraction: 0.6, paragraph: 3 } });
    state.update({ open: null });
    expect(state.record!.progress).to.deep.equal({ a2: 0.6, a4: 1 });
    expect(state.record!.read).to.deep.equal(['a2']);
    expect(state.record).not.to.have.property('open');
  });

  it('debounces: many changes make one write, after the quiet time', async () => {
    const storageKey = freshKey();
    const { state } = mount({ storageKey, debounceMs: 150 });
    await state.restore(EDITION, IDS);
    const puts = countPuts();
    try {
      for (let i = 1; i <= 30; i++) state.update({ view: { scale: 1 + i / 10, x: i, y: i * 2 } });
      state.setProgress('a1', 0.5);
      await wait(60);
      expect(puts.count, 'before the quiet time').to.equal(0);
      await wait(250);
      await state.flush(); // nothing pending any more: only waits for the write in flight
      expect(puts.count).to.equal(1);
    } finally {
      puts.restore();
    }
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include({ view: { scale: 4, x: 30, y: 60 }, progress: { a1: 0.5 } });
  });

  it('still writes during changes that never pause (at most four quiet times apart)', async () => {
    const { state } = mount({ debounceMs: 100 });
    await state.restore(EDITION, IDS);
    const puts = countPuts();
    try {
      for (let i = 0; i < 20; i++) {
        state.update({ view: { scale: 1, x: i, y: i } });
        await wait(40);
      }
      expect(puts.count, 'writes during 800 ms of changes every 40 ms').to.be.within(1, 3);
    } finally {
      puts.restore();
    }
  });

  it('skips a write when an update changes nothing', async () => {
    const { state } = mount({ debounceMs: 20 });
    await state.restore(EDITION, IDS);
    state.update({ page: 'A2', view: { scale: 2, x: 1, y: 1 } });
    await state.flush();
    const puts = countPuts();
    try {
      state.update({ page: 'A2', view: { scale: 2, x: 1, y: 1 } });
      await wait(60);
      await state.flush();
      expect(puts.count).to.equal(0);
    } finally {
      puts.restore();
    }
  });

  it('flushes on a real pagehide event, without waiting for the debounce', async () => {
    const storageKey = freshKey();
    const { state } = mount({ storageKey, debounceMs: 60_000 });
    await state.restore(EDITION, IDS);
    const puts = countPuts();
    try {
      state.update({ page: 'A2', textScale: 1.5 });
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await wait(100);
      expect(puts.count).to.equal(1);
    } finally {
      puts.restore();
    }
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include({ page: 'A2', textScale: 1.5 });
  });

  it('flushes when the page becomes hidden', async () => {
    const storageKey = freshKey();
    const { state } = mount({ storageKey, debounceMs: 60_000 });
    await state.restore(EDITION, IDS);
    state.markRead('a7');
    const unhide = patch(document, 'visibilityState', 'hidden');
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      unhide();
    }
    await wait(100);
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include({ read: ['a7'] });
  });

  it('flushes when the host disconnects, and stops listening for pagehide', async () => {
    const storageKey = freshKey();
    const { host, state } = mount({ storageKey, debounceMs: 60_000 });
    await state.restore(EDITION, IDS);
    state.update({ page: 'A2' });
    host.remove();
    await wait(100);
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include({ page: 'A2' });
    const puts = countPuts();
    try {
      state.update({ page: 'A1' });
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await wait(100);
      expect(puts.count, 'no listener after disconnect').to.equal(0);
    } finally {
      puts.restore();
    }
  });

  it('keeps two storage keys and two editions apart', async () => {
    const [k1, k2] = [freshKey(), freshKey()];
    const one = mount({ storageKey: k1 });
    const two = mount({ storageKey: k2 });
    await Promise.all([one.state.restore(EDITION, IDS), two.state.restore(EDITION, IDS)]);
    one.state.update({ page: 'A1', textScale: 0.8 });
    two.state.update({ page: 'A2' });
    two.state.markRead('a4');
    // The same controller moves to another edition: its pending changes go to the first one's record.
    one.state.markRead('a9');
    const otherIds = { articleIds: ['b1', 'b2'], pageIds: ['B1'] };
    await one.state.restore('other-edition', otherIds);
    one.state.update({ page: 'B1' });
    one.state.markRead('b2');
    await Promise.all([one.state.flush(), two.state.flush()]);

    const again = mount({ storageKey: k1 });
    expect(await again.state.restore(EDITION, IDS)).to.deep.include({ page: 'A1', textScale: 0.8, read: ['a9'] });
    expect(await again.state.restore('other-edition', otherIds)).to.deep.include({ page: 'B1', read: ['b2'] });
    const other = mount({ storageKey: k2 });
    const saved = await other.state.restore(EDITION, IDS);
    expect(saved).to.deep.include({ page: 'A2', read: ['a4'] });
    expect(saved).not.to.have.property('textScale');
  });

  it('merges two controllers on one record field by field (the same edition in two tabs)', async () => {
    const storageKey = freshKey();
    const tabA = mount({ storageKey });
    const tabB = mount({ storageKey });
    await Promise.all([tabA.state.restore(EDITION, IDS), tabB.state.restore(EDITION, IDS)]);
    tabA.state.update({ page: 'A2', view: { scale: 1, x: 10, y: 10 } });
    tabA.state.setProgress('a1', 0.8);
    tabA.state.markRead('a1');
    await tabA.state.flush();
    // Tab B never saw A's changes; it writes other fields, and one field A wrote too.
    tabB.state.update({ textScale: 1.75, view: { scale: 3, x: 20, y: 30 } });
    tabB.state.setProgress('a1', 0.3);
    tabB.state.setProgress('a2', 0.5);
    tabB.state.markRead('a2');
    await tabB.state.flush();

    const fresh = mount({ storageKey });
    expect(await fresh.state.restore(EDITION, IDS)).to.deep.include({
      page: 'A2', // A's, untouched by B
      textScale: 1.75, // B's
      view: { scale: 3, x: 20, y: 30 }, // both wrote it: the last write wins
      progress: { a1: 0.8, a2: 0.5 }, // furthest of both
      read: ['a1', 'a2'],
    });
  });

  it('lets changes made while restore() is pending win over the saved fields', async () => {
    const storageKey = freshKey();
    await rawPut(`${storageKey}:${EDITION}`, {
      v: 1,
      editionId: EDITION,
      page: 'A1',
      textScale: 1.5,
      progress: {},
      read: ['a1'],
      updatedAt: 1,
    });
    const { state } = mount({ storageKey });
    const restoring = state.restore(EDITION, IDS);
    state.update({ page: 'A2' });
    expect(await restoring).to.deep.include({ page: 'A1', textScale: 1.5 });
    expect(state.record).to.deep.include({ page: 'A2', textScale: 1.5, read: ['a1'] });
  });

  it('clear() forgets this edition only, in memory and in storage', async () => {
    const storageKey = freshKey();
    const { state } = mount({ storageKey });
    await state.restore('other-edition', { articleIds: ['b1'], pageIds: ['B1'] });
    state.update({ page: 'B1' });
    await state.restore(EDITION, IDS);
    state.update({ page: 'A2' });
    state.markRead('a1');
    await state.flush();
    await state.clear();
    expect(state.record).to.deep.equal(emptyRecord(EDITION));
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.equal(undefined);
    expect(await rawGet(`${storageKey}:other-edition`)).to.deep.include({ page: 'B1' });
  });
});

describe('reading state: the reader’s choices (for every edition)', () => {
  it('keeps a choice under the reader’s own key, and any edition’s restore() reads it back', async () => {
    const storageKey = freshKey();
    const { state } = mount({ storageKey });
    await state.restore(EDITION, IDS);
    expect(state.choices).to.deep.equal({});
    state.choose({ view: 'text' });
    expect(state.choices, 'in memory at once').to.deep.equal({ view: 'text' });
    await state.flush();
    expect(await rawGet(`${storageKey}::reader`)).to.deep.equal({ view: 'text' });
    expect(await rawGet(`${storageKey}:${EDITION}`), 'not in the edition’s record').to.equal(undefined);

    const other = mount({ storageKey }).state;
    await other.restore('another-edition', { articleIds: ['b1'], pageIds: ['B1'] });
    expect(other.choices).to.deep.equal({ view: 'text' });
    const stranger = mount().state;
    await stranger.restore(EDITION, IDS);
    expect(stranger.choices, 'another storage key: another reader').to.deep.equal({});
  });

  it('drops a stored choice it does not know, and clear() of an edition leaves the choices', async () => {
    const storageKey = freshKey();
    await rawPut(`${storageKey}::reader`, { view: 'sideways', extra: 1 });
    const { state } = mount({ storageKey });
    await state.restore(EDITION, IDS);
    expect(state.choices).to.deep.equal({});
    state.choose({ view: 'page' });
    await state.flush();
    await state.clear();
    expect(await rawGet(`${storageKey}::reader`)).to.deep.equal({ view: 'page' });
    await rawPut(`${storageKey}::reader`, 'text');
    const again = mount({ storageKey }).state;
    await again.restore(EDITION, IDS);
    expect(again.choices, 'not an object').to.deep.equal({});
  });

  it('persist:false keeps a choice in memory only', async () => {
    const storageKey = freshKey();
    const { state } = mount({ storageKey, persist: false });
    await state.restore(EDITION, IDS);
    state.choose({ view: 'text' });
    await state.flush();
    expect(state.choices).to.deep.equal({ view: 'text' });
    expect(await rawGet(`${storageKey}::reader`)).to.equal(undefined);
  });
});

describe('reading state: sanitizeRecord', () => {
  const valid = (): ReadingRecord => ({
    v: 1,
    editionId: EDITION,
    page: 'A1',
    view: { scale: 2, x: 10, y: 20 },
    open: { article: 'a2', fraction: 0.5, paragraph: 4 },
    progress: { a2: 0.5 },
    read: ['a1'],
    textScale: 1.25,
    updatedAt: 1_700_000_000_000,
  });

  it('passes a valid record through as a fresh object', () => {
    const input = valid();
    const output = sanitizeRecord(input, CTX);
    expect(output).to.deep.equal(input);
    expect(output).not.to.equal(input);
  });

  it('returns null for what is not a record', () => {
    for (const raw of [undefined, null, 0, 42, 'v1', '{"v":1}', true, [], [valid()], () => valid(), new Date(), Object.create(valid())]) {
      expect(sanitizeRecord(raw, CTX), String(raw)).to.equal(null);
    }
  });

  it('returns null for another version or another edition', () => {
    for (const v of [0, 2, '1', 1.5, undefined]) expect(sanitizeRecord({ ...valid(), v }, CTX), `v=${v}`).to.equal(null);
    expect(sanitizeRecord({ ...valid(), editionId: 'another' }, CTX)).to.equal(null);
    const { editionId: _, ...noEdition } = valid();
    expect(sanitizeRecord(noEdition, CTX)).to.equal(null);
  });

  it('drops unknown page and article ids', () => {
    const output = sanitizeRecord(
      {
        ...valid(),
        page: 'Z9',
        open: { article: 'gone', fraction: 0.5, paragraph: 1 },
        progress: { a2: 0.5, gone: 1, toString: 1 },
        read: ['a1', 'gone', 7, null, 'a1', 'a3'],
      },
      CTX,
    )!;
    expect(output).not.to.have.property('page');
    expect(output).not.to.have.property('open');
    expect(output.progress).to.deep.equal({ a2: 0.5 });
    expect(output.read).to.deep.equal(['a1', 'a3']);
  });

  it('keeps ids of articles not known yet (in page files) when told so, but never a malformed or forbidden one', () => {
    const raw = {
      ...valid(),
      open: { article: 'a7-p3', fraction: 0.5, paragraph: 1 },
      progress: { 'a7-p3': 0.5, 'bad id': 1, __proto__x: 1 },
      read: ['a1', 'a8-p5', ' spaced', 'constructor', 'x'.repeat(65)],
    };
    const open = sanitizeRecord(raw, { ...CTX, allArticlesKnown: false })!;
    expect(open.open?.article).to.equal('a7-p3');
    expect(open.progress).to.deep.equal({ 'a7-p3': 0.5 });
    expect(open.read).to.deep.equal(['a1', 'a8-p5']);
    // With every article known, the same ids are dropped.
    const closed = sanitizeRecord(raw, { ...CTX, allArticlesKnown: true })!;
    expect(closed).not.to.have.property('open');
    expect(closed.read).to.deep.equal(['a1']);
  });
  it('drops non-finite numbers and clamps the rest to their ranges', () => {
    const clamp = (patch: Partial<Record<keyof ReadingRecord, unknown>>) => sanitizeRecord({ ...valid(), ...patch }, CTX)!;
    expect(clamp({ view: { scale: Number.NaN, x: 1, y: 1 } })).not.to.have.property('view');
    expect(clamp({ view: { scale: 2, x: Infinity, y: 1 } })).not.to.have.property('view');
    expect(clamp({ view: { scale: 0, x: 1, y: 1 } })).not.to.have.property('view');
    expect(clamp({ view: { scale: -1, x: 1, y: 1 } })).not.to.have.property('view');
    expect(clamp({ view: { scale: '2', x: 1, y: 1 } })).not.to.have.property('view');
    expect(clamp({ view: { scale: 50, x: -5, y: 1e5 } }).view).to.deep.equal({ scale: 10, x: -5, y: 1e5 });
    expect(clamp({ open: { article: 'a2', fraction: 1.7, paragraph: 3.9 } }).open).to.deep.equal({
      article: 'a2',
      fraction: 1,
      paragraph: 3,
    });
    expect(clamp({ open: { article: 'a2', fraction: -0.3, paragraph: -2 } }).open).to.deep.equal({
      article: 'a2',
      fraction: 0,
      paragraph: 0,
    });
    expect(clamp({ open: { article: 'a2', fraction: Number.NaN, paragraph: Infinity } }).open).to.deep.equal({
      article: 'a2',
      fraction: 0,
      paragraph: 0,
    });
    expect(clamp({ progress: { a1: Infinity, a2: Number.NaN, a3: 2, a4: -1, a5: '0.5' } }).progress).to.deep.equal({ a3: 1, a4: 0 });
    expect(clamp({ textScale: 9 }).textScale).to.equal(2);
    expect(clamp({ textScale: 0.1 }).textScale).to.equal(0.75);
    expect(clamp({ textScale: Number.NaN })).not.to.have.property('textScale');
    expect(clamp({ textScale: -Infinity })).not.to.have.property('textScale');
    expect(clamp({ updatedAt: Number.NaN }).updatedAt).to.equal(0);
    expect(clamp({ progress: 'lots', read: 'a1' })).to.deep.include({ progress: {}, read: [] });
  });

  it('is not fooled or polluted by __proto__ and constructor keys', () => {
    const raw = JSON.parse(
      `{"v":1,"editionId":"${EDITION}","__proto__":{"page":"A1","polluted":1},"constructor":{"prototype":{"polluted":1}},
        "progress":{"__proto__":{"polluted":1},"constructor":1,"a1":0.5},"read":["__proto__","a1"],
        "open":{"article":"__proto__","fraction":0.5,"paragraph":1},"page":"__proto__"}`,
    );
    const output = sanitizeRecord(raw, { ...CTX, articleIds: [...CTX.articleIds, '__proto__', 'constructor'], pageIds: ['__proto__'] })!;
    expect(output).to.deep.equal({ v: 1, editionId: EDITION, progress: { a1: 0.5 }, read: ['a1'], updatedAt: 0 });
    expect(Object.keys(output.progress)).to.deep.equal(['a1']);
    expect(Object.getPrototypeOf(output.progress)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    // Fields come from the value itself, never from a (polluted) prototype.
    const inherited = Object.assign(Object.create({ page: 'A1', textScale: 2 }), { v: 1, editionId: EDITION });
    expect(sanitizeRecord(inherited, CTX)).to.deep.equal(emptyRecord(EDITION));
  });

  it('never throws, even on hostile or huge values', () => {
    const boo = () => {
      throw new Error('boo');
    };
    const hostile = new Proxy({}, { get: boo, getOwnPropertyDescriptor: boo, ownKeys: boo });
    expect(sanitizeRecord(hostile, CTX)).to.equal(null);
    expect(sanitizeRecord({ ...valid(), progress: hostile }, CTX)).to.equal(null);
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    sparse[0] = 'a1';
    const started = performance.now();
    expect(sanitizeRecord({ ...valid(), read: sparse }, CTX)!.read).to.deep.equal(['a1']);
    expect(performance.now() - started).to.be.below(500);
  });
});

describe('reading state: mergeRecords', () => {
  const older: ReadingRecord = {
    v: 1,
    editionId: EDITION,
    page: 'A1',
    open: { article: 'a1', fraction: 0.2, paragraph: 1 },
    progress: { a1: 0.9, a2: 0.1 },
    read: ['a1'],
    textScale: 1.5,
    updatedAt: 100,
  };
  const newer: ReadingRecord = {
    v: 1,
    editionId: EDITION,
    page: 'A2',
    view: { scale: 2, x: 5, y: 6 },
    progress: { a1: 0.5, a3: 0.7 },
    read: ['a3', 'a1'],
    updatedAt: 200,
  };

  it('lets the changed fields of the newer record win, and keeps the others', () => {
    expect(mergeRecords(older, newer, ['page', 'view'])).to.deep.equal({
      v: 1,
      editionId: EDITION,
      page: 'A2',
      view: { scale: 2, x: 5, y: 6 },
      open: { article: 'a1', fraction: 0.2, paragraph: 1 },
      progress: { a1: 0.9, a2: 0.1 },
      read: ['a1'],
      textScale: 1.5,
      updatedAt: 200,
    });
  });

  it('with every field changed: newer wins (a removed field stays removed), progress is the furthest, read the union', () => {
    expect(mergeRecords(older, newer)).to.deep.equal({
      v: 1,
      editionId: EDITION,
      page: 'A2',
      view: { scale: 2, x: 5, y: 6 },
      progress: { a1: 0.9, a2: 0.1, a3: 0.7 },
      read: ['a1', 'a3'],
      updatedAt: 200,
    });
  });

  it('merges the views per page: a page last shown whole stays whole over an older zoom', () => {
    const stored: ReadingRecord = { ...older, views: { A1: { scale: 2, x: 1, y: 1 }, A2: { scale: 3, x: 2, y: 2 } } };
    const writer: ReadingRecord = { ...newer, views: { A1: null } };
    expect(mergeRecords(stored, writer, ['views']).views).to.deep.equal({ A1: null, A2: { scale: 3, x: 2, y: 2 } });
    // Through sanitizeRecord: null is kept, a broken view and an unknown page are dropped.
    const raw = { ...stored, views: { A1: null, A2: { scale: 'x', x: 0, y: 0 }, Z9: { scale: 1, x: 0, y: 0 } } };
    expect(sanitizeRecord(raw, CTX)!.views).to.deep.equal({ A1: null });
  });

  it('ignores an older record of another edition or none, and mutates nothing', () => {
    const before = JSON.stringify([older, newer]);
    expect(mergeRecords({ ...older, editionId: 'x' }, newer)).to.deep.equal(newer);
    expect(mergeRecords(null, newer)).to.deep.equal(newer);
    expect(mergeRecords(older, newer).view).not.to.equal(newer.view);
    expect(JSON.stringify([older, newer])).to.equal(before);
  });
});

describe('reading state: storage faults', () => {
  let warnings: unknown[][];
  let rejections: unknown[];
  let restoreWarn: () => void;
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

  beforeEach(() => {
    warnings = [];
    rejections = [];
    restoreWarn = patch(console, 'warn', (...args: unknown[]) => void warnings.push(args));
    window.addEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => {
    restoreWarn();
    window.removeEventListener('unhandledrejection', onRejection);
  });

  /** Restores, changes, flushes, clears and restores again through `state`, which must keep working in memory. */
  async function exercise(state: ReadingStateController) {
    const first = await state.restore(EDITION, IDS);
    state.update({ page: 'A2', view: { scale: 2, x: 3, y: 4 }, open: { article: 'a4', fraction: 0.3, paragraph: 2 } });
    state.markRead('a4');
    state.setProgress('a4', 0.3);
    expect(state.record).to.deep.include({ page: 'A2', read: ['a4'], progress: { a4: 0.3 } });
    await state.flush();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await state.flush();
    state.update({ textScale: 1.5 });
    await state.flush();
    expect(state.record).to.deep.include({ page: 'A2', textScale: 1.5 });
    await state.clear();
    expect(state.record).to.deep.equal(emptyRecord(EDITION));
    await state.restore(EDITION, IDS);
    await wait(50); // let any stray rejection surface
    return first;
  }

  function expectOneQuietWarning() {
    expect(warnings, 'console.warn calls').to.have.length(1);
    expect(String(warnings[0][0])).to.match(/^e-paper: /);
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
  }

  it('indexedDB undefined', async () => {
    const undo = patch(window, 'indexedDB', undefined as unknown as IDBFactory);
    try {
      const { state } = mount();
      expect(await exercise(state)).to.equal(null);
      expect(state.persisting).to.equal(false);
    } finally {
      undo();
    }
    expectOneQuietWarning();
  });

  it('indexedDB throwing on access', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const { state } = mount();
      expect(await exercise(state)).to.equal(null);
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
    expectOneQuietWarning();
  });

  it('indexedDB.open throwing', async () => {
    const undo = patch(IDBFactory.prototype, 'open', () => {
      throw new DOMException('Access to IndexedDB is denied.', 'SecurityError');
    });
    try {
      const { state } = mount();
      expect(await exercise(state)).to.equal(null);
    } finally {
      undo();
    }
    expectOneQuietWarning();
  });

  it('indexedDB.open failing', async () => {
    const undo = patch(IDBFactory.prototype, 'open', () => {
      const request = { error: new DOMException('Internal error opening backing store.', 'UnknownError') } as unknown as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.(new Event('error')));
      return request;
    });
    try {
      const { state } = mount();
      expect(await exercise(state)).to.equal(null);
    } finally {
      undo();
    }
    expectOneQuietWarning();
  });

  it('indexedDB.open hanging: restore resolves null within the timeout', async () => {
    // A request that never succeeds nor fails, as when another tab blocks the database.
    const undo = patch(IDBFactory.prototype, 'open', () => ({}) as IDBOpenDBRequest);
    try {
      const { state } = mount({ readTimeoutMs: 200 });
      const started = performance.now();
      expect(await state.restore(EDITION, IDS)).to.equal(null);
      const elapsed = performance.now() - started;
      expect(elapsed).to.be.within(190, 1000);
      expect(await exercise(state)).to.equal(null);
    } finally {
      undo();
    }
    expectOneQuietWarning();
  });

  it('put rejecting with QuotaExceededError', async () => {
    const storageKey = freshKey();
    await rawPut(`${storageKey}:${EDITION}`, { v: 1, editionId: EDITION, page: 'A1', progress: {}, read: [], updatedAt: 1 });
    const { state } = mount({ storageKey, debounceMs: 20 });
    const attempts = { count: 0 };
    const undo = patch(IDBObjectStore.prototype, 'put', () => {
      attempts.count++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(await exercise(state), 'reads still work').to.deep.include({ page: 'A1' });
      state.update({ page: 'A1' });
      await wait(60);
      await state.flush();
      expect(attempts.count, 'no write tried after the fault').to.equal(1);
      expect(state.persisting).to.equal(false);
    } finally {
      undo();
    }
    expect(warnings[0]?.[1]).to.have.property('name', 'QuotaExceededError');
    expectOneQuietWarning();
    // The record saved before is intact.
    expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include({ page: 'A1' });
  });

  it('a corrupt record, one of another version and one of another edition: ignored, warned once, then replaced', async () => {
    const corrupt = [
      '{"v":1,"editi',
      42,
      [1, 2],
      { v: 2, editionId: EDITION, page: 'A1', progress: {}, read: [] },
      { v: 1, editionId: 'another', progress: {}, read: [] },
    ];
    for (const value of corrupt) {
      warnings.length = 0;
      const storageKey = freshKey();
      await rawPut(`${storageKey}:${EDITION}`, value);
      const { state } = mount({ storageKey });
      expect(await state.restore(EDITION, IDS), JSON.stringify(value)).to.equal(null);
      state.update({ page: 'A2' });
      await state.flush();
      expect(state.persisting, 'storage itself still works').to.equal(true);
      expect(await rawGet(`${storageKey}:${EDITION}`)).to.deep.include({ v: 1, editionId: EDITION, page: 'A2' });
      await wait(20);
      expectOneQuietWarning();
    }
  });

  it('warns once per controller, whatever the number of faults', async () => {
    const undo = patch(IDBFactory.prototype, 'open', () => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      const { state } = mount();
      for (let i = 0; i < 3; i++) await exercise(state);
      expect(warnings).to.have.length(1);
      mount().state.restore(EDITION, IDS);
      await wait(20);
      expect(warnings, 'a second viewer warns for itself').to.have.length(2);
    } finally {
      undo();
    }
  });

  it('warns once for operations failing together, and for a corrupt record followed by a full disk', async () => {
    const failing = patch(IDBFactory.prototype, 'open', () => {
      const request = { error: new DOMException('Internal error.', 'UnknownError') } as unknown as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.(new Event('error')), 20);
      return request;
    });
    try {
      const { state } = mount();
      // The read, a write and a deletion all wait on the same failing open.
      const restoring = state.restore(EDITION, IDS);
      state.update({ page: 'A2' });
      await Promise.all([restoring, state.flush(), state.clear()]);
      expect(warnings).to.have.length(1);
    } finally {
      failing();
    }

    warnings.length = 0;
    const storageKey = freshKey();
    await rawPut(`${storageKey}:${EDITION}`, 'corrupt');
    const { state } = mount({ storageKey });
    expect(await state.restore(EDITION, IDS)).to.equal(null);
    const full = patch(IDBObjectStore.prototype, 'put', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      state.update({ page: 'A2' });
      await state.flush();
    } finally {
      full();
    }
    expect(state.persisting).to.equal(false);
    expectOneQuietWarning();
  });
});
