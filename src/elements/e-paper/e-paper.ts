import { LitElement, html, isServer, nothing, svg, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { property, state } from 'lit/decorators.js';
import { EditionLoadError, loadEdition } from '../../edition/load.js';
import { editionFontFamily, loadEditionFonts } from '../../edition/fonts.js';
import { articlesById, articlesOnPage } from '../../edition/regions.js';
import { isPageRef } from '../../edition/page-ref.js';
import type { PageFileHost, PageFileLoader } from '../../edition/page-files/page-file-loader.js';
import { cssProps } from '../../internal/css-props.js';
import { EditionError, validateEdition, type EditionProblem } from '../../edition/validate.js';
import type { Article, Edition, Page } from '../../edition/schema.js';
import { uiStrings } from '../../i18n/strings.js';
import { loadStrings } from '../../i18n/localize.js';
import { addUiFont } from '../../i18n/ui-font.js';
import { emit, type EPaperEventMap } from '../../events/events.js';
import { ReadingStateController } from '../../state/reading-state.js';
import type { ReadingRecord, ReadingView } from '../../state/reading-record.js';
import type { EPaperPage, RegionEventDetail } from '../e-paper-page/e-paper-page.js';
import { ZOOM_STEP, type EPaperViewport, type ZoomEventDetail } from '../e-paper-viewport/e-paper-viewport.js';
import type { FitMode, Point } from '../e-paper-viewport/viewport-math.js';
import type { ToolbarActionDetail } from '../e-paper-toolbar/e-paper-toolbar.js';
import type { EPaperReader, EPaperReaderEventMap } from '../e-paper-reader/e-paper-reader.js';
import type { ContentsPage, ContentsSelectDetail } from '../e-paper-contents/e-paper-contents.js';
import type { PagesSelectDetail } from '../e-paper-pages/e-paper-pages.js';
import type { SearchQueryDetail, SearchSelectDetail } from '../e-paper-search/e-paper-search.js';
import type { ArchiveSelectDetail } from '../e-paper-archive/e-paper-archive.js';
import type { Archive } from '../../edition/archive/archive-schema.js';
import { viewerStyles } from './e-paper.styles.js';
import { definePart, type LazyElementName } from '../../lazy-parts.js';
import { deepActiveElement, isTextField } from '../../internal/focus.js';
import { claimHash, hashParam, hashWith, releaseHash, type HashChanges } from './hash.js';

type ViewerState =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'error'; error: EPaperEventMap['e-paper-error'] }
  | { kind: 'ready'; edition: Edition; page: Page; baseUrl: string };

/** A quiet message over the page: an offer to continue reading, or a short notice. */
type Notice = { kind: 'continue'; articleId: string; paragraph: number } | { kind: 'message'; text: string };

/** An article open this long counts as read even if the reader never reaches its end. */
const READ_AFTER_MS = 20_000;
/** The list's pages for a one-page edition: one array, so that a re-render (every zoom) changes nothing. */
const NO_PAGES: readonly ContentsPage[] = [];
/** A clock turning back, crossed out: forget where I was. */
const CLEAR_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12a8 8 0 1 0 2.3-5.6M4 4v3h3M12 8v4l3 2M4 20 20 4" /></svg>`;
/** The reader's way beyond the page while it is closed: none. */
const NO_BEYOND = {};
/** How long a short notice stays. */
const NOTICE_MS = 5_000;

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
 * @cssprop [--e-paper-surface=#e9e6df] - Background around the page.
 * @cssprop [--e-paper-paper=#fbf8f1] - Paper colour.
 * @cssprop [--e-paper-ink=#1a1a1a] - Text colour on the page.
 * @cssprop [--e-paper-accent=#c8161d] - Masthead, banners and accents.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-region-tint=rgb(200 22 29 / 0.08)] - Fill of a hovered or focused article.
 * @cssprop [--e-paper-region-outline=#c8161d] - Outline of a hovered or focused article.
 * @cssprop [--e-paper-tooltip-bg=#1f1f1f] - Tooltip background.
 * @cssprop [--e-paper-tooltip-ink=#fff] - Tooltip text colour.
 * @cssprop [--e-paper-toolbar-bg=rgb(255 255 255 / 0.94)] - Toolbar background.
 * @cssprop [--e-paper-toolbar-ink=#1f1f1f] - Toolbar text and icon colour.
 * @cssprop [--e-paper-reader-width=38em] - Width of the reader's column.
 * @cssprop [--e-paper-reader-leading=1.9] - Line height of the reader's body text.
 * @cssprop [--e-paper-reader-paper=#fbf8f1] - The reader's paper (light theme).
 * @cssprop [--e-paper-reader-ink=#1a1a1a] - The reader's text (light theme).
 * @cssprop [--e-paper-reader-paper-dark=#1c1b18] - The reader's paper (dark theme).
 * @cssprop [--e-paper-reader-ink-dark=#e8e3d8] - The reader's text (dark theme).
 * @cssprop [--e-paper-reader-backdrop=rgb(20 18 14 / 0.62)] - The veil behind the reader.
 * @cssprop [--e-paper-font-body] - The reader's body font (the page keeps the edition's own fonts).
 * @cssprop [--e-paper-font-headline] - The reader's headline font.
 * @cssprop [--e-paper-region-read-tint=rgb(0 0 0 / 0.035)] - Fill of the regions of articles already read.
 * @cssprop [--e-paper-hint-bg=rgb(20 20 20 / 0.78)] - Background of the "hold Ctrl to zoom" hint.
 * @cssprop [--e-paper-hint-ink=#fff] - Text of that hint.
 * @cssprop [--e-paper-thumb-width=72px] - Width of a page thumbnail in the strip.
 * @cssprop [--e-paper-search-hit=#ffe066] - Background of a search match on the page, in the reader and in the results.
 * @cssprop [--e-paper-search-hit-ink=#1a1a1a] - Text colour of a search match.
 * @csspart page - The sheet of paper (forwarded from the page).
 * @csspart article - An article's block on the page (forwarded).
 * @csspart regions - The layer of article regions over the page (forwarded).
 * @csspart region - An article's region (forwarded).
 * @csspart region-read - The region of an article already read (forwarded).
 * @csspart tooltip - The tooltip over a hovered or focused article (forwarded).
 * @csspart toolbar - The toolbar (forwarded).
 * @csspart button - A toolbar button (forwarded).
 * @csspart reader - The reader dialog (forwarded).
 * @csspart attribution - The edition's rights statement under an article in the reader (forwarded).
 * @csspart pages - The page strip of an edition of several pages (forwarded).
 * @csspart page-thumb - A page's thumbnail button in the strip (forwarded).
 * @csspart page-label - The label under a thumbnail (forwarded).
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
  /** The viewport's scale and bounds; 0 until its first layout. */
  @state() private zoom = { scale: 0, minScale: 0, maxScale: 0 };
  @state() private notice?: Notice;
  @state() private readArticles: ReadonlySet<string> = new Set();
  @state() private textScale = 1;
  @state() private searchOpen = false;
  /** The search query whose matches are highlighted ('' for none). */
  @state() private searchQuery = '';
  @state() private archiveIndex?: Archive;
  /** The next edition is loading while the current one stays in view. */
  @state() private nextLoading = false;

  readonly #reading = new ReadingStateController(this, { persist: true, readTimeoutMs: 1000 });
  #loadController?: AbortController;
  #generation = 0;
  /** The paragraph to scroll the reader to once it shows the article. */
  #pendingParagraph?: number;
  /** What had focus when the reader opened, to return it there. */
  #opener?: Element;
  #readTimer?: ReturnType<typeof setTimeout>;
  #archiveController?: AbortController;
  /** The next load keeps the edition in view until the new one is ready (an archive move). */
  #keepInView = false;
  /** The archive index is to load once the edition is shown (or has failed). */
  #archiveAfterReady = false;
  /** The edition in view has been shown (`e-paper-ready`). */
  #shown = false;
  /** What the search highlights were last drawn for. */
  #highlighted = '';
  #noticeTimer?: ReturnType<typeof setTimeout>;
  /** Lazy parts being loaded: `updateComplete` waits for them. */
  readonly #parts = new Set<Promise<void>>();
  /** The view to give the page just shown once the viewport has it: its last one, or `null` to fit it whole. */
  #pageView?: ReadingView | null;
  /** The page file loader of the edition in view, when it keeps pages in page files. */
  #pageFiles?: () => Promise<PageFileLoader>;
  /** The page being loaded to be shown next (the last one asked for wins). */
  #wantedPage?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    addUiFont();
    window.addEventListener('hashchange', this.#onHashChange);
    this.addEventListener('keydown', this.#onKeyDown);
    if (this.#ownsHash) this.#onHashChange();
    // Moved or re-attached while a load was cut off: load again.
    if (this.hasUpdated && this.viewState.kind === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.removeEventListener('keydown', this.#onKeyDown);
    releaseHash(this);
    this.#loadController?.abort();
    this.#archiveController?.abort();
    if (this.#highlighted) void import('../../search/search-highlight.js').then((m) => m.clearMatches(this));
    this.#highlighted = '';
    clearTimeout(this.#readTimer);
    clearTimeout(this.#noticeTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server-side rendering (@lit-labs/ssr) writes the empty viewer: loading needs the page's URL
    // and fetch, and the browser's first update (hydration) loads anyway.
    if (isServer) return;
    if (changed.has('hashSync') && !this.hashSync) releaseHash(this);
    if (changed.has('archive')) {
      // With an edition to show first, the archive waits for it: the first render shares nothing with it.
      if (this.#shown || (!this.src && this.edition === undefined)) void this.#loadArchive();
      else this.#archiveAfterReady = true;
    }
    if (changed.has('src') || changed.has('edition')) void this.load();
    const state = this.viewState;
    if (changed.has('page') && state.kind === 'ready' && this.page !== undefined) this.#goToPage(this.#pickPage(state.edition, this.page));
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
    while (this.#parts.size) {
      await Promise.all(this.#parts);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Loads a part of the viewer that the first render did without. */
  #need(name: LazyElementName): void {
    if (customElements.get(name)) return;
    const pending: Promise<void> = definePart(name)
      .catch((error: unknown) => {
        console.warn(`e-paper: <${name}> could not be loaded`, error);
        this.#showMessage(uiStrings(this.lang).viewer.partFailed);
      })
      .finally(() => this.#parts.delete(pending));
    this.#parts.add(pending);
  }

  protected override updated(): void {
    this.#refreshHighlights();
    const view = this.#pageView;
    const viewport = this.#viewport;
    if (view === undefined || !viewport) return;
    this.#pageView = undefined;
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
    await this.#reading.clear();
    this.readArticles = new Set();
    this.#showMessage(uiStrings(this.lang).viewer.historyCleared);
  }

  /** Loads (or reloads) the edition from `edition` or `src`. */
  async load(): Promise<void> {
    this.#loadController?.abort();
    const controller = new AbortController();
    this.#loadController = controller;
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;

    const keepInView = this.#keepInView && this.viewState.kind === 'ready';
    this.#keepInView = false;
    if (this.edition === undefined && !this.src) {
      // The archive index will name the edition.
      if (this.archive) this.viewState = { kind: 'loading' };
      else this.#fail({ cause: 'no-source', message: uiStrings(this.lang).errors['no-source'], problems: [] });
      return;
    }
    if (keepInView) {
      this.nextLoading = true;
    } else {
      this.viewState = { kind: 'loading' };
      this.notice = undefined;
    }
    let edition: Edition;
    let page: Page;
    let pageFiles: (() => Promise<PageFileLoader>) | undefined;
    let saved: ReadingRecord | null;
    let baseUrl = document.baseURI;
    try {
      if (this.edition !== undefined) {
        edition = validateEdition(this.edition);
      } else {
        baseUrl = new URL(this.src!, document.baseURI).href;
        edition = await loadEdition(baseUrl, { signal: controller.signal, timeoutMs: this.loadTimeout, maxBytes: this.maxBytes });
      }
      const firstRender = this.#prepareFirstRender(edition, baseUrl);
      this.#reading.persist = !this.noPersist;
      this.#reading.storageKey = this.storageKey || 'default';
      const ids = {
        articleIds: edition.articles.map((a) => a.id),
        pageIds: edition.pages.map((p) => p.id),
        // The articles of pages kept in page files are not known yet: their reading state is kept.
        allArticlesKnown: !edition.pages.some(isPageRef),
      };
      pageFiles = ids.allArticlesKnown ? undefined : this.#pageFileLoader(edition, baseUrl, controller.signal);
      [saved] = await Promise.all([this.#reading.restore(edition.id, ids), firstRender]);
      ({ edition, page } = await this.#firstPage(edition, this.#pickPage(edition, this.page ?? saved?.page), pageFiles, controller.signal));
    } catch (error) {
      if (!current() || controller.signal.aborted) return;
      if (keepInView) {
        // The edition in view stays; the picker goes back to its date.
        this.nextLoading = false;
        this.#showMessage(this.#describe(error).message);
      } else this.#fail(this.#describe(error));
      return;
    }
    if (!current()) return;
    this.nextLoading = false;
    this.#pageFiles = pageFiles;
    this.#wantedPage = undefined;
    this.readArticles = new Set(saved?.read ?? []);
    this.textScale = saved?.textScale ?? 1;
    this.#shown = false;
    this.viewState = { kind: 'ready', edition, page, baseUrl };
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
    this.#syncZoom();
    // The frame after the page is painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (!current()) return;
    this.#shown = true;
    this.requestUpdate(); // the page strip may draw now
    emit(this, 'e-paper-ready', { editionId: edition.id, page: page.id }, true);
    this.#loadArchiveLater();
    // The tooltip, the reader and the search, before the first hover, click or Ctrl+F asks for
    // them (keys typed while the search loaded would be lost).
    const whenIdle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 100));
    whenIdle(
      () => {
        if (!this.isConnected) return;
        this.#need('e-paper-tooltip');
        this.#need('e-paper-reader');
        this.#need('e-paper-search');
        // Then the pages kept in page files: the list, the search and the strip want every page.
        if (current()) void this.#loadPageFiles();
      },
      { timeout: 1000 },
    );
    if (this.article) this.#articleChanged(undefined);
    else if (saved?.open) this.#offerToContinue(saved.open.article, saved.open.paragraph);
  }

  /**
   * The page to show first, with its page file loaded if it is kept in one. When that file fails
   * and the page is not the first, the first page is shown instead (with a message).
   */
  async #firstPage(
    edition: Edition,
    page: Page,
    pageFiles: (() => Promise<PageFileLoader>) | undefined,
    signal: AbortSignal,
  ): Promise<{ edition: Edition; page: Page }> {
    if (!isPageRef(page) || !pageFiles) return { edition, page };
    try {
      return await (await pageFiles()).resolve(page, () => edition);
    } catch (error) {
      const first = edition.pages[0];
      if (signal.aborted || page === first) throw error;
      this.#pageFailed(page, error);
      return this.#firstPage(edition, first, pageFiles, signal);
    }
  }

  // ---- page files ---------------------------------------------------------------------------

  /**
   * The page file loader of an edition, made when first asked for (a module of its own, which
   * most editions need not load, and those that do load after their first render).
   */
  #pageFileLoader(edition: Edition, baseUrl: string, signal: AbortSignal): () => Promise<PageFileLoader> {
    const options = { signal, timeoutMs: this.loadTimeout, maxBytes: this.maxBytes };
    let made: Promise<PageFileLoader> | undefined;
    const host: PageFileHost = {
      view: () =>
        this.viewState.kind === 'ready' && this.#pageFiles === loader ? { ...this.viewState, wanted: this.#wantedPage } : undefined,
      show: (next, page) => {
        const state = this.viewState;
        if (state.kind === 'ready' && next !== state.edition)
          this.viewState = { ...state, edition: next, page: next.pages.find((p) => p.id === state.page.id)! };
        if (page) this.#showPage(page);
      },
      notice: (text, show) => {
        if (show) this.#showMessage(text);
        else if (this.notice?.kind === 'message' && this.notice.text === text) this.notice = undefined;
      },
      failed: (page, error) => this.#pageFailed(page, error),
      lang: () => this.lang,
    };
    const loader = () => {
      if (!made) {
        made = import('../../edition/page-files/page-file-loader.js').then((m) => new m.PageFileLoader(edition, baseUrl, options, host));
        // A part that could not be loaded is tried again the next time it is needed.
        made.catch(() => (made = undefined));
      }
      return made;
    };
    return loader;
  }

  /** Loads every page file the first render did without (the list, the search and the strip want every page). */
  async #loadPageFiles(): Promise<void> {
    await (await this.#pageFiles?.().catch(() => undefined))?.loadAll();
  }

  /** Shows `page`; a page kept in a page file is shown once it has loaded, the page in view staying meanwhile. */
  #goToPage(page: Page): void {
    if (!isPageRef(page)) return this.#showPage(page);
    this.#wantedPage = page.id;
    this.#pageFiles?.().then(
      (loader) => loader.goTo(page),
      (error: unknown) => this.#pageFailed(page, error),
    );
  }

  /** Tells the reader (and the host, by `e-paper-error` with `page`) that a page's file failed. */
  #pageFailed(page: Page, error: unknown): void {
    const problem = this.#describe(error);
    console.warn(`e-paper: the page file of page "${page.id}" could not be loaded`, problem.problems.length ? problem.problems : error);
    this.#showMessage(uiStrings(this.lang).viewer.pageFailed(page.label, problem.message));
    emit(this, 'e-paper-error', { ...problem, page: page.id }, true);
    // The attribute goes back to the page in view.
    if (this.viewState.kind === 'ready') this.page = this.viewState.page.id;
  }

  /**
   * Loads what the first render shows with the page: the edition's fonts; the page strip, which
   * arriving later would shrink the page; the list's toolbar button, which arriving later could
   * wrap the toolbar. Never rejects.
   */
  #prepareFirstRender(edition: Edition, baseUrl: string): Promise<unknown> {
    const strip = edition.pages.length > 1 ? definePart('e-paper-pages').catch(() => this.#need('e-paper-pages')) : undefined;
    const list = definePart('e-paper-contents').catch(() => this.#need('e-paper-contents'));
    return Promise.all([loadEditionFonts(edition, baseUrl, undefined, (url) => this.#fontFailed(url)), strip, list]);
  }

  /** A font of the edition failed: the page shows with a system face, and the site hears why. */
  #fontFailed(url: string): void {
    const message = `font ${url} failed; a system font stands in`;
    console.warn(`e-paper: ${message}`);
    emit(this, 'e-paper-error', { cause: 'font', message, problems: [], url }, true);
  }

  // ---- archive and search ---------------------------------------------------------------------

  /** Loads the archive index; without `src`, it then names the edition to show. */
  async #loadArchive(): Promise<void> {
    this.#archiveController?.abort();
    this.archiveIndex = undefined;
    if (!this.archive) return;
    const controller = (this.#archiveController = new AbortController());
    try {
      const { loadArchive } = await import('../../edition/archive/load-archive.js');
      this.#need('e-paper-archive');
      const index = await loadArchive(new URL(this.archive, document.baseURI), { signal: controller.signal, timeoutMs: this.loadTimeout });
      if (controller.signal.aborted) return;
      this.archiveIndex = index;
      if (!this.src && this.edition === undefined) {
        const wanted = this.#ownsHash ? hashParam(location.hash, 'date') : undefined;
        const entry = index.editions.find((e) => e.date === wanted) ?? index.editions.at(-1);
        if (entry) this.src = entry.src;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const problem = this.#describe(error);
      // With an edition to show, the archive is a side matter; without one, it is the error.
      if (this.src || this.edition !== undefined) this.#showMessage(problem.message);
      else this.#fail(problem);
    }
  }

  #loadArchiveLater(): void {
    if (!this.#archiveAfterReady) return;
    this.#archiveAfterReady = false;
    void this.#loadArchive();
  }

  /** Moves to another edition of the archive, keeping the one in view until it is ready. */
  #showEdition(src: string, date: string): void {
    if (src === this.src) return;
    this.#keepInView = true;
    this.page = undefined;
    this.article = undefined;
    this.#writeHash({ date, page: undefined });
    this.src = src;
  }

  #onArchiveSelect = (event: CustomEvent<ArchiveSelectDetail>) => this.#showEdition(event.detail.src, event.detail.date);

  #openSearch(): void {
    this.#need('e-paper-search');
    // The search covers every page: those in page files load now if they have not yet.
    void this.#loadPageFiles();
    if (this.searchOpen) this.renderRoot.querySelector<HTMLElement & { focusInput(): void }>('e-paper-search')?.focusInput?.();
    this.searchOpen = true;
  }

  #closeSearch(): void {
    this.searchOpen = false;
    this.searchQuery = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.search-toggle')?.focus());
  }

  #onSearchSelect = (event: CustomEvent<SearchSelectDetail>) => {
    const { articleId, field, index } = event.detail;
    this.#opener = deepActiveElement() ?? undefined;
    this.#pendingParagraph = field === 'paragraph' ? index : undefined;
    if (this.article === articleId) this.article = undefined;
    this.article = articleId;
  };

  /** Draws the search matches on the page and in the reader, after either shows new text. */
  #refreshHighlights(): void {
    const state = this.viewState;
    const key = state.kind === 'ready' && this.searchQuery ? `${this.searchQuery}\n${state.page.id}\n${this.article ?? ''}` : '';
    if (key === this.#highlighted) return;
    this.#highlighted = key;
    if (!key) {
      void import('../../search/search-highlight.js').then((m) => this.#highlighted === key && m.clearMatches(this));
      return;
    }
    // An article opened before the reader's part arrived is drawn once the part is defined.
    const reader = this.article ? customElements.whenDefined('e-paper-reader') : undefined;
    void Promise.all([import('../../search/search-highlight.js'), reader]).then(async ([m]) => {
      const parts = [this.renderRoot.querySelector<EPaperPage>('e-paper-page'), this.#reader];
      // eslint-disable-next-line @typescript-eslint/await-thenable -- a part not there yet gives undefined: nothing to wait for
      await Promise.all(parts.map((p) => p?.updateComplete));
      if (this.#highlighted !== key) return;
      m.highlightMatches(
        this,
        parts.flatMap((p) => (p?.shadowRoot ? [p.shadowRoot] : [])),
        this.searchQuery,
      );
    });
  }

  // ---- state --------------------------------------------------------------------------------

  get #viewport(): EPaperViewport | null {
    return this.renderRoot.querySelector<EPaperViewport>('e-paper-viewport');
  }

  get #reader(): EPaperReader | null {
    return this.renderRoot.querySelector<EPaperReader>('e-paper-reader');
  }

  #pickPage(edition: Edition, wanted: string | undefined): Page {
    return edition.pages.find((p) => p.id === wanted || p.label === wanted) ?? edition.pages[0];
  }

  #showPage(page: Page): void {
    const state = this.viewState;
    // Shown is asked for: a page file still loading for another page no longer takes over.
    this.#wantedPage = page.id;
    if (state.kind !== 'ready' || state.page === page) return;
    this.viewState = { ...state, page };
    // The attribute follows the page shown, so that a host setting it back is a change.
    this.page = page.id;
    this.hovered = undefined;
    const view = this.#reading.viewOf(page.id);
    this.#reading.update({ page: page.id, view: view ?? null });
    emit(this, 'e-paper-page-change', { page: page.id }, true);
    this.#writeHash({ page: page.id });
    // Each page comes back where the reader left it, or whole (in updated(), before anything else runs).
    this.#pageView = view ?? null;
  }

  /** Opens, switches or closes the reader after `article` changed. */
  #articleChanged(previous: string | undefined, pagesLoaded = false): void {
    const state = this.viewState;
    if (state.kind !== 'ready') return;
    clearTimeout(this.#readTimer);
    const id = this.article;
    if (id === undefined || id === '') {
      if (previous) {
        this.#reading.update({ open: null });
        emit(this, 'e-paper-article-close', { articleId: previous }, true);
        this.#writeHash({ article: undefined });
        this.#returnFocus(previous);
      }
      return;
    }
    const article = articlesById(state.edition).get(id);
    if (!article && !pagesLoaded && state.edition.pages.some(isPageRef)) {
      // It may be on a page kept in a page file: the reader opens once that has loaded.
      void this.#loadPageFiles().then(() => this.article === id && this.#articleChanged(previous, true));
      return;
    }
    if (!article) {
      console.warn(`e-paper: no article "${id}" in edition ${state.edition.id}`);
      this.#showMessage(uiStrings(this.lang).viewer.unknownArticle(id));
      this.article = previous;
      return;
    }
    const onPage = state.edition.pages.find((p) => (p.regions ?? p.blocks ?? []).some((r) => 'article' in r && r.article === id));
    if (onPage && onPage !== state.page) this.#showPage(onPage);
    this.#need('e-paper-reader');
    if (!previous) this.#opener = deepActiveElement() ?? undefined;
    if (this.notice?.kind === 'continue') this.notice = undefined;
    const paragraph = this.#pendingParagraph ?? 0;
    this.#pendingParagraph = undefined;
    this.#reading.update({ open: { article: id, fraction: 0, paragraph } });
    this.#readTimer = setTimeout(() => this.#markRead(id), READ_AFTER_MS);
    emit(this, 'e-paper-article-open', { articleId: id }, true);
    this.#writeHash({ article: id });
    if (paragraph > 0) void this.updateComplete.then(() => this.#reader?.scrollToParagraph(paragraph));
  }

  #markRead(id: string): void {
    if (this.readArticles.has(id)) return;
    this.#reading.markRead(id);
    this.readArticles = new Set([...this.readArticles, id]);
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

  #offerToContinue(articleId: string, paragraph: number, pagesLoaded = false): void {
    const state = this.viewState;
    if (state.kind !== 'ready') return;
    const article = articlesById(state.edition).get(articleId);
    if (!article) {
      // The article may be on a page kept in a page file.
      if (!pagesLoaded && state.edition.pages.some(isPageRef)) {
        const edition = state.edition.id;
        void this.#loadPageFiles().then(() => {
          const now = this.viewState;
          if (now.kind === 'ready' && now.edition.id === edition && !this.article && !this.notice)
            this.#offerToContinue(articleId, paragraph, true);
        });
      }
      return;
    }
    this.notice = { kind: 'continue', articleId, paragraph: Math.min(paragraph, article.paragraphs.length - 1) };
  }

  #showMessage(text: string): void {
    clearTimeout(this.#noticeTimer);
    this.notice = { kind: 'message', text };
    this.#noticeTimer = setTimeout(() => {
      if (this.notice?.kind === 'message') this.notice = undefined;
    }, NOTICE_MS);
  }

  #syncZoom(): void {
    const viewport = this.#viewport;
    if (viewport) this.zoom = { scale: viewport.scale, minScale: viewport.minScale, maxScale: viewport.maxScale };
  }

  /** `hash-sync` is asked for and no other viewer on the page keeps the hash (src/elements/e-paper/hash.ts). */
  get #ownsHash(): boolean {
    return this.hashSync && this.isConnected && claimHash(this);
  }

  #writeHash(changes: HashChanges): void {
    if (!this.#ownsHash) return;
    const next = hashWith(location.hash, changes);
    if (next !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${next}`);
  }

  #describe(error: unknown): EPaperEventMap['e-paper-error'] {
    const strings = uiStrings(this.lang);
    if (error instanceof EditionLoadError) {
      return { cause: error.failure, message: `${strings.errors[error.failure]} (${error.message})`, problems: error.problems };
    }
    if (error instanceof EditionError) {
      return { cause: 'invalid', message: strings.errors.invalid, problems: error.problems };
    }
    return { cause: 'network', message: strings.errors.network, problems: [] };
  }

  #fail(error: EPaperEventMap['e-paper-error']): void {
    this.viewState = { kind: 'error', error };
    emit(this, 'e-paper-error', error, true);
    this.#loadArchiveLater();
  }

  // ---- events from the parts ----------------------------------------------------------------

  #onHashChange = () => {
    if (!this.#ownsHash) return;
    const date = hashParam(location.hash, 'date');
    const entry = date === undefined ? undefined : this.archiveIndex?.editions.find((e) => e.date === date);
    if (entry) this.#showEdition(entry.src, entry.date);
    const page = hashParam(location.hash, 'page');
    if (page !== undefined && page !== this.page) this.page = page;
    const id = hashParam(location.hash, 'article');
    if (id !== undefined && id !== this.article) this.article = id;
  };

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

  #onSwipe = (event: CustomEvent<{ direction: 1 | -1 }>) => this.turnPage(event.detail.direction);

  #onRegionEnter = (event: CustomEvent<RegionEventDetail>) => {
    const { articleId, region, via } = event.detail;
    this.#need('e-paper-tooltip');
    this.hovered = { articleId, region, point: via === 'pointer' ? this.#lastPointer : undefined };
  };

  #onRegionLeave = (event: CustomEvent<RegionEventDetail>) => {
    if (this.hovered?.region === event.detail.region) this.hovered = undefined;
  };

  #onRegionActivate = (event: CustomEvent<RegionEventDetail>) => {
    this.hovered = undefined;
    this.#opener = event.detail.region;
    this.article = event.detail.articleId;
  };

  #lastPointer?: { x: number; y: number };
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
    if (state.kind === 'ready' && this.#shown && !this.nextLoading)
      this.#reading.update({ page: state.page.id, view: fitted ? null : { scale, x: center.x, y: center.y } });
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

  #onReaderNavigate = (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-navigate']>) => {
    this.article = event.detail.articleId;
  };

  #onReaderClose = ({ detail: { zoomAt: z } }: CustomEvent<EPaperReaderEventMap['e-paper-reader-close']>) => {
    this.article = undefined;
    // The second press of a double-click or double-tap on the page, which the reader caught.
    if (z) this.#viewport?.zoomForDoublePress(z.x, z.y, z.pointerType, z.out);
  };

  #onReaderTextScale = (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-text-scale']>) => {
    this.textScale = event.detail.textScale;
    this.#reading.update({ textScale: this.textScale });
  };

  #onReaderProgress = (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-progress']>) => {
    const { articleId, fraction, paragraph } = event.detail;
    if (articleId !== this.article) return;
    this.#reading.update({ open: { article: articleId, fraction, paragraph } });
    this.#reading.setProgress(articleId, fraction);
    if (fraction >= 0.98) this.#markRead(articleId);
  };

  #onPagesSelect = (event: CustomEvent<PagesSelectDetail>) => {
    this.page = event.detail.pageId;
  };

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

  #continueReading(articleId: string, paragraph: number): void {
    this.notice = undefined;
    this.#pendingParagraph = paragraph;
    this.article = articleId;
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const edition = this.viewState.kind === 'ready' ? this.viewState.edition : undefined;
    // The edition's body face carries the UI strings too: the last resort where the system has no CJK font.
    const uiFallback = edition?.fonts?.some((f) => f.role === 'body') ? `"${editionFontFamily(edition, 'body')}", sans-serif` : null;
    return html`<div class="viewer" ${cssProps({ '--_font-edition-body': uiFallback })}>${this.#renderState()}</div>`;
  }

  #renderState() {
    const strings = uiStrings(this.lang);
    const state = this.viewState;
    switch (state.kind) {
      case 'empty':
      case 'loading':
        return html`<div class="status" role="status" aria-live="polite">
          <div class="skeleton" aria-hidden="true">
            <span></span><span></span><span></span><span></span><span></span>
            <p class="label">${strings.loading}</p>
          </div>
          <span class="visually-hidden">${strings.loading}</span>
        </div>`;
      case 'error':
        return html`<div class="status">
          <div class="error" part="error" role="alert">
            <h2>${strings.errorTitle}</h2>
            <p>${state.error.message}</p>
            ${state.error.problems.length ? html`<ul>${state.error.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>` : nothing}
            <button type="button" @click=${() => this.load()}>${strings.retry}</button>
          </div>
        </div>`;
      case 'ready':
        return this.#renderReady(state.edition, state.page, state.baseUrl);
    }
  }

  #renderReady(edition: Edition, page: Page, baseUrl: string) {
    const strings = uiStrings(this.lang);
    const articles = articlesOnPage(edition, page);
    return html`<e-paper-toolbar
        exportparts="toolbar, button, scale"
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
          this.archiveIndex
            ? html`<e-paper-archive
              slot="end"
              exportparts="archive-button, archive-calendar, archive-day"
              .archive=${this.archiveIndex}
              .date=${live(edition.date)}
              .uiLang=${this.lang}
              ?busy=${this.nextLoading}
              @e-paper-archive-select=${this.#onArchiveSelect}
            ></e-paper-archive>`
            : nothing
        }
        <button class="clear-history" slot="end" type="button" part="button" aria-label=${strings.viewer.clearHistory} title=${strings.viewer.clearHistory} @click=${() => this.clearHistory()}>
          ${CLEAR_ICON}<span>${strings.viewer.clearHistory}</span>
        </button>
        <button
          class="search-toggle"
          slot="end"
          type="button"
          part="button"
          aria-expanded=${this.searchOpen}
          aria-keyshortcuts="Control+F Meta+F"
          @click=${() => (this.searchOpen ? this.#closeSearch() : this.#openSearch())}
        >
          ${strings.viewer.search}
        </button>
        ${
          this.searchOpen
            ? html`<e-paper-search
              slot="end"
              exportparts="search-panel, search-input, search-result"
              .edition=${edition}
              .open=${true}
              .uiLang=${this.lang}
              .textLang=${edition.lang}
              @e-paper-search-query=${(e: CustomEvent<SearchQueryDetail>) => (this.searchQuery = e.detail.query)}
              @e-paper-search-select=${this.#onSearchSelect}
              @e-paper-search-close=${() => this.#closeSearch()}
            ></e-paper-search>`
            : nothing
        }
        <e-paper-contents
          slot="end"
          exportparts="contents-button, contents-panel, contents-item"
          .articles=${articles}
          .readArticles=${this.readArticles}
          .pageLabel=${page.label}
          .pages=${edition.pages.length > 1 ? this.#contentsPages(edition) : NO_PAGES}
          .pageId=${page.id}
          .uiLang=${this.lang}
          .textLang=${edition.lang}
          @e-paper-contents-select=${this.#onContentsSelect}
        ></e-paper-contents>
      </e-paper-toolbar>
      <e-paper-viewport
        role="region"
        aria-label=${strings.viewerLabel(edition.title, edition.date)}
        .pageWidth=${page.width}
        .pageHeight=${page.height}
        lang=${this.lang}
        @e-paper-viewport-zoom=${this.#onZoom}
        @e-paper-viewport-swipe=${this.#onSwipe}
      >
        <e-paper-page
          exportparts="page, article, block, masthead, ear, footer, regions, region, region-read"
          .edition=${edition}
          .page=${page}
          .uiLang=${this.lang}
          .readArticles=${this.readArticles}
          .baseUrl=${baseUrl}
          .scale=${this.zoom.scale}
          @e-paper-region-enter=${this.#onRegionEnter}
          @e-paper-region-leave=${this.#onRegionLeave}
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
            .uiLang=${this.lang}
            ?paused=${!this.#shown}
            @e-paper-pages-select=${this.#onPagesSelect}
          ></e-paper-pages>`
          : nothing
      }
      ${this.#renderNotice(edition)}
      <e-paper-tooltip
        exportparts="tooltip"
        .article=${this.hovered && articlesById(edition).get(this.hovered.articleId)}
        .anchor=${this.hovered?.region}
        .point=${this.hovered?.point}
        .boundary=${this}
        .uiLang=${this.lang}
        .textLang=${edition.lang}
        ?open=${this.hovered !== undefined && !this.article}
      ></e-paper-tooltip>
      <e-paper-reader
        exportparts="reader, header, content, headline, body, controls, attribution"
        .edition=${edition}
        .articleIds=${articles.map((a) => a.id)}
        .beyond=${this.article ? { previous: articleBeyond(edition, page, -1), next: articleBeyond(edition, page, 1) } : NO_BEYOND}
        .articleId=${this.article}
        .open=${this.article !== undefined && articlesById(edition).has(this.article)}
        .pageLabel=${page.label}
        .textScale=${this.textScale}
        .baseUrl=${baseUrl}
        .theme=${this.theme}
        lang=${this.lang}
        @e-paper-reader-navigate=${this.#onReaderNavigate}
        @e-paper-reader-close=${this.#onReaderClose}
        @e-paper-reader-text-scale=${this.#onReaderTextScale}
        @e-paper-reader-progress=${this.#onReaderProgress}
      ></e-paper-reader>`;
  }

  #contentsCache?: { edition: Edition; pages: ContentsPage[] };
  /** Every page with its articles, once per edition (the list re-renders on every zoom). */
  #contentsPages(edition: Edition): ContentsPage[] {
    if (this.#contentsCache?.edition !== edition) {
      const pages = edition.pages.map((p) => ({
        id: p.id,
        label: p.label,
        section: p.section,
        articles: articlesOnPage(edition, p),
        loading: isPageRef(p),
      }));
      this.#contentsCache = { edition, pages };
    }
    return this.#contentsCache.pages;
  }

  #renderNotice(edition: Edition) {
    const notice = this.notice;
    if (!notice) return nothing;
    const strings = uiStrings(this.lang).viewer;
    if (notice.kind === 'message') {
      return html`<div class="notice" part="notice" role="status">${notice.text}</div>`;
    }
    const headline = articlesById(edition).get(notice.articleId)?.headline ?? '';
    return html`<div class="notice" part="notice" role="status">
      <button type="button" class="continue" @click=${() => this.#continueReading(notice.articleId, notice.paragraph)}>
        ${strings.continueReading(headline)}
      </button>
      <button type="button" class="dismiss" aria-label=${strings.dismiss} @click=${() => (this.notice = undefined)}>×</button>
    </div>`;
  }
}

/** The article just before (-1) or after (1) the page's own: on the nearest page that has any. */
function articleBeyond(edition: Edition, page: Page, direction: 1 | -1): string | undefined {
  for (let at = edition.pages.indexOf(page) + direction; at >= 0 && at < edition.pages.length; at += direction) {
    const articles = articlesOnPage(edition, edition.pages[at]);
    if (articles.length) return (direction < 0 ? articles[articles.length - 1] : articles[0]).id;
  }
  return undefined;
}

const formatProblem = (problem: EditionProblem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message);

declare global {
  interface HTMLElementTagNameMap {
    'e-paper': EPaper;
  }
}
