import { expect } from '@open-wc/testing';
import { WheelController } from '../../../src/elements/e-paper-viewport/wheel-controller.js';
import { zoomAtPoint } from '../../../src/elements/e-paper-viewport/viewport-math.js';
import { wheelZoomFactor } from '../../../src/elements/e-paper-viewport/input-geometry.js';
import { at, cdp, mountHost, type InputTestHost } from './input-host.js';

const CTRL = 2;

let host: InputTestHost | undefined;
let down = false;
afterEach(() => {
  host?.remove();
  host = undefined;
  down = false;
});

async function withWheel(options: { zoomed?: boolean } = {}): Promise<InputTestHost> {
  host = await mountHost(options);
  new WheelController(host, host.port, () => down);
  return host;
}

/** One real wheel event at a box point; resolves with whether it was taken from the page. */
async function wheel(h: InputTestHost, x: number, y: number, deltaY: number, modifiers = 0, deltaX = 0): Promise<boolean> {
  const [cx, cy] = at(h, x, y);
  let prevented: boolean | undefined;
  const seen = (event: WheelEvent) => (prevented = event.defaultPrevented);
  document.addEventListener('wheel', seen, { passive: true });
  try {
    await cdp([{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x: cx, y: cy, deltaX, deltaY, modifiers } }]);
  } finally {
    document.removeEventListener('wheel', seen);
  }
  expect(prevented, 'the wheel event reached the document').to.not.equal(undefined);
  return prevented!;
}

describe('WheelController', () => {
  it('Ctrl + wheel zooms at the pointer, as a gesture, and never lets the browser zoom the page', async () => {
    const h = await withWheel();
    const before = h.view;
    expect(await wheel(h, 100, 80, -100, CTRL)).to.equal(true);
    const [view, options] = h.named('commit')[0] as [{ scale: number; x: number; y: number }, unknown];
    const expected = zoomAtPoint(before, before.scale * wheelZoomFactor(-100), { x: 100, y: 80 });
    expect(view.scale).to.be.closeTo(expected.scale, 1e-9);
    expect(view.x).to.be.closeTo(expected.x, 1e-6);
    expect(view.y).to.be.closeTo(expected.y, 1e-6);
    expect(options).to.deep.equal({ gesture: true });
    // At the largest scale: still ours, clamped there.
    h.view = { scale: 3, x: 0, y: 0 };
    expect(await wheel(h, 100, 80, -100, CTRL)).to.equal(true);
    expect((h.named('commit')[1][0] as { scale: number }).scale).to.equal(3);
  });

  it('at fit a plain wheel is left to the host page and shows the hint; Ctrl + wheel hides it', async () => {
    const h = await withWheel();
    expect(await wheel(h, 200, 150, 120)).to.equal(false);
    expect(h.named('commit')).to.have.length(0);
    expect(h.named('hint')).to.deep.equal([[true]]);
    await wheel(h, 200, 150, -10, CTRL);
    expect(h.named('hint')).to.deep.equal([[true], [false]]);
  });

  it('zoomed in, a plain wheel pans by its deltas', async () => {
    const h = await withWheel({ zoomed: true });
    expect(await wheel(h, 200, 150, 30, 0, 20)).to.equal(true);
    expect(h.named('commit')).to.deep.equal([[{ scale: 1, x: -120, y: -130 }, { gesture: true }]]);
  });

  it("zooms by Safari's gesture scale from its start (synthetic: Chromium has no gesture events), not while pointers are down", async () => {
    const h = await withWheel();
    const [cx, cy] = at(h, 100, 100);
    const fire = (type: string, scale: number) => {
      const event = Object.assign(new UIEvent(type, { bubbles: true, cancelable: true }), { scale, clientX: cx, clientY: cy });
      h.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(fire('gesturestart', 1)).to.equal(true);
    fire('gesturechange', 2);
    expect(fire('gestureend', 2)).to.equal(true);
    const zoomed = h.named('commit');
    expect(zoomed).to.have.length(1);
    expect((zoomed[0][0] as { scale: number }).scale).to.equal(1);
    down = true;
    fire('gesturestart', 1);
    fire('gesturechange', 1.5);
    expect(h.named('commit'), 'a touch pinch is the pointers’ to handle').to.have.length(1);
  });
});
