// Over 400 lines: the view state and the input handlers (wheel, pointers, touch, keys, Safari's
// gestures) share the view, its bounds and the gesture's lifecycle, and this element is in the
// first render, whose budget has about 0.1 kB left: a gesture controller would carry them across
// a class boundary whose member names the minifier cannot shorten. The maths is viewport-math.ts.
import { LitElement, html, type PropertyValues } from 'lit';
import { isTextField } from '../../internal/focus.js';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../../internal/css-props.js';
import { uiStrings } from '../../i18n/strings.js';
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
  panBy,
  safeSize,
  sameView,
  scaleBounds,
  screenToPage,
  viewCenter,
  viewCenteredOn,
  wheelZoomFactor,
  zoomAtPoint,
  type FitMode,
  type Point,
  type ScaleBounds,
  type Size,
  type View,
} from './viewport-math.js';
import { tokenStyles } from '../../internal/styles/tokens.js';

/** `detail` of the viewport's `e-paper-viewport-zoom` and the viewer's `e-paper-zoom`. */
export interface ZoomEventDetail {
  /** Screen pixels per page unit (1 = 100%, body text at reading size). */
  scale: number;
  /** The page point at the centre of the viewport, in page units. */
  center: Point;
  /** Whether the whole page is fitted (the smallest scale). */
  fitted: boolean;
  /** The bounds of the scale now (they change with the box): for a toolbar. */
  minScale: number;
  maxScale: number;
}

/** Options of the programmatic zoom methods. */
export interface ZoomOptions {
  /** Animate the change (default true); never animated when the reader prefers reduced motion. */
  animate?: boolean;
  /** A step of a continuous gesture (the overview map's drag): `e-paper-viewport-zoom` waits for it to settle. */
  gesture?: boolean;
}

/** `detail` of `e-paper-viewport-view`: the view just given to the stage, the box it is in, and whether it animates there. */
export interface ViewportViewDetail {
  view: View;
  box: Size;
  animate: boolean;
}

/** The factor of one zoom step: buttons, keys, double-click. */
export const ZOOM_STEP = 1.5;
/** A pointer that moved farther than this (CSS px) drags; the click after it is swallowed. */
export const DRAG_THRESHOLD = 5;
/** Quiet time after the last input of a gesture before it counts as ended (ms). */
export const SETTLE_MS = 150;
/** How long the "hold Ctrl to zoom" hint stays (ms). */
export const HINT_MS = 1500;
/** How discrete steps (buttons, keys, double-click, fit) move: a CSS transition of the transform. */
const TRANSITION = 'transform 180ms cubic-bezier(0.2, 0, 0, 1)';
/** Two taps this close in time (ms) and place (CSS px) are a double-tap. */
export const DOUBLE_TAP_MS = 320;
export const DOUBLE_TAP_SLOP = 24;
const CLICK_SUPPRESS_MS = 400;
/** A swipe turns the page when it travels this far (px) and mostly sideways. */
const SWIPE_MIN_PX = 60;

interface TrackedPointer {
  type: string;
  x: number;
  y: number;
  downX: number;
  downY: number;
}

type Gesture =
  | { kind: 'pan'; id: number; startView: View; startX: number; startY: number; engaged: boolean }
  | { kind: 'pinch'; startView: View; anchor: Point; startDistance: number };

/** Safari's trackpad pinch: it sends these instead of ctrl + wheel (non-standard, WebKit only). */
const WEBKIT_GESTURES = ['gesturestart', 'gesturechange', 'gestureend'] as const;
type WebKitGestureEvent = UIEvent & { scale: number; clientX: number; clientY: number };

const transformOf = ({ x, y, scale }: View) => `translate(${x}px, ${y}px) scale(${scale})`;

const prefersReducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const isMac = () => {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  return /mac|iphone|ipad|ipod/i.test(nav?.userAgentData?.platform || nav?.platform || '');
};

/**
 * The pan/zoom surface around the page.
 *
 * The view maths (bounds, clamping, zoom at a point, fit) are the pure functions of
 * `viewport-math.ts`; the element owns the view and writes it to the stage itself, as
 * `style.transform` through the CSSOM (never a `style` attribute, so strict-CSP pages accept
 * it), at once, so that layout reads in the same frame see it. Discrete steps (buttons, keys,
 * double-click, fit) animate with a CSS transition on `transform` (none under
 * `prefers-reduced-motion`); gestures never do. The input handlers and the focal maths are our
 * own too.
 *
 * Why not `@panzoom/panzoom`, which did this before: here it only kept a copy of our view, wrote
 * the transform (in a `requestAnimationFrame`, a frame late, so we wrote it again at once) and
 * set the transition for animated steps, yet it cost 10.6 KB minified (3.6 KB min+gzip, a tenth
 * of the 35 KB budget), plus our code to cancel the frames and timer it scheduled without
 * handing back their ids. Its input handling fought the requirements and was never used: its
 * pinch is linear in the finger distance (not proportional), its start handler cancels and stops
 * every pointerdown (no host-page scroll at fit, no click suppression of our choosing), its
 * `contain` modes cannot express "centred when smaller, edges stop at the box when larger", and
 * its `zoomToPoint` assumes a 50% 50% origin and measures a box that lags its state by a frame,
 * so bursts of wheel or pinch events drift. What it set besides (`touch-action`, cursor,
 * `user-select: none`) is now in our stylesheet, switched by classes on the box.
 *
 * Crisp at rest: while a gesture runs the stage has `will-change: transform` (one raster,
 * moved by the compositor); {@link SETTLE_MS} after it ends that is dropped, so Chromium
 * rasterises the text again at the new scale.
 *
 * Input: Ctrl/⌘ + wheel and trackpad pinch zoom at the pointer; plain wheel pans when zoomed in
 * and, at the fitted scale, is left to the host page (a hint says how to zoom); drag pans;
 * double-click zooms in a step (Shift: out); two-finger pinch follows the fingers; one finger
 * pans when zoomed in, and at fit a vertical swipe scrolls the host page; double-tap zooms to
 * 100% at the tap (at 100% or more: back to fit). With focus: `+`/`=` and `-` zoom at the
 * centre, `0` fits the page, arrow keys pan (Shift: by most of the box).
 *
 * A pointer sequence that moved more than {@link DRAG_THRESHOLD} px or used two pointers
 * swallows the click that follows, so a drag that starts on an article never opens it.
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
 * @csspart hint - The "hold Ctrl and scroll to zoom" hint.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-hint-bg=rgb(20 20 20 / 0.78)] - Background of the "hold Ctrl to zoom" hint.
 * @cssprop [--e-paper-hint-bg-dark=rgb(242 237 227 / 0.92)] - `--e-paper-hint-bg` in the dark theme.
 * @cssprop [--e-paper-hint-ink=#fff] - Text of that hint.
 * @cssprop [--e-paper-hint-ink-dark=#1a1a1a] - `--e-paper-hint-ink` in the dark theme.
 */
export class EPaperViewport extends LitElement {
  static override styles = [tokenStyles, viewportStyles];

  /** Page width in page units. */
  @property({ type: Number, attribute: false }) pageWidth = 0;
  /** Page height in page units. */
  @property({ type: Number, attribute: false }) pageHeight = 0;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';

  @state() private hintVisible = false;

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
  #settleTimer?: ReturnType<typeof setTimeout>;
  #hintTimer?: ReturnType<typeof setTimeout>;
  #clickTimer?: ReturnType<typeof setTimeout>;
  #emitFrame?: number;

  readonly #pointers = new Map<number, TrackedPointer>();
  #gesture?: Gesture;
  #sequence = { moved: false, multi: false };
  #suppressClick = false;
  #inGesture = false;
  /** The scale the stage's will-change layer was rasterised at. */
  #rasterScale = 1;
  #rasterFrame?: number;
  #lastPointerType = '';
  #lastTap?: { time: number; x: number; y: number };
  #webKitGestureStart?: number;

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
    this.#listen('addEventListener');
    this.#resizeObserver = new ResizeObserver(() => this.#relayout());
    this.#resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listen('removeEventListener');
    this.#webKitGestureStart = undefined;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    for (const timer of [this.#settleTimer, this.#hintTimer, this.#clickTimer]) clearTimeout(timer);
    this.#settleTimer = this.#hintTimer = this.#clickTimer = undefined;
    if (this.#emitFrame !== undefined) cancelAnimationFrame(this.#emitFrame);
    this.#emitFrame = undefined;
    // A gesture cut off by the move ends here; its state would be stale on reconnect.
    this.#pointers.clear();
    this.#gesture = undefined;
    this.#suppressClick = false;
    this.#lastTap = undefined;
    this.hintVisible = false;
    this.#endGesture();
  }

  /** Adds or removes the input listeners on the host. */
  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    const listeners: [string, (event: never) => void, AddEventListenerOptions?][] = [
      ['wheel', this.#onWheel, { passive: false }],
      ['pointerdown', this.#onPointerDown],
      ['pointermove', this.#onPointerMove],
      ['pointerup', this.#onPointerUp],
      ['pointercancel', this.#onPointerUp],
      ['click', this.#onClickCapture, { capture: true }],
      ['dblclick', this.#onDoubleClick],
      ['keydown', this.#onKeyDown],
      ['dragstart', this.#onDragStart],
      ...WEBKIT_GESTURES.map((type) => [type, this.#onWebKitGesture] as [string, (event: Event) => void]),
    ];
    for (const [type, listener, options] of listeners) this[method](type, listener as EventListener, options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.#fitMode = 'page';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.#relayout(true);
  }

  override render() {
    const hint = uiStrings(this.lang).viewport.zoomHint(isMac() ? '⌘' : 'Ctrl');
    const size = { width: `${Math.max(0, this.pageWidth) || 0}px`, height: `${Math.max(0, this.pageHeight) || 0}px` };
    return html`<div class="box" part="box">
      <div class="stage" part="stage" ${cssProps(size)}><slot></slot></div>
      <div class="hint ${this.hintVisible ? 'visible' : ''}" part="hint" aria-hidden=${this.hintVisible ? 'false' : 'true'}>${hint}</div>
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

  /**
   * The view at `scale`, clamped to the bounds first, that keeps the page point under `point`
   * (box px) where it is. Clamping after would keep the translation of the unclamped scale and move
   * the view elsewhere on the page.
   */
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
  #commit(next: View, options: { animate?: boolean; gesture?: boolean; fitMode?: FitMode | null; layout?: boolean } = {}): void {
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
    if (options.gesture) this.#touchGesture();
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
    const classes = this.#stage?.parentElement?.classList;
    classes?.toggle('zoomed', !isFittedScale(this.#current.scale, this.#bounds(box)));
    classes?.toggle('grabbing', this.#gesture?.kind === 'pan' && this.#gesture.engaged);
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
    if (this.#gesture) this.#rebaseGesture();
  }

  // ---- gesture lifecycle: will-change while moving, the event once settled ----------------

  #touchGesture(): void {
    const stage = this.#stage;
    if (!this.#inGesture) {
      this.#inGesture = true;
      this.#rasterScale = this.#current.scale;
      if (stage) stage.style.willChange = 'transform';
    } else if (stage && this.#rasterFrame === undefined && this.#current.scale < this.#rasterScale / 2) {
      // A will-change layer keeps the scale it was rasterised at: zooming far out from it would
      // raster ever more of the page at that high scale (measured: the long frames of a zoom
      // out). Let Chromium raster once at the current scale, then promote again.
      stage.style.willChange = '';
      this.#rasterScale = this.#current.scale;
      this.#rasterFrame = requestAnimationFrame(() => {
        this.#rasterFrame = undefined;
        if (this.#inGesture) stage.style.willChange = 'transform';
      });
    }
    this.#scheduleSettle();
  }

  #scheduleSettle(): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      if (this.#pointers.size > 0) return; // pointerup settles it
      this.#endGesture();
      this.#emitIfChanged();
    }, SETTLE_MS);
  }

  /** Drops will-change, so Chromium rasterises the text again at the new scale. */
  #endGesture(): void {
    if (this.#rasterFrame !== undefined) cancelAnimationFrame(this.#rasterFrame);
    this.#rasterFrame = undefined;
    if (!this.#inGesture) return;
    this.#inGesture = false;
    const stage = this.#stage;
    if (stage) stage.style.willChange = '';
  }

  #queueEmit(): void {
    if (this.#emitFrame !== undefined || !this.isConnected) return;
    this.#emitFrame = requestAnimationFrame(() => {
      this.#emitFrame = undefined;
      if (!this.#inGesture) this.#emitIfChanged();
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

  #showHint(): void {
    this.hintVisible = true;
    clearTimeout(this.#hintTimer);
    this.#hintTimer = setTimeout(() => {
      this.#hintTimer = undefined;
      this.hintVisible = false;
    }, HINT_MS);
  }

  // ---- input ------------------------------------------------------------------------------

  /** A client point in the box's coordinates. */
  #toBox(clientX: number, clientY: number): Point {
    const rect = this.getBoundingClientRect();
    return { x: clientX - rect.left - this.clientLeft, y: clientY - rect.top - this.clientTop };
  }

  #onWheel = (event: WheelEvent): void => {
    if (event.defaultPrevented) return;
    const box = this.#boxSize();
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? box.height || 800 : 1;
    if (event.ctrlKey || event.metaKey) {
      // Ctrl/⌘ + wheel, and trackpad pinches (Chromium sends them as ctrl + wheel). Never let
      // the browser zoom the host page instead, even at the bounds.
      event.preventDefault();
      if (this.hintVisible) {
        clearTimeout(this.#hintTimer);
        this.#hintTimer = undefined;
        this.hintVisible = false;
      }
      const delta = (event.deltaY === 0 && event.deltaX ? event.deltaX : event.deltaY) * unit;
      this.#commit(this.#zoomedAt(this.#current.scale * wheelZoomFactor(delta), this.#toBox(event.clientX, event.clientY)), {
        gesture: true,
      });
      return;
    }
    if (isFittedScale(this.#current.scale, this.#bounds(box))) {
      // The page is whole in view: the wheel belongs to the host page.
      this.#showHint();
      return;
    }
    event.preventDefault();
    this.#commit(panBy(this.#current, -event.deltaX * unit, -event.deltaY * unit), { gesture: true });
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.#lastPointerType = event.pointerType;
    if (this.#pointers.size === 0) {
      this.#sequence = { moved: false, multi: false };
      this.#suppressClick = false;
      clearTimeout(this.#clickTimer);
      this.#clickTimer = undefined;
    }
    this.#pointers.set(event.pointerId, {
      type: event.pointerType,
      x: event.clientX,
      y: event.clientY,
      downX: event.clientX,
      downY: event.clientY,
    });
    if (this.#pointers.size > 1) this.#sequence.multi = true;
    this.#rebaseGesture();
  };

  /** Starts the gesture afresh from the current view and pointers (pointer added or lifted, resize). */
  #rebaseGesture(): void {
    const tracked = [...this.#pointers.entries()].slice(0, 2);
    const previous = this.#gesture;
    if (tracked.length === 0) {
      this.#gesture = undefined;
    } else if (tracked.length === 1) {
      const [id, p] = tracked[0];
      const engaged = previous !== undefined; // continuing after a pinch: no threshold again
      this.#gesture = { kind: 'pan', id, startView: this.#current, startX: p.x, startY: p.y, engaged };
    } else {
      const [a, b] = tracked.map(([, p]) => p);
      const mid = this.#toBox((a.x + b.x) / 2, (a.y + b.y) / 2);
      this.#gesture = {
        kind: 'pinch',
        startView: this.#current,
        anchor: screenToPage(this.#current, mid),
        startDistance: Math.hypot(a.x - b.x, a.y - b.y),
      };
    }
  }

  #onPointerMove = (event: PointerEvent): void => {
    const pointer = this.#pointers.get(event.pointerId);
    if (!pointer) return;
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    if (!this.#sequence.moved && Math.hypot(pointer.x - pointer.downX, pointer.y - pointer.downY) > DRAG_THRESHOLD) {
      this.#sequence.moved = true;
    }
    const gesture = this.#gesture;
    if (!gesture) return;
    if (gesture.kind === 'pan') {
      if (gesture.id !== event.pointerId) return;
      if (!gesture.engaged) {
        if (!this.#sequence.moved) return;
        gesture.engaged = true;
        // Captured only now, so a plain click still reaches the element under the pointer.
        if (event.pointerType === 'mouse') {
          try {
            this.setPointerCapture(event.pointerId);
          } catch {
            // The pointer is gone already.
          }
        }
      }
      this.#commit(panBy(gesture.startView, pointer.x - gesture.startX, pointer.y - gesture.startY), { gesture: true });
      return;
    }
    const [a, b] = [...this.#pointers.values()];
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    if (!(gesture.startDistance >= 1)) {
      this.#rebaseGesture();
      return;
    }
    // Proportional to the finger distance, the page point that was under the fingers' midpoint
    // stays under it (pinch and pan at once).
    const scale = clampScale((gesture.startView.scale * distance) / gesture.startDistance, this.#bounds());
    const mid = this.#toBox((a.x + b.x) / 2, (a.y + b.y) / 2);
    this.#commit({ scale, x: mid.x - gesture.anchor.x * scale, y: mid.y - gesture.anchor.y * scale }, { gesture: true });
  };

  #onPointerUp = (event: PointerEvent): void => {
    const pointer = this.#pointers.get(event.pointerId);
    if (!pointer) return;
    const tap = event.type === 'pointerup' && this.#pointers.size === 1 && !this.#sequence.moved && !this.#sequence.multi;
    this.#pointers.delete(event.pointerId);
    if (this.hasPointerCapture?.(event.pointerId)) this.releasePointerCapture(event.pointerId);
    if (this.#pointers.size > 0) {
      this.#rebaseGesture();
      return;
    }
    this.#gesture = undefined;
    const box = this.#boxSize();
    const dx = event.clientX - pointer.downX;
    if (
      event.type === 'pointerup' &&
      pointer.type !== 'mouse' &&
      !this.#sequence.multi &&
      Math.abs(dx) >= SWIPE_MIN_PX &&
      Math.abs(dx) > 2 * Math.abs(event.clientY - pointer.downY) &&
      isFittedScale(this.#current.scale, this.#bounds(box))
    ) {
      emit(this, 'e-paper-viewport-swipe', { direction: dx < 0 ? 1 : -1 });
    }
    this.#updateAffordances(box);
    if (this.#sequence.moved || this.#sequence.multi) {
      // The click that follows a drag or a pinch is not a click.
      this.#suppressClick = true;
      clearTimeout(this.#clickTimer);
      this.#clickTimer = setTimeout(() => {
        this.#clickTimer = undefined;
        this.#suppressClick = false;
      }, CLICK_SUPPRESS_MS);
    }
    if (this.#inGesture) this.#scheduleSettle();
    if (tap && pointer.type === 'touch') this.#onTap(event);
  };

  #onTap(event: PointerEvent): void {
    const now = event.timeStamp;
    const last = this.#lastTap;
    if (last && now - last.time < DOUBLE_TAP_MS && Math.hypot(event.clientX - last.x, event.clientY - last.y) < DOUBLE_TAP_SLOP) {
      this.#lastTap = undefined;
      this.zoomForDoublePress(event.clientX, event.clientY, 'touch');
      return;
    }
    this.#lastTap = { time: now, x: event.clientX, y: event.clientY };
  }

  #onWebKitGesture = (event: Event): void => {
    // Never let Safari zoom the host page instead.
    event.preventDefault();
    const gesture = event as WebKitGestureEvent;
    // iOS sends these for touch pinches too: those are handled as pointers.
    if (this.#pointers.size > 0) return;
    if (event.type === 'gesturestart') this.#webKitGestureStart = this.#current.scale;
    else if (event.type === 'gestureend') this.#webKitGestureStart = undefined;
    else if (this.#webKitGestureStart !== undefined && Number.isFinite(gesture.scale)) {
      this.#commit(this.#zoomedAt(this.#webKitGestureStart * gesture.scale, this.#toBox(gesture.clientX, gesture.clientY)), {
        gesture: true,
      });
    }
  };

  #onClickCapture = (event: MouseEvent): void => {
    if (!this.#suppressClick) return;
    this.#suppressClick = false;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  #onDoubleClick = (event: MouseEvent): void => {
    // Touch double-taps are handled as taps.
    if (this.#lastPointerType === 'touch' || event.defaultPrevented) return;
    event.preventDefault();
    this.zoomForDoublePress(event.clientX, event.clientY, 'mouse', event.shiftKey);
  };

  #onDragStart = (event: DragEvent): void => {
    // Images and links would start a native drag instead of a pan.
    event.preventDefault();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTextField(event.composedPath()[0])) return;
    const box = this.#boxSize();
    const stepX = event.shiftKey ? box.width * 0.8 : Math.max(40, box.width * 0.1);
    const stepY = event.shiftKey ? box.height * 0.8 : Math.max(40, box.height * 0.1);
    const animate = !event.repeat;
    // At fit there is nothing to pan: arrows scroll the host page as usual.
    if (event.key.startsWith('Arrow') && isFittedScale(this.#current.scale, this.#bounds(box))) return;
    const key = event.key;
    const pan = { ArrowLeft: [stepX, 0], ArrowRight: [-stepX, 0], ArrowUp: [0, stepY], ArrowDown: [0, -stepY] }[key];
    if (pan) this.#commit(panBy(this.#current, pan[0], pan[1]), { animate });
    else if (key === '+' || key === '=') this.zoomBy(ZOOM_STEP, undefined, { animate });
    else if (key === '-' || key === '_') this.zoomBy(1 / ZOOM_STEP, undefined, { animate });
    else if (key === '0') this.fit('page', { animate });
    else return;
    event.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-viewport': EPaperViewport;
  }
}
