import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperViewport } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import { ZOOM_STEP } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import { READING_SCALE, screenToPage } from '../../../src/elements/e-paper-viewport/viewport-math.js';
import { A1_URL, deepQuery, frames, mountViewer, nextEvent, partsLoaded, until } from '../../helpers.js';

type CdpEvent = { method: string; params: Record<string, unknown> };
const cdp = (events: CdpEvent[], delay = 0) => executeServerCommand('cdp-input', { events, delay });

/** One press and release of the left button, the `clickCount`-th of a series. */
const click = (x: number, y: number, clickCount: number): CdpEvent[] =>
  (['mousePressed', 'mouseReleased'] as const).map((type) => ({
    method: 'Input.dispatchMouseEvent',
    params: { type, x, y, button: 'left', buttons: type === 'mousePressed' ? 1 : 0, clickCount },
  }));

const tap = (x: number, y: number): CdpEvent[] => [
  { method: 'Input.dispatchTouchEvent', params: { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] } },
  { method: 'Input.dispatchTouchEvent', params: { type: 'touchEnd', touchPoints: [] } },
];

const viewportOf = (el: EPaper) => deepQuery<EPaperViewport>(el, 'e-paper-viewport')!;
const readerOpen = (el: EPaper) => !!deepQuery<HTMLDialogElement>(el, 'e-paper-reader', 'dialog')?.open;

/** The on-screen centre of the lead story's region (it is large: well inside the viewer at fit). */
function leadCentre(el: EPaper) {
  const shape = deepQuery(el, 'e-paper-page', '.region[data-article-id="a2"] .shape')!.getBoundingClientRect();
  return { x: Math.round(shape.left + shape.width / 2), y: Math.round(shape.top + shape.height / 2) };
}

/** The client point of the box's origin, to turn client points into box points. */
function toBox(el: EPaper, x: number, y: number) {
  const box = viewportOf(el).getBoundingClientRect();
  return { x: x - box.left, y: y - box.top };
}

async function viewer() {
  const el = await mountViewer<EPaper>((e) => {
    e.noPersist = true;
    e.src = A1_URL;
  });
  await partsLoaded(el);
  await frames(2);
  return el;
}

/**
 * A double-click at (x, y): the first click opens the reader, as a click does, and the second
 * press lands on it. Resolves once the viewer has closed the article again (the dialog closes at
 * once, the viewer's article with its close event a task later).
 */
async function doubleClick(el: EPaper, x: number, y: number): Promise<void> {
  await cdp(click(x, y, 1));
  await until(() => readerOpen(el), 'the first click opens the reader');
  const closed = nextEvent(el, 'e-paper-article-close');
  await cdp(click(x, y, 2));
  await closed;
}

describe('double press over an article', () => {
  afterEach(() => document.querySelectorAll('e-paper').forEach((el) => el.remove()));

  it('a single click opens the article at once', async () => {
    const el = await viewer();
    const { x, y } = leadCentre(el);
    await cdp(click(x, y, 1));
    // No wait: the click handler opened it before the input command returned.
    expect(el.article).to.equal('a2');
    await until(() => readerOpen(el), 'the reader shows');
  });

  it('a double-click zooms in a step at the pointer and leaves the article closed', async () => {
    const el = await viewer();
    const viewport = viewportOf(el);
    const before = viewport.view;
    const { x, y } = leadCentre(el);
    const pagePoint = screenToPage(before, toBox(el, x, y));
    await doubleClick(el, x, y);
    expect(readerOpen(el), 'the second press closed it again').to.equal(false);
    expect(el.article).to.equal(undefined);
    expect(viewport.scale / before.scale).to.be.closeTo(Math.min(ZOOM_STEP, viewport.maxScale / before.scale), 1e-6);
    // The page point under the pointer stayed there: across, the page is still narrower than the
    // viewer at 1.5 × fit, so it stays centred, as on empty paper.
    const after = screenToPage(viewport.view, toBox(el, x, y));
    expect(Math.abs(after.y - pagePoint.y) * viewport.scale).to.be.below(2);
    const width = viewport.getBoundingClientRect().width;
    expect(2000 * viewport.scale).to.be.below(width);
    expect(viewport.view.x).to.be.closeTo((width - 2000 * viewport.scale) / 2, 1);
    // Nothing opened it again afterwards.
    await frames(3);
    expect(readerOpen(el)).to.equal(false);
  });

  it('a double-click after a slow opening still zooms and leaves the article closed', async () => {
    const el = await viewer();
    const viewport = viewportOf(el);
    const before = viewport.scale;
    const { x, y } = leadCentre(el);
    // A slow device: the main thread busy for 600 ms once the click comes, before the reader shows.
    const busy = () => {
      const start = performance.now();
      while (performance.now() - start < 600);
    };
    window.addEventListener('click', busy, { capture: true, once: true });
    await doubleClick(el, x, y);
    expect(readerOpen(el), 'the second press closed it again').to.equal(false);
    expect(el.article).to.equal(undefined);
    expect(viewport.scale).to.be.above(before);
  });

  it('a double-tap zooms to reading size at the finger and leaves the article closed', async () => {
    const el = await viewer();
    const viewport = viewportOf(el);
    const before = viewport.view;
    const { x, y } = leadCentre(el);
    const pagePoint = screenToPage(before, toBox(el, x, y));
    // Was the reader up when the second finger came down (the press lands on it)?
    let readerUpAtSecondTap: boolean | undefined;
    let downs = 0;
    const onDown = () => {
      if (++downs === 2) readerUpAtSecondTap = readerOpen(el);
    };
    document.addEventListener('pointerdown', onDown, true);
    // Two taps 200 ms apart, each 100 ms long: a double-tap (within 320 ms and 24 px of the first).
    await cdp([...tap(x, y), ...tap(x, y)], 100);
    document.removeEventListener('pointerdown', onDown, true);
    await until(() => Math.abs(viewport.scale - READING_SCALE) < 1e-6, 'the page zooms to 100%');
    expect(readerUpAtSecondTap, 'the first tap opened the reader').to.equal(true);
    expect(el.article).to.equal(undefined);
    await frames(3);
    expect(readerOpen(el)).to.equal(false);
    const after = screenToPage(viewport.view, toBox(el, x, y));
    expect(Math.hypot((after.x - pagePoint.x) * viewport.scale, (after.y - pagePoint.y) * viewport.scale)).to.be.below(2);
  });
});
