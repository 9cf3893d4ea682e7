import type { ReactiveControllerHost } from 'lit';
import { isPageRef } from '../edition/page-ref.js';
import type { Edition } from '../edition/schema.js';
import type { ReadingStateController } from '../state/reading-state.js';
import type { EditionIds, OpenArticle, ReaderChoices, ReadingRecord, ReadingView } from '../state/reading-record.js';
import type { UseStore } from 'idb-keyval';
import { attempt, openReadingStore, readSaved, viewOf, type Outcome, type SavedReading } from '../state/saved-reading.js';

/** Where the reader stands in an open article, as the reader reports it. */
export interface ReadingProgress {
  articleId: string;
  fraction: number;
  paragraph: number;
}

/**
 * The reader's session with the edition in view: restores it (read marks, text size, the article
 * left open) and saves it as the reader moves (src/state/reading-state.ts keeps it in IndexedDB).
 * What articles read do to it (read marks, the paragraph an article opens at, the offer to
 * continue) is src/controllers/article-reading.ts, in the chrome part.
 *
 * The first render only reads (src/state/saved-reading.ts); what keeps and writes the state
 * (src/state/reading-state.ts) loads with the reader's first change, which waits for it.
 */
export class ReadingSessionController {
  /** What keeps and writes the state, once loaded (with the reader's first change). */
  #state?: ReadingStateController;
  #loading?: Promise<ReadingStateController>;
  /** Until then: the storage asked for, the edition's record as read, and the reader's choices. */
  #storage = { storageKey: 'default', persist: true };
  #read?: { editionId: string; ids: EditionIds; read?: Outcome<SavedReading> };
  #saved: ReadingRecord | null = null;
  #choices: ReaderChoices = {};
  #generation = 0;
  /** The database the first render reads, opened while the edition is fetched ({@link open}). */
  #store?: UseStore;
  /** What the last clearing forgot, until the list's undo gives it back. */
  #forgotten: ReadingRecord | null = null;
  /** The articles read, for the page and the list. */
  readArticles: ReadonlySet<string> = new Set();
  /** The reader's text size. */
  textScale = 1;
  /** @internal The article left open when the edition was last read, until the first article opens. */
  left?: OpenArticle;
  /** @internal The paragraph the next article opens at. */
  paragraph?: number;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Opens the database while the edition is fetched, so that {@link restore}'s read before the
   * first frame waits for no open (5–100 ms, more the first time, when it is made). A storage that
   * fails says so in the read.
   */
  open(persist: boolean): void {
    if (persist && !this.#state) void attempt(() => (this.#store ??= openReadingStore())('readonly', () => undefined), 1000);
  }

  /** Starts the session of `edition` and reads the saved one (null when there is none, or storage is off or failing). */
  async restore(edition: Edition, storage: { storageKey?: string; persist: boolean }): Promise<ReadingRecord | null> {
    this.#storage = { storageKey: storage.storageKey || 'default', persist: storage.persist };
    const ids = {
      articleIds: edition.articles.map((a) => a.id),
      pageIds: edition.pages.map((p) => p.id),
      // The articles of pages kept in page files are not known yet: their reading state is kept.
      allArticlesKnown: !edition.pages.some(isPageRef),
    };
    const generation = ++this.#generation;
    if (this.#state) {
      this.#state.persist = storage.persist;
      this.#state.storageKey = this.#storage.storageKey;
      return this.#state.restore(edition.id, ids);
    }
    this.#read = { editionId: edition.id, ids };
    this.#saved = null;
    if (!storage.persist) return null;
    const ctx = { editionId: edition.id, ...ids };
    const read = await readSaved((this.#store ??= openReadingStore()), this.#storage.storageKey, ctx, 1000);
    if (generation !== this.#generation) return null;
    // Loaded meanwhile: it takes the read in; a fault or an unusable record: it says so now.
    const loaded = this.#state as ReadingStateController | undefined;
    if (loaded) return loaded.adopt(edition.id, ids, read);
    this.#read.read = read;
    if (!read.ok || read.value.corrupt) void this.#load();
    if (read.ok) this.#choices = { ...read.value.choices, ...this.#choices };
    return (this.#saved = read.ok ? read.value.saved : null);
  }

  /** Loads what keeps and writes the state, which goes on from what was read. Rejects if it cannot be loaded. */
  #load(): Promise<ReadingStateController> {
    return (this.#loading ??= import('../state/reading-state.js').then(
      ({ ReadingStateController }) => {
        const state = new ReadingStateController(this.host, { ...this.#storage, readTimeoutMs: 1000 });
        if (this.#read) state.adopt(this.#read.editionId, this.#read.ids, this.#read.read);
        return (this.#state = state);
      },
      (error: unknown) => {
        this.#loading = undefined;
        console.warn('e-paper: the module that saves the reading position could not be loaded', error);
        throw error;
      },
    ));
  }

  /** Runs `change` on the state: now, or once it has loaded (in the order asked). */
  change(change: (state: ReadingStateController) => void): void {
    if (this.#state) change(this.#state);
    else this.#load().then(change, () => {});
  }

  /** The edition restored with `saved` is shown: its read marks and text size apply. */
  begin(saved: ReadingRecord | null): void {
    this.readArticles = new Set(saved?.read ?? []);
    this.textScale = saved?.textScale ?? 1;
    this.left = saved?.open;
    this.paragraph = undefined;
    this.host.requestUpdate();
  }

  /**
   * The first article the viewer opens after {@link begin} is `articleId` (a link or the URL hash
   * names it): the article the reader was in opens at the paragraph they had reached.
   */
  resume(articleId: string): void {
    if (this.left?.article === articleId && this.paragraph === undefined) this.paragraph = this.left.paragraph;
    this.left = undefined;
  }

  /** `pageId` is shown: returns the view the reader left it at (null: whole), and remembers the page. */
  pageShown(pageId: string): ReadingView | null {
    const view = (this.#state ? this.#state.viewOf(pageId) : viewOf(this.#saved, pageId)) ?? null;
    this.change((state) => state.update({ page: pageId, view }));
    return view;
  }

  /** The reader zoomed or panned `pageId` to `view` (null: the page whole). */
  viewed(pageId: string, view: ReadingView | null): void {
    this.change((state) => state.update({ page: pageId, view }));
  }

  /** Where reading aloud stopped, and its rate, as saved. */
  get aloud(): ReadingRecord['aloud'] {
    return this.#state ? this.#state.record?.aloud : this.#saved?.aloud;
  }

  /** The view the reader chose last, in any edition (read by {@link restore}). */
  get chosenView(): ReaderChoices['view'] {
    return (this.#state?.choices ?? this.#choices).view;
  }

  /** Keeps the view the reader chose, for every edition. */
  chooseView(view: ReaderChoices['view']): void {
    this.#choices = { ...this.#choices, view };
    this.change((state) => state.choose({ view }));
  }

  /** Forgets this reader's history of the edition; what was forgotten is kept for `undoClear()`. */
  async clear(): Promise<void> {
    this.readArticles = new Set();
    this.host.requestUpdate();
    this.#forgotten = await this.#load().then(
      (state) => state.clear(),
      () => null,
    );
  }

  /** Gives back what the last `clear()` forgot (the list's undo); what the reader did since stays. */
  undoClear(): void {
    const record = this.#forgotten;
    if (!record || !this.#state?.reinstate(record)) return;
    this.readArticles = new Set([...record.read, ...this.readArticles]);
    this.host.requestUpdate();
  }
}
