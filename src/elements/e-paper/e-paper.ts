import { LitElement, html, isServer, nothing, svg, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
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
import type { ReadingView } from '../../state/reading-record.js';
import type { EPaperPage, RegionEventDetail } from '../e-paper-page/e-paper-page.js';
import { ZOOM_STEP, type EPaperViewport, type ZoomEventDetail } from '../e-paper-viewport/e-paper-viewport.js';
import type { FitMode, Point } from '../e-paper-viewport/viewport-math.js';
import type { ToolbarActionDetail } from '../e-paper-toolbar/e-paper-toolbar.js';
import type { EPaperReader, EPaperReaderEventMap, ReaderAloud } from '../e-paper-reader/e-paper-reader.js';
import type { ContentsSelectDetail } from '../e-paper-contents/e-paper-contents.js';
import type { SearchSelectDetail } from '../e-paper-search/e-paper-search.js';
import type { ArchiveController } from '../../controllers/archive.js';
import { viewerStyles } from './e-paper.styles.js';
import { LazyPartsController } from '../../controllers/lazy-parts.js';
import { deepActiveElement, isTextField } from '../../internal/focus.js';
import { HashSyncController } from '../../controllers/hash-sync.js';
import { NoticeController } from '../../controllers/notices.js';
import { articleBeyond, contentsPages, errorView, loadingView, noticeView, pageOf, pickPage } from './e-paper-views.js';

/**
 * The viewer's one state: what it shows, and where a shown edition stands. The concerns around it
 * are controllers (src/controllers/), each with its own tests; the viewer composes them and renders.
 */
type ViewerState =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'error'; error: LoadProblem }
  | {
      kind: 'ready';
      edition: Edition;
      page: Page;
      baseUrl: string;
      /**
       * `settling`: drawn, not yet announced (`e-paper-ready`): a view change is the layout settling,
       * not the reader's doing. `shown`. `next`: another edition of the archive loads behind this one.
       */
      phase: 'settling' | 'shown' | 'next';
      /** The page asked for last: a page kept in a page file still loading for another no longer takes over. */
      wanted?: string;
      /** The view to give the page just shown once the viewport has it: its last one, or `null` to fit it whole. */
      pageView?: { view: ReadingView | null };
    };
type Ready = Extract<ViewerState, { kind: 'ready' }>;

/** A magnifier: the search's icon where a narrow toolbar has no room for its word. */
const SEARCH_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5 21 21" /></svg>`;
/** The reader's way beyond the page while it is closed: none. */
const NO_BEYOND = {};

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
 * @cssprop [--e-paper-height=85vh] - Height of the viewer when the host page does not size it.
 * @cssprop [--e-paper-paper=#fbf8f1] - The printed page's paper (also the reader's, the thumbnails' and the loading sheet's).
 * @cssprop [--e-paper-paper-dark=#22211e] - `--e-paper-paper` in the dark theme.
 * @cssprop [--e-paper-ink=#1a1a1a] - The printed page's ink: text and rules (muted text is mixed from ink and paper).
 * @cssprop [--e-paper-ink-dark=#e6e2d8] - `--e-paper-ink` in the dark theme.
 * @cssprop [--e-paper-spot=#c8161d] - The printed page's spot colour (its second ink): masthead, banners (the paper shows through), the ear's date. Not the site's accent.
 * @cssprop [--e-paper-spot-dark=#ef5350] - `--e-paper-spot` in the dark theme.
 * @cssprop [--e-paper-surface=#e9e6df] - Background around the page.
 * @cssprop [--e-paper-surface-dark=#121212] - `--e-paper-surface` in the dark theme.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-ui-ink-dark=#ececec] - `--e-paper-ui-ink` in the dark theme.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-accent-ink=#fff] - Text and marks on the accent (the chosen day, the tick of a read article).
 * @cssprop [--e-paper-accent-ink-dark=#1a1a1a] - `--e-paper-accent-ink` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the toolbar and its panels (list, search, calendar, page strip); opaque, so that the page never shows through.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text and icons of the toolbar and its panels.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 * @cssprop [--e-paper-region-tint=rgb(200 22 29 / 0.08)] - Fill of a hovered or focused article.
 * @cssprop [--e-paper-region-tint-dark=rgb(255 138 128 / 0.16)] - `--e-paper-region-tint` in the dark theme.
 * @cssprop [--e-paper-region-outline=#c8161d] - Outline of a hovered or focused article.
 * @cssprop [--e-paper-region-outline-dark=#ff8a80] - `--e-paper-region-outline` in the dark theme.
 * @cssprop [--e-paper-region-read-tint=rgb(0 0 0 / 0.035)] - Fill of the regions of articles already read.
 * @cssprop [--e-paper-region-read-tint-dark=rgb(255 255 255 / 0.06)] - `--e-paper-region-read-tint` in the dark theme.
 * @cssprop [--e-paper-tooltip-bg=#1f1f1f] - Background of the tooltip and the notice.
 * @cssprop [--e-paper-tooltip-bg-dark=#f2ede3] - `--e-paper-tooltip-bg` in the dark theme.
 * @cssprop [--e-paper-tooltip-ink=#fff] - Text colour of the tooltip and the notice.
 * @cssprop [--e-paper-tooltip-ink-dark=#1a1a1a] - `--e-paper-tooltip-ink` in the dark theme.
 * @cssprop [--e-paper-hint-bg=rgb(20 20 20 / 0.78)] - Background of the "hold Ctrl to zoom" hint.
 * @cssprop [--e-paper-hint-bg-dark=rgb(242 237 227 / 0.92)] - `--e-paper-hint-bg` in the dark theme.
 * @cssprop [--e-paper-hint-ink=#fff] - Text of that hint.
 * @cssprop [--e-paper-hint-ink-dark=#1a1a1a] - `--e-paper-hint-ink` in the dark theme.
 * @cssprop [--e-paper-search-hit=#ffe066] - Background of a search match on the page, in the reader and in the results.
 * @cssprop [--e-paper-search-hit-dark=#ffe066] - `--e-paper-search-hit` in the dark theme.
 * @cssprop [--e-paper-search-hit-ink=#1a1a1a] - Text colour of a search match.
 * @cssprop [--e-paper-search-hit-ink-dark=#1a1a1a] - `--e-paper-search-hit-ink` in the dark theme.
 * @cssprop [--e-paper-thumb-width=72px] - Width of a page thumbnail in the strip.
 * @cssprop [--e-paper-reader-width=38em] - Width of the reader's column on wide screens (em of its 18 px base size).
 * @cssprop [--e-paper-reader-leading=1.9] - Line height of the reader's body text.
 * @cssprop [--e-paper-reader-paper=--e-paper-paper] - The reader's paper.
 * @cssprop [--e-paper-reader-paper-dark=--e-paper-paper-dark] - `--e-paper-reader-paper` in the dark theme.
 * @cssprop [--e-paper-reader-ink=--e-paper-ink] - The reader's text.
 * @cssprop [--e-paper-reader-ink-dark=--e-paper-ink-dark] - `--e-paper-reader-ink` in the dark theme.
 * @cssprop [--e-paper-reader-backdrop=rgb(20 18 14 / 0.62)] - The veil over the page behind the reader.
 * @cssprop [--e-paper-reader-backdrop-dark=rgb(0 0 0 / 0.72)] - `--e-paper-reader-backdrop` in the dark theme.
 * @cssprop [--e-paper-font-body] - The reader's body font; the edition's body font by default (the page keeps the edition's own fonts).
 * @cssprop [--e-paper-font-headline] - The reader's headline font; the edition's headline font by default.
 * @csspart toolbar - The toolbar (forwarded, as every part below but `notice` and `error`).
 * @csspart button - A button of the toolbar and of the viewer's own controls in it (the reader's are `reader-button`).
 * @csspart zoom-out - The toolbar's zoom-out button.
 * @csspart zoom-in - The zoom-in button.
 * @csspart fit-page - The fit-the-page button.
 * @csspart fit-width - The fit-the-width button.
 * @csspart previous-page - The previous-page button (an edition of several pages).
 * @csspart next-page - The next-page button.
 * @csspart scale - The toolbar's scale read-out.
 * @csspart page-number - The toolbar's page read-out (`A2 2/8`).
 * @csspart archive-button - The previous, date and next buttons of an archive.
 * @csspart archive-calendar - The archive's calendar dialog.
 * @csspart archive-day - A day of the month in the calendar.
 * @csspart search-panel - The search panel.
 * @csspart search-input - The search field.
 * @csspart search-result - One result in the search's list.
 * @csspart contents-button - The button that opens the list of articles.
 * @csspart contents-panel - The list's panel.
 * @csspart contents-item - One article (or page) in the list.
 * @csspart contents-page - One page in the list of an edition of several pages.
 * @csspart contents-clear - The button under the list that clears the reading history.
 * @csspart contents-undo - The notice after a clearing, with its undo button.
 * @csspart page - The sheet of paper.
 * @csspart block - Every block on the page.
 * @csspart article - An article's block on the page; it carries `data-article-id`.
 * @csspart masthead - The title block.
 * @csspart ear - The facts beside the title (date, issue, weather).
 * @csspart footer - The strip at the foot of the page.
 * @csspart scan - A scan page's image layer.
 * @csspart scan-image - The sharpest image of a scan page shown so far.
 * @csspart scan-progress - The bar shown while a sharper image loads.
 * @csspart scan-tiles - A tiled scan page's layer of tiles, over its smallest image.
 * @csspart regions - The layer of article regions over the page.
 * @csspart region - An article's region (a button).
 * @csspart region-read - The region of an article already read.
 * @csspart hint - The "hold Ctrl and scroll to zoom" hint.
 * @csspart pages - The page strip of an edition of several pages.
 * @csspart page-thumb - A page's thumbnail button in the strip.
 * @csspart page-label - The label under a thumbnail.
 * @csspart tooltip - The tooltip over a hovered or focused article.
 * @csspart reader - The reader dialog: the sheet of paper.
 * @csspart header - The reader's top line: page label, position, controls, close button.
 * @csspart controls - The reader's groups of buttons.
 * @csspart reader-button - Every button of the reader.
 * @csspart content - The reader's scrolling article; carries the edition's `lang`.
 * @csspart banner - The article's series banner (栏目) in the reader.
 * @csspart kicker - The kicker (引题) in the reader.
 * @csspart headline - The headline (主题) in the reader.
 * @csspart subhead - Each subhead (副题) in the reader.
 * @csspart bylines - The bylines in the reader.
 * @csspart photo - Each photo in the reader (figure with caption and credit).
 * @csspart body - The reader's body paragraphs.
 * @csspart attribution - The edition's rights statement under an article in the reader.
 * @csspart tools - Read aloud and the share button at the foot of the reader.
 * @csspart notice - The quiet notice over the page (continue reading, messages).
 * @csspart error - The error message box.
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

  @state() private viewState: ViewerState = { kind: 'empty' };
  /** The article whose region the pointer or focus is on, for the tooltip. */
  @state() private hovered?: { articleId: string; region: SVGGElement; point?: { x: number; y: number } };
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
      const state = this.viewState;
      if (state.kind === 'ready' && edition !== state.edition)
        this.viewState = { ...state, edition, page: edition.pages.find((p) => p.id === state.page.id)! };
      if (page) this.#showPage(page);
    },
    notice: (text, show) => (show ? this.#notices.message(text) : this.#notices.dismiss('message', text)),
    failed: (page, error) => this.#pageFailed(page, error),
    lang: () => this.lang,
  });
  /** The archive, once `archive` is set (a module of its own). */
  #archive?: ArchiveController;
  #archiveLoading?: Promise<ArchiveController>;
  readonly #hash = new HashSyncController(this, (param) => {
    const entry = this.#archive?.entry(param('date'));
    if (entry) this.#showEdition(entry.src, entry.date);
    const [page, article] = [param('page'), param('article')];
    if (page !== undefined && page !== this.page) this.page = page;
    if (article !== undefined && article !== this.article) this.article = article;
  });
  /** What had focus when the reader opened, to return it there. */
  #opener?: Element;
  #lastPointer?: { x: number; y: number };

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
    if (changed.has('hashSync') && !this.hashSync) this.#hash.release();
    // With an edition to show first, the archive waits for it: the first render shares nothing with it.
    if (changed.has('archive')) {
      if (this.#archive) this.#archive.changed(this.#shown);
      else if (this.archive && (this.#shown || (!this.src && this.edition === undefined))) void this.#useArchive();
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
      const page = pickPage(edition, this.page ?? saved?.page);
      loaded = { ...(await this.#pageFiles.firstPage(files, edition, page, ticket.signal)), baseUrl, files };
      // The fonts of the page shown, and only those: an edition's fonts may be sliced by character.
      await Promise.all([parts, this.#loading.fonts(loaded.edition, baseUrl, loaded.page)]);
    } catch (error) {
      if (!ticket.current() || ticket.signal.aborted) return;
      const problem = describeError(error, this.lang);
      // The edition in view stays; the picker goes back to its date.
      if (keepInView) {
        this.#setPhase('shown');
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
    this.#setPhase('shown'); // the page strip may draw now
    emit(this, 'e-paper-ready', { editionId: edition.id, page: page.id }, true);
    this.#editionSettled();
    // Then the pages kept in page files: the list, the search and the strip want every page.
    this.#parts.whenIdle(() => ticket.current() && void this.#pageFiles.loadAll());
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

  /** Loads the archive's controller (a module of its own) once the index is due, and lets it load the index. */
  async #useArchive(): Promise<void> {
    this.#archiveLoading ??= import('../../controllers/archive.js').then(
      (m) =>
        (this.#archive = new m.ArchiveController(this, {
          needPicker: () => this.#parts.need('e-paper-archive'),
          wantedDate: () => this.#hash.param('date'),
          failed: (error, fatal) => {
            const problem = describeError(error, this.lang);
            if (fatal) this.#fail(problem);
            else this.#notices.message(problem.message);
          },
        })),
    );
    const archive = await this.#archiveLoading.catch((error: unknown) => {
      this.#archiveLoading = undefined;
      this.#notices.message(describeError(error, this.lang).message);
    });
    archive?.changed(true);
  }

  /** The edition in view has been shown (`e-paper-ready`), not only drawn. */
  get #shown(): boolean {
    return this.viewState.kind === 'ready' && this.viewState.phase !== 'settling';
  }

  /** The edition is shown, or failed: the archive's index may load now. */
  #editionSettled(): void {
    if (this.#archive) this.#archive.editionSettled();
    else if (this.archive) void this.#useArchive();
  }

  #setPhase(phase: Ready['phase']): void {
    if (this.viewState.kind === 'ready') this.viewState = { ...this.viewState, phase };
  }

  /** Shows `page`; a page kept in a page file is shown once it has loaded, the page in view staying meanwhile. */
  #goToPage(page: Page): void {
    const state = this.viewState;
    if (!isPageRef(page)) return this.#showPage(page);
    if (state.kind === 'ready') this.viewState = { ...state, wanted: page.id };
    this.#pageFiles.goTo(page);
  }

  #showPage(page: Page): void {
    const state = this.viewState;
    if (state.kind !== 'ready') return;
    // Shown is asked for: a page file still loading for another page no longer takes over.
    if (state.page === page) {
      if (state.wanted !== page.id) this.viewState = { ...state, wanted: page.id };
      return;
    }
    // Each page comes back where the reader left it, or whole (in updated(), before anything else runs).
    this.viewState = { ...state, page, wanted: page.id, pageView: { view: this.#session.pageShown(page.id) } };
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
    this.#editionSettled();
  }

  /** Moves to another edition of the archive, keeping the one in view until it is ready. */
  #showEdition(src: string, date: string): void {
    if (src === this.src) return;
    this.#setPhase('next');
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
        this.#returnFocus(previous);
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
    const onPage = pageOf(state.edition, id);
    if (onPage && onPage !== state.page) this.#showPage(onPage);
    this.#parts.need('e-paper-reader');
    if (!previous) this.#opener = deepActiveElement() ?? undefined;
    const paragraph = this.#session.opened(id);
    emit(this, 'e-paper-article-open', { articleId: id }, true);
    this.#hash.write({ article: id });
    if (paragraph > 0) void this.updateComplete.then(() => this.#reader?.scrollToParagraph(paragraph));
  }

  /**
   * After the reader closes, focus goes to the region of the article read when a region opened it
   * (the reader may have moved on with ← / →), else back to what opened it, else to that region.
   */
  #returnFocus(articleId: string): void {
    const opener = this.#opener;
    this.#opener = undefined;
    void this.updateComplete.then(() => {
      const region = this.renderRoot.querySelector<EPaperPage>('e-paper-page')?.regionFor(articleId);
      const keepOpener = opener?.isConnected && opener !== document.body && !(region && opener.matches('.region'));
      ((keepOpener ? opener : region) as HTMLElement | SVGElement | null | undefined)?.focus({ preventScroll: true });
    });
  }

  #openSearch(): void {
    this.#parts.need('e-paper-search');
    // The search covers every page: those in page files load now if they have not yet.
    void this.#pageFiles.loadAll();
    if (this.searchOpen) this.renderRoot.querySelector<HTMLElement & { focusInput(): void }>('e-paper-search')?.focusInput?.();
    this.searchOpen = true;
  }

  #closeSearch(): void {
    this.searchOpen = false;
    this.searchQuery = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.search-toggle')?.focus());
  }

  /** Opens `articleId` (from the search or the list, or again at another paragraph), returning focus to what had it. */
  #openFromPanel(articleId: string, paragraph?: number): void {
    this.#opener = deepActiveElement() ?? undefined;
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

  #onRegionEnter = (event: CustomEvent<RegionEventDetail>) => {
    const { articleId, region, via } = event.detail;
    this.#parts.need('e-paper-tooltip');
    this.hovered = { articleId, region, point: via === 'pointer' ? this.#lastPointer : undefined };
  };

  #onRegionActivate = (event: CustomEvent<RegionEventDetail>) => {
    this.hovered = undefined;
    this.#opener = event.detail.region;
    this.article = event.detail.articleId;
  };

  #onPagePointerMove = (event: PointerEvent) => {
    this.#lastPointer = { x: event.clientX, y: event.clientY };
    // Buttons held: the reader is panning; the tooltip would only trail behind.
    if (event.buttons && this.hovered) this.hovered = undefined;
  };

  #onZoom = ({ detail }: CustomEvent<ZoomEventDetail>) => {
    const { scale, center, minScale, maxScale, fitted } = detail;
    this.zoom = { scale, minScale, maxScale };
    this.hovered = undefined;
    const state = this.viewState;
    // While the next edition loads, the reading state is already that edition's; before the page
    // is first shown, a view is the layout settling, not the reader's doing. A page shown whole
    // is remembered as that, not as a scale that fits only this box.
    if (state.kind === 'ready' && state.phase === 'shown')
      this.#session.viewed(state.page.id, fitted ? null : { scale, x: center.x, y: center.y });
    // Passed on as the viewer's own, once the viewer has taken it in.
    emit(this, 'e-paper-zoom', detail, true);
  };

  #onToolbarAction = (event: CustomEvent<ToolbarActionDetail>) => {
    const viewport = this.#viewport;
    if (!viewport) return;
    const actions: Record<ToolbarActionDetail['action'], () => void> = {
      'zoom-in': () => viewport.zoomBy(ZOOM_STEP),
      'zoom-out': () => viewport.zoomBy(1 / ZOOM_STEP),
      'fit-page': () => viewport.fit('page'),
      'fit-width': () => viewport.fit('width'),
      'previous-page': () => this.turnPage(-1),
      'next-page': () => this.turnPage(1),
    };
    actions[event.detail.action]();
  };

  #onReaderClose = ({ detail: { zoomAt: z } }: CustomEvent<EPaperReaderEventMap['e-paper-reader-close']>) => {
    this.article = undefined;
    // The second press of a double-click or double-tap on the page, which the reader caught.
    if (z) this.#viewport?.zoomForDoublePress(z.x, z.y, z.pointerType, z.out);
  };

  #onSearchSelect = ({ detail }: CustomEvent<SearchSelectDetail>) =>
    this.#openFromPanel(detail.articleId, detail.field === 'paragraph' ? detail.index : undefined);

  #onContentsSelect = (event: CustomEvent<ContentsSelectDetail>) => {
    const { articleId, pageId } = event.detail;
    if (articleId) {
      this.#opener = deepActiveElement() ?? undefined;
      this.article = articleId;
    } else if (pageId) {
      this.page = pageId;
      // The list closed under the keyboard: go on from the page itself.
      void this.updateComplete.then(() => this.#viewport?.focus({ preventScroll: true }));
    }
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
    const content =
      state.kind === 'ready'
        ? this.#renderReady(state)
        : state.kind === 'error'
          ? errorView(this.lang, state.error, () => void this.load())
          : loadingView(this.lang);
    return html`<div class="viewer" ${cssProps({ '--_font-edition': uiFallback })}>${content}</div>`;
  }

  #renderReady({ edition, page, baseUrl, phase }: Ready) {
    const strings = uiStrings(this.lang);
    const articles = articlesOnPage(edition, page);
    const { readArticles } = this.#session;
    return html`<e-paper-toolbar
        exportparts="toolbar, button, zoom-out, zoom-in, fit-page, fit-width, previous-page, next-page, scale, page-number"
        .scale=${this.zoom.scale}
        .minScale=${this.zoom.minScale}
        .maxScale=${this.zoom.maxScale}
        .pageCount=${edition.pages.length}
        .pageIndex=${edition.pages.indexOf(page)}
        .pageLabel=${page.label}
        lang=${this.lang}
        @e-paper-toolbar-action=${this.#onToolbarAction}
      >
        ${
          this.#archive?.index
            ? html`<e-paper-archive
              slot="end"
              exportparts="archive-button, archive-calendar, archive-day"
              .archive=${this.#archive?.index}
              .date=${live(edition.date)}
              lang=${this.lang}
              ?busy=${phase === 'next'}
              @e-paper-archive-select=${(e: CustomEvent<{ src: string; date: string }>) => this.#showEdition(e.detail.src, e.detail.date)}
            ></e-paper-archive>`
            : nothing
        }
        <button
          class="search-toggle"
          slot="end"
          type="button"
          part="button"
          aria-expanded=${this.searchOpen}
          aria-keyshortcuts="Control+F Meta+F"
          @click=${() => (this.searchOpen ? this.#closeSearch() : this.#openSearch())}
        >
          ${SEARCH_ICON}<span>${strings.viewer.search}</span>
        </button>
        ${
          this.searchOpen
            ? html`<e-paper-search
              slot="end"
              exportparts="search-panel, search-input, search-result"
              .edition=${edition}
              .open=${true}
              lang=${this.lang}
              .textLang=${edition.lang}
              @e-paper-search-query=${(e: CustomEvent<{ query: string }>) => (this.searchQuery = e.detail.query)}
              @e-paper-search-select=${this.#onSearchSelect}
              @e-paper-search-close=${() => this.#closeSearch()}
            ></e-paper-search>`
            : nothing
        }
        <e-paper-contents
          slot="end"
          exportparts="contents-button, contents-panel, contents-item, contents-page, contents-clear, contents-undo"
          .articles=${articles}
          .readArticles=${readArticles}
          .pageLabel=${page.label}
          .pages=${contentsPages(edition)}
          .pageId=${page.id}
          lang=${this.lang}
          .textLang=${edition.lang}
          @e-paper-contents-select=${this.#onContentsSelect}
          @e-paper-contents-clear=${() => this.#session.clear()}
          @e-paper-contents-undo=${() => this.#session.undoClear()}
        ></e-paper-contents>
      </e-paper-toolbar>
      <e-paper-viewport
        exportparts="hint"
        role="region"
        aria-label=${strings.viewerLabel(edition.title, edition.date)}
        .pageWidth=${page.width}
        .pageHeight=${page.height}
        lang=${this.lang}
        @e-paper-viewport-zoom=${this.#onZoom}
        @e-paper-viewport-swipe=${(e: CustomEvent<{ direction: 1 | -1 }>) => this.turnPage(e.detail.direction)}
      >
        <e-paper-page
          exportparts="page, article, block, masthead, ear, footer, scan, scan-image, scan-progress, scan-tiles, regions, region, region-read"
          .edition=${edition}
          .page=${page}
          lang=${this.lang}
          .readArticles=${readArticles}
          .baseUrl=${baseUrl}
          .scale=${this.zoom.scale}
          .highlight=${this.searchQuery}
          @e-paper-region-enter=${this.#onRegionEnter}
          @e-paper-region-leave=${(e: CustomEvent<RegionEventDetail>) => this.hovered?.region === e.detail.region && (this.hovered = undefined)}
          @e-paper-region-activate=${this.#onRegionActivate}
          @pointermove=${this.#onPagePointerMove}
        ></e-paper-page>
      </e-paper-viewport>
      ${
        edition.pages.length > 1
          ? html`<e-paper-pages
            exportparts="pages, page-thumb, page-label"
            .edition=${edition}
            .pageId=${page.id}
            .baseUrl=${baseUrl}
            lang=${this.lang}
            ?paused=${phase === 'settling'}
            @e-paper-pages-select=${(e: CustomEvent<{ pageId: string }>) => (this.page = e.detail.pageId)}
          ></e-paper-pages>`
          : nothing
      }
      ${noticeView(this.lang, edition, this.#notices.current, {
        continueReading: (articleId, paragraph) => (this.#notices.dismiss(), this.#session.openAt(paragraph), (this.article = articleId)),
        dismiss: () => this.#notices.dismiss(),
      })}
      <e-paper-tooltip
        exportparts="tooltip"
        .article=${this.hovered && articlesById(edition).get(this.hovered.articleId)}
        .anchor=${this.hovered?.region}
        .point=${this.hovered?.point}
        .boundary=${this}
        lang=${this.lang}
        .textLang=${edition.lang}
        ?open=${this.hovered !== undefined && !this.article}
      ></e-paper-tooltip>
      <e-paper-reader
        exportparts="reader, header, controls, button: reader-button, content, banner, kicker, headline, subhead, bylines, photo, body, attribution, tools"
        .edition=${edition}
        .articleIds=${articles.map((a) => a.id)}
        .beyond=${this.article ? { previous: articleBeyond(edition, page, -1), next: articleBeyond(edition, page, 1) } : NO_BEYOND}
        .articleId=${this.article}
        .open=${this.article !== undefined && articlesById(edition).has(this.article)}
        .pageLabel=${page.label}
        .textScale=${this.#session.textScale}
        .aloud=${this.#session.aloud}
        .baseUrl=${baseUrl}
        .theme=${this.theme}
        .highlight=${this.searchQuery}
        lang=${this.lang}
        @e-paper-reader-navigate=${(e: CustomEvent<EPaperReaderEventMap['e-paper-reader-navigate']>) => (this.article = e.detail.articleId)}
        @e-paper-reader-close=${this.#onReaderClose}
        @e-paper-reader-text-scale=${(e: CustomEvent<EPaperReaderEventMap['e-paper-reader-text-scale']>) => this.#session.setTextScale(e.detail.textScale)}
        @e-paper-reader-progress=${(e: CustomEvent<EPaperReaderEventMap['e-paper-reader-progress']>) => this.#session.progress(e.detail, this.article)}
        @e-paper-reader-aloud=${(e: CustomEvent<ReaderAloud>) => this.#session.saveAloud(e.detail)}
      ></e-paper-reader>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper': EPaper;
  }
}
