import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isolate } from '../../i18n/strings.js';
import { toolbarStrings } from './toolbar-strings.js';
import { toolbarStyles } from './e-paper-toolbar.styles.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { ToolbarFit } from './toolbar-fit.js';
import { ToolbarMore } from './toolbar-more.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

/** What a toolbar button asks for. */
export type ToolbarAction = 'zoom-in' | 'zoom-out' | 'fit-page' | 'fit-width' | 'previous-page' | 'next-page';

/** `detail` of the `e-paper-toolbar-action` event. */
export interface ToolbarActionDetail {
  action: ToolbarAction;
}

/** Scales this close (relatively) to a bound count as at it. */
const BOUND_EPSILON = 1e-3;

/** Properties that change with every zoom, and never the row's width. */
const ZOOM_KEYS = new Set<PropertyKey>(['scale', 'minScale', 'maxScale']);

const icons: Record<ToolbarAction, TemplateResult> = {
  'zoom-out': html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5"></circle><path d="M15.5 15.5 21 21M7.5 10.5h6"></path></svg>`,
  'zoom-in': html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5"></circle><path d="M15.5 15.5 21 21M7.5 10.5h6M10.5 7.5v6"></path></svg>`,
  'fit-page': html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="6" y="3" width="12" height="18" rx="1"></rect><path d="M9 7h6M9 10.5h6M9 14h4"></path></svg>`,
  'previous-page': html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14.5 6 8.5 12l6 6"></path></svg>`,
  'next-page': html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9.5 6l6 6-6 6"></path></svg>`,
  'fit-width': html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 4v16M21 4v16M6.5 12h11M9 9l-2.5 3L9 15M15 9l2.5 3L15 15"></path></svg>`,
};

/**
 * Zoom controls for the viewer: zoom out, the scale as a percentage, zoom in, fit page, fit
 * width; and, for an edition of several pages, previous page, the page shown, next page. It
 * only asks: each button fires `e-paper-toolbar-action`, and the owner of the zoom
 * sets `scale`, `minScale` and `maxScale` back. Buttons at a bound are `aria-disabled` (they
 * keep focus, so a keyboard reader pressing "zoom in" to the end is not thrown out of the
 * toolbar) and fire nothing.
 *
 * The toolbar keeps to one row: it measures whether its controls fit and, step by step, turns
 * words into icons and leaves controls out of the row (toolbar-fit.ts), setting the `compact`
 * attribute (`icons`, `icons tight`, `icons tight phone`) on itself and on each element slotted
 * into its end, whose styles shrink them by it. A control left out of the row (the page arrows,
 * full screen, the archive's previous and next editions) is an item of the "more" (⋯) menu at the
 * row's end, shown only then (toolbar-more.ts): no control is out of reach at any width.
 *
 * In `<e-paper>` it is a lazy part, loaded with what is shown around the page once the page is
 * shown (`e-paper-ready`); the viewer keeps its row, at its height, until it is in.
 *
 * @fires e-paper-toolbar-action - A button was pressed. Bubbles, not composed.
 *   `detail: {action: 'zoom-in' | 'zoom-out' | 'fit-page' | 'fit-width' | 'previous-page' | 'next-page'}`.
 * @slot end - More controls after the zoom controls.
 * @csspart toolbar - The bar around the controls.
 * @csspart button - Every button; each has its action's part too.
 * @csspart zoom-out - The zoom-out button.
 * @csspart zoom-in - The zoom-in button.
 * @csspart fit-page - The fit-the-page button.
 * @csspart fit-width - The fit-the-width button.
 * @csspart previous-page - The previous-page button.
 * @csspart next-page - The next-page button.
 * @csspart scale - The scale read-out.
 * @csspart page-number - The page read-out (`A2 2/8`).
 * @csspart more - The "more" (⋯) menu button, shown while the row leaves a control out (also a `button`).
 * @csspart more-menu - Its menu of the controls left out.
 * @csspart more-item - An item of that menu (it presses the control it names).
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-ui-ink-dark=#ececec] - `--e-paper-ui-ink` in the dark theme.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the toolbar and its panels (list, search, calendar, page strip); opaque, so that the page never shows through.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text and icons of the toolbar and its panels.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 */
export class EPaperToolbar extends LocalizedElement {
  static override styles = [tokenStyles, toolbarStyles];

  /** Fits the row to the toolbar's width (the `compact` attribute), from its first render; the "more" button shows at each step tried if a control is left out. */
  readonly #fit = new ToolbarFit(this, () => this.#more.sync());
  /** The "more" menu, with the controls the row leaves out. */
  readonly #more = new ToolbarMore(this);

  /** Resolves once the toolbar has rendered and its row is fitted to what is slotted into it (drawn by then). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.#fit.settled();
    return done;
  }

  /** The current scale (1 = 100%). */
  @property({ type: Number }) scale = 1;
  /** The smallest scale: zoom out is disabled there. */
  @property({ type: Number, attribute: 'min-scale' }) minScale = 0;
  /** The largest scale: zoom in is disabled there. */
  @property({ type: Number, attribute: 'max-scale' }) maxScale = Number.POSITIVE_INFINITY;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';
  /** Pages of the edition: the page controls show when there are several. */
  @property({ type: Number, attribute: 'page-count' }) pageCount = 1;
  /** Index (from 0) of the page shown. */
  @property({ type: Number, attribute: 'page-index' }) pageIndex = 0;
  /** Label of the page shown (`A2`). */
  @property({ attribute: 'page-label' }) pageLabel = '';
  /** The viewer shows its text view: no zoom controls, only the page buttons (which move the list). */
  @property({ type: Boolean, reflect: true, attribute: 'text-view' }) textView = false;

  /** Whether zoom out can go further. */
  get canZoomOut(): boolean {
    return !(Number.isFinite(this.minScale) && this.scale <= this.minScale * (1 + BOUND_EPSILON));
  }

  /** Whether zoom in can go further. */
  get canZoomIn(): boolean {
    return !(Number.isFinite(this.maxScale) && this.scale >= this.maxScale * (1 - BOUND_EPSILON));
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The scale's read-out keeps its width: a zoom does not measure the row again.
    if ([...changed.keys()].some((key) => !ZOOM_KEYS.has(key))) this.#fit.schedule();
  }

  private act(action: ToolbarAction, enabled: boolean): void {
    if (!enabled) return;
    emit(this, 'e-paper-toolbar-action', { action });
  }

  private button(action: ToolbarAction, label: string, enabled = true): TemplateResult {
    return html`<button
      type="button"
      part="button ${action}"
      data-action=${action}
      aria-label=${label}
      title=${label}
      aria-disabled=${enabled ? 'false' : 'true'}
      @click=${() => this.act(action, enabled)}
    >
      ${icons[action]}
    </button>`;
  }

  override render() {
    const t = toolbarStrings(this.lang);
    const percent = Number.isFinite(this.scale) && this.scale > 0 ? `${Math.round(this.scale * 100)}%` : '–';
    return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${t.label}>
      ${this.button('zoom-out', t.zoomOut, this.canZoomOut)}
      <output class="scale" part="scale" aria-label=${t.scale} aria-live="polite">${percent}</output>
      ${this.button('zoom-in', t.zoomIn, this.canZoomIn)}
      <span class="separator" aria-hidden="true"></span>
      ${this.button('fit-page', t.fitPage)} ${this.button('fit-width', t.fitWidth)}
      ${
        this.pageCount > 1
          ? html`<span class="separator" aria-hidden="true"></span>
            ${this.button('previous-page', t.previousPage, this.pageIndex > 0)}
            <span class="page-number" part="page-number" role="status" aria-label=${t.pageOf(this.pageLabel, this.pageIndex + 1, this.pageCount)}
              >${isolate(this.pageLabel)} <small>${this.pageIndex + 1}/${this.pageCount}</small></span
            >
            ${this.button('next-page', t.nextPage, this.pageIndex < this.pageCount - 1)}`
          : ''
      }
      <span class="end"><slot name="end" @slotchange=${() => this.#fit.schedule()}></slot></span>
      ${this.#more.render()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-toolbar': EPaperToolbar;
  }
}
