// A stand-in for the viewport, for the input controllers' own tests: a 400×300 box with a stage,
// the public API the controllers call (recorded, not carried out, except the view a commit sets),
// and the port, recorded. The real viewport's behaviour is tested in e-paper-viewport.test.ts.
import { LitElement, css, html } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CommitOptions, ViewportHost, ViewportPort } from '../../../src/elements/e-paper-viewport/viewport-types.js';
import type { FitMode, Point, View } from '../../../src/elements/e-paper-viewport/viewport-math.js';

export type Call = [name: string, ...args: unknown[]];

export class InputTestHost extends LitElement implements ViewportHost {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      width: 400px;
      height: 300px;
      overflow: hidden;
    }
    .box {
      position: absolute;
      inset: 0;
      touch-action: none;
    }
  `;

  view: View = { scale: 0.5, x: 0, y: 0 };
  minScale = 0.5;
  maxScale = 3;
  /** What the controllers asked of the host's API and of the port, in order. */
  readonly calls: Call[] = [];
  readonly port: ViewportPort = {
    commit: (view: View, options?: CommitOptions) => {
      this.calls.push(['commit', view, options]);
      this.view = view;
    },
    hint: (visible: boolean) => void this.calls.push(['hint', visible]),
    settled: () => void this.calls.push(['settled']),
  };

  get scale(): number {
    return this.view.scale;
  }

  zoomBy(factor: number, screenPoint?: Point, options?: { animate?: boolean }): void {
    this.calls.push(['zoomBy', factor, screenPoint, options]);
  }

  fit(mode?: FitMode, options?: { animate?: boolean }): void {
    this.calls.push(['fit', mode, options]);
  }

  zoomForDoublePress(clientX: number, clientY: number, pointerType: string, out?: boolean): void {
    this.calls.push(['zoomForDoublePress', clientX, clientY, pointerType, out]);
  }

  /** The calls named `name`, their arguments. */
  named(name: string): unknown[][] {
    return this.calls.filter(([n]) => n === name).map(([, ...args]) => args);
  }

  override render() {
    return html`<div class="box"><div class="stage"><slot></slot></div></div>`;
  }
}
customElements.define('input-test-host', InputTestHost);

/** A host in the document, its box's top-left client point, and `zoomed`: scale above its minimum. */
export async function mountHost({ zoomed = false } = {}): Promise<InputTestHost> {
  const host = document.createElement('input-test-host') as InputTestHost;
  host.tabIndex = 0;
  if (zoomed) host.view = { scale: 1, x: -100, y: -100 };
  document.body.append(host);
  await host.updateComplete;
  return host;
}

/** A client point of the host's box. */
export function at(host: HTMLElement, x: number, y: number): [number, number] {
  const r = host.getBoundingClientRect();
  return [r.left + x, r.top + y];
}

type CdpEvent = { method: string; params: Record<string, unknown> };

/** Real input through CDP (scripts/wtr-input-plugin.js). */
export const cdp = (events: CdpEvent[], delay = 0) => executeServerCommand('cdp-input', { events, delay });

export const mouse = (type: string, x: number, y: number, extra: Record<string, unknown> = {}): CdpEvent => ({
  method: 'Input.dispatchMouseEvent',
  params: { type, x, y, button: 'left', ...extra },
});

export const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', touchPoints: { x: number; y: number; id: number }[]): CdpEvent => ({
  method: 'Input.dispatchTouchEvent',
  params: { type, touchPoints },
});

export const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
