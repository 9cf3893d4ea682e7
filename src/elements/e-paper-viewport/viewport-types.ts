/**
 * The viewport's types: the details of its events, the options of its methods, and what it and
 * its input controllers (loaded after the first paint, `viewport-input.ts`) give each other.
 * Types only: nothing of this module is in a bundle.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { FitMode, Point, Size, View } from './viewport-math.js';

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

/** What a change of view asks for: animated (a discrete step) or a step of a gesture. */
export interface CommitOptions {
  animate?: boolean;
  gesture?: boolean;
}

/** The viewport as its input controllers see it: its public API and the element. */
export interface ViewportHost extends ReactiveControllerHost, HTMLElement {
  readonly view: View;
  readonly scale: number;
  readonly minScale: number;
  readonly maxScale: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  zoomBy(factor: number, screenPoint?: Point, options?: { animate?: boolean }): void;
  fit(mode?: FitMode, options?: { animate?: boolean }): void;
  zoomForDoublePress(clientX: number, clientY: number, pointerType: string, out?: boolean): void;
}

/** What only the viewport can do, handed to its input controllers as they are attached. */
export interface ViewportPort {
  /** Makes `view` (clamped to the bounds) the view. */
  commit(view: View, options?: CommitOptions): void;
  /** Shows or hides the "hold Ctrl to zoom" hint. */
  hint(visible: boolean): void;
  /** A gesture settled: announces the view (`e-paper-viewport-zoom`) if it changed. */
  settled(): void;
}

/** What the viewport asks of its input once attached. */
export interface ViewportInput {
  /** A gesture moved the view: the stage is promoted, and the gesture settles once input stops. */
  moved(): void;
  /** A gesture is under way: the zoom event waits for it to settle. */
  readonly moving: boolean;
  /** The box changed size: a gesture under way starts afresh from the new view. */
  relayout(): void;
  /** The "hold Ctrl to zoom" hint, in `lang`: only the input shows it, so it comes with the input. */
  hint(lang: string, visible: boolean): TemplateResult;
}

/** The module loaded after the first paint. */
export interface ViewportInputModule {
  attachInput(host: ViewportHost, port: ViewportPort): ViewportInput;
}
