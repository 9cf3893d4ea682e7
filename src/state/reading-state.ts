/**
 * The reader's place in each edition (page, zoom and pan, open article and position, progress, read
 * marks, text size, read aloud's place and speed), kept in memory at once and saved to IndexedDB in the background.
 *
 * Storage is best effort: whatever IndexedDB does (missing, throwing, hanging, full), the viewer
 * carries on with the in-memory state, warns once in the console and never shows the reader an
 * error. Importing this module touches no storage (safe in Node and SSR); the database is opened on
 * the first `restore()` of a controller that may persist.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UseStore } from 'idb-keyval';
import { deleteStored, updateStored } from './stored-writes.js';
import { RECORD_FIELDS, mergeRecords } from './merge-records.js';
import {
  emptyRecord,
  sanitizeRecord,
  type AloudPlace,
  type ReaderChoices,
  type EditionIds,
  type OpenArticle,
  type ReadingRecord,
  type ReadingView,
  type RecordContext,
  type RecordField,
} from './reading-record.js';
import { attempt, choicesKey, openReadingStore, readSaved, viewOf, type Outcome, type SavedReading } from './saved-reading.js';

export { READING_DB_NAME, READING_STORE_NAME } from './saved-reading.js';

/** Options of {@link ReadingStateController}. */
export interface ReadingStateOptions {
  /** Namespace of the saved records (the `storage-key` attribute); `'default'` when absent. */
  storageKey?: string;
  /** False (the `no-persist` attribute) keeps everything in memory and never touches storage. */
  persist: boolean;
  /** Quiet time before a change is written, in ms. Default 300. */
  debounceMs?: number;
  /** How long `restore()` waits for IndexedDB before going on without it, in ms. Default 500. */
  readTimeoutMs?: number;
}

/**
 * A change to the record. A key that is present sets its field; `null` (or `undefined`) removes it,
 * e.g. `{ open: null }` when the reader closes.
 */
export interface ReadingPatch {
  page?: string | null;
  view?: ReadingView | null;
  open?: OpenArticle | null;
  textScale?: number | null;
  aloud?: AloudPlace | null;
}

type PatchField = keyof ReadingPatch;
const PATCH_FIELDS: readonly PatchField[] = ['page', 'view', 'open', 'textScale', 'aloud'];

/** A reader who never stops panning still gets a write every this many debounce periods. */
const MAX_WAIT_FACTOR = 4;

/**
 * Keeps the reading state of the edition in view for its host and persists it per edition, under
 * the key `${storageKey}:${editionId}`.
 *
 * Use: `restore(editionId, ids)` once the edition is known (it starts the in-memory record and
 * reads the saved one); then `update()`, `markRead()`, `setProgress()` as the reader moves. Writes
 * are debounced and also flushed on `pagehide`, on `visibilitychange` to hidden and when the host
 * disconnects. Two tabs writing one record: last write wins per field, progress and read marks are
 * combined.
 */
export class ReadingStateController implements ReactiveController {
  /** Namespace of the records; takes effect at the next `restore()`. */
  storageKey: string;
  /** Whether to use storage. Setting it false stops all storage use at once (pending changes are not written). */
  persist: boolean;
  readonly debounceMs: number;
  readonly readTimeoutMs: number;

  #current: ReadingRecord | null = null;
  #choices: ReaderChoices = {};
  #ctx?: RecordContext;
  #key = '';
  #generation = 0;
  /** Fields changed since the last write. */
  #dirty = new Set<RecordField>();
  /** Fields changed since `restore()` began: they win over the saved record when it arrives. */
  #local = new Set<RecordField>();
  #timer?: ReturnType<typeof setTimeout>;
  #firstPendingAt?: number;
  #writes = new Set<Promise<unknown>>();
  #store?: UseStore;
  /** Set on the first storage fault: from then on this controller keeps to memory. */
  #broken = false;
  #warned = false;

  constructor(host: ReactiveControllerHost, options: ReadingStateOptions) {
    this.storageKey = options.storageKey || 'default';
    this.persist = options.persist;
    this.debounceMs = options.debounceMs ?? 300;
    this.readTimeoutMs = options.readTimeoutMs ?? 500;
    host.addController(this);
  }

  /** The current in-memory state, or null before `restore()`. Treat it as read-only. */
  get record(): Readonly<ReadingRecord> | null {
    return this.#current;
  }

  /** The reader's choices for every edition (read by `restore()`). Treat it as read-only. */
  get choices(): Readonly<ReaderChoices> {
    return this.#choices;
  }

  /** Keeps a choice of the reader's for every edition: in memory at once, and saved. Never throws. */
  choose(choices: ReaderChoices): void {
    this.#choices = { ...this.#choices, ...choices };
    const store = this.#openStore();
    const [key, value] = [this.#choicesKey, this.#choices];
    if (store) this.#track(this.#attempt(() => updateStored(key, () => value, store), this.#writeTimeoutMs));
  }

  get #choicesKey(): string {
    return choicesKey(this.storageKey);
  }

  /** Whether changes are being saved (persist is on and storage has not failed). */
  get persisting(): boolean {
    return this.persist && !this.#broken;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    const flushed = this.flush();
    // Let go of the connection once the last write is in, so a removed viewer holds no database
    // open (that would block a deletion or an upgrade from another tab). The next use reopens.
    const store = this.#store;
    this.#store = undefined;
    if (store && !this.#broken) {
      void flushed.then(() => store('readonly', (s) => s.transaction.db.close())).catch(() => {});
    }
  }

  /**
   * Starts the record of `editionId` in memory and reads the saved one, and the reader's choices
   * (raced against `readTimeoutMs`). Resolves with the saved record, sanitised against the edition's ids, or null
   * when there is none, it is unusable, or storage is off or failing. Never rejects. Changes made
   * while the read is pending win over the saved fields they touch. Pending changes of a previous
   * edition are written to that edition first.
   */
  async restore(editionId: string, ids: EditionIds): Promise<ReadingRecord | null> {
    const generation = this.#start(editionId, ids);
    const store = this.#openStore();
    if (!store) return null;
    const read = await readSaved(store, this.storageKey, this.#ctx!, this.readTimeoutMs);
    // Another restore() started meanwhile: this answer is stale (a fault counts all the same).
    return read.ok && generation !== this.#generation ? null : this.#take(read);
  }

  /**
   * As {@link restore}, with what the first render read already (`readSaved`, or undefined when
   * it kept to memory): the reading state goes on from there. Returns the saved record.
   */
  adopt(editionId: string, ids: EditionIds, read: Outcome<SavedReading> | undefined): ReadingRecord | null {
    this.#start(editionId, ids);
    return read && this.persisting ? this.#take(read) : null;
  }

  /** Starts the record of `editionId` in memory, the pending changes of a previous edition written first. */
  #start(editionId: string, ids: EditionIds): number {
    this.#writeNow();
    this.#ctx = { editionId, articleIds: [...ids.articleIds], pageIds: [...ids.pageIds], allArticlesKnown: ids.allArticlesKnown };
    this.#key = `${this.storageKey}:${editionId}`;
    this.#current = emptyRecord(editionId);
    this.#local.clear();
    return ++this.#generation;
  }

  /** Takes in what was read: the choices, and the saved record under the changes made since. */
  #take(read: Outcome<SavedReading>): ReadingRecord | null {
    if (!read.ok) return (this.#failed(read.error), null);
    const { saved, corrupt, choices } = read.value;
    this.#choices = { ...choices, ...this.#choices };
    if (corrupt) {
      // Storage works; the record does not. Start afresh: the next write replaces it.
      this.#warn(
        `the saved reading position for "${this.#ctx!.editionId}" is unreadable (corrupt, another version or another edition) and was ignored`,
      );
    }
    if (!saved) return null;
    this.#current = mergeRecords(saved, this.#current ?? emptyRecord(saved.editionId), this.#local);
    return saved;
  }

  /** Applies `patch` in memory at once and schedules a write. Never blocks, never throws. */
  update(patch: ReadingPatch): void {
    if (!this.#current) return;
    const next: ReadingRecord = { ...this.#current };
    const changed: RecordField[] = [];
    for (const field of PATCH_FIELDS) {
      if (!(field in patch) || sameValue(next[field], patch[field] ?? undefined)) continue;
      setField(next, field, patch[field]);
      changed.push(field);
    }
    // The view is also kept per page, to come back to each page where the reader left it.
    if (changed.includes('view') && next.page !== undefined) {
      next.views = { ...next.views, [next.page]: next.view ?? null };
      changed.push('views');
    }
    if (changed.length) this.#commit(next, changed);
  }

  /** The last view of a page, if the reader zoomed or panned it. */
  viewOf(pageId: string): ReadingView | undefined {
    return viewOf(this.#current, pageId);
  }

  /** Marks an article as read (scrolled to its end, or open for a while). */
  markRead(articleId: string): void {
    if (!this.#current || this.#current.read.includes(articleId)) return;
    this.#commit({ ...this.#current, read: [...this.#current.read, articleId] }, ['read']);
  }

  /** Records progress through an article (0..1, clamped); only ever moves forward. */
  setProgress(articleId: string, fraction: number): void {
    if (!this.#current || !Number.isFinite(fraction)) return;
    const value = Math.min(1, Math.max(0, fraction));
    if (value <= (this.#current.progress[articleId] ?? 0)) return;
    // A computed key defines an own property, so even an id like "__proto__" cannot reach a prototype.
    this.#commit({ ...this.#current, progress: { ...this.#current.progress, [articleId]: value } }, ['progress']);
  }

  /** Writes pending changes now; resolves when every write so far is done (or given up). Never rejects. */
  async flush(): Promise<void> {
    this.#writeNow();
    await Promise.all(this.#writes);
  }

  /**
   * Forgets this edition's history: in memory at once, and the saved record. Resolves with what
   * was forgotten (for an undo: `reinstate`), null before `restore()`. Never rejects.
   */
  async clear(): Promise<ReadingRecord | null> {
    const forgotten = this.#current;
    if (!forgotten) return null;
    this.#cancelTimer();
    this.#dirty.clear();
    this.#local.clear();
    this.#current = emptyRecord(forgotten.editionId);
    const store = this.#openStore();
    const key = this.#key;
    // Queued behind any earlier write of this connection, so nothing older lands after it.
    if (store) await this.#attempt(() => deleteStored(key, store), this.#writeTimeoutMs);
    return forgotten;
  }

  /**
   * Puts back a record that `clear()` forgot (the reader's undo), in memory and in storage; what
   * the reader did since the clearing stays. False, changing nothing, when another edition is in view.
   */
  reinstate(record: ReadingRecord): boolean {
    const current = this.#current;
    if (current?.editionId !== record.editionId) return false;
    this.#commit(mergeRecords(record, current, this.#local), [...RECORD_FIELDS]);
    return true;
  }

  readonly #onPageHide = (): void => void this.flush();

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  /** Writes may be slower than reads (the first one may create the database), but not unbounded. */
  get #writeTimeoutMs(): number {
    return Math.max(2000, this.readTimeoutMs * 4);
  }

  #commit(next: ReadingRecord, fields: RecordField[]): void {
    next.updatedAt = Date.now();
    this.#current = next;
    for (const field of fields) {
      this.#dirty.add(field);
      this.#local.add(field);
    }
    this.#schedule();
  }

  #schedule(): void {
    if (!this.persisting) return;
    const now = Date.now();
    this.#firstPendingAt ??= now;
    clearTimeout(this.#timer);
    const wait = Math.min(this.debounceMs, this.#firstPendingAt + this.debounceMs * MAX_WAIT_FACTOR - now);
    this.#timer = setTimeout(() => this.#writeNow(), Math.max(0, wait));
  }

  #cancelTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#firstPendingAt = undefined;
  }

  /**
   * Starts the write of the pending changes, synchronously (a `pagehide` handler gets no second
   * chance). The write merges with what is stored, inside one IndexedDB transaction, so a field
   * another tab wrote since is kept unless this controller changed it too.
   */
  #writeNow(): void {
    this.#cancelTimer();
    if (!this.#dirty.size || !this.#current || !this.#ctx) return;
    const fields = [...this.#dirty];
    this.#dirty.clear();
    const store = this.#openStore();
    if (!store) return;
    const [record, ctx, key] = [this.#current, this.#ctx, this.#key];
    const write = this.#attempt(
      () =>
        updateStored<unknown>(
          key,
          // Sanitised on the way in too, so storage only ever holds a valid record.
          (stored) => sanitizeRecord(mergeRecords(sanitizeRecord(stored, ctx), record, fields), ctx) ?? record,
          store,
        ),
      this.#writeTimeoutMs,
    );
    this.#track(write);
  }

  /** A write under way, for `flush()` to wait for. */
  #track(write: Promise<unknown>): void {
    this.#writes.add(write);
    void write.then(() => this.#writes.delete(write));
  }

  #openStore(): UseStore | undefined {
    if (!this.persisting) return undefined;
    // createStore itself is lazy: the database is opened by the first operation.
    return (this.#store ??= openReadingStore());
  }

  /**
   * Runs a storage operation, raced against `timeoutMs`. Any fault (a synchronous throw, a rejection,
   * no answer in time) is reported once and turns storage off for this controller. Never rejects.
   */
  async #attempt<T>(operation: () => Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
    const outcome = await attempt(operation, timeoutMs);
    if (!outcome.ok) this.#failed(outcome.error);
    return outcome;
  }

  /** A storage fault: reported once, and storage is off for this controller from now on. */
  #failed(error: unknown): void {
    this.#broken = true;
    this.#cancelTimer();
    this.#warn('reading position cannot be saved in this browser, so it is kept for this visit only', error);
  }

  /** One warning per controller, whatever the number of faults. */
  #warn(message: string, error?: unknown): void {
    if (this.#warned) return;
    this.#warned = true;
    console.warn(`e-paper: ${message}.`, ...(error === undefined ? [] : [error]));
  }
}

function setField<K extends PatchField>(record: ReadingRecord, field: K, value: ReadingPatch[K]): void {
  if (value === null || value === undefined) delete record[field];
  else record[field] = value as ReadingRecord[K];
}

/** Equal numbers, strings, or flat objects with equal fields (a view, an open article). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
