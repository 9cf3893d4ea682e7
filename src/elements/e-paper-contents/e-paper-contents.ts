import { html, css, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article } from '../../edition/schema.js';
import { isolate, uiStrings } from '../../i18n/strings.js';
import { chromeStrings } from '../e-paper/chrome-strings.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { fitPanelUnderToolbar } from './panel-room.js';
import { panelToggleStyles } from './panel-toggle.styles.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

/** Three lines with their bullets: the list's icon where a narrow toolbar has no room for its word. */
const LIST_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1" /></svg>`;
/** How long the undo of a clearing is offered. */
const UNDO_MS = 8_000;

/** Detail of `e-paper-contents-select`. */
export interface ContentsSelectDetail {
  /** The article chosen; absent when a page was chosen. */
  articleId?: string;
  /** The page chosen, or the page of the article chosen (edition contents only). */
  pageId?: string;
}

/** A page and its articles, for the edition's contents. */
export interface ContentsPage {
  id: string;
  label: string;
  section?: string;
  articles: readonly Article[];
  /** Its articles are in a page file still loading: the list says so instead. */
  loading?: boolean;
}

/**
 * The list of a page's articles (标题导航), for readers who prefer a list to the map: a toolbar
 * button that opens a panel of headlines in reading order. Given an edition of several pages
 * (`pages`), it lists every page and its articles instead (版面导航).
 *
 * Under the list, clearing the reader's history of the edition (read marks, position), offered
 * back for a few seconds by an undo over the foot of the viewer.
 *
 * @fires e-paper-contents-select - An article or a page was chosen. `detail: {articleId?, pageId?}`.
 * @fires e-paper-contents-clear - The reader asked to clear their history of the edition. No detail.
 * @fires e-paper-contents-undo - The reader took back the clearing. No detail.
 * @csspart contents-button - The button that opens the list.
 * @csspart contents-panel - The panel.
 * @csspart contents-item - One article (or page) in the list.
 * @csspart contents-page - One page in the edition's list.
 * @csspart contents-clear - The button under the list that clears the reading history.
 * @csspart contents-undo - The notice after a clearing, with its undo button.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-ui-ink-dark=#ececec] - `--e-paper-ui-ink` in the dark theme.
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the toolbar and its panels (list, search, calendar, page strip); opaque, so that the page never shows through.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text and icons of the toolbar and its panels.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 * @cssprop [--e-paper-tooltip-bg=#1f1f1f] - Background of the notice after a clearing.
 * @cssprop [--e-paper-tooltip-bg-dark=#f2ede3] - `--e-paper-tooltip-bg` in the dark theme.
 * @cssprop [--e-paper-tooltip-ink=#fff] - Text colour of that notice.
 * @cssprop [--e-paper-tooltip-ink-dark=#1a1a1a] - `--e-paper-tooltip-ink` in the dark theme.
 */
export class EPaperContents extends LocalizedElement {
  static override styles = [
    tokenStyles,
    panelToggleStyles,
    css`
    /* Not positioned: the panel hangs from the toolbar's box (its own element's), not from the
       button, which a narrow toolbar may put anywhere. */
    :host {
      display: inline-block;
    }
    .toggle svg {
      display: none;
    }
    .panel {
      position: absolute;
      /* Under its button, its end with the button's, as far as the toolbar leaves room. */
      inset-inline-end: min(var(--_end, 0px), 100% - min(24em, 100%));
      top: calc(100% + 4px);
      z-index: 3;
      width: min(24em, 100%);
      max-height: var(--_room, min(60vh, 28em));
      overflow: auto;
      margin: 0;
      padding: 6px 0;
      border-radius: 6px;
      /* Opaque, and edged: an item cut off at the foot never reads as the page's text under it. */
      border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
      background: var(--_toolbar-bg);
      color: var(--_toolbar-ink);
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
      list-style: none;
    }
    .item,
    .clear {
      display: block;
      width: 100%;
      padding: 8px 14px;
      border: 0;
      background: transparent;
      text-align: start;
      line-height: 1.4;
    }
    .item:hover,
    .clear:hover {
      background: color-mix(in srgb, currentColor 8%, transparent);
    }
    .over {
      display: block;
      opacity: 0.7;
      font-size: 0.85em;
    }
    /* Edition text on a line with other text: its bidi controls cannot reach beyond it. */
    .over,
    .headline {
      unicode-bidi: isolate;
    }
    .page {
      font-weight: 700;
      border-top: 1px solid color-mix(in srgb, currentColor 15%, transparent);
    }
    /* Underlined in the accent, not written in it: red text on a dark toolbar is too faint. */
    .page[aria-current='page'] {
      text-decoration: underline 2px var(--_accent);
      text-underline-offset: 3px;
    }
    .loading {
      padding: 6px 14px 6px 24px;
      opacity: 0.7;
    }
    .page + ul .item {
      padding-inline-start: 24px;
    }
    ul ul {
      padding: 0;
      list-style: none;
    }
    .read-mark {
      margin-inline-start: 0.5em;
      color: var(--_accent);
      font-size: 0.85em;
      white-space: nowrap;
    }
    .clear {
      margin-top: 6px;
      border-top: 1px solid color-mix(in srgb, currentColor 15%, transparent);
      opacity: 0.8;
    }
    /* Over the foot of the viewer, the box that fixed positions resolve against (it contains its layout). */
    .toast {
      position: fixed;
      left: 50%;
      bottom: 16px;
      z-index: 4;
      display: flex;
      align-items: center;
      gap: 8px;
      max-width: calc(100% - 32px);
      padding: 4px 4px 4px 16px;
      border-radius: 999px;
      background: var(--_tooltip-bg);
      color: var(--_tooltip-ink);
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
      transform: translateX(-50%);
    }
    .toast:empty {
      display: none;
    }
    .toast button {
      padding: 6px 14px;
      border: 0;
      border-radius: 999px;
      background: transparent;
      font-weight: 700;
    }
    /* A row too narrow for the words (the toolbar's compact): an icon named by its label. */
    :host([compact]) .toggle {
      padding: 0;
      justify-content: center;
      min-width: 36px;
      height: 36px;
    }
    :host([compact]) .toggle svg {
      display: block;
    }
    :host([compact]) .toggle span {
      ${visuallyHidden}
    }
    /* A phone: the list as a sheet across the toolbar's width. */
    @container e-paper (max-width: 520px) {
      .panel {
        width: auto;
        inset-inline: 0;
      }
    }
  `,
  ];

  /** The page's articles in reading order. */
  @property({ attribute: false }) articles: Article[] = [];
  /** Ids of the articles already read. */
  @property({ attribute: false }) readArticles: ReadonlySet<string> = new Set();
  @property() pageLabel = '';
  /** Every page with its articles; with more than one, the list covers the whole edition. */
  @property({ attribute: false }) pages: readonly ContentsPage[] = [];
  /** Id of the page shown. */
  @property() pageId = '';
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';
  @property() textLang = 'zh-CN';
  @state() private open = false;
  /** The undo of a clearing is on offer. */
  @state() private cleared = false;
  #undoTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusout', this.onFocusOut);
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusout', this.onFocusOut);
    this.removeEventListener('keydown', this.onKeyDown);
    clearTimeout(this.#undoTimer);
  }

  private onFocusOut = (event: FocusEvent) => {
    // Focus left the list altogether: close it.
    if (!(event.relatedTarget instanceof Node) || !this.renderRoot.contains(event.relatedTarget)) this.open = false;
  };

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.open = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
    }
  };

  private async toggle() {
    this.open = !this.open;
    if (!this.open) return;
    fitPanelUnderToolbar(this);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.item')?.focus();
  }

  private choose(detail: ContentsSelectDetail) {
    this.open = false;
    emit(this, 'e-paper-contents-select', detail);
  }

  private clear() {
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
    emit(this, 'e-paper-contents-clear', undefined);
    this.cleared = true;
    this.#armUndo();
  }

  /** The offer ends after a while, but never under the reader's focus (they are about to take it). */
  #armUndo() {
    clearTimeout(this.#undoTimer);
    this.#undoTimer = setTimeout(() => {
      if (this.renderRoot.querySelector('.toast')?.contains(this.shadowRoot!.activeElement)) this.#armUndo();
      else this.cleared = false;
    }, UNDO_MS);
  }

  private undo() {
    clearTimeout(this.#undoTimer);
    this.cleared = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
    emit(this, 'e-paper-contents-undo', undefined);
  }

  private renderItems(articles: readonly Article[], pageId?: string) {
    return articles.map(
      (article) => html`<li>
        <button class="item" part="contents-item" type="button" data-article-id=${article.id} @click=${() => this.choose({ articleId: article.id, pageId })}>
          ${article.kicker || article.banner ? html`<span class="over" lang=${this.textLang}>${article.banner ?? article.kicker}</span>` : nothing}
          <span class="headline" lang=${this.textLang}>${article.headline}</span>
          ${this.readArticles.has(article.id) ? html`<span class="read-mark">✓ ${uiStrings(this.lang).read}</span>` : nothing}
        </button>
      </li>`,
    );
  }

  override render() {
    const strings = chromeStrings(this.lang);
    const whole = this.pages.length > 1;
    const clear = html`<li><button class="clear" part="contents-clear" type="button" @click=${() => this.clear()}>${strings.clearHistory}</button></li>`;
    return html`<button class="toggle" part="contents-button" type="button" aria-expanded=${this.open} aria-controls="panel" @click=${() => this.toggle()}>
        ${LIST_ICON}<span>${whole ? strings.editionContents : strings.contents}</span>
      </button>
      ${
        !this.open
          ? nothing
          : whole
            ? html`<ul class="panel" id="panel" part="contents-panel" aria-label=${strings.editionContents}>
              ${this.pages.map(
                (page) => html`<li>
                  <button class="item page" part="contents-item contents-page" type="button" data-page-id=${page.id}
                    aria-current=${page.id === this.pageId ? 'page' : 'false'} @click=${() => this.choose({ pageId: page.id })}>
                    ${isolate(page.label)}${page.section ? html` <span class="headline" lang=${this.textLang}>${isolate(page.section)}</span>` : nothing}
                  </button>
                  <ul>${page.loading ? html`<li class="loading">${uiStrings(this.lang).loading}</li>` : this.renderItems(page.articles, page.id)}</ul>
                </li>`,
              )}
              ${clear}
            </ul>`
            : html`<ul class="panel" id="panel" part="contents-panel" aria-label=${strings.contentsLabel(this.pageLabel)}>
              ${this.renderItems(this.articles)} ${clear}
            </ul>`
      }
      <div class="toast" part="contents-undo" role="status">${
        this.cleared
          ? html`${uiStrings(this.lang).viewer.historyCleared}<button type="button" @click=${() => this.undo()}>${strings.undo}</button>`
          : nothing
      }</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-contents': EPaperContents;
  }
}
