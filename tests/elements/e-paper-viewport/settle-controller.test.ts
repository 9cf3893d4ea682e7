import { expect } from '@open-wc/testing';
import { SettleController, SETTLE_MS, STEP_SETTLE_MS } from '../../../src/elements/e-paper-viewport/settle-controller.js';
import { REDRAW_RATIO, STRETCH_RATIO } from '../../../src/elements/e-paper-viewport/stage-layer.js';
import type { View } from '../../../src/elements/e-paper-viewport/viewport-math.js';
import { frames, mountHost, sleep, type InputTestHost } from './input-host.js';

let host: InputTestHost | undefined;
let held = false;
afterEach(() => {
  host?.remove();
  host = undefined;
  held = false;
});

/** The scale the page is drawn at inside the stage (its slot's), or null when the slot is not scaled. */
const drawnAt = (h: InputTestHost): number | null => {
  const match = /^scale\((.+)\)$/.exec(h.shadowRoot!.querySelector('slot')!.style.transform);
  return match ? Number(match[1]) : null;
};

/** The scale the stage's own transform leaves to the compositor. */
const stageScale = (stage: HTMLElement): number => Number(/scale\((.+)\)$/.exec(stage.style.transform)![1]);

const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));

async function withSettle(): Promise<[InputTestHost, SettleController, HTMLElement]> {
  host = await mountHost();
  const settle = new SettleController(host, host.port, () => held);
  return [host, settle, host.shadowRoot!.querySelector<HTMLElement>('.stage')!];
}

/** What the viewport does for a view: writes it to the stage whole, tells its listeners, then (a gesture's step) its input. */
function write(h: InputTestHost, view: View, animate = false) {
  h.view = view;
  const stage = h.shadowRoot!.querySelector<HTMLElement>('.stage')!;
  stage.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  h.dispatchEvent(new CustomEvent('e-paper-viewport-view', { detail: { view, box: { width: 400, height: 300 }, animate } }));
}

function step(h: InputTestHost, settle: SettleController, view: View) {
  write(h, view);
  settle.moved();
}

describe('SettleController', () => {
  it('makes the stage a layer once idle, the page drawn in it at the scale shown', async () => {
    const [h, , stage] = await withSettle();
    expect(stage.style.willChange, 'not before the browser is idle').to.equal('');
    await idle();
    expect(stage.style.willChange).to.equal('transform');
    expect(drawnAt(h)).to.equal(0.5);
    expect(stageScale(stage), 'the stage itself unscaled').to.equal(1);
  });

  it('moves the drawn page during a zoom without drawing it again, draws it at the new scale once settled', async () => {
    const [h, settle, stage] = await withSettle();
    await idle();
    for (let i = 1; i <= 5; i++) step(h, settle, { scale: 0.5 + i * 0.2, x: -i, y: -i });
    expect(settle.moving).to.equal(true);
    expect(drawnAt(h), 'drawn once, at the first scale').to.equal(0.5);
    expect(stageScale(stage), 'the compositor scales the rest').to.be.closeTo(1.5 / 0.5, 1e-9);
    expect(stage.style.transform).to.match(/^translate\(-5px, -5px\)/);
    expect(h.named('settled')).to.have.length(0);
    await sleep(SETTLE_MS * 2);
    expect(settle.moving).to.equal(false);
    expect(h.named('settled')).to.have.length(1);
    expect(drawnAt(h), 'drawn again at the scale it settled at').to.equal(1.5);
    expect(stageScale(stage)).to.equal(1);
    expect(stage.style.willChange, 'still a layer').to.equal('transform');
  });

  it('leaves the drawn page as it is after a pan', async () => {
    const [h, settle, stage] = await withSettle();
    await idle();
    for (let i = 1; i <= 3; i++) step(h, settle, { scale: 0.5, x: -10 * i, y: 0 });
    await sleep(SETTLE_MS * 2);
    expect(h.named('settled')).to.have.length(1);
    expect(drawnAt(h)).to.equal(0.5);
    expect(stage.style.transform).to.equal('translate(-30px, 0px) scale(1)');
  });

  it('moves the layer by whole device pixels (a fraction away from its first raster would blur its text)', async () => {
    const [h, settle, stage] = await withSettle();
    await idle();
    step(h, settle, { scale: 0.5, x: -10.3, y: 4.6 });
    const dpr = devicePixelRatio;
    expect(stage.style.transform).to.equal(`translate(${Math.round(-10.3 * dpr) / dpr}px, ${Math.round(4.6 * dpr) / dpr}px) scale(1)`);
  });

  it(`draws the page again during a gesture that zooms out below 1/${REDRAW_RATIO} or in beyond ${STRETCH_RATIO}× of the drawn scale`, async () => {
    const [h, settle] = await withSettle();
    await idle();
    step(h, settle, { scale: 0.5 / REDRAW_RATIO + 0.01, x: 0, y: 0 });
    expect(drawnAt(h), 'within the ratio').to.equal(0.5);
    step(h, settle, { scale: 0.5 / REDRAW_RATIO - 0.01, x: 0, y: 0 });
    expect(drawnAt(h), 'zoomed out past it').to.equal(0.5 / REDRAW_RATIO - 0.01);
    const from = drawnAt(h)!;
    step(h, settle, { scale: from * STRETCH_RATIO * 0.99, x: 0, y: 0 });
    expect(drawnAt(h), 'stretched within the ratio').to.equal(from);
    step(h, settle, { scale: from * STRETCH_RATIO * 1.01, x: 0, y: 0 });
    expect(drawnAt(h), 'zoomed in past it').to.equal(from * STRETCH_RATIO * 1.01);
  });

  it('draws the page again after a step outside a gesture: at once, or once an animated step has run', async () => {
    const [h] = await withSettle();
    await idle();
    write(h, { scale: 1, x: 0, y: 0 });
    await Promise.resolve();
    expect(drawnAt(h), 'a step without animation').to.equal(1);
    write(h, { scale: 1.5, x: 0, y: 0 }, true);
    await sleep(STEP_SETTLE_MS / 2);
    expect(drawnAt(h), 'not while the step animates').to.equal(1);
    expect(stageScale(h.shadowRoot!.querySelector<HTMLElement>('.stage')!)).to.be.closeTo(1.5, 1e-9);
    await sleep(STEP_SETTLE_MS);
    expect(drawnAt(h), 'once it has run').to.equal(1.5);
  });

  it('waits for the pointer to lift: the lifting schedules the settling', async () => {
    const [h, settle] = await withSettle();
    await idle();
    held = true;
    step(h, settle, { scale: 1, x: 0, y: 0 });
    await sleep(SETTLE_MS * 2);
    expect(settle.moving, 'still held').to.equal(true);
    expect(h.named('settled')).to.have.length(0);
    expect(drawnAt(h), 'not drawn again while held').to.equal(0.5);
    held = false;
    settle.schedule();
    await sleep(SETTLE_MS * 2);
    expect(settle.moving).to.equal(false);
    expect(h.named('settled')).to.have.length(1);
    expect(drawnAt(h)).to.equal(1);
  });

  it('a gesture before the browser is idle makes the layer at once', async () => {
    const [h, settle, stage] = await withSettle();
    step(h, settle, { scale: 0.6, x: 0, y: 0 });
    expect(stage.style.willChange).to.equal('transform');
    expect(drawnAt(h)).to.equal(0.6);
  });

  it('a disconnect ends the gesture without announcing it, and gives the page back to the document', async () => {
    const [h, settle, stage] = await withSettle();
    await idle();
    step(h, settle, { scale: 0.8, x: -4, y: 0 });
    h.remove();
    expect(settle.moving).to.equal(false);
    expect(stage.style.willChange).to.equal('');
    expect(drawnAt(h)).to.equal(null);
    expect(stage.style.transform).to.equal('translate(-4px, 0px) scale(0.8)');
    await sleep(SETTLE_MS * 2);
    await frames(1);
    expect(h.named('settled')).to.have.length(0);
  });
});
