import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EditionLoadError, loadEdition } from '../edition/load.js';
import { editionFontFamily, loadEditionFonts } from '../edition/fonts.js';
import { cssProps } from '../directives/css-props.js';
import { EditionError, validateEdition, type EditionProblem } from '../edition/validate.js';
import type { Edition, Page } from '../edition/schema.js';
import { uiStrings } from '../i18n/strings.js';
import { emit, type EPaperEventMap } from '../events.js';
import { viewerStyles } from './e-paper.styles.js';
import type { EPaperPage, RegionEventDetail } from '../e-paper-page/e-paper-page.js';

type ViewerState =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'error'; error: EPaperEventMap['e-paper-error'] }
  | { kind: 'ready'; edition: Edition; page: Page };

/**
 * An embeddable newspaper page viewer: a zoomable replica of an edition's page.
 *
 * @fires e-paper-ready - The page is drawn, its fonts included. `detail: {editionId, page}`.
 * @fires e-paper-error - The edition could not be loaded or is invalid. `detail: {cause, message, problems}`.
 * @cssprop [--e-paper-height=85vh] - Height of the viewer when the host page does not size it.
 * @cssprop [--e-paper-surface=#e9e6df] - Background around the page.
 * @cssprop [--e-paper-paper=#fbf8f1] - Paper colour.
 * @cssprop [--e-paper-ink=#1a1a1a] - Text colour on the page.
 * @cssprop [--e-paper-accent=#c8161d] - Masthead, banners and accents.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @csspart page - The sheet of paper (forwarded from the page).
 * @csspart article - An article's block on the page (forwarded).
 * @csspart error - The error message box.
 * @csspart regions - The layer of article regions over the page (forwarded).
 * @csspart region - An article's region (forwarded).
 * @csspart region-read - The region of an article already read (forwarded).
 * @csspart tooltip - The tooltip over a hovered or focused article (forwarded).
 * @cssprop [--e-paper-region-tint=rgb(200 22 29 / 0.08)] - Fill of a hovered or focused article.
 * @cssprop [--e-paper-region-outline=#c8161d] - Outline of a hovered or focused article.
 * @cssprop [--e-paper-tooltip-bg=#1f1f1f] - Tooltip background.
 * @cssprop [--e-paper-tooltip-ink=#fff] - Tooltip text colour.
 */
export class EPaper extends LitElement {
  static override styles = viewerStyles;

  /** URL of the edition JSON. */
  @property({ reflect: true }) src?: string;

  /** The edition as an object, instead of `src`. Validated like a loaded file. */
  @property({ attribute: false }) edition?: unknown;

  /** UI language: `zh-CN` (default) or `en`. */
  @property({ reflect: true }) override lang = 'zh-CN';

  /** Id (or label) of the page to show; the first page when absent or unknown. */
  @property({ reflect: true }) page?: string;

  @state() private viewState: ViewerState = { kind: 'empty' };
  /** The article whose region the pointer or focus is on, for the tooltip. */
  @state() private hovered?: { articleId: string; region: SVGGElement; point?: { x: number; y: number } };

  private loadController?: AbortController;
  private generation = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('edition')) void this.load();
    if (changed.has('page') && this.viewState.kind === 'ready') {
      this.viewState = { ...this.viewState, page: this.pickPage(this.viewState.edition) };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadController?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved or re-attached while a load was cut off: load again.
    if (this.hasUpdated && this.viewState.kind === 'loading') void this.load();
  }

  /** Loads (or reloads) the edition from `edition` or `src`. */
  async load(): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    const generation = ++this.generation;
    const current = () => generation === this.generation;

    if (this.edition === undefined && !this.src) {
      this.fail({ cause: 'no-source', message: uiStrings(this.lang).errors['no-source'], problems: [] });
      return;
    }
    this.viewState = { kind: 'loading' };
    let edition: Edition;
    let base = document.baseURI;
    try {
      if (this.edition !== undefined) {
        edition = validateEdition(this.edition);
      } else {
        base = new URL(this.src!, document.baseURI).href;
        edition = await loadEdition(base, { signal: controller.signal });
      }
      await loadEditionFonts(edition, base);
    } catch (error) {
      if (!current() || controller.signal.aborted) return;
      this.fail(this.describe(error));
      return;
    }
    if (!current()) return;
    this.viewState = { kind: 'ready', edition, page: this.pickPage(edition) };
    await this.updateComplete;
    await this.renderRoot.querySelector<EPaperPage>('e-paper-page')?.updateComplete;
    // The frame after the page is painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (!current()) return;
    emit(this, 'e-paper-ready', { editionId: edition.id, page: this.viewState.kind === 'ready' ? this.viewState.page.id : '' });
  }

  private onRegionEnter = (event: CustomEvent<RegionEventDetail>) => {
    const { articleId, region, via } = event.detail;
    this.hovered = { articleId, region, point: via === 'pointer' ? this.lastPointer : undefined };
  };

  private onRegionLeave = (event: CustomEvent<RegionEventDetail>) => {
    if (this.hovered?.region === event.detail.region) this.hovered = undefined;
  };

  private lastPointer?: { x: number; y: number };
  private onPagePointerMove = (event: PointerEvent) => {
    this.lastPointer = { x: event.clientX, y: event.clientY };
    // Buttons held: the reader is panning; the tooltip would only trail behind.
    if (event.buttons && this.hovered) this.hovered = undefined;
  };

  private pickPage(edition: Edition): Page {
    return edition.pages.find((p) => p.id === this.page || p.label === this.page) ?? edition.pages[0];
  }

  private describe(error: unknown): EPaperEventMap['e-paper-error'] {
    const strings = uiStrings(this.lang);
    if (error instanceof EditionLoadError) {
      return { cause: error.failure, message: `${strings.errors[error.failure]} (${error.message})`, problems: error.problems };
    }
    if (error instanceof EditionError) {
      return { cause: 'invalid', message: strings.errors.invalid, problems: error.problems };
    }
    return { cause: 'network', message: strings.errors.network, problems: [] };
  }

  private fail(error: EPaperEventMap['e-paper-error']): void {
    this.viewState = { kind: 'error', error };
    emit(this, 'e-paper-error', error);
  }

  override render() {
    const edition = this.viewState.kind === 'ready' ? this.viewState.edition : undefined;
    // The edition's body face carries the UI strings too: the last resort where the system has no CJK font.
    const uiFallback = edition?.fonts?.some((f) => f.role === 'body') ? `"${editionFontFamily(edition, 'body')}", sans-serif` : null;
    return html`<div class="viewer" ${cssProps({ '--_font-edition-body': uiFallback })}>${this.renderState()}</div>`;
  }

  private renderState() {
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
        return html`<e-paper-viewport
          role="region"
          aria-label=${strings.viewerLabel(state.edition.title, state.edition.date)}
          .pageWidth=${state.page.width}
          .pageHeight=${state.page.height}
        >
          <e-paper-page
            exportparts="page, article, block, masthead, ear, footer, regions, region, region-read"
            .edition=${state.edition}
            .page=${state.page}
            .uiLang=${this.lang}
            @e-paper-region-enter=${this.onRegionEnter}
            @e-paper-region-leave=${this.onRegionLeave}
            @pointermove=${this.onPagePointerMove}
          ></e-paper-page>
        </e-paper-viewport>
        <e-paper-tooltip
          exportparts="tooltip"
          .article=${state.edition.articles.find((a) => a.id === this.hovered?.articleId)}
          .anchor=${this.hovered?.region}
          .point=${this.hovered?.point}
          .boundary=${this}
          .uiLang=${this.lang}
          .textLang=${state.edition.lang}
          ?open=${this.hovered !== undefined}
        ></e-paper-tooltip>`;
    }
  }
}

const formatProblem = (problem: EditionProblem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message);
