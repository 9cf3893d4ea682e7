import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Edition, Page } from '../../edition/schema.js';
import { loadEditionFonts } from '../../edition/fonts.js';
import { isPageRef } from '../../edition/page-ref.js';
import { failedPages, hasFailed } from '../../edition/page-files/failed-pages.js';
import { cssProps } from '../../internal/css-props.js';
import { isolate } from '../../i18n/strings.js';
import { pagesStrings } from './e-paper-pages-strings.js';
import { pagesStyles } from './e-paper-pages.styles.js';
import { thumbnailEdition } from './thumbnail-fonts.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';

/** Detail of `e-paper-pages-select`. */
export interface PagesSelectDetail {
  pageId: string;
}

/** A page whose file could not be loaded: a circle with an exclamation mark. */
const FAILED_ICON = svg`<svg class="failed" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="8.5" /><path d="M12 7.5v5.5M12 16v.5" /></svg>`;

const KEY_STEP: Record<string, number> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

/** The page that is tallest for its width (its thumbnail is the tallest): the first of them on a tie. */
const tallestPage = (pages: readonly Page[]): Page | undefined =>
  pages.reduce<Page | undefined>(
    (tallest, page) => (!tallest || page.height / page.width > tallest.height / tallest.width ? page : tallest),
    undefined,
  );

/**
 * The page strip (版面导航): a row of thumbnails of the edition's pages, drawn from the pages
 * themselves (their text in stand-in faces, never the slices: thumbnail-fonts.ts), to go to
 * another page. Thumbnails are drawn lazily, once the browser is idle and only those near the
 * visible part of the strip, so that a 24-page edition costs the viewer's first render nothing; a page whose content is not loaded yet (`src` only) shows an empty box
 * until the edition brings it, and one whose file could not be loaded a mark that says so (its
 * name too); choosing it tries its file again. While `paused`, the strip holds one hidden item of the size of the
 * whole row instead of its items, made of the same parts: it is as tall and as wide as it will be,
 * at a fraction of the cost. The list is one tab stop; the arrow keys, Home and End move along it.
 *
 * @fires e-paper-pages-select - A page was chosen (the shown one included). `detail: {pageId}`.
 * @csspart pages - The strip (a `nav`).
 * @csspart page-thumb - A page's button: its thumbnail and its label.
 * @csspart page-label - The label under a thumbnail (A1, and the section when there is one).
 * @cssprop [--e-paper-paper=#fbf8f1] - The printed page's paper (also the reader's, the thumbnails' and the loading sheet's).
 * @cssprop [--e-paper-paper-dark=#22211e] - `--e-paper-paper` in the dark theme.
 * @cssprop [--e-paper-ink=#1a1a1a] - The printed page's ink: text and rules (muted text is mixed from ink and paper).
 * @cssprop [--e-paper-ink-dark=#e6e2d8] - `--e-paper-ink` in the dark theme.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-ui-ink-dark=#ececec] - `--e-paper-ui-ink` in the dark theme.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the toolbar and its panels (list, search, calendar, page strip); opaque, so that the page never shows through.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text and icons of the toolbar and its panels.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 * @cssprop [--e-paper-thumb-width=72px] - Width of a page thumbnail in the strip.
 */
export class EPaperPages extends LitElement {
  static override styles = [tokenStyles, pagesStyles];

  @property({ attribute: false }) edition?: Edition;
  /** Id of the page shown. */
  @property() pageId = '';
  /** URL that the edition's relative sources (scan images, fonts) are resolved against. */
  @property({ attribute: false }) baseUrl = document.baseURI;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';

  /** The page that takes the strip's one tab stop. */
  @state() private tabStop = '';
  /**
   * Set during the owner's own first render: the strip then holds one hidden item of its final
   * size (no jump when the items come) and draws nothing.
   */
  @property({ type: Boolean }) paused = false;
  /** Set once the browser has been idle after connect: no thumbnail is drawn before. */
  @state() private idle = false;
  /** Ids of the pages whose thumbnails have come near the visible part of the strip. */
  @state() private near: ReadonlySet<string> = new Set();

  #observer?: IntersectionObserver;
  #cancelIdle?: () => void;
  #fontsFor?: Edition;

  #onFailed = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    failedPages.addEventListener('change', this.#onFailed);
    if (!this.idle) {
      const done = () => (this.idle = true);
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(done, { timeout: 2000 });
        this.#cancelIdle = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(done, 200);
        this.#cancelIdle = () => clearTimeout(id);
      }
    }
    // The observer is made again after a reconnect: on the next update.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    failedPages.removeEventListener('change', this.#onFailed);
    this.#cancelIdle?.();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The same edition again (a page of it loaded since): the thumbnails near stay drawn.
    const before = (changed as PropertyValues<EPaperPages>).get('edition');
    if (changed.has('edition') && before?.id !== this.edition?.id) this.near = new Set();
    const pages = this.edition?.pages ?? [];
    if (changed.has('pageId') || !pages.some((p) => p.id === this.tabStop))
      this.tabStop = pages.some((p) => p.id === this.pageId) ? this.pageId : (pages[0]?.id ?? '');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const list = this.renderRoot.querySelector('ul');
    if (!list || this.paused) return;
    this.#observer ??= new IntersectionObserver((entries) => this.#onIntersect(entries), { root: list, rootMargin: '0px 100%' });
    // Observing a target twice is a no-op; those seen already were let go.
    for (const item of list.querySelectorAll<HTMLElement>(':scope > [data-page-id]'))
      if (!this.near.has(item.dataset.pageId!)) this.#observer.observe(item);
    // Not while paused (returned above): measuring would force a layout of the whole viewer in its
    // first render (measured: 60 ms more to the first render of a 24-page edition).
    if (changed.has('pageId') || changed.has('edition') || changed.has('paused')) this.#scrollToShown(list);
    // The thumbnails' own faces (thumbnail-fonts.ts: stand-ins, no slice), registered (null: the
    // browser fetches those the thumbnails' text needs).
    if (this.idle && this.near.size && this.edition && this.#fontsFor !== this.edition)
      void loadEditionFonts(thumbnailEdition((this.#fontsFor = this.edition)), this.baseUrl, undefined, undefined, null);
  }

  #onIntersect(entries: IntersectionObserverEntry[]): void {
    const near = new Set(this.near);
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#observer?.unobserve(entry.target);
      near.add((entry.target as HTMLElement).dataset.pageId!);
    }
    if (near.size > this.near.size) this.near = near;
  }

  /** Brings the shown page's thumbnail into the strip, scrolling the strip alone (never the host page). */
  #scrollToShown(list: HTMLElement): void {
    const thumb = list.querySelector('[aria-current="page"]');
    if (!thumb) return;
    const t = thumb.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    if (t.left < l.left) list.scrollLeft += t.left - l.left - 6;
    else if (t.right > l.right) list.scrollLeft += t.right - l.right + 6;
  }

  #onKeyDown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.findIndex((b) => b.dataset.pageId === this.tabStop);
    const step = KEY_STEP[event.key];
    if (!buttons.length) return;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : step
            ? Math.min(Math.max(at + step, 0), buttons.length - 1)
            : -1;
    if (next < 0) return;
    event.preventDefault();
    buttons[next].focus();
    this.tabStop = buttons[next].dataset.pageId!;
  }

  #choose(pageId: string): void {
    this.tabStop = pageId;
    emit(this, 'e-paper-pages-select', { pageId });
  }

  override render() {
    const { edition } = this;
    if (!edition) return nothing;
    // The row is inert while paused: a scroller with nothing focusable in it is a tab stop itself.
    return html`<nav part="pages" aria-label=${pagesStrings(this.lang).label} aria-busy=${this.paused ? 'true' : nothing}>
      <ul ?inert=${this.paused} @keydown=${this.#onKeyDown}>
        ${this.paused ? this.#renderSizer(edition) : edition.pages.map((page) => this.#renderItem(edition, page))}
      </ul>
    </nav>`;
  }

  #renderItem(edition: Edition, page: Page) {
    const drawn = this.idle && this.near.has(page.id) && !isPageRef(page);
    const failed = isPageRef(page) && hasFailed(page);
    return html`<li data-page-id=${page.id}>
      <button
        type="button"
        class="thumb"
        part="page-thumb"
        data-page-id=${page.id}
        tabindex=${page.id === this.tabStop ? 0 : -1}
        aria-current=${page.id === this.pageId ? 'page' : nothing}
        ?data-failed=${failed}
        @click=${() => this.#choose(page.id)}
      >
        <span class="box" ${cssProps({ '--_ratio': `${page.width} / ${page.height}`, '--_pw': `${page.width}px` })}>
          ${
            drawn
              ? html`<e-paper-page
                  thumbnail
                  .edition=${thumbnailEdition(edition)}
                  .page=${page}
                  .baseUrl=${this.baseUrl}
                  lang=${this.lang}
                ></e-paper-page>`
              : failed
                ? FAILED_ICON
                : nothing
          }
        </span>
        <span class="label" part="page-label" lang=${edition.lang}
          ><b>${isolate(page.label)}</b>${page.section ? html` <span class="section">${isolate(page.section)}</span>` : nothing}</span
        >${failed ? html`<span class="visually-hidden">${pagesStrings(this.lang).failed}</span>` : nothing}
      </button>
    </li>`;
  }

  /**
   * One item as tall as the tallest page's, as wide as the whole row (the scrollbar comes as it
   * will with all items), made of the same parts so that a site's styles size it alike.
   */
  #renderSizer(edition: Edition) {
    const tallest = tallestPage(edition.pages);
    if (!tallest) return nothing;
    return html`<li class="sizer" aria-hidden="true" ${cssProps({ '--_n': String(edition.pages.length) })}>
      <span class="thumb" part="page-thumb">
        <span class="box" ${cssProps({ '--_ratio': `${tallest.width} / ${tallest.height}` })}></span>
        <span class="label" part="page-label" lang=${edition.lang}><b>${isolate(tallest.label)}</b></span>
      </span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-pages': EPaperPages;
  }
}
