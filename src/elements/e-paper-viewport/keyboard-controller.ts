import type { ReactiveController } from 'lit';
import { isTextField } from '../../internal/focus.js';
import { ZOOM_STEP } from './viewport-math.js';
import { isFitted, panBy } from './input-geometry.js';
import type { ViewportHost, ViewportPort } from './viewport-types.js';

/**
 * The keys, with focus on the viewport: `+`/`=` and `-` zoom at the centre, `0` fits the page,
 * arrow keys pan (Shift: by most of the box); at fit the arrows are left to the host page. Keys
 * typed in a text field, or with Alt, Ctrl or ⌘, are not ours. A held key moves without animation.
 */
export class KeyboardController implements ReactiveController {
  readonly #host: ViewportHost;
  readonly #port: ViewportPort;

  constructor(host: ViewportHost, port: ViewportPort) {
    this.#host = host;
    this.#port = port;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTextField(event.composedPath()[0])) return;
    const host = this.#host;
    const { clientWidth: width, clientHeight: height } = host;
    const stepX = event.shiftKey ? width * 0.8 : Math.max(40, width * 0.1);
    const stepY = event.shiftKey ? height * 0.8 : Math.max(40, height * 0.1);
    const animate = !event.repeat;
    const key = event.key;
    // At fit there is nothing to pan: arrows scroll the host page as usual.
    if (key.startsWith('Arrow') && isFitted(host)) return;
    const pan = { ArrowLeft: [stepX, 0], ArrowRight: [-stepX, 0], ArrowUp: [0, stepY], ArrowDown: [0, -stepY] }[key];
    if (pan) this.#port.commit(panBy(host.view, pan[0], pan[1]), { animate });
    else if (key === '+' || key === '=') host.zoomBy(ZOOM_STEP, undefined, { animate });
    else if (key === '-' || key === '_') host.zoomBy(1 / ZOOM_STEP, undefined, { animate });
    else if (key === '0') host.fit('page', { animate });
    else return;
    event.preventDefault();
  };
}
