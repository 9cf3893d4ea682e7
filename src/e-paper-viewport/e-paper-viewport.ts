import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { cssProps } from '../directives/css-props.js';
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { uiStrings } from '../i18n/strings.js';
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
  zoomByAtPoint,
  type FitMode,
  type Point,
  type ScaleBounds,
  type Size,
  type View,
} from './viewport-math.js';

/** `detail` of the `e-paper-zoom` event. */
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
}

/** The factor of one zoom step: buttons, keys, double-click. */
export const ZOOM_STEP = 1.5;
/** A pointer that moved farther than this (CSS px) drags; the click after it is swallowed. */
export const DRAG_THRESHOLD = 5;
/** Quiet time after the last input of a gesture before it counts as ended (ms). */
export const SETTLE_MS = 150;
/** How long the "hold Ctrl to zoom" hint stays (ms). */
export const HINT_MS = 1500;
const ANIMATION_MS = 180;
const DOUBLE_TAP_MS = 320;
const DOUBLE_TAP_SLOP = 24;
const CLICK_SUPPRESS_MS = 400;

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

const isEditable = (node: EventTarget | undefined) =>
  node instanceof HTMLElement && (node.isContentEditable || /^(input|textarea|select)$/i.test(node.localName));

/**
 * The pan/zoom surface around the page.
 *
 * The view maths (bounds, clamping, zoom at a point, fit) are the pure functions of
 * `viewport-math.ts`; the element owns the view and hands it to `@panzoom/panzoom`, which keeps
 * the transform state, writes it and animates discrete steps. The input handlers are our own,
 * since panzoom's fight the requirements here: its pinch is linear in the finger distance (not
 * proportional), its start handler cancels and stops every pointerdown (no host-page scroll at
 * fit, no click suppression of our choosing), its `contain` modes cannot express "centred when
 * smaller, edges stop at the box when larger", and its `zoomToPoint` assumes a 50% 50% origin
 * and measures the element's box, which lags its own state by a frame (it writes transforms in
 * `requestAnimationFrame`), so bursts of wheel or pinch events drift. So the focal maths are
 * ours and panzoom gets the result through `zoom()` and `pan()`; transforms that are not
 * animated are also written at once, so layout reads in the same frame see them, and the frames
 * and timer panzoom schedules are noted so that disconnect cancels them.
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
 * @fires e-paper-zoom - The view changed and settled (at most once a frame, at the end of a
 *   gesture). Bubbles, composed. `detail: {scale, center: {x, y}, fitted, minScale, maxScale}`
 *   (center in page units); also when a resize moves the bounds; not fired for the first fit.
 * @csspart box - The clipping box the page moves in.
 * @csspart stage - The transformed layer that holds the page.
 * @csspart hint - The "hold Ctrl and scroll to zoom" hint.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-hint-bg=rgb(20 20 20 / 0.78)] - Background of the zoom hint.
 * @cssprop [--e-paper-hint-ink=#fff] - Text colour of the zoom hint.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the zoom hint.
 */
export class EPaperViewport extends LitElement {
  static override styles = viewportStyles;

  /** Page width in page units. */
  @property({ type: Number, attribute: false }) pageWidth = 0;
  /** Page height in page units. */
  @property({ type: Number, attribute: false }) pageHeight = 0;
  /** UI language of the hint: `zh-CN` (default) or `en`. */
  @property() override lang = 'zh-CN';

  @state() private hintVisible = false;

  private current: View = { scale: 1, x: 0, y: 0 };
  /** The view last handed to the stage. */
  private applied?: View;
  /** The box size the current view was laid out for. */
  private laidOutBox: Size = { width: 0, height: 0 };
  /** The fit the reader is in; kept across resizes. `null` once they zoom or pan away. */
  private fitMode: FitMode | null = 'page';
  /** The detail last announced; the first layout sets it without an event. */
  private announced?: ZoomEventDetail;

  private engine?: PanzoomObject;
  /** Frames and timers panzoom scheduled, so disconnect can cancel them (it keeps no handle). */
  private readonly engineFrames = new Set<number>();
  private readonly engineTimers = new Set<ReturnType<typeof setTimeout>>();
  private zoomedIn = false;
  private grabbing = false;

  private resizeObserver?: ResizeObserver;
  private settleTimer?: ReturnType<typeof setTimeout>;
  private hintTimer?: ReturnType<typeof setTimeout>;
  private clickTimer?: ReturnType<typeof setTimeout>;
  private emitFrame?: number;

  private readonly pointers = new Map<number, TrackedPointer>();
  private gesture?: Gesture;
  private sequence = { moved: false, multi: false };
  private suppressClick = false;
  private inGesture = false;
  /** The scale the stage's will-change layer was rasterised at. */
  private rasterScale = 1;
  private rasterFrame?: number;
  private lastPointerType = '';
  private lastTap?: { time: number; x: number; y: number };
  private webKitGestureStart?: number;

  // ---- public API -------------------------------------------------------------------------

  /** The current scale: screen pixels per page unit (1 = 100%). */
  get scale(): number {
    return this.current.scale;
  }

  /** The smallest scale: the whole page fits. */
  get minScale(): number {
    return this.bounds().min;
  }

  /** The largest scale: body text at three times its reading size (or the fit, if larger). */
  get maxScale(): number {
    return this.bounds().max;
  }

  /** Where the page stands: `screen = page × scale + (x, y)`, screen relative to the box. */
  get view(): View {
    return { ...this.current };
  }

  /** The page point at the centre of the box, in page units. */
  get center(): Point {
    return viewCenter(this.current, this.boxSize());
  }

  /**
   * Zooms to `scale` (clamped to the bounds). With `point` (page units) that point is centred;
   * without it the page point at the centre stays there.
   */
  zoomTo(scale: number, point?: Point, options: ZoomOptions = {}): void {
    const box = this.boxSize();
    const to = clampScale(scale, this.bounds(box));
    const center = point && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : viewCenter(this.current, box);
    this.commit(viewCenteredOn(center, to, box), { animate: options.animate ?? true });
  }

  /** Zooms by `factor` at `screenPoint` (CSS px relative to the box; default its centre). */
  zoomBy(factor: number, screenPoint?: Point, options: ZoomOptions = {}): void {
    const box = this.boxSize();
    this.commit(zoomByAtPoint(this.current, factor, screenPoint ?? boxCenter(box)), { animate: options.animate ?? true });
  }

  /** Fits the whole page (`'page'`) or its width (`'width'`, top-aligned) into the box. */
  fit(mode: FitMode = 'page', options: ZoomOptions = {}): void {
    const fitMode: FitMode = mode === 'width' ? 'width' : 'page';
    this.commit(fitView(this.boxSize(), this.pageSize(), fitMode), { animate: options.animate ?? true, fitMode });
  }

  // ---- lifecycle --------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('aria-keyshortcuts')) this.setAttribute('aria-keyshortcuts', '+ - 0 ArrowUp ArrowDown ArrowLeft ArrowRight');
    this.addEventListener('wheel', this.onWheel, { passive: false });
    this.addEventListener('pointerdown', this.onPointerDown);
    this.addEventListener('pointermove', this.onPointerMove);
    this.addEventListener('pointerup', this.onPointerUp);
    this.addEventListener('pointercancel', this.onPointerUp);
    this.addEventListener('click', this.onClickCapture, { capture: true });
    this.addEventListener('dblclick', this.onDoubleClick);
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('dragstart', this.onDragStart);
    for (const type of WEBKIT_GESTURES) this.addEventListener(type, this.onWebKitGesture);
    this.resizeObserver = new ResizeObserver(() => this.relayout());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('wheel', this.onWheel);
    this.removeEventListener('pointerdown', this.onPointerDown);
    this.removeEventListener('pointermove', this.onPointerMove);
    this.removeEventListener('pointerup', this.onPointerUp);
    this.removeEventListener('pointercancel', this.onPointerUp);
    this.removeEventListener('click', this.onClickCapture, { capture: true });
    this.removeEventListener('dblclick', this.onDoubleClick);
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('dragstart', this.onDragStart);
    for (const type of WEBKIT_GESTURES) this.removeEventListener(type, this.onWebKitGesture);
    this.webKitGestureStart = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    for (const timer of [this.settleTimer, this.hintTimer, this.clickTimer]) clearTimeout(timer);
    this.settleTimer = this.hintTimer = this.clickTimer = undefined;
    if (this.emitFrame !== undefined) cancelAnimationFrame(this.emitFrame);
    this.emitFrame = undefined;
    for (const frame of this.engineFrames) cancelAnimationFrame(frame);
    for (const timer of this.engineTimers) clearTimeout(timer);
    this.engineFrames.clear();
    this.engineTimers.clear();
    // The writes just cancelled may have been an animation's start: land on its end.
    const stage = this.stage;
    if (stage && this.applied) {
      stage.style.transition = 'none';
      stage.style.transform = transformOf(this.applied);
    }
    // A gesture cut off by the move ends here; its state would be stale on reconnect.
    this.pointers.clear();
    this.gesture = undefined;
    this.suppressClick = false;
    this.lastTap = undefined;
    this.hintVisible = false;
    this.endGesture();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.fitMode = 'page';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.relayout(true);
  }

  override render() {
    const hint = uiStrings(this.lang).viewport.zoomHint(isMac() ? '⌘' : 'Ctrl');
    const size = { width: `${Math.max(0, this.pageWidth) || 0}px`, height: `${Math.max(0, this.pageHeight) || 0}px` };
    return html`<div class="box" part="box">
      <div class="stage" part="stage" ${cssProps(size)}><slot></slot></div>
      <div class=${classMap({ hint: true, visible: this.hintVisible })} part="hint" aria-hidden=${this.hintVisible ? 'false' : 'true'}>${hint}</div>
    </div>`;
  }

  // ---- view state -------------------------------------------------------------------------

  private get stage(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('.stage') ?? null;
  }

  private boxSize(): Size {
    return safeSize({ width: this.clientWidth, height: this.clientHeight });
  }

  private pageSize(): Size {
    return safeSize({ width: this.pageWidth, height: this.pageHeight });
  }

  private bounds(box = this.boxSize()): ScaleBounds {
    return scaleBounds(box, this.pageSize());
  }

  private constrain(view: View, box: Size): View {
    return clampView({ ...view, scale: clampScale(view.scale, this.bounds(box)) }, box, this.pageSize());
  }

  private detail(): ZoomEventDetail {
    const box = this.boxSize();
    const bounds = this.bounds(box);
    return {
      scale: this.current.scale,
      center: viewCenter(this.current, box),
      fitted: isFittedScale(this.current.scale, bounds),
      minScale: bounds.min,
      maxScale: bounds.max,
    };
  }

  /**
   * Makes `next` (clamped) the view. `fitMode`: the fit it stands for (layout keeps the current
   * one); otherwise a change of scale leaves any fit, and reaching the smallest scale is the fit.
   */
  private commit(next: View, options: { animate?: boolean; gesture?: boolean; fitMode?: FitMode | null; layout?: boolean } = {}): void {
    const box = this.boxSize();
    const view = this.constrain(next, box);
    if (options.fitMode !== undefined) this.fitMode = options.fitMode;
    else if (!options.layout) {
      const hasBox = box.width > 0 && box.height > 0;
      if (hasBox && isFittedScale(view.scale, this.bounds(box))) this.fitMode = 'page';
      else if (this.fitMode !== 'width' || Math.abs(view.scale - this.current.scale) > SCALE_EPSILON * view.scale) this.fitMode = null;
    }
    this.laidOutBox = box;
    this.current = view;
    if (!this.applied || !sameView(view, this.applied)) this.apply(view, (options.animate ?? false) && !prefersReducedMotion());
    this.updateAffordances(box);
    if (options.gesture) this.touchGesture();
    else this.queueEmit();
  }

  /** Hands the view to panzoom, and writes it at once unless it is animated. */
  private apply(view: View, animate: boolean): void {
    const stage = this.stage;
    if (!stage) return;
    this.applied = view;
    // Disconnected: no engine, nothing scheduled; the transform is written below.
    const engine = this.isConnected ? this.ensureEngine(stage, view) : undefined;
    if (engine) {
      this.withEngine(() => {
        // Panzoom pans to its start values on a timer after it is created: keep them current.
        engine.setOptions({ startX: view.x, startY: view.y, startScale: view.scale });
        engine.zoom(view.scale, { animate, force: true, silent: true });
        engine.pan(view.x, view.y, { animate, force: true, silent: true });
      });
    }
    if (!animate || !engine) {
      stage.style.transition = 'none';
      stage.style.transform = transformOf(view);
    }
  }

  private ensureEngine(stage: HTMLElement, view: View): PanzoomObject | undefined {
    if (this.engine) return this.engine;
    this.engine = this.withEngine(() => Panzoom(stage, {
      noBind: true, // our own handlers, see the class comment
      silent: true,
      canvas: true, // cursor on the box
      origin: '0 0',
      cursor: '',
      touchAction: 'pan-y',
      overflow: 'hidden',
      minScale: Number.MIN_VALUE,
      maxScale: Number.MAX_VALUE,
      startScale: view.scale,
      startX: view.x,
      startY: view.y,
      duration: ANIMATION_MS,
      easing: 'cubic-bezier(0.2, 0, 0, 1)',
      setTransform: (elem: HTMLElement | SVGElement, value: View) => {
        elem.style.transform = transformOf(value);
      },
    }));
    return this.engine;
  }

  /**
   * Runs `work` with panzoom, noting the animation frames and timers it schedules: it writes
   * transforms in `requestAnimationFrame` and pans on a timer after creation, and hands back no
   * id, so this is how disconnect can cancel them. Synchronous, so nothing else runs meanwhile.
   */
  private withEngine<T>(work: () => T): T {
    const scope = globalThis;
    const nativeFrame = scope.requestAnimationFrame;
    const nativeTimeout = scope.setTimeout;
    scope.requestAnimationFrame = (callback: FrameRequestCallback) => {
      const id = nativeFrame.call(scope, (time) => {
        this.engineFrames.delete(id);
        callback(time);
      });
      this.engineFrames.add(id);
      return id;
    };
    scope.setTimeout = ((handler: () => void, delay?: number) => {
      const id = nativeTimeout.call(scope, () => {
        this.engineTimers.delete(id);
        handler();
      }, delay);
      this.engineTimers.add(id);
      return id;
    }) as typeof setTimeout;
    try {
      return work();
    } finally {
      scope.requestAnimationFrame = nativeFrame;
      scope.setTimeout = nativeTimeout;
    }
  }

  /** Touch-action and cursor follow the zoom: at fit, a vertical swipe scrolls the host page. */
  private updateAffordances(box: Size): void {
    const zoomedIn = !isFittedScale(this.current.scale, this.bounds(box));
    const grabbing = this.gesture?.kind === 'pan' && this.gesture.engaged;
    const engine = this.engine;
    if (!engine || (zoomedIn === this.zoomedIn && grabbing === this.grabbing)) return;
    this.zoomedIn = zoomedIn;
    this.grabbing = grabbing;
    engine.setOptions({ touchAction: zoomedIn ? 'none' : 'pan-y', cursor: grabbing ? 'grabbing' : zoomedIn ? 'grab' : '' });
  }

  /** Lays the view out again for the box: a fit stays fitted, otherwise the centre stays. */
  private relayout(force = false): void {
    const box = this.boxSize();
    const before = this.laidOutBox;
    if (!force && box.width === before.width && box.height === before.height) return;
    const page = this.pageSize();
    let next: View;
    if (this.fitMode === 'page') next = fitView(box, page, 'page');
    else if (this.fitMode === 'width') {
      const centerY = viewCenter(this.current, before).y;
      next = viewCenteredOn({ x: page.width / 2, y: centerY }, fitScale(box, page, 'width'), box);
    } else next = viewCenteredOn(viewCenter(this.current, before), this.current.scale, box);
    this.commit(next, { layout: true });
    if (!this.announced && box.width > 0 && box.height > 0) this.announced = this.detail();
    if (this.gesture) this.rebaseGesture();
  }

  // ---- gesture lifecycle: will-change while moving, the event once settled ----------------

  private touchGesture(): void {
    const stage = this.stage;
    if (!this.inGesture) {
      this.inGesture = true;
      this.rasterScale = this.current.scale;
      if (stage) stage.style.willChange = 'transform';
    } else if (stage && this.rasterFrame === undefined && this.current.scale < this.rasterScale / 2) {
      // A will-change layer keeps the scale it was rasterised at: zooming far out from it would
      // raster ever more of the page at that high scale (measured: the long frames of a zoom
      // out). Let Chromium raster once at the current scale, then promote again.
      stage.style.willChange = '';
      this.rasterScale = this.current.scale;
      this.rasterFrame = requestAnimationFrame(() => {
        this.rasterFrame = undefined;
        if (this.inGesture) stage.style.willChange = 'transform';
      });
    }
    this.scheduleSettle();
  }

  private scheduleSettle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (this.pointers.size > 0) return; // pointerup settles it
      this.endGesture();
      this.emitIfChanged();
    }, SETTLE_MS);
  }

  /** Drops will-change, so Chromium rasterises the text again at the new scale. */
  private endGesture(): void {
    if (this.rasterFrame !== undefined) cancelAnimationFrame(this.rasterFrame);
    this.rasterFrame = undefined;
    if (!this.inGesture) return;
    this.inGesture = false;
    const stage = this.stage;
    if (stage) stage.style.willChange = '';
  }

  private queueEmit(): void {
    if (this.emitFrame !== undefined || !this.isConnected) return;
    this.emitFrame = requestAnimationFrame(() => {
      this.emitFrame = undefined;
      if (!this.inGesture) this.emitIfChanged();
    });
  }

  private emitIfChanged(): void {
    const detail = this.detail();
    const last = this.announced;
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
    this.announced = detail;
    this.dispatchEvent(new CustomEvent<ZoomEventDetail>('e-paper-zoom', { detail, bubbles: true, composed: true }));
  }

  private showHint(): void {
    this.hintVisible = true;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => {
      this.hintTimer = undefined;
      this.hintVisible = false;
    }, HINT_MS);
  }

  // ---- input ------------------------------------------------------------------------------

  /** A client point in the box's coordinates. */
  private toBox(clientX: number, clientY: number): Point {
    const rect = this.getBoundingClientRect();
    return { x: clientX - rect.left - this.clientLeft, y: clientY - rect.top - this.clientTop };
  }

  private onWheel = (event: WheelEvent): void => {
    if (event.defaultPrevented) return;
    const box = this.boxSize();
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? box.height || 800 : 1;
    if (event.ctrlKey || event.metaKey) {
      // Ctrl/⌘ + wheel, and trackpad pinches (Chromium sends them as ctrl + wheel). Never let
      // the browser zoom the host page instead, even at the bounds.
      event.preventDefault();
      if (this.hintVisible) {
        clearTimeout(this.hintTimer);
        this.hintTimer = undefined;
        this.hintVisible = false;
      }
      const delta = (event.deltaY === 0 && event.deltaX ? event.deltaX : event.deltaY) * unit;
      this.commit(zoomByAtPoint(this.current, wheelZoomFactor(delta), this.toBox(event.clientX, event.clientY)), { gesture: true });
      return;
    }
    if (isFittedScale(this.current.scale, this.bounds(box))) {
      // The page is whole in view: the wheel belongs to the host page.
      this.showHint();
      return;
    }
    event.preventDefault();
    this.commit(panBy(this.current, -event.deltaX * unit, -event.deltaY * unit), { gesture: true });
  };

  private onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.lastPointerType = event.pointerType;
    if (this.pointers.size === 0) {
      this.sequence = { moved: false, multi: false };
      this.suppressClick = false;
      clearTimeout(this.clickTimer);
      this.clickTimer = undefined;
    }
    this.pointers.set(event.pointerId, {
      type: event.pointerType,
      x: event.clientX,
      y: event.clientY,
      downX: event.clientX,
      downY: event.clientY,
    });
    if (this.pointers.size > 1) this.sequence.multi = true;
    this.rebaseGesture();
  };

  /** Starts the gesture afresh from the current view and pointers (pointer added or lifted, resize). */
  private rebaseGesture(): void {
    const tracked = [...this.pointers.entries()].slice(0, 2);
    const previous = this.gesture;
    if (tracked.length === 0) {
      this.gesture = undefined;
    } else if (tracked.length === 1) {
      const [id, p] = tracked[0];
      const engaged = previous !== undefined; // continuing after a pinch: no threshold again
      this.gesture = { kind: 'pan', id, startView: this.current, startX: p.x, startY: p.y, engaged };
    } else {
      const [a, b] = tracked.map(([, p]) => p);
      const mid = this.toBox((a.x + b.x) / 2, (a.y + b.y) / 2);
      this.gesture = {
        kind: 'pinch',
        startView: this.current,
        anchor: screenToPage(this.current, mid),
        startDistance: Math.hypot(a.x - b.x, a.y - b.y),
      };
    }
  }

  private onPointerMove = (event: PointerEvent): void => {
    const pointer = this.pointers.get(event.pointerId);
    if (!pointer) return;
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    if (!this.sequence.moved && Math.hypot(pointer.x - pointer.downX, pointer.y - pointer.downY) > DRAG_THRESHOLD) {
      this.sequence.moved = true;
    }
    const gesture = this.gesture;
    if (!gesture) return;
    if (gesture.kind === 'pan') {
      if (gesture.id !== event.pointerId) return;
      if (!gesture.engaged) {
        if (!this.sequence.moved) return;
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
      this.commit(panBy(gesture.startView, pointer.x - gesture.startX, pointer.y - gesture.startY), { gesture: true });
      return;
    }
    const [a, b] = [...this.pointers.values()];
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    if (!(gesture.startDistance >= 1)) {
      this.rebaseGesture();
      return;
    }
    // Proportional to the finger distance, the page point that was under the fingers' midpoint
    // stays under it (pinch and pan at once).
    const scale = clampScale((gesture.startView.scale * distance) / gesture.startDistance, this.bounds());
    const mid = this.toBox((a.x + b.x) / 2, (a.y + b.y) / 2);
    this.commit({ scale, x: mid.x - gesture.anchor.x * scale, y: mid.y - gesture.anchor.y * scale }, { gesture: true });
  };

  private onPointerUp = (event: PointerEvent): void => {
    const pointer = this.pointers.get(event.pointerId);
    if (!pointer) return;
    const tap = event.type === 'pointerup' && this.pointers.size === 1 && !this.sequence.moved && !this.sequence.multi;
    this.pointers.delete(event.pointerId);
    if (this.hasPointerCapture?.(event.pointerId)) this.releasePointerCapture(event.pointerId);
    if (this.pointers.size > 0) {
      this.rebaseGesture();
      return;
    }
    this.gesture = undefined;
    this.updateAffordances(this.boxSize());
    if (this.sequence.moved || this.sequence.multi) {
      // The click that follows a drag or a pinch is not a click.
      this.suppressClick = true;
      clearTimeout(this.clickTimer);
      this.clickTimer = setTimeout(() => {
        this.clickTimer = undefined;
        this.suppressClick = false;
      }, CLICK_SUPPRESS_MS);
    }
    if (this.inGesture) this.scheduleSettle();
    if (tap && pointer.type === 'touch') this.onTap(event);
  };

  private onTap(event: PointerEvent): void {
    const now = event.timeStamp;
    const last = this.lastTap;
    if (last && now - last.time < DOUBLE_TAP_MS && Math.hypot(event.clientX - last.x, event.clientY - last.y) < DOUBLE_TAP_SLOP) {
      this.lastTap = undefined;
      if (this.current.scale < READING_SCALE * (1 - SCALE_EPSILON)) {
        this.commit(zoomAtPoint(this.current, READING_SCALE, this.toBox(event.clientX, event.clientY)), { animate: true });
      } else {
        this.fit('page');
      }
      return;
    }
    this.lastTap = { time: now, x: event.clientX, y: event.clientY };
  }

  private onWebKitGesture = (event: Event): void => {
    // Never let Safari zoom the host page instead.
    event.preventDefault();
    const gesture = event as WebKitGestureEvent;
    // iOS sends these for touch pinches too: those are handled as pointers.
    if (this.pointers.size > 0) return;
    if (event.type === 'gesturestart') this.webKitGestureStart = this.current.scale;
    else if (event.type === 'gestureend') this.webKitGestureStart = undefined;
    else if (this.webKitGestureStart !== undefined && Number.isFinite(gesture.scale)) {
      const scale = clampScale(this.webKitGestureStart * gesture.scale, this.bounds());
      this.commit(zoomAtPoint(this.current, scale, this.toBox(gesture.clientX, gesture.clientY)), { gesture: true });
    }
  };

  private onClickCapture = (event: MouseEvent): void => {
    if (!this.suppressClick) return;
    this.suppressClick = false;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  private onDoubleClick = (event: MouseEvent): void => {
    // Touch double-taps are handled as taps.
    if (this.lastPointerType === 'touch' || event.defaultPrevented) return;
    event.preventDefault();
    this.zoomBy(event.shiftKey ? 1 / ZOOM_STEP : ZOOM_STEP, this.toBox(event.clientX, event.clientY));
  };

  private onDragStart = (event: DragEvent): void => {
    // Images and links would start a native drag instead of a pan.
    event.preventDefault();
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isEditable(event.composedPath()[0])) return;
    const box = this.boxSize();
    const stepX = event.shiftKey ? box.width * 0.8 : Math.max(40, box.width * 0.1);
    const stepY = event.shiftKey ? box.height * 0.8 : Math.max(40, box.height * 0.1);
    const animate = !event.repeat;
    // At fit there is nothing to pan: arrows scroll the host page as usual.
    if (event.key.startsWith('Arrow') && isFittedScale(this.current.scale, this.bounds(box))) return;
    switch (event.key) {
      case '+':
      case '=':
        this.zoomBy(ZOOM_STEP, undefined, { animate });
        break;
      case '-':
      case '_':
        this.zoomBy(1 / ZOOM_STEP, undefined, { animate });
        break;
      case '0':
        this.fit('page', { animate });
        break;
      case 'ArrowLeft':
        this.commit(panBy(this.current, stepX, 0), { animate });
        break;
      case 'ArrowRight':
        this.commit(panBy(this.current, -stepX, 0), { animate });
        break;
      case 'ArrowUp':
        this.commit(panBy(this.current, 0, stepY), { animate });
        break;
      case 'ArrowDown':
        this.commit(panBy(this.current, 0, -stepY), { animate });
        break;
      default:
        return;
    }
    event.preventDefault();
  };
}

declare global {
  interface HTMLElementEventMap {
    'e-paper-zoom': CustomEvent<ZoomEventDetail>;
  }
}
