/**
 * The viewport's input, loaded after the first paint (a part of its own in the bundle): the
 * gesture lifecycle, pointers and touch, the wheel and trackpad, the keys, each a reactive
 * controller of the viewport. The first paint needs only the view, its transform and the fit.
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
 */
import { html } from 'lit';
import { KeyboardController } from './keyboard-controller.js';
import { PointerController } from './pointer-controller.js';
import { SettleController } from './settle-controller.js';
import { WheelController } from './wheel-controller.js';
import type { ViewportHost, ViewportInput, ViewportPort } from './viewport-types.js';
import { viewportStrings } from './viewport-strings.js';

const isMac = () => {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  return /mac|iphone|ipad|ipod/i.test(nav?.userAgentData?.platform || nav?.platform || '');
};

/** Attaches the input controllers to `host` (connected or not: each listens while it is). */
export function attachInput(host: ViewportHost, port: ViewportPort): ViewportInput {
  // The settling waits for the pointers to lift; it asks them only once a gesture runs.
  const down = (): boolean => pointers.down;
  const settle = new SettleController(host, port, down);
  const pointers = new PointerController(host, port, settle);
  new WheelController(host, port, down);
  new KeyboardController(host, port);
  return {
    moved: () => settle.moved(),
    get moving() {
      return settle.moving;
    },
    relayout: () => pointers.rebase(),
    hint: (lang, visible) => {
      const text = viewportStrings(lang).zoomHint(isMac() ? '⌘' : 'Ctrl');
      return html`<div class="hint ${visible ? 'visible' : ''}" part="hint" aria-hidden=${visible ? 'false' : 'true'}>${text}</div>`;
    },
  };
}
