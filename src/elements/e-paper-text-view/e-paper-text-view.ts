import { html, nothing, type PropertyValues, type ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Article, Edition } from '../../edition/schema.js';
import { uiStrings } from '../../i18n/strings.js';
import { emit } from '../../events/events.js';
import type { ContentsSelectDetail } from '../e-paper-contents/e-paper-contents.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { textViewStyles } from './e-paper-text-view.styles.js';
import { textViewStrings } from './text-view-strings.js';
import { summaryOf, textViewPages, type TextViewPage } from './text-view-items.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

const pagesCache = new WeakMap<Edition, TextViewPage[]>();

/**
 * The text view: the edition as a readable list of its articles, page by page in reading order,
 * each with its kicker (or banner), headline, summary (the first sentences of its body) and read
 * mark. Its headlines are buttons, in order, that open the article in the reader. Units that are
 * not news (advertisements, the masthead: the kinds the edition's `readingOrder` leaves out) are
 * not listed; an article with no text of its own is listed by its headline and still opens.
 *
 * The page shown follows the list both ways. When `pageId` changes (a page turned, chosen in the
 * list of pages, or the page of an article opened), the list scrolls that page's heading to its
 * top; as the reader scrolls the list, the page whose heading is at the top (under the toolbar)
 * is reported as chosen, so that the viewer's page read-out, its page strip, `e-paper-page-change`
 * and the saved position follow it. A page chosen in the viewer's list of pages, and `focus()`,
 * focus the page's heading (the page itself is hidden under this view). An item's
 * button has the class `region`, as an article's region on the page: the viewer gives focus back
 * to it, not to what opened the reader, when the reader closes.
 *
 * @fires e-paper-contents-select - An article was chosen (the event of the list of articles, which this is at full size). `detail: {articleId}`.
 * @fires e-paper-pages-select - The reader scrolled another page's heading to the top of the list (the event of the page strip). `detail: {pageId}`.
 * @csspart text-view - The scrolling list.
 * @csspart text-view-page - A page's heading.
 * @csspart text-view-item - One article.
 * @cssprop [--e-paper-paper=#fbf8f1] - The printed page's paper (also the reader's, the thumbnails' and the loading sheet's).
 * @cssprop [--e-paper-paper-dark=#22211e] - `--e-paper-paper` in the dark theme.
 * @cssprop [--e-paper-ink=#1a1a1a] - The printed page's ink: text and rules (muted text is mixed from ink and paper).
 * @cssprop [--e-paper-ink-dark=#e6e2d8] - `--e-paper-ink` in the dark theme.
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 */
export class EPaperTextView extends LocalizedElement {
  static override styles = [tokenStyles, textViewStyles];

  /** The edition to list. */
  @property({ attribute: false }) edition?: Edition;
  /** Id of the page shown: its part of the list is brought into sight when it changes. */
  @property() pageId = '';
  /** Ids of the articles already read. */
  @property({ attribute: false }) readArticles: ReadonlySet<string> = new Set();
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';

  /**
   * The button of an article in the list, brought into sight, if it is listed: the viewer gives it
   * focus when the reader closes (it may have moved on to another article).
   */
  revealItem(articleId: string): HTMLButtonElement | null {
    this.#opened = false;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`button[data-article-id="${CSS.escape(articleId)}"]`);
    button?.closest('li')?.scrollIntoView({ block: 'nearest' });
    return button;
  }

  /** Focuses the heading of the page shown, brought to the top of the list. */
  override focus(options?: FocusOptions): void {
    this.#toPage(this.pageId, true, options);
  }

  /** Scrolls page `pageId`'s heading to the top of the list (not the first page's: it is there); with `focus`, focuses it. */
  #toPage(pageId: string, focus = false, options?: FocusOptions): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const section = this.renderRoot.querySelector<HTMLElement>(`section[data-page-id="${CSS.escape(pageId)}"]`);
    if (!scroller || !section) return;
    if (section.previousElementSibling) {
      scroller.scrollTop += section.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      this.#scrolledTo = scroller.scrollTop;
    }
    if (focus) section.querySelector('h2')?.focus({ ...options, preventScroll: true });
  }

  /**
   * An article was opened from this list: the page the viewer turns to for it brings no scroll,
   * so that the list is where the reader left it when the reader closes (`revealItem`).
   */
  #opened = false;

  /**
   * A page chosen in the viewer's list of pages (`e-paper-contents-select` with a page and no
   * article, heard at the viewer's shadow root, where it stops): the viewer shows it (in step for
   * the page view) and would give focus to the page, hidden under this view; its heading here
   * takes focus instead, at the top of the list.
   */
  #onPageChosen = (event: Event) => {
    const { articleId, pageId } = (event as CustomEvent<ContentsSelectDetail>).detail;
    if (event.target === this || articleId || !pageId) return;
    const root = this.getRootNode();
    const viewer = root instanceof ShadowRoot ? (root.host as Partial<ReactiveElement>) : undefined;
    void Promise.resolve(viewer?.updateComplete)
      .then(() => this.updateComplete)
      .then(() => {
        this.#opened = false;
        this.#toPage(pageId, true);
      });
  };

  #root?: Node;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#root = this.getRootNode();
    this.#root.addEventListener('e-paper-contents-select', this.#onPageChosen);
  }

  /** The page this list last reported as scrolled to: its own report brings no scroll back. */
  #reported = '';
  /** Where the list last scrolled itself: the scroll event of that is not the reader's. */
  #scrolledTo = -1;
  #frame = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener('e-paper-contents-select', this.#onPageChosen);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('pageId') || this.pageId === this.#reported) return;
    this.#reported = '';
    if (!this.#opened) this.#toPage(this.pageId);
  }

  /** A scroll: the page under the top edge is looked for once per frame. */
  #onScroll = () => {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#follow();
    });
  };

  /**
   * Reports the page whose heading is at the top of the list, if it is another than the page
   * shown: the last page whose part starts at or above the top edge; at the very end of the list,
   * the last page whose heading is in sight (a short last page never reaches the top).
   */
  #follow(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller || Math.abs(scroller.scrollTop - this.#scrolledTo) < 1) return;
    this.#scrolledTo = -1;
    const view = scroller.getBoundingClientRect();
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    let pageId = '';
    for (const section of scroller.querySelectorAll<HTMLElement>('section')) {
      const top = section.getBoundingClientRect().top;
      if (pageId && top > (atEnd ? view.bottom - 40 : view.top + 1)) break;
      pageId = section.dataset.pageId!;
    }
    if (!pageId || pageId === this.pageId) return;
    this.#reported = pageId;
    emit(this, 'e-paper-pages-select', { pageId });
  }

  /** The edition's language, for its text. */
  get #textLang(): string {
    return this.edition?.lang ?? '';
  }

  #onKeyDown = (event: KeyboardEvent) => {
    // Page Up / Down scroll the list: they are not the viewer's page turns here.
    if (event.key === 'PageUp' || event.key === 'PageDown') event.stopPropagation();
  };

  #open(articleId: string): void {
    this.#opened = true;
    emit(this, 'e-paper-contents-select', { articleId });
  }

  #item(article: Article) {
    const strings = uiStrings(this.lang);
    const summary = summaryOf(article);
    const over = article.banner ?? article.kicker;
    return html`<li class="item" part="text-view-item">
      ${over ? html`<p class="over" lang=${this.#textLang}>${over}</p>` : nothing}
      <h3>
        <button class="region" type="button" data-article-id=${article.id} @click=${() => this.#open(article.id)}>
          <span lang=${this.#textLang}>${article.headline}</span>${
            summary ? nothing : html` <span class="tag">${textViewStrings(this.lang).imageOnly}</span>`
          }${this.readArticles.has(article.id) ? html` <span class="read-mark">✓ ${strings.read}</span>` : nothing}
        </button>
      </h3>
      ${summary ? html`<p class="summary" lang=${this.#textLang}>${summary}</p>` : nothing}
    </li>`;
  }

  override render() {
    const edition = this.edition;
    if (!edition) return nothing;
    const strings = textViewStrings(this.lang);
    let pages = pagesCache.get(edition);
    if (!pages) pagesCache.set(edition, (pages = textViewPages(edition)));
    return html`<div class="scroller" part="text-view" role="region" aria-label=${strings.label} @keydown=${this.#onKeyDown} @scroll=${this.#onScroll}>
      ${pages.map(
        ({ page, articles }) => html`<section data-page-id=${page.id} aria-labelledby="page-${page.id}">
          <h2 id="page-${page.id}" tabindex="-1" part="text-view-page" aria-current=${page.id === this.pageId ? 'page' : 'false'}>
            ${strings.page(page.label, page.section)}
          </h2>
          ${
            !articles
              ? html`<p class="note">${uiStrings(this.lang).loading}</p>`
              : articles.length
                ? html`<ol>${articles.map((article) => this.#item(article))}</ol>`
                : html`<p class="note">${strings.noArticles}</p>`
          }
        </section>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-text-view': EPaperTextView;
  }
}
