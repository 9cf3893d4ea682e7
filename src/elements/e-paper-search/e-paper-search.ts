import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Edition } from '../../edition/schema.js';
import { MAX_QUERY, searchEdition, type SearchField, type SearchHit, type SearchResult } from '../../search/search-text.js';
import { searchStyles } from './e-paper-search.styles.js';
import { isolate } from '../../i18n/strings.js';
import { searchStrings } from './e-paper-search-strings.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';

/** Detail of `e-paper-search-select`. */
export interface SearchSelectDetail {
  articleId: string;
  pageId: string;
  field: SearchField;
  index: number;
  query: string;
}

/** Detail of `e-paper-search-query`. */
export interface SearchQueryDetail {
  query: string;
}

/** Typing settles this long before the search runs. */
const DEBOUNCE_MS = 150;

/**
 * Full-text search across the edition (CJK as substrings, case, width and compatibility forms
 * folded): a panel under the toolbar with a search field that stays in place and the results,
 * grouped by page, then by article (its headline once, with its count of matches): one per text
 * that matches (paragraph, headline, caption…), its first match in context and a note of how many
 * more it has. Enter searches at once and moves to the first result (a second Enter opens it: the
 * reader sees the list first), the arrow keys move between the field and the results, Escape
 * clears the field, then closes.
 *
 * @fires e-paper-search-select - A result was chosen. `detail: {articleId, pageId, field, index, query}`.
 * @fires e-paper-search-query - The query settled (after typing pauses), '' when cleared: the viewer highlights it. `detail: {query}`.
 * @fires e-paper-search-close - Escape in an empty field, or the close button. No detail.
 * @csspart search-panel - The panel.
 * @csspart search-input - The search field.
 * @csspart search-result - One result in the list: a text that matches.
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
 * @cssprop [--e-paper-search-hit=#ffe066] - Background of a search match on the page, in the reader and in the results.
 * @cssprop [--e-paper-search-hit-dark=#ffe066] - `--e-paper-search-hit` in the dark theme.
 * @cssprop [--e-paper-search-hit-ink=#1a1a1a] - Text colour of a search match.
 * @cssprop [--e-paper-search-hit-ink-dark=#1a1a1a] - `--e-paper-search-hit-ink` in the dark theme.
 */
export class EPaperSearch extends LitElement {
  static override styles = [tokenStyles, searchStyles];

  @property({ attribute: false }) edition?: Edition;
  @property({ type: Boolean, reflect: true }) open = false;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';
  @property() textLang = 'zh-CN';
  /** The settled query (typing updates it after the debounce). */
  @property() query = '';
  /** The result that Tab reaches (roving focus). */
  @state() private cursor = 0;
  #result?: SearchResult;
  #timer?: ReturnType<typeof setTimeout>;

  /** Moves focus to the search field. */
  focusInput(): void {
    this.#input?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  get #input() {
    return this.renderRoot.querySelector('input');
  }

  get #buttons() {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.hit')];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') || changed.has('edition')) {
      this.#result = this.edition && this.query.trim() ? searchEdition(this.edition, this.query) : undefined;
      this.cursor = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.focusInput();
  }

  #settle(value: string) {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!value.trim()) value = '';
    if (value === this.query) return;
    this.query = value;
    emit(this, 'e-paper-search-query', { query: value });
  }

  /** Runs a search still waiting on the debounce, and renders it. */
  async #flush() {
    if (this.#timer !== undefined) this.#settle(this.#input!.value);
    await this.updateComplete;
  }

  #onInput(event: Event) {
    // Pinyin and other IMEs: search the text they commit, not the keys on the way.
    if ((event as InputEvent).isComposing) return;
    const { value } = event.target as HTMLInputElement;
    clearTimeout(this.#timer);
    // Cleared: at once, so the page's highlights go with the text.
    if (!value.trim()) this.#settle(value);
    else this.#timer = setTimeout(() => this.#settle(value), DEBOUNCE_MS);
  }

  #choose(hit: SearchHit) {
    const { articleId, pageId, field, index } = hit;
    emit(this, 'e-paper-search-select', { articleId, pageId, field, index, query: this.query });
  }

  #close() {
    clearTimeout(this.#timer);
    this.open = false;
    emit(this, 'e-paper-search-close', undefined);
  }

  async #onKeyDown(event: KeyboardEvent) {
    // Enter and Escape commit or cancel an IME's composition: not ours.
    if (event.isComposing) return;
    const buttons = this.#buttons;
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const inInput = event.target === this.#input;
    let to: number | undefined;
    switch (event.key) {
      case 'Escape': {
        event.preventDefault();
        event.stopPropagation();
        const input = this.#input!;
        if (!input.value && !this.query) return this.#close();
        input.value = '';
        this.#settle('');
        input.focus();
        return;
      }
      case 'Enter':
        if (!inInput) return;
        event.preventDefault();
        await this.#flush();
        this.#buttons[0]?.focus();
        return;
      case 'ArrowDown':
        to = inInput ? 0 : at + 1;
        break;
      case 'ArrowUp':
        to = inInput ? -1 : at - 1;
        break;
      default:
        return;
    }
    if (!inInput && at < 0) return;
    event.preventDefault();
    if (inInput) await this.#flush();
    const targets = this.#buttons;
    if (to < 0 && !inInput) return this.focusInput();
    targets.at(Math.min(to, targets.length - 1))?.focus();
  }

  override render() {
    if (!this.open) return nothing;
    const t = searchStrings(this.lang);
    const result = this.#result;
    const hits = result?.hits ?? [];
    // By page, then by article: the hits of an article come together (searchEdition's order).
    const pages: SearchHit[][][] = [];
    for (const hit of hits) {
      const page = pages.at(-1);
      const article = page?.at(-1);
      if (hit.pageId !== page?.[0][0].pageId) pages.push([[hit]]);
      else if (hit.articleId !== article![0].articleId) page.push([hit]);
      else article!.push(hit);
    }
    const headlines = new Map(this.edition?.articles.map((a) => [a.id, a.headline]));
    let i = 0;
    let g = 0;
    return html`<div class="panel" part="search-panel" role="search" aria-label=${t.label} @keydown=${this.#onKeyDown}>
      <div class="top">
        <div class="bar">
          <input
            type="search"
            part="search-input"
            aria-label=${t.label}
            placeholder=${t.label}
            maxlength=${MAX_QUERY}
            autocomplete="off"
            spellcheck="false"
            .value=${this.query}
            @input=${this.#onInput}
            @compositionend=${this.#onInput}
          />
          <button class="close" type="button" aria-label=${t.close} title=${t.close} @click=${this.#close}>×</button>
        </div>
        <p class="status" role="status">${result ? (result.total ? t.count(result.matches, hits.length, result.total) : t.none) : ''}</p>
      </div>
      ${
        pages.length
          ? html`<div aria-label=${t.results} role="group">
            ${pages.map(
              (articles) => html`<h3>${articles[0][0].pageId ? t.page(articles[0][0].pageLabel) : t.other}</h3>
                <ul>
                  ${articles.map((group) => {
                    const id = `article-${g++}`;
                    return html`<li>
                      <p class="meta" id=${id}>
                        <span lang=${this.textLang}>${isolate(headlines.get(group[0].articleId) ?? '')}</span>
                        <span class="count">${t.inArticle(group.reduce((n, hit) => n + hit.matches, 0))}</span>
                      </p>
                      <ul>
                        ${group.map((hit) => {
                          const n = i++;
                          return html`<li>
                            <button
                              class="hit"
                              part="search-result"
                              type="button"
                              tabindex=${n === this.cursor ? 0 : -1}
                              aria-describedby=${id}
                              data-article-id=${hit.articleId}
                              @focus=${() => (this.cursor = n)}
                              @click=${() => this.#choose(hit)}
                            >
                              <span lang=${this.textLang}>${hit.before}<mark>${hit.match}</mark>${hit.after}</span>
                              ${hit.matches > 1 ? html`<span class="more">${t.more(hit.matches - 1)}</span>` : nothing}
                            </button>
                          </li>`;
                        })}
                      </ul>
                    </li>`;
                  })}
                </ul>`,
            )}
          </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-search': EPaperSearch;
  }
}
