// The viewport's input comes after the first paint, as a part of its own (viewport-input.ts): what
// input does before it is in, a failed load, the viewer's wait until `e-paper-ready`, and the
// built bundles (dist/: `npm test` builds first).
import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import { EPaperViewport } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import type { ViewportInputModule } from '../../../src/elements/e-paper-viewport/viewport-types.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { A1_URL, until } from '../../helpers.js';

const realLoader = EPaperViewport.loadInput;
const CTRL = 2;

/** A loader that the test lets through (or fails) when it likes, counting its calls. */
function gatedLoader() {
  const gate = { calls: 0, open: () => {}, fail: (_error: Error) => {} };
  EPaperViewport.loadInput = () => {
    gate.calls++;
    return new Promise<ViewportInputModule>((resolve, reject) => {
      gate.open = () => void realLoader().then(resolve, reject);
      gate.fail = reject;
    });
  };
  return gate;
}

let el: EPaperViewport | undefined;
const warn = console.warn;
// The pointer away from where the viewports appear: hovering one asks for its input.
beforeEach(() => resetMouse());
afterEach(() => {
  EPaperViewport.loadInput = realLoader;
  console.warn = warn;
  el?.remove();
  el = undefined;
});

/** A 400×300 viewport with a 1000×1400 page, zoomed in (so that a loaded input would pan on a plain wheel). */
async function mount(deferInput = false): Promise<EPaperViewport> {
  el = document.createElement('e-paper-viewport');
  el.deferInput = deferInput;
  el.style.cssText = 'display: block; width: 400px; height: 300px';
  el.pageWidth = 1000;
  el.pageHeight = 1400;
  const page = document.createElement('div');
  page.style.cssText = 'width: 1000px; height: 1400px';
  el.append(page);
  document.body.append(el);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  el.zoomTo(1, { x: 500, y: 700 }, { animate: false });
  return el;
}

/**
 * A real wheel over the viewport's centre; resolves with whether the viewport took it from the
 * page. With passive listeners only, Chromium delivers it without waiting: awaited here.
 */
async function wheel(target: HTMLElement, deltaY: number, modifiers = 0): Promise<boolean> {
  const r = target.getBoundingClientRect();
  let prevented: boolean | undefined;
  const seen = (event: WheelEvent) => (prevented = event.defaultPrevented);
  document.addEventListener('wheel', seen, { passive: true });
  try {
    const params = { type: 'mouseWheel', x: r.left + r.width / 2, y: r.top + r.height / 2, deltaX: 0, deltaY, modifiers };
    await executeServerCommand('cdp-input', { events: [{ method: 'Input.dispatchMouseEvent', params }] });
    await until(() => prevented !== undefined, 'the wheel reached the document');
  } finally {
    document.removeEventListener('wheel', seen);
  }
  return prevented!;
}

describe('<e-paper-viewport>: the input, loaded after the first paint', () => {
  it('loads it on connect; updateComplete waits for it', async () => {
    const gate = gatedLoader();
    const v = await mount();
    expect(gate.calls).to.equal(1);
    let complete = false;
    const waiting = v.updateComplete.then(() => (complete = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(complete, 'waits while the input loads').to.equal(false);
    gate.open();
    await waiting;
    const y = v.view.y;
    expect(await wheel(v, 100)).to.equal(true);
    expect(v.view.y).to.be.closeTo(y - 100, 1e-6);
  });

  it('before it is in, a plain wheel goes to the host page (as at fit), Ctrl + wheel zooms neither, and either asks for it; then the wheel is ours', async () => {
    const gate = gatedLoader();
    const v = await mount(true);
    expect(gate.calls, 'deferred: nothing loads').to.equal(0);
    const before = v.view;
    expect(await wheel(v, 100), 'a plain wheel: the page scrolls').to.equal(false);
    expect(await wheel(v, -100, CTRL), 'Ctrl + wheel: kept from zooming the host page').to.equal(true);
    expect(v.view, 'but not handled yet').to.deep.equal(before);
    expect(gate.calls, 'the first wheel asked for it, once').to.equal(1);
    gate.open();
    await v.updateComplete;
    expect(await wheel(v, -100, CTRL)).to.equal(true);
    expect(v.scale).to.be.greaterThan(before.scale);
  });

  it('deferInput holds the load until it is cleared', async () => {
    const gate = gatedLoader();
    const v = await mount(true);
    await v.updateComplete;
    expect(gate.calls).to.equal(0);
    v.deferInput = false;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(gate.calls).to.equal(1);
    gate.open();
    await v.updateComplete;
    v.focus();
    const scale = v.scale;
    await sendKeys({ press: '+' });
    expect(v.scale).to.be.greaterThan(scale);
  });

  it('a failed load is logged, breaks nothing, and is tried again on the next input', async () => {
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    const gate = gatedLoader();
    const v = await mount();
    gate.fail(new TypeError('Failed to fetch dynamically imported module'));
    await v.updateComplete; // never rejects
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.match(/viewport.*input could not be loaded/);
    expect(warnings[0][1]).to.be.instanceOf(TypeError);
    // The view still works through the API.
    v.zoomTo(2, undefined, { animate: false });
    expect(v.scale).to.equal(2);
    expect(await wheel(v, 100), 'no input: the page scrolls').to.equal(false);
    expect(gate.calls, 'the wheel tried again').to.equal(2);
    gate.open();
    await v.updateComplete;
    const y = v.view.y;
    expect(await wheel(v, 100)).to.equal(true);
    expect(v.view.y).to.be.closeTo(y - 100, 1e-6);
  });
});

describe('<e-paper>: the viewport’s input after e-paper-ready', () => {
  it('is asked for only once the viewer has announced the page, and is in by its updateComplete', async () => {
    const order: string[] = [];
    EPaperViewport.loadInput = () => {
      order.push('input');
      return realLoader();
    };
    const viewer = document.createElement('e-paper') as EPaper;
    viewer.style.cssText = 'display: block; width: 900px; height: 640px';
    viewer.setAttribute('no-persist', '');
    viewer.src = A1_URL;
    const ready = new Promise((resolve) => viewer.addEventListener('e-paper-ready', resolve, { once: true }));
    viewer.addEventListener('e-paper-ready', () => order.push('ready'), { once: true });
    document.body.append(viewer);
    try {
      await ready;
      const viewport = viewer.shadowRoot!.querySelector('e-paper-viewport')!;
      await until(() => order.length === 2, 'the input asked for');
      expect(order).to.deep.equal(['ready', 'input']);
      await viewport.updateComplete;
      viewport.focus();
      const scale = viewport.scale;
      await sendKeys({ press: '+' });
      expect(viewport.scale).to.be.greaterThan(scale);
    } finally {
      viewer.remove();
    }
  });
});

describe('the built bundles carry the input', () => {
  for (const [name, script] of [
    ['the ES module (its part in e-paper-parts/)', '<script type="module" src="/dist/e-paper.js"></script>'],
    ['the one-file script', '<script src="/dist/e-paper.iife.js"></script>'],
  ]) {
    it(name, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 900px; height: 640px; border: 0';
      frame.srcdoc = `<!doctype html>${script}<e-paper no-persist src="${A1_URL}" style="display:block;height:600px"></e-paper>`;
      document.body.append(frame);
      try {
        const viewport = () =>
          frame.contentDocument?.querySelector('e-paper')?.shadowRoot?.querySelector<EPaperViewport>('e-paper-viewport') ?? null;
        await until(() => !!viewport()?.shadowRoot?.querySelector('.stage'), 'the viewer drawn');
        const v = viewport()!;
        // Pressed until the input is in (it comes after e-paper-ready): the fitted page zooms in a step.
        for (let tries = 0; tries < 100 && !(v.scale > v.minScale * 1.2); tries++) {
          v.focus();
          await sendKeys({ press: '+' });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(v.scale / v.minScale).to.be.greaterThan(1.2);
        if (script.includes('type="module"')) {
          const parts = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
          expect(parts.some((path) => /^\/dist\/e-paper-parts\/viewport-input-.*\.js$/.test(path))).to.equal(true);
        }
      } finally {
        frame.remove();
      }
    });
  }
});
