import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Edition, Page } from '../../edition/schema.js';
import { cssProps } from '../../internal/css-props.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import type { EPaperViewport, ViewportViewDetail } from '../e-paper-viewport/e-paper-viewport.js';
import { isFittedScale, scaleBounds, type Point, type Size } from '../e-paper-viewport/viewport-math.js';
import { overviewStrings } from './overview-strings.js';
import { overviewStyles, overviewTokens } from './e-paper-overview.styles.js';
import { centerOf, dragCenter, keyCenter, mapSize, mapToPage, shareOfPage, visibleRect, type Box } from './overview-math.js';

const percent = (share: number) => `${(share * 100).toFixed(3)}%`;
/** Stands for the picture whose image could not be loaded, as the page strip's failed pages do (named in the UI language). */
const failedIcon = (label: string) =>
  html`<svg class="failed" viewBox="0 0 24 24" role="img" aria-label=${label}><circle cx="12" cy="12" r="8.5" /><path d="M12 7.5v5.5M12 16v.5" /></svg>`;
const prefersReducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * The overview map (导航图): a small picture of the whole page in a corner of the viewer with the
 * area the viewport shows marked on it, while the page is zoomed in beyond fit; hidden at fit.
 * Dragging the mark (mouse, pen or finger) pans the page with it; a press elsewhere on the map
 * centres the page there and drags on from it. The mark is focusable, and the arrow keys move it
 * (Shift: by most of itself), as they pan the viewport.
 *
 * The map is drawn as the page strip draws its thumbnails: the page itself (`<e-paper-page
 * thumbnail>`), a scan by its smallest image. It follows the viewport (`for`: its id, in the same
 * root; the viewer's by default) every frame through the viewport's `e-paper-viewport-view`, and moves it through
 * `zoomTo` at the scale it has; the maths are the pure functions of `overview-math.ts`.
 *
 * A lazy part: the viewer loads it once the browser is idle after ready (or at the first zoom in,
 * if that comes first), and leaves it out with `no-overview`. It draws the map, and its picture at
 * idle, while the page is at fit, laid out and drawn but not seen (`filter: opacity(0)`, inert):
 * so that its first showing mid-zoom costs no layout (measured: a 33–100 ms layout of the picture
 * in the frames of the zoom) and no raster (88–100 ms for the picture's one tile in the zoom's
 * first frame, when it was hidden by `visibility` or `opacity: 0`, which Chromium does not raster).
 *
 * If the picture's image cannot be loaded (a scan page's smallest image), the map shows a mark in
 * its place, named "the page's picture could not be loaded" in the UI language, until another
 * page is shown; the visible area's mark and its keys work on.
 *
 * @csspart overview - The map: the page's picture with the mark over it.
 * @csspart overview-mark - The mark of the visible area; focusable.
 * @cssprop [--e-paper-overview-size=160px] - The overview map's longer side (at most a third of a narrow viewer's width).
 * @cssprop [--e-paper-paper=#fbf8f1] - The printed page's paper (also the reader's, the thumbnails' and the loading sheet's).
 * @cssprop [--e-paper-paper-dark=#22211e] - `--e-paper-paper` in the dark theme.
 * @cssprop [--e-paper-ink=#1a1a1a] - The printed page's ink: text and rules (muted text is mixed from ink and paper).
 * @cssprop [--e-paper-ink-dark=#e6e2d8] - `--e-paper-ink` in the dark theme.
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the toolbar and its panels (list, search, calendar, page strip); opaque, so that the page never shows through.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 */
export class EPaperOverview extends LitElement {
  static override styles = [tokenStyles, overviewTokens, overviewStyles];

  /** The edition the page belongs to (its fonts, for a typeset page). */
  @property({ attribute: false }) edition?: Edition;
  /** The page shown. */
  @property({ attribute: false }) page?: Page;
  /** URL that the edition's relative sources (scan images) are resolved against. */
  @property({ attribute: false }) baseUrl = document.baseURI;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. */
  @property() override lang = 'zh-CN';
  /** Id of the `<e-paper-viewport>` the map shows and pans, in the same document or shadow root; without it, the first one there (the viewer's). */
  @property({ attribute: 'for' }) htmlFor = '';

  /** The viewport's view and box as it last gave them. */
  @state() private frame?: ViewportViewDetail;
  /**
   * Whether the page's picture is drawn: once the browser is idle after the map first shows, so
   * that drawing a typeset page again (measured: 14–34 ms warm, 93 ms the first time in a
   * document) never lands in the frame of the zoom that showed the map.
   */
  @state() private pictured = false;

  /** Whether the picture's image could not be loaded (for the page shown). */
  @state() private failed = false;

  #viewport?: EPaperViewport;
  #pictureAsked = false;
  #drag?: { id: number; x: number; y: number; start: Point; scale: number };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') && this.isConnected) this.#attach();
    // Another page: its picture is drawn at idle again, never in the frame of the page's turn.
    if (changed.has('page') && changed.get('page')) this.pictured = this.#pictureAsked = false;
    if (changed.has('page')) this.failed = false;
    // At fit the map stays laid out and drawn, only not seen (see the styles), nor focused or read.
    this.hidden = this.inert = !this.#zoomed;
  }

  /** Whether the page is zoomed in beyond fit (the map shows). */
  get #zoomed(): boolean {
    const { frame } = this;
    return !!frame && !!this.page && !isFittedScale(frame.view.scale, scaleBounds(frame.box, this.#pageSize));
  }

  get #pageSize(): Size {
    return { width: this.page?.width ?? 0, height: this.page?.height ?? 0 };
  }

  /** The part of the page in view (page units). */
  get #visible(): Box {
    const frame = this.frame;
    return frame ? visibleRect(frame.view, frame.box, this.#pageSize) : { x: 0, y: 0, w: 0, h: 0 };
  }

  #attach(): void {
    this.#detach();
    const root = this.getRootNode() as Document | ShadowRoot;
    const viewport = this.htmlFor
      ? (root.getElementById?.(this.htmlFor) as EPaperViewport | null)
      : root.querySelector?.('e-paper-viewport');
    if (!viewport) return;
    this.#viewport = viewport;
    viewport.addEventListener('e-paper-viewport-view', this.#onView);
    // Where it stands now: the map may come after the viewport's last change.
    this.frame = { view: viewport.view, box: { width: viewport.clientWidth, height: viewport.clientHeight }, animate: false };
  }

  #detach(): void {
    this.#viewport?.removeEventListener('e-paper-viewport-view', this.#onView);
    this.#viewport = undefined;
    this.#drag = undefined;
  }

  #onView = (event: CustomEvent<ViewportViewDetail>) => {
    this.frame = event.detail;
  };

  /** Centres the page point `center` in the viewport, at the scale it has. */
  #pan(center: Point, options: { animate: boolean; gesture?: boolean }): void {
    const viewport = this.#viewport;
    viewport?.zoomTo(viewport.scale, center, options);
  }

  #onPointerDown = (event: PointerEvent) => {
    const map = event.currentTarget as HTMLElement;
    if (event.button !== 0 || !this.page) return;
    const rect = map.getBoundingClientRect();
    const scale = (rect.width - map.clientLeft * 2) / this.page.width;
    let start = centerOf(this.#visible);
    if (!(event.target as Element).classList.contains('mark')) {
      // A press beside the mark: the page centres there at once, and a drag goes on from it.
      start = mapToPage(
        { x: event.clientX - rect.left - map.clientLeft, y: event.clientY - rect.top - map.clientTop },
        scale,
        this.#pageSize,
      );
      this.#pan(start, { animate: false, gesture: true });
    }
    this.#drag = { id: event.pointerId, x: event.clientX, y: event.clientY, start, scale };
    map.setPointerCapture(event.pointerId);
    map.classList.add('dragging');
  };

  #onPointerMove = (event: PointerEvent) => {
    const drag = this.#drag;
    if (!drag || drag.id !== event.pointerId) return;
    this.#pan(dragCenter(drag.start, event.clientX - drag.x, event.clientY - drag.y, drag.scale, this.#pageSize), {
      animate: false,
      gesture: true,
    });
  };

  #onPointerUp = (event: PointerEvent) => {
    if (this.#drag?.id !== event.pointerId) return;
    this.#drag = undefined;
    (event.currentTarget as HTMLElement).classList.remove('dragging');
  };

  #onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const center = keyCenter(this.#visible, event.key, event.shiftKey, this.#pageSize);
    if (!center) return;
    event.preventDefault();
    this.#pan(center, { animate: !event.repeat });
  };

  override render() {
    const { page, edition, frame } = this;
    if (!page || !edition || !frame) return nothing;
    if (!this.#pictureAsked) {
      this.#pictureAsked = true;
      const picture = () => (this.pictured = true);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(picture, { timeout: 300 });
      else setTimeout(picture, 50);
    }
    const strings = overviewStrings(this.lang);
    const side = mapSize(page, 1);
    const mark = shareOfPage(this.#visible, page);
    const round = (share: number) => Math.round(share * 100);
    return html`<div
      class="map"
      part="overview"
      role="group"
      aria-label=${strings.label}
      ${cssProps({ '--_fw': String(side.width), '--_fh': String(side.height), '--_pw': `${page.width}px` })}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerUp}
    >
      ${
        this.failed
          ? failedIcon(strings.failed)
          : this.pictured
            ? html`<e-paper-page
                thumbnail
                .edition=${edition}
                .page=${page}
                .baseUrl=${this.baseUrl}
                lang=${this.lang}
                @e-paper-page-scan-error=${() => (this.failed = true)}
              ></e-paper-page>`
            : nothing
      }
      <div
        class="mark ${frame.animate && !prefersReducedMotion() ? 'animate' : ''}"
        part="overview-mark"
        role="application"
        tabindex="0"
        aria-label=${strings.mark}
        aria-describedby="position"
        ${cssProps({ left: percent(mark.x), top: percent(mark.y), width: percent(mark.w), height: percent(mark.h) })}
        @keydown=${this.#onKeyDown}
      ></div>
      <span id="position" class="position">${strings.position(round(mark.x), round(mark.y), round(mark.w), round(mark.h))}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-overview': EPaperOverview;
  }
}
