// The view, its transform and the fit: what the first paint needs. The input (pointers, wheel,
// keys, the gesture lifecycle) is a set of reactive controllers loaded after it (viewport-input.ts);
// the maths is viewport-math.ts. Just over 400 lines: a fifth of them is the element's documentation.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../../internal/css-props.js';
import { emit } from '../../events/events.js';
import { viewportStyles } from './e-paper-viewport.styles.js';
import {
  READING_SCALE,
  SCALE_EPSILON,
  boxCenter,
  clampScale,
  clampView,
  fitScale,
  fitView,
  isFittedScale,
  safeSize,
  sameView,
  scaleBounds,
  viewCenter,
  viewCenteredOn,
  zoomAtPoint,
  ZOOM_STEP,
  type FitMode,
  type Point,
  type ScaleBounds,
  type Size,
  type View,
} from './viewport-math.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import type { CommitOptions, ViewportInput, ViewportInputModule, ViewportPort, ZoomEventDetail, ZoomOptions } from './viewport-types.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

export type { ViewportViewDetail, ZoomEventDetail, ZoomOptions } from './viewport-types.js';

export { DOUBLE_TAP_MS, DOUBLE_TAP_SLOP, ZOOM_STEP } from './viewport-math.js';

/** How discrete steps (buttons, keys, double-click, fit) move: a CSS transition of the transform. */
const TRANSITION = 'transform 180ms cubic-bezier(0.2, 0, 0, 1)';
/** What asks for the input before it is in: the first wheel, press, key or hover. */
const ATTEMPTS = ['wheel', 'pointerdown', 'keydown', 'pointerover'] as const;

const transformOf = ({ x, y, scale }: View) => `translate(${x}px, ${y}px) scale(${scale})`;

const prefersReducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * The pan/zoom surface around the page.
 *
 * The view maths are the pure functions of `viewport-math.ts`; the element owns the view and
 * writes it to the stage at once, as `style.transform` through the CSSOM (strict-CSP pages accept
 * it). Discrete steps (buttons, keys, double-click, fit) animate with a CSS transition (none under
 * `prefers-reduced-motion`); gestures never do. Once the input is in, the stage is a compositor
 * layer with the page drawn in it at the scale shown (stage-layer.ts): a gesture moves and scales
 * that raster, and a moment after it ends the page is drawn again at the new scale, crisp at rest.
 *
 * Input: Ctrl/⌘ + wheel and trackpad pinch zoom at the pointer; plain wheel pans when zoomed in
 * and, at the fitted scale, is left to the host page (a hint says how to zoom); drag pans;
 * double-click zooms in a step (Shift: out); two-finger pinch follows the fingers; one finger
 * pans when zoomed in, and at fit a vertical swipe scrolls the host page; double-tap zooms to
 * 100% at the tap (at 100% or more: back to fit). With focus: `+`/`=` and `-` zoom at the
 * centre, `0` fits the page, arrow keys pan (Shift: by most of the box).
 *
 * A drag or a pinch swallows the click that follows, so a drag that starts on an article never
 * opens it. The input is a set of reactive controllers in a part of its own, loaded once the viewport is
 * connected (with `deferInput`: once that is cleared); `updateComplete` waits for it. Input before
 * it is in asks for it and is not handled: a plain wheel goes to the host page, as at fit, Ctrl +
 * wheel zooms neither (not the host page either), a click reaches the page. A failed load is logged and tried again on the next input.
 *
 * @slot - The page, drawn at its size in page units (`pageWidth` × `pageHeight` CSS px).
 * @fires e-paper-viewport-zoom - The view changed and settled (at most once a frame, at the end of a
 *   gesture). Bubbles, not composed. `detail: {scale, center: {x, y}, fitted, minScale, maxScale}`
 *   (center in page units); also when a resize moves the bounds; not fired for the first fit.
 * @fires e-paper-viewport-view - The view was given to the stage: every change, every frame of a gesture, for the
 *   overview map. Bubbles, not composed. `detail: {view: {scale, x, y}, box: {width, height}, animate}`.
 * @fires e-paper-viewport-swipe - A one-finger (or pen) sideways swipe at the fitted scale, to turn
 *   the page. Bubbles, not composed. `detail: {direction}`: `1` (swiped left: next) or `-1` (previous).
 * @csspart box - The clipping box the page moves in.
 * @csspart stage - The transformed layer that holds the page.
 * @csspart hint - The "hold Ctrl and scroll to zoom" hint (drawn with the input, which alone shows it).
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-hint-bg=rgb(20 20 20 / 0.78)] - Background of the "hold Ctrl to zoom" hint.
 * @cssprop [--e-paper-hint-bg-dark=rgb(242 237 227 / 0.92)] - `--e-paper-hint-bg` in the dark theme.
 * @cssprop [--e-paper-hint-ink=#fff] - Text of that hint.
 * @cssprop [--e-paper-hint-ink-dark=#1a1a1a] - `--e-paper-hint-ink` in the dark theme.
 */
export class EPaperViewport extends LocalizedElement {
  static override styles = [tokenStyles, viewportStyles];

  /** Page width in page units. */
  @property({ type: Number, attribute: false }) pageWidth = 0;
  /** Page height in page units. */
  @property({ type: Number, attribute: false }) pageHeight = 0;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';

  /**
   * Whether loading the input waits: the viewer sets it until `e-paper-ready`, so that the first
   * render fetches no input code. Input over the viewport asks for it all the same.
   */
  @property({ type: Boolean, attribute: false }) deferInput = false;

  @state() private hintVisible = false;

  /** @internal Loads the input controllers; a test puts a failing loader here. */
  static loadInput = (): Promise<ViewportInputModule> => import('./viewport-input.js');

  // Private state and methods are `#` members: the minifier shortens their names, which it
  // cannot do for TypeScript's `private` ones (3 KB of the bundle, with the reader's).
  #current: View = { scale: 1, x: 0, y: 0 };
  /** The view last handed to the stage. */
  #applied?: View;
  /** The box size the current view was laid out for. */
  #laidOutBox: Size = { width: 0, height: 0 };
  /** The fit the reader is in; kept across resizes. `null` once they zoom or pan away. */
  #fitMode: FitMode | null = 'page';
  /** The detail last announced; the first layout sets it without an event. */
  #announced?: ZoomEventDetail;

  #resizeObserver?: ResizeObserver;
  #emitFrame?: number;
  /** The input controllers, once loaded; a load under way. */
  #input?: ViewportInput;
  #inputLoad?: Promise<void>;
  /** What the input controllers may do that the public API does not offer. */
  readonly #port: ViewportPort = {
    commit: (view, options) => this.#commit(view, options),
    hint: (visible) => (this.hintVisible = visible),
    settled: () => this.#emitIfChanged(),
  };

  // ---- public API -------------------------------------------------------------------------

  /** The current scale: screen pixels per page unit (1 = 100%). */
  get scale(): number {
    return this.#current.scale;
  }

  /** The smallest scale: the whole page fits. */
  get minScale(): number {
    return this.#bounds().min;
  }

  /** The largest scale: body text at three times its reading size (or the fit, if larger). */
  get maxScale(): number {
    return this.#bounds().max;
  }

  /** Where the page stands: `screen = page × scale + (x, y)`, screen relative to the box. */
  get view(): View {
    return { ...this.#current };
  }

  /** The page point at the centre of the box, in page units. */
  get center(): Point {
    return viewCenter(this.#current, this.#boxSize());
  }

  /**
   * Zooms to `scale` (clamped to the bounds). With `point` (page units) that point is centred;
   * without it the page point at the centre stays there.
   */
  zoomTo(scale: number, point?: Point, options: ZoomOptions = {}): void {
    const box = this.#boxSize();
    const to = clampScale(scale, this.#bounds(box));
    const center = point && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : viewCenter(this.#current, box);
    this.#commit(viewCenteredOn(center, to, box), { animate: options.animate ?? true, gesture: options.gesture });
  }

  /** Zooms by `factor` at `screenPoint` (CSS px relative to the box; default its centre). */
  zoomBy(factor: number, screenPoint?: Point, options: ZoomOptions = {}): void {
    const box = this.#boxSize();
    // A factor that is no number, or not above 0, leaves the scale as it is.
    const by = Number.isFinite(factor) && factor > 0 ? factor : 1;
    this.#commit(this.#zoomedAt(this.#current.scale * by, screenPoint ?? boxCenter(box)), { animate: options.animate ?? true });
  }

  /**
   * What a double-click or a double-tap at a client point does: a mouse zooms in a step there
   * (`out`: a step out); a finger zooms to reading size there, or at reading size or more back to
   * the fitted page. The viewer calls it too, for a second press that landed on the reader the
   * first one opened.
   */
  zoomForDoublePress(clientX: number, clientY: number, pointerType: string, out = false): void {
    const point = this.#toBox(clientX, clientY);
    if (pointerType !== 'touch') this.zoomBy(out ? 1 / ZOOM_STEP : ZOOM_STEP, point);
    else if (this.#current.scale < READING_SCALE * (1 - SCALE_EPSILON))
      this.#commit(this.#zoomedAt(READING_SCALE, point), { animate: true });
    else this.fit('page');
  }

  /** Fits the whole page (`'page'`) or its width (`'width'`, top-aligned) into the box. */
  fit(mode: FitMode = 'page', options: ZoomOptions = {}): void {
    const fitMode: FitMode = mode === 'width' ? 'width' : 'page';
    this.#commit(fitView(this.#boxSize(), this.#pageSize(), fitMode), { animate: options.animate ?? true, fitMode });
  }

  // ---- lifecycle --------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('aria-keyshortcuts')) this.setAttribute('aria-keyshortcuts', '+ - 0 ArrowUp ArrowDown ArrowLeft ArrowRight');
    this.#resizeObserver = new ResizeObserver(() => this.#relayout());
    this.#resizeObserver.observe(this);
    if (this.#input) return;
    for (const type of ATTEMPTS) this.addEventListener(type, this.#wantInput, { passive: true });
    this.addEventListener('wheel', this.#holdPageZoom, { passive: false });
    if (!this.deferInput) this.#wantInput();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    if (this.#emitFrame !== undefined) cancelAnimationFrame(this.#emitFrame);
    this.#emitFrame = undefined;
    this.hintVisible = false;
    this.#unlisten();
  }

  /** Waits for the input being loaded too (never rejects). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (!this.#inputLoad) return done;
    await this.#inputLoad;
    // The input, once in, draws the hint.
    done = await super.getUpdateComplete();
    return done;
  }

  /** Loads the input (once), unless it is in or on its way. */
  #wantInput = (): void => {
    if (this.#input || this.#inputLoad) return;
    const load: Promise<void> = EPaperViewport.loadInput()
      .then(
        (module) => this.#attach(module),
        (error: unknown) => console.warn('e-paper: the viewport’s input could not be loaded; it is tried again on the next input', error),
      )
      .finally(() => {
        if (load === this.#inputLoad) this.#inputLoad = undefined;
      });
    this.#inputLoad = load;
  };

  #attach(module: ViewportInputModule): void {
    this.#input ??= module.attachInput(this, this.#port);
    this.#unlisten();
    this.requestUpdate();
  }

  #unlisten(): void {
    for (const type of ATTEMPTS) this.removeEventListener(type, this.#wantInput);
    this.removeEventListener('wheel', this.#holdPageZoom);
  }

  /** Ctrl + wheel (a trackpad's pinch) before the input is in would zoom the whole host page: held. */
  #holdPageZoom = (event: WheelEvent): void => {
    if (event.ctrlKey) event.preventDefault();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.#fitMode = 'page';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.#relayout(true);
    if (changed.has('deferInput') && !this.deferInput && this.isConnected) this.#wantInput();
  }

  override render() {
    const size = { width: `${Math.max(0, this.pageWidth) || 0}px`, height: `${Math.max(0, this.pageHeight) || 0}px` };
    return html`<div class="box" part="box">
      <div class="stage" part="stage" ${cssProps(size)}><slot></slot></div>
      ${this.#input?.hint(this.lang, this.hintVisible) ?? nothing}
    </div>`;
  }

  // ---- view state -------------------------------------------------------------------------

  get #stage(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('.stage') ?? null;
  }

  #boxSize(): Size {
    return safeSize({ width: this.clientWidth, height: this.clientHeight });
  }

  #pageSize(): Size {
    return safeSize({ width: this.pageWidth, height: this.pageHeight });
  }

  #bounds(box = this.#boxSize()): ScaleBounds {
    return scaleBounds(box, this.#pageSize());
  }

  /** The view at `scale` (clamped first: see input-geometry.ts) keeping the page point under `point` (box px). */
  #zoomedAt(scale: number, point: Point): View {
    return zoomAtPoint(this.#current, clampScale(scale, this.#bounds()), point);
  }

  #constrain(view: View, box: Size): View {
    return clampView({ ...view, scale: clampScale(view.scale, this.#bounds(box)) }, box, this.#pageSize());
  }

  #detail(): ZoomEventDetail {
    const box = this.#boxSize();
    const bounds = this.#bounds(box);
    return {
      scale: this.#current.scale,
      center: viewCenter(this.#current, box),
      fitted: isFittedScale(this.#current.scale, bounds),
      minScale: bounds.min,
      maxScale: bounds.max,
    };
  }

  /**
   * Makes `next` (clamped) the view. `fitMode`: the fit it stands for (layout keeps the current
   * one); otherwise a change of scale leaves any fit, and reaching the smallest scale is the fit.
   */
  #commit(next: View, options: CommitOptions & { fitMode?: FitMode | null; layout?: boolean } = {}): void {
    const box = this.#boxSize();
    const view = this.#constrain(next, box);
    if (options.fitMode !== undefined) this.#fitMode = options.fitMode;
    else if (!options.layout) {
      const hasBox = box.width > 0 && box.height > 0;
      if (hasBox && isFittedScale(view.scale, this.#bounds(box))) this.#fitMode = 'page';
      else if (this.#fitMode !== 'width' || Math.abs(view.scale - this.#current.scale) > SCALE_EPSILON * view.scale) this.#fitMode = null;
    }
    this.#laidOutBox = box;
    this.#current = view;
    if (!this.#applied || !sameView(view, this.#applied)) this.#apply(view, (options.animate ?? false) && !prefersReducedMotion());
    this.#updateAffordances(box);
    if (options.gesture && this.#input) this.#input.moved();
    else this.#queueEmit();
  }

  /** Writes the view to the stage at once, animated (a transition) or not. */
  #apply(view: View, animate: boolean): void {
    const stage = this.#stage;
    if (!stage) return;
    this.#applied = view;
    stage.style.transition = animate && this.isConnected ? TRANSITION : 'none';
    stage.style.transform = transformOf(view);
    emit(this, 'e-paper-viewport-view', { view, box: this.#laidOutBox, animate });
  }

  /** Touch-action and cursor follow the zoom: at fit, a vertical swipe scrolls the host page. */
  #updateAffordances(box: Size): void {
    this.#stage?.parentElement?.classList.toggle('zoomed', !isFittedScale(this.#current.scale, this.#bounds(box)));
  }

  /** Lays the view out again for the box: a fit stays fitted, otherwise the centre stays. */
  #relayout(force = false): void {
    const box = this.#boxSize();
    const before = this.#laidOutBox;
    if (!force && box.width === before.width && box.height === before.height) return;
    const page = this.#pageSize();
    let next: View;
    if (this.#fitMode === 'page') next = fitView(box, page, 'page');
    else if (this.#fitMode === 'width') {
      const centerY = viewCenter(this.#current, before).y;
      next = viewCenteredOn({ x: page.width / 2, y: centerY }, fitScale(box, page, 'width'), box);
    } else next = viewCenteredOn(viewCenter(this.#current, before), this.#current.scale, box);
    this.#commit(next, { layout: true });
    if (!this.#announced && box.width > 0 && box.height > 0) this.#announced = this.#detail();
    this.#input?.relayout();
  }

  // ---- the event, once settled ----------------------------------------------------------

  #queueEmit(): void {
    if (this.#emitFrame !== undefined || !this.isConnected) return;
    this.#emitFrame = requestAnimationFrame(() => {
      this.#emitFrame = undefined;
      if (!this.#input?.moving) this.#emitIfChanged();
    });
  }

  #emitIfChanged(): void {
    const detail = this.#detail();
    const last = this.#announced;
    if (
      last &&
      Math.abs(last.scale - detail.scale) <= 1e-6 * detail.scale &&
      Math.abs(last.center.x - detail.center.x) < 1e-3 &&
      Math.abs(last.center.y - detail.center.y) < 1e-3 &&
      last.fitted === detail.fitted &&
      Math.abs(last.minScale - detail.minScale) <= 1e-9 * detail.minScale &&
      last.maxScale === detail.maxScale
    ) {
      return;
    }
    this.#announced = detail;
    emit(this, 'e-paper-viewport-zoom', detail);
  }

  /** A client point in the box's coordinates. */
  #toBox(clientX: number, clientY: number): Point {
    const rect = this.getBoundingClientRect();
    return { x: clientX - rect.left - this.clientLeft, y: clientY - rect.top - this.clientTop };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-viewport': EPaperViewport;
  }
}
