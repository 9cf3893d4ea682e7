import { LitElement, html, isServer, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EditionLoadingController, describeError, type LoadProblem } from '../../controllers/edition-loading.js';
import { editionFontFamily } from '../../edition/fonts.js';
import { articlesById, articlesOnPage } from '../../edition/regions.js';
import { isPageRef } from '../../edition/page-ref.js';
import { PageFilesController, type EditionPageFiles } from '../../controllers/page-files.js';
import { cssProps } from '../../internal/css-props.js';
import type { Article, Edition, Page } from '../../edition/schema.js';
import { uiStrings } from '../../i18n/strings.js';
import { loadStrings } from '../../i18n/localize.js';
import { addUiFont } from '../../i18n/ui-font.js';
import { emit } from '../../events/events.js';
import { ReadingSessionController } from '../../controllers/reading-session.js';
import type { EPaperPage } from '../e-paper-page/e-paper-page.js';
import type { EPaperViewport } from '../e-paper-viewport/e-paper-viewport.js';
import type { FitMode, Point } from '../e-paper-viewport/viewport-math.js';
import type { EPaperReader } from '../e-paper-reader/e-paper-reader.js';
import { ArchiveSlot } from '../../controllers/archive-slot.js';
import { viewerStyles } from './e-paper.styles.js';
import { LazyPartsController } from '../../controllers/lazy-parts.js';
import { isTextField } from '../../internal/focus.js';
import { HashSlot } from '../../controllers/hash-slot.js';
import { NoticeController } from '../../controllers/notices.js';
import { ReaderFocusController } from '../../controllers/reader-focus.js';
import { errorView, loadingView, pageOf, pickPage, toolbarAction } from './e-paper-views.js';
import { readyView, type Chrome, type Hovered, type ReadyViewHandlers } from './e-paper-ready-view.js';
import { isShown, showingPage, wantPage, withEdition, withPhase, type Ready, type ViewerState } from './viewer-state.js';
import { ViewModeController, type ViewMode } from '../../controllers/view-mode.js';

// Over ~400 lines, for a reason: load() and the opening of an article orchestrate six controllers
// and the one state, in the order the tests pin (ready, then idle parts, then the offer to continue);
// split further, each would take a host object of callbacks back into the viewer. The templates
// are in e-paper-ready-view.ts and e-paper-views.ts (the first paint) and e-paper-chrome.ts (what
// loads once the page is shown), the state's transitions in viewer-state.ts, the hash's hold in
// controllers/hash-slot.ts.
// Its tokens (`--e-paper-*`) and parts are documented in e-paper.docs.ts: the manifest is written
// from there and the token tables (custom-elements-manifest.config.mjs).
/**
 * An embeddable newspaper page viewer: a zoomable replica of an edition's page whose articles
 * open in a reader overlay. It remembers, per reader, where they were.
 *
 * @fires e-paper-ready - The page is drawn, its fonts included, at the restored position. `detail: {editionId, page}`.
 * @fires e-paper-error - The edition could not be loaded or is invalid, or a page file of it (then with `page`, its id, and the edition stays in view), or one of its fonts (`cause: 'font'`, with `url`; the page shows with a system font). `detail: {cause, message, problems, page?, url?}`.
 * @fires e-paper-article-open - An article opened in the reader. `detail: {articleId}`.
 * @fires e-paper-article-close - The reader closed. `detail: {articleId}`.
 * @fires e-paper-page-change - Another page is shown. `detail: {page}`.
 * @fires e-paper-zoom - The view settled after a zoom or pan. `detail: {scale, center: {x, y}, fitted, minScale, maxScale}` (page units).
 */
export class EPaper extends LitElement {
  static override styles = viewerStyles;

  /** URL of the edition JSON. */
  @property({ reflect: true }) src?: string;

  /** The edition as an object, instead of `src`. Validated like a loaded file. */
  @property({ attribute: false }) edition?: unknown;

  /**
   * UI language, a language tag: built in are `zh-CN` (the default), Traditional Chinese (`zh-TW`,
   * `zh-HK`, `zh-MO`, `zh-Hant*`) and `en`; another language shows what `registerStrings` gave it,
   * and English for the rest.
   */
  @property({ reflect: true }) override lang = 'zh-CN';

  /** Id (or label) of the page to show; the first page, or the reader's last one, when absent. */
  @property({ reflect: true }) page?: string;

  /** Id of the article open in the reader; setting it opens the reader. */
  @property({ reflect: true }) article?: string;

  /** `light` or `dark`; follows the reader's system setting when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Namespace of the reading state in storage, for sites with several viewers or users. */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  /** Keep nothing in storage. */
  @property({ type: Boolean, attribute: 'no-persist' }) noPersist = false;

  /** Give up loading the edition after this many milliseconds. */
  @property({ type: Number, attribute: 'load-timeout' }) loadTimeout: number = 20_000;

  /** Refuse edition files larger than this many bytes (20 MiB by default). */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes: number = 20_971_520;

  /**
   * URL of the archive index (dates → edition URLs): a date picker moves between editions.
   * Without `src`, the edition the hash names (`#date=`) or the latest one is shown.
   */
  @property({ reflect: true }) archive?: string;

  /**
   * Keep the URL hash in step with the page and the open article (`#page=A2&article=ID`, and `date=` with an archive), so links can open them.
   * One viewer per page keeps the hash: the first to connect with `hash-sync`; another warns and leaves the hash alone.
   */
  @property({ type: Boolean, attribute: 'hash-sync' }) hashSync = false;

  /** Show no overview map (the page's picture with the visible area marked) while the page is zoomed in. */
  @property({ type: Boolean, attribute: 'no-overview' }) noOverview = false;

  /**
   * The view: `page` (the default), the page itself; `text`, the text view (the edition as a list
   * of its articles); `auto`, the text view where the viewer is at most 520 px wide (a phone),
   * decided when the edition is shown. It follows the view shown. The reader's own choice (the
   * toolbar's toggle) is remembered for every edition and wins over this on later visits.
   */
  @property({ reflect: true }) view: ViewMode | 'auto' = 'page';

  /** The site serves the offline service worker (`dist/e-paper-sw.js`): a toolbar button saves the edition (`src`) for offline reading. */
  @property({ type: Boolean }) offline = false;

  @state() private viewState: ViewerState = { kind: 'empty' };
  /** The article whose region the pointer or focus is on, for the tooltip. */
  @state() private hovered?: Hovered;
  /** The viewport's scale and bounds as it last announced them (the viewport owns the zoom); 0 until then. */
  @state() private zoom = { scale: 0, minScale: 0, maxScale: 0 };
  @state() private searchOpen = false;
  /** The search query whose matches the page and the reader highlight ('' for none). */
  @state() private searchQuery = '';

  readonly #notices = new NoticeController(this);
  readonly #session = new ReadingSessionController(this, this.#notices);
  readonly #loading = new EditionLoadingController(this);
  readonly #parts = new LazyPartsController(this, () => this.#notices.message(uiStrings(this.lang).viewer.partFailed));
  readonly #pageFiles = new PageFilesController({
    view: () => (this.viewState.kind === 'ready' ? this.viewState : undefined),
    show: (edition, page) => {
      this.viewState = withEdition(this.viewState, edition);
      if (page) this.#showPage(page);
    },
    notice: (text, show) => (show ? this.#notices.message(text) : this.#notices.dismiss('message', text)),
    failed: (page, error) => this.#pageFailed(page, error),
    lang: () => this.lang,
  });
  readonly #view = new ViewModeController(this, () => this.#parts.need('e-paper-text-view'), {
    get: () => this.#session.chosenView,
    set: (view) => this.#session.chooseView(view),
  });
  /** The archive, once `archive` is set (a module of its own). */
  readonly #archive = new ArchiveSlot(this, {
    needPicker: () => this.#parts.need('e-paper-archive'),
    wantedDate: () => this.#hash.param('date'),
    failed: (error, fatal) => {
      const problem = describeError(error, this.lang);
      if (fatal) this.#fail(problem);
      else this.#notices.message(problem.message);
    },
    unavailable: (error) => this.#notices.message(describeError(error, this.lang).message),
  });
  /** The URL hash kept in step (`hash-sync`): a module of its own, loaded once `hash-sync` is first on. */
  readonly #hash = new HashSlot(this, (param) => {
    const entry = this.#archive.entry(param('date'));
    if (entry) this.#showEdition(entry.src, entry.date);
    const [page, article] = [param('page'), param('article')];
    if (page !== undefined && page !== this.page) this.page = page;
    if (article !== undefined && article !== this.article) this.article = article;
  });
  /** Where focus goes back to when the reader closes. */
  readonly #focus = new ReaderFocusController({
    rendered: () => this.updateComplete,
    // In the text view, its item (a .region too) stands for the region.
    regionFor: (id) =>
      this.#view.text
        ? this.renderRoot.querySelector('e-paper-text-view')?.revealItem?.(id)
        : this.renderRoot.querySelector<EPaperPage>('e-paper-page')?.regionFor(id),
  });
  #lastPointer?: { x: number; y: number };
  /** What is shown around the page (e-paper-chrome.ts), loaded once the page is shown; and its load under way. */
  #chrome?: Chrome;
  #chromeLoading?: Promise<unknown>;

  override connectedCallback(): void {
    super.connectedCallback();
    addUiFont();
    this.addEventListener('keydown', this.#onKeyDown);
    // Moved or re-attached while a load was cut off: load again.
    if (this.hasUpdated && this.viewState.kind === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeyDown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server-side rendering (@lit-labs/ssr) writes the empty viewer: loading needs the page's URL
    // and fetch, and the browser's first update (hydration) loads anyway.
    if (isServer) return;
    this.#hash.update(changed.has('hashSync'));
    if (changed.has('archive')) {
      const shown = isShown(this.viewState);
      // With `hash-sync`, once its module is in: the hash may name the archive's date.
      const hash = this.#hash.pending;
      if (hash) void hash.then(() => this.#archive.changed(shown));
      else this.#archive.changed(shown);
    }
    if (changed.has('src') || changed.has('edition')) void this.load();
    const state = this.viewState;
    if (changed.has('page') && state.kind === 'ready' && this.page !== undefined) this.#goToPage(pickPage(state.edition, this.page));
    if (changed.has('article') && state.kind === 'ready') this.#articleChanged(changed.get('article'));
  }

  /**
   * The viewer renders once the strings of its UI language are here (Traditional Chinese and the
   * languages hosts register are a module of their own): no flash of another language.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    const pending = loadStrings(this.lang);
    if (pending) await pending;
    return super.scheduleUpdate();
  }

  /** Resolves once the viewer has rendered, including any part it is loading to do so (the reader). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#parts.loading) {
      await this.#parts.settled();
      done = await super.getUpdateComplete();
    }
    // The toolbar's row fitted to its end (a script reads the layout as it will be painted).
    await this.renderRoot.querySelector('e-paper-toolbar')?.updateComplete;
    return done;
  }

  protected override updated(changed: PropertyValues): void {
    // A page just shown gets its view (before anything else runs): where the reader left it, or whole.
    const state = this.viewState;
    const viewport = this.#viewport;
    if (state.kind !== 'ready' || !state.pageView || !viewport || !changed.has('viewState')) return;
    if ((changed.get('viewState') as Partial<Ready> | undefined)?.pageView === state.pageView) return;
    const { view } = state.pageView;
    if (view) viewport.zoomTo(view.scale, { x: view.x, y: view.y }, { animate: false });
    else viewport.fit('page', { animate: false });
  }

  // ---- public API ---------------------------------------------------------------------------

  /** The articles of the page shown, in reading order (empty until the edition is ready). */
  get pageArticles(): readonly Article[] {
    const state = this.viewState;
    return state.kind === 'ready' ? articlesOnPage(state.edition, state.page) : [];
  }

  /** Opens an article in the reader. An unknown id shows a message and changes nothing. */
  openArticle(id: string): void {
    this.article = id;
  }

  /** Closes the reader. */
  closeArticle(): void {
    this.article = undefined;
  }

  /** Zooms to `scale` (1 = body text at reading size); with `point` (page units) centred. */
  zoomTo(scale: number, point?: Point): void {
    this.#viewport?.zoomTo(scale, point);
  }

  /** Shows the next page (`1`) or the previous one (`-1`); nothing at either end. */
  turnPage(direction: 1 | -1): void {
    const state = this.viewState;
    if (state.kind !== 'ready') return;
    const next = state.edition.pages[state.edition.pages.indexOf(state.page) + direction];
    if (next) this.page = next.id;
  }

  /** Fits the whole page, or its width, into the viewer. */
  fit(mode: FitMode = 'page'): void {
    this.#viewport?.fit(mode);
  }

  /** Forgets this reader's history of the current edition: position, open article, read marks. */
  async clearHistory(): Promise<void> {
    await this.#session.clear();
    this.#notices.message(uiStrings(this.lang).viewer.historyCleared);
  }

  /** Loads (or reloads) the edition from `edition` or `src`. */
  async load(): Promise<void> {
    const ticket = this.#loading.begin();
    const before = this.viewState;
    // An archive move keeps the edition in view until the next one is ready.
    const keepInView = before.kind === 'ready' && before.phase === 'next';
    if (this.edition === undefined && !this.src) {
      // The archive index will name the edition.
      if (this.archive) this.viewState = { kind: 'loading' };
      else this.#fail({ cause: 'no-source', message: uiStrings(this.lang).errors['no-source'], problems: [] });
      return;
    }
    if (!keepInView) {
      this.viewState = { kind: 'loading' };
      this.#notices.dismiss();
    }
    let loaded: { edition: Edition; page: Page; baseUrl: string; files?: EditionPageFiles };
    let saved;
    try {
      const { edition, baseUrl } = await this.#loading.fetch(this, ticket.signal);
      const options = { signal: ticket.signal, timeoutMs: this.loadTimeout, maxBytes: this.maxBytes };
      const files = this.#pageFiles.forEdition(edition, baseUrl, options);
      // The parts the first render shows with the page, beside the saved session.
      const parts = this.#parts.forFirstRender(edition.pages.length);
      saved = await this.#session.restore(edition, { storageKey: this.storageKey, persist: !this.noPersist });
      // The hash may name the page.
      await this.#hash.pending;
      const page = pickPage(edition, this.page ?? saved?.page);
      loaded = { ...(await this.#pageFiles.firstPage(files, edition, page, ticket.signal)), baseUrl, files };
      // The fonts of the page shown, and only those: an edition's fonts may be sliced by character.
      this.#view.settle();
      await Promise.all([parts, this.#loading.fonts(loaded.edition, baseUrl, loaded.page)]);
    } catch (error) {
      if (!ticket.current() || ticket.signal.aborted) return;
      const problem = describeError(error, this.lang);
      // The edition in view stays; the picker goes back to its date.
      if (keepInView) {
        this.viewState = withPhase(this.viewState, 'shown');
        this.#notices.message(problem.message);
      } else this.#fail(problem);
      return;
    }
    if (!ticket.current()) return;
    const { edition, page, baseUrl } = loaded;
    this.#pageFiles.activate(loaded.files);
    this.#session.begin(saved);
    this.viewState = { kind: 'ready', edition, page, baseUrl, phase: 'settling' };
    this.page = page.id;
    // Not this.updateComplete: the first render waits for no lazy part.
    await super.getUpdateComplete();
    const viewport = this.#viewport;
    await viewport?.updateComplete;
    await this.renderRoot.querySelector<EPaperPage>('e-paper-page')?.updateComplete;
    // The saved view goes on before the first frame is painted: no visible jump.
    if (viewport && saved?.view && (saved.page ?? page.id) === page.id) {
      viewport.zoomTo(saved.view.scale, { x: saved.view.x, y: saved.view.y }, { animate: false });
    } else viewport?.fit('page', { animate: false }); // another edition may have left its zoom
    // The viewport owns the zoom and announces every change but its first layout: read that once.
    if (viewport) this.zoom = { scale: viewport.scale, minScale: viewport.minScale, maxScale: viewport.maxScale };
    // The frame after the page is painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (!ticket.current()) return;
    this.viewState = withPhase(this.viewState, 'shown'); // the page strip may draw now
    emit(this, 'e-paper-ready', { editionId: edition.id, page: page.id }, true);
    const chrome = this.#needChrome();
    this.#archive.editionSettled();
    // Once what shows around the page is in: the idle parts, then the pages kept in page files (the list, the search and the strip want every page).
    void chrome.then(() => this.#parts.whenIdle(() => ticket.current() && void this.#pageFiles.loadAll()));
    if (this.article) {
      this.#session.resume(this.article);
      this.#articleChanged(undefined);
    } else {
      const more = async () => {
        await this.#pageFiles.loadAll();
        const now = this.viewState;
        return now.kind === 'ready' && now.edition.id === edition.id && !this.article && !this.#notices.current;
      };
      void this.#session.offerToContinue((id) => this.#article(id), edition.pages.some(isPageRef) ? more : undefined);
    }
  }

  // ---- state --------------------------------------------------------------------------------

  get #viewport(): EPaperViewport | null {
    return this.renderRoot.querySelector<EPaperViewport>('e-paper-viewport');
  }

  get #reader(): EPaperReader | null {
    return this.renderRoot.querySelector<EPaperReader>('e-paper-reader');
  }

  #article(id: string): Article | undefined {
    return this.viewState.kind === 'ready' ? articlesById(this.viewState.edition).get(id) : undefined;
  }

  /** Shows `page`; a page kept in a page file is shown once it has loaded, the page in view staying meanwhile. */
  #goToPage(page: Page): void {
    if (!isPageRef(page)) return this.#showPage(page);
    this.viewState = wantPage(this.viewState, page.id);
    this.#pageFiles.goTo(page);
  }

  #showPage(page: Page): void {
    const state = this.viewState;
    if (state.kind !== 'ready') return;
    // Shown is asked for: a page file still loading for another page no longer takes over. Each
    // page comes back where the reader left it, or whole (in updated(), before anything else runs).
    this.viewState = showingPage(state, page, () => this.#session.pageShown(page.id));
    if (state.page === page) return;
    // The attribute follows the page shown, so that a host setting it back is a change.
    this.page = page.id;
    this.hovered = undefined;
    emit(this, 'e-paper-page-change', { page: page.id }, true);
    this.#hash.write({ page: page.id });
  }

  /** Tells the reader (and the host, by `e-paper-error` with `page`) that a page's file failed. */
  #pageFailed(page: Page, error: unknown): void {
    const problem = describeError(error, this.lang);
    console.warn(`e-paper: the page file of page "${page.id}" could not be loaded`, problem.problems.length ? problem.problems : error);
    this.#notices.message(uiStrings(this.lang).viewer.pageFailed(page.label, problem.message));
    emit(this, 'e-paper-error', { ...problem, page: page.id }, true);
    // The attribute goes back to the page in view.
    if (this.viewState.kind === 'ready') this.page = this.viewState.page.id;
  }

  #fail(error: LoadProblem): void {
    this.viewState = { kind: 'error', error };
    emit(this, 'e-paper-error', error, true);
    this.#archive.editionSettled();
  }

  /** Moves to another edition of the archive, keeping the one in view until it is ready. */
  #showEdition(src: string, date: string): void {
    if (src === this.src) return;
    this.viewState = withPhase(this.viewState, 'next');
    this.page = undefined;
    this.article = undefined;
    this.#hash.write({ date, page: undefined });
    this.src = src;
  }

  /** Opens, switches or closes the reader after `article` changed. */
  #articleChanged(previous: string | undefined, pagesLoaded = false): void {
    const state = this.viewState;
    if (state.kind !== 'ready') return;
    this.#session.stopReadTimer();
    const id = this.article;
    if (id === undefined || id === '') {
      if (previous) {
        this.#session.closed();
        emit(this, 'e-paper-article-close', { articleId: previous }, true);
        this.#hash.write({ article: undefined });
        this.#focus.returnFocus(previous);
      }
      return;
    }
    const article = articlesById(state.edition).get(id);
    if (!article && !pagesLoaded && state.edition.pages.some(isPageRef)) {
      // It may be on a page kept in a page file: the reader opens once that has loaded.
      void this.#pageFiles.loadAll().then(() => this.article === id && this.#articleChanged(previous, true));
      return;
    }
    if (!article) {
      console.warn(`e-paper: no article "${id}" in edition ${state.edition.id}`);
      this.#notices.message(uiStrings(this.lang).viewer.unknownArticle(id));
      this.article = previous;
      return;
    }
    const onPage = pageOf(state.edition, id, state.page);
    if (onPage && onPage !== state.page) this.#showPage(onPage);
    void this.#needChrome();
    this.#parts.need('e-paper-reader');
    if (!previous) this.#focus.openedFrom();
    const paragraph = this.#session.opened(id);
    emit(this, 'e-paper-article-open', { articleId: id }, true);
    this.#hash.write({ article: id });
    if (paragraph > 0) void this.updateComplete.then(() => this.#reader?.scrollToParagraph(paragraph));
  }

  /**
   * Loads what is shown around the page (e-paper-chrome.ts) with the list in the toolbar's end:
   * once the page is shown, and again on the next use after a failure. Never rejects.
   */
  #needChrome(): Promise<unknown> {
    if (this.#chrome) return Promise.resolve();
    if (!this.#chromeLoading) {
      this.#parts.need('e-paper-contents');
      this.#chromeLoading = this.#parts
        .load('e-paper-chrome', () => import('./e-paper-chrome.js'))
        .then((chrome) => {
          this.#chrome = chrome;
          this.#chromeLoading = undefined;
          this.requestUpdate();
        });
    }
    return this.#chromeLoading;
  }

  #openSearch(): void {
    void this.#needChrome();
    this.#parts.need('e-paper-search');
    // The search covers every page: those in page files load now if they have not yet.
    void this.#pageFiles.loadAll();
    if (this.searchOpen) this.renderRoot.querySelector<HTMLElement & { focusInput(): void }>('e-paper-search')?.focusInput?.();
    this.searchOpen = true;
  }

  #closeSearch(): void {
    this.searchOpen = false;
    this.searchQuery = '';
    // After this render only: waiting for parts still loading, the focus would come late and take
    // the reader away from wherever they have gone since (a calendar just opened closes on it).
    void super.getUpdateComplete().then(() => this.renderRoot.querySelector<HTMLElement>('.search-toggle')?.focus());
  }

  /** Opens `articleId` (from the search or the list, or again at another paragraph), returning focus to what had it. */
  #openFromPanel(articleId: string, paragraph?: number): void {
    this.#focus.openedFrom();
    this.#session.openAt(paragraph);
    if (this.article === articleId) this.article = undefined;
    this.article = articleId;
  }

  // ---- events from the parts ----------------------------------------------------------------

  /** PageUp/PageDown turn the page wherever focus is in the viewer, unless a field or the reader has it. */
  #onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || this.article || this.viewState.kind !== 'ready') return;
    // Ctrl/⌘+F inside the viewer searches the edition (the browser's find cannot see the page's text well).
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      this.#openSearch();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const direction = event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
    if (!direction || isTextField(event.composedPath()[0])) return;
    event.preventDefault();
    this.turnPage(direction);
  };

  /** What the parts report, handled (see readyView). */
  readonly #on: ReadyViewHandlers = {
    toolbarAction: ({ detail }) => {
      const viewport = this.#viewport;
      if (viewport) toolbarAction(detail.action, viewport, (direction) => this.turnPage(direction));
    },
    archiveSelect: ({ detail }) => this.#showEdition(detail.src, detail.date),
    toggleSearch: () => (this.searchOpen ? this.#closeSearch() : this.#openSearch()),
    searchQuery: ({ detail }) => (this.searchQuery = detail.query),
    searchSelect: ({ detail }) => this.#openFromPanel(detail.articleId, detail.field === 'paragraph' ? detail.index : undefined),
    closeSearch: () => this.#closeSearch(),
    contentsSelect: ({ detail: { articleId, pageId } }) => {
      if (articleId) {
        this.#focus.openedFrom();
        this.article = articleId;
      } else if (pageId) {
        this.page = pageId;
        // The list closed under the keyboard: go on from the page itself.
        void this.updateComplete.then(() => this.#viewport?.focus({ preventScroll: true }));
      }
    },
    zoom: ({ detail }) => {
      const { scale, center, minScale, maxScale, fitted } = detail;
      this.zoom = { scale, minScale, maxScale };
      this.hovered = undefined;
      if (!fitted && !this.noOverview) this.#parts.need('e-paper-overview');
      const state = this.viewState;
      // While the next edition loads, the reading state is already that edition's; before the page
      // is first shown, a view is the layout settling, not the reader's doing. A page shown whole
      // is remembered as that, not as a scale that fits only this box.
      if (state.kind === 'ready' && state.phase === 'shown')
        this.#session.viewed(state.page.id, fitted ? null : { scale, x: center.x, y: center.y });
      // Passed on as the viewer's own, once the viewer has taken it in.
      emit(this, 'e-paper-zoom', detail, true);
    },
    swipe: ({ detail }) => this.turnPage(detail.direction),
    selectPage: ({ detail }) => (this.page = detail.pageId),
    regionEnter: ({ detail: { articleId, region, via } }) => {
      void this.#needChrome();
      this.#parts.need('e-paper-tooltip');
      this.hovered = { articleId, region, point: via === 'pointer' ? this.#lastPointer : undefined };
    },
    regionLeave: ({ detail }) => this.hovered?.region === detail.region && (this.hovered = undefined),
    regionActivate: ({ detail }) => {
      this.hovered = undefined;
      this.#focus.openedFrom(detail.region);
      this.article = detail.articleId;
    },
    pagePointerMove: (event) => {
      this.#lastPointer = { x: event.clientX, y: event.clientY };
      // Buttons held: the reader is panning; the tooltip would only trail behind.
      if (event.buttons && this.hovered) this.hovered = undefined;
    },
    continueReading: (articleId, paragraph) => (this.#notices.dismiss(), this.#session.openAt(paragraph), (this.article = articleId)),
    dismissNotice: () => this.#notices.dismiss(),
    readerNavigate: ({ detail }) => (this.article = detail.articleId),
    readerClose: ({ detail: { zoomAt: z } }) => {
      this.article = undefined;
      // The second press of a double-click or double-tap on the page, which the reader caught.
      if (z) this.#viewport?.zoomForDoublePress(z.x, z.y, z.pointerType, z.out);
    },
    readerProgress: ({ detail }) => this.#session.progress(detail, this.article),
    toggleView: () => this.#view.toggle(),
    // A continued article's jump link: the reader closes, the page turns, the part there lights up.
    readerJump: ({ detail }) => {
      this.article = undefined;
      this.page = detail.pageId;
      void import('../../controllers/part-light.js').then((m) => m.lightPart(this, detail.articleId));
    },
  };

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const state = this.viewState;
    const edition = state.kind === 'ready' ? state.edition : undefined;
    // The edition's faces, the last resort where the system has no CJK font: the body face carries
    // the UI strings too, and the two together every headline and kicker the list and search show.
    const faces = (['body', 'headline'] as const).filter((role) => edition?.fonts?.some((f) => f.role === role));
    const uiFallback =
      edition && faces.length ? `${faces.map((role) => `"${editionFontFamily(edition, role)}"`).join(', ')}, sans-serif` : null;
    if (this.offline && state.kind === 'ready') this.#parts.need('e-paper-offline');
    const content =
      state.kind === 'ready'
        ? readyView(
            {
              state,
              viewer: this,
              zoom: this.zoom,
              hovered: this.hovered,
              searchOpen: this.searchOpen,
              searchQuery: this.searchQuery,
              archive: this.#archive.index,
              session: this.#session,
              notice: this.#notices.current,
              textView: this.#view.text,
              chrome: this.#chrome,
            },
            this.#on,
          )
        : state.kind === 'error'
          ? errorView(this.lang, state.error, () => void this.load())
          : loadingView(this.lang);
    return html`<div class="viewer" ${cssProps({ '--_font-edition': uiFallback })}>${content}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper': EPaper;
  }
}
