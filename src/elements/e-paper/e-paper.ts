import { html, isServer, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeError, type LoadProblem } from '../../controllers/edition-loading.js';
import { editionFontFamily } from '../../edition/fonts.js';
import { articlesOnPage } from '../../edition/regions.js';
import { isPageRef } from '../../edition/page-ref.js';
import { PageFilesController } from '../../controllers/page-files.js';
import { cssProps } from '../../internal/css-props.js';
import type { Article, Page } from '../../edition/schema.js';
import { uiStrings } from '../../i18n/strings.js';
import { addUiFont } from '../../i18n/ui-font.js';
import { emit } from '../../events/events.js';
import { ReadingSessionController } from '../../controllers/reading-session.js';
import type { FitMode, Point } from '../e-paper-viewport/viewport-math.js';
import { ArchiveSlot } from '../../controllers/archive-slot.js';
import { viewerStyles } from './e-paper.styles.js';
import { LazyPartsController } from '../../controllers/lazy-parts.js';
import { HashSlot } from '../../controllers/hash-slot.js';
import { NoticeController } from '../../controllers/notices.js';
import { ChromeSlot } from '../../controllers/chrome-slot.js';
import { PageInputController } from '../../controllers/page-input.js';
import { ViewerLoadController } from '../../controllers/viewer-load.js';
import { viewportOf, type ViewerContext, type ViewerUi } from '../../controllers/viewer-context.js';
import { errorView, loadingView, pickPage } from './e-paper-views.js';
import { readyView, type Hovered } from './e-paper-ready-view.js';
import { isShown, showingPage, wantPage, withPhase, type Ready, type ViewerState } from './viewer-state.js';
import { ViewModeController, type ViewMode } from '../../controllers/view-mode.js';
import { LocalizedElement } from '../../i18n/localized-element.js';
import { inheritedLang, observeInheritedLang } from '../../i18n/ui-lang.js';

// The viewer owns the one state and composes its concerns, each a controller of its own
// (src/controllers/), most taking one context (`#ctx`, controllers/viewer-context.ts) rather than
// a bag of callbacks: the load and its order (viewer-load.ts), the input on the page and the
// first render's controls (page-input.ts), what is shown and done around the page once it is
// shown, the opening of articles and the search included (chrome-slot.ts holds it; a module of
// its own, e-paper-chrome.ts), page files, archive, hash, reading session, notices, view mode and
// lazy parts. The templates are in e-paper-ready-view.ts and e-paper-views.ts (the first paint),
// the state's transitions in viewer-state.ts.
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
export class EPaper extends LocalizedElement {
  static override styles = viewerStyles;

  /** URL of the edition JSON. */
  @property({ reflect: true }) src?: string;

  /** The edition as an object, instead of `src`. Validated like a loaded file. */
  @property({ attribute: false }) edition?: unknown;

  /**
   * UI language, a language tag: built in are `zh-CN`, Traditional Chinese (`zh-TW`, `zh-HK`,
   * `zh-MO`, `zh-Hant*`) and `en`; another language shows what `registerStrings` gave it, and
   * English for the rest. Without the attribute: the nearest ancestor's `lang` (the host page's;
   * its changes, or a nearer one's later `lang`, are followed at once), else the edition's
   * language, else the browser's first preferred language that is Chinese, English or one given to
   * `registerStrings`, else `zh-CN`. Reading it gives the language in use; setting it sets the
   * attribute.
   */
  @property()
  override get lang(): string {
    return this.getAttribute('lang') || inheritedLang(this, (this.viewState as Partial<Ready>).edition?.lang);
  }
  // Lit sets it from the attribute too: setting the same value again is no change, and Lit does
  // not pass it back while it sets it.
  override set lang(lang: string | null) {
    if (lang == null) this.removeAttribute('lang');
    else this.setAttribute('lang', lang);
  }

  // The attribute is already changed when Lit compares the old value with the new one, so a removed
  // `lang` would look like no change: render again whenever it changes.
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

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
  readonly #session = new ReadingSessionController(this);
  readonly #parts = new LazyPartsController(this, () => this.#notices.message(uiStrings(this.lang).viewer.partFailed));
  readonly #pageFiles = new PageFilesController((part) => part.viewerPageFiles(() => this.#ctx));
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
  /** What the controllers share of the viewer: made once, here. */
  readonly #ctx: ViewerContext = {
    host: this,
    ui: () => ({
      state: this.viewState,
      hovered: this.hovered,
      zoom: this.zoom,
      searchOpen: this.searchOpen,
      searchQuery: this.searchQuery,
    }),
    set: (changes: Partial<ViewerUi>) => {
      const { state, ...rest } = changes;
      if (state) this.viewState = state;
      Object.assign(this, rest);
    },
    notices: this.#notices,
    session: this.#session,
    parts: this.#parts,
    pageFiles: this.#pageFiles,
    hash: this.#hash,
    view: this.#view,
    showPage: (page) => this.#showPage(page),
    showEdition: (src, date) => this.#showEdition(src, date),
    fail: (problem) => this.#fail(problem),
    rendered: () => super.getUpdateComplete(),
  };
  /** What is shown and done around the page, loaded once the page is shown (or first used). */
  readonly #chrome = new ChromeSlot(this.#ctx);
  readonly #input = new PageInputController(this.#ctx, this.#chrome);
  readonly #loader = new ViewerLoadController(this.#ctx, { chrome: this.#chrome, archive: this.#archive });

  constructor() {
    super();
    // Renders again when the `lang` it inherits changes (an SPA's language switch).
    observeInheritedLang(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addUiFont();
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
    if (changed.has('article') && state.kind === 'ready') this.#chrome.articleChanged(changed.get('article'));
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
    const viewport = viewportOf(this);
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
    viewportOf(this)?.zoomTo(scale, point);
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
    viewportOf(this)?.fit(mode);
  }

  /** Forgets this reader's history of the current edition: position, open article, read marks. */
  async clearHistory(): Promise<void> {
    await this.#session.clear();
    this.#notices.message(uiStrings(this.lang).viewer.historyCleared);
  }

  /** Loads (or reloads) the edition from `edition` or `src`. */
  load(): Promise<void> {
    return this.#loader.load();
  }

  // ---- state --------------------------------------------------------------------------------

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
              chrome: this.#chrome.current,
            },
            this.#input.on,
          )
        : state.kind === 'error'
          ? errorView(this.lang, state.error, () => void this.load())
          : loadingView(this.lang);
    return html`<div class="viewer" lang=${this.lang} ${cssProps({ '--_font-edition': uiFallback })}>${content}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper': EPaper;
  }
}
