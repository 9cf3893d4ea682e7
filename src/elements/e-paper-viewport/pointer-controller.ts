import type { ReactiveController } from 'lit';
import { clampScale, screenToPage, DOUBLE_TAP_MS, DOUBLE_TAP_SLOP, type Point, type View } from './viewport-math.js';
import { boundsOf, isFitted, panBy, toBox } from './input-geometry.js';
import type { ViewportHost, ViewportPort } from './viewport-types.js';
import type { SettleController } from './settle-controller.js';
import { emit } from '../../events/events.js';

/** A pointer that moved farther than this (CSS px) drags; the click after it is swallowed. */
export const DRAG_THRESHOLD = 5;
/** How long after a drag or a pinch its click may come and is swallowed (ms). */
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

/**
 * Pointers: a drag pans (a mouse, or one finger when zoomed in; at fit a vertical swipe scrolls
 * the host page, by `touch-action`); two fingers pinch and pan at once, the page point under
 * their midpoint staying under it; a sideways swipe at fit turns the page
 * (`e-paper-viewport-swipe`); a double-click zooms in a step (Shift: out), a double-tap to 100%
 * and back. A pointer sequence that moved more than {@link DRAG_THRESHOLD} px or used two
 * pointers swallows the click that follows, so a drag that starts on an article never opens it.
 */
export class PointerController implements ReactiveController {
  readonly #pointers = new Map<number, TrackedPointer>();
  #gesture?: Gesture;
  #sequence = { moved: false, multi: false };
  #suppressClick = false;
  #clickTimer?: ReturnType<typeof setTimeout>;
  #lastPointerType = '';
  #lastTap?: { time: number; x: number; y: number };

  readonly #host: ViewportHost;
  readonly #port: ViewportPort;
  readonly #settle: SettleController;

  constructor(host: ViewportHost, port: ViewportPort, settle: SettleController) {
    this.#host = host;
    this.#port = port;
    this.#settle = settle;
    host.addController(this);
  }

  /** Whether a pointer is down. */
  get down(): boolean {
    return this.#pointers.size > 0;
  }

  #listeners(): [string, (event: never) => void, AddEventListenerOptions?][] {
    return [
      ['pointerdown', this.#onPointerDown],
      ['pointermove', this.#onPointerMove],
      ['pointerup', this.#onPointerUp],
      ['pointercancel', this.#onPointerUp],
      ['click', this.#onClickCapture, { capture: true }],
      ['dblclick', this.#onDoubleClick],
      ['dragstart', this.#onDragStart],
    ];
  }

  hostConnected(): void {
    for (const [type, listener, options] of this.#listeners()) this.#host.addEventListener(type, listener as EventListener, options);
  }

  hostDisconnected(): void {
    for (const [type, listener, options] of this.#listeners()) this.#host.removeEventListener(type, listener as EventListener, options);
    clearTimeout(this.#clickTimer);
    this.#clickTimer = undefined;
    // A gesture cut off by the move ends here; its state would be stale on reconnect.
    this.#pointers.clear();
    this.#gesture = undefined;
    this.#suppressClick = false;
    this.#lastTap = undefined;
    this.#grabbing();
  }

  /** The cursor shows a hand that grabs while a drag pans. */
  #grabbing(): void {
    const gesture = this.#gesture;
    this.#host.renderRoot?.querySelector('.box')?.classList.toggle('grabbing', gesture?.kind === 'pan' && gesture.engaged);
  }

  /** Starts the gesture afresh from the current view and pointers (pointer added or lifted, resize). */
  rebase(): void {
    const tracked = [...this.#pointers.entries()].slice(0, 2);
    const previous = this.#gesture;
    const view = this.#host.view;
    if (tracked.length === 0) {
      this.#gesture = undefined;
    } else if (tracked.length === 1) {
      const [id, p] = tracked[0];
      const engaged = previous !== undefined; // continuing after a pinch: no threshold again
      this.#gesture = { kind: 'pan', id, startView: view, startX: p.x, startY: p.y, engaged };
    } else {
      const [a, b] = tracked.map(([, p]) => p);
      const mid = toBox(this.#host, (a.x + b.x) / 2, (a.y + b.y) / 2);
      this.#gesture = { kind: 'pinch', startView: view, anchor: screenToPage(view, mid), startDistance: Math.hypot(a.x - b.x, a.y - b.y) };
    }
    this.#grabbing();
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.#lastPointerType = event.pointerType;
    if (this.#pointers.size === 0) {
      this.#sequence = { moved: false, multi: false };
      this.#suppressClick = false;
      clearTimeout(this.#clickTimer);
      this.#clickTimer = undefined;
    }
    const { clientX: x, clientY: y } = event;
    this.#pointers.set(event.pointerId, { type: event.pointerType, x, y, downX: x, downY: y });
    if (this.#pointers.size > 1) this.#sequence.multi = true;
    this.rebase();
  };

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
        this.#grabbing();
        // Captured only now, so a plain click still reaches the element under the pointer.
        if (event.pointerType === 'mouse') {
          try {
            this.#host.setPointerCapture(event.pointerId);
          } catch {
            // The pointer is gone already.
          }
        }
      }
      this.#port.commit(panBy(gesture.startView, pointer.x - gesture.startX, pointer.y - gesture.startY), { gesture: true });
      return;
    }
    const [a, b] = [...this.#pointers.values()];
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    if (!(gesture.startDistance >= 1)) {
      this.rebase();
      return;
    }
    // Proportional to the finger distance, the page point that was under the fingers' midpoint
    // stays under it (pinch and pan at once).
    const scale = clampScale((gesture.startView.scale * distance) / gesture.startDistance, boundsOf(this.#host));
    const mid = toBox(this.#host, (a.x + b.x) / 2, (a.y + b.y) / 2);
    this.#port.commit({ scale, x: mid.x - gesture.anchor.x * scale, y: mid.y - gesture.anchor.y * scale }, { gesture: true });
  };

  #onPointerUp = (event: PointerEvent): void => {
    const pointer = this.#pointers.get(event.pointerId);
    if (!pointer) return;
    const sequence = this.#sequence;
    const tap = event.type === 'pointerup' && this.#pointers.size === 1 && !sequence.moved && !sequence.multi;
    this.#pointers.delete(event.pointerId);
    if (this.#host.hasPointerCapture?.(event.pointerId)) this.#host.releasePointerCapture(event.pointerId);
    if (this.#pointers.size > 0) {
      this.rebase();
      return;
    }
    this.#gesture = undefined;
    this.#grabbing();
    const dx = event.clientX - pointer.downX;
    if (
      event.type === 'pointerup' &&
      pointer.type !== 'mouse' &&
      !sequence.multi &&
      Math.abs(dx) >= SWIPE_MIN_PX &&
      Math.abs(dx) > 2 * Math.abs(event.clientY - pointer.downY) &&
      isFitted(this.#host)
    ) {
      emit(this.#host, 'e-paper-viewport-swipe', { direction: dx < 0 ? 1 : -1 });
    }
    if (sequence.moved || sequence.multi) {
      // The click that follows a drag or a pinch is not a click.
      this.#suppressClick = true;
      clearTimeout(this.#clickTimer);
      this.#clickTimer = setTimeout(() => {
        this.#clickTimer = undefined;
        this.#suppressClick = false;
      }, CLICK_SUPPRESS_MS);
    }
    if (this.#settle.moving) this.#settle.schedule();
    if (tap && pointer.type === 'touch') this.#onTap(event);
  };

  #onTap(event: PointerEvent): void {
    const now = event.timeStamp;
    const last = this.#lastTap;
    if (last && now - last.time < DOUBLE_TAP_MS && Math.hypot(event.clientX - last.x, event.clientY - last.y) < DOUBLE_TAP_SLOP) {
      this.#lastTap = undefined;
      this.#host.zoomForDoublePress(event.clientX, event.clientY, 'touch');
      return;
    }
    this.#lastTap = { time: now, x: event.clientX, y: event.clientY };
  }

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
    this.#host.zoomForDoublePress(event.clientX, event.clientY, 'mouse', event.shiftKey);
  };

  #onDragStart = (event: DragEvent): void => {
    // Images and links would start a native drag instead of a pan.
    event.preventDefault();
  };
}
