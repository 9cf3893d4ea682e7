import { expect } from '@open-wc/testing';
import { SettleController, SETTLE_MS } from '../../../src/elements/e-paper-viewport/settle-controller.js';
import { frames, mountHost, sleep, type InputTestHost } from './input-host.js';

let host: InputTestHost | undefined;
let held = false;
afterEach(() => {
  host?.remove();
  host = undefined;
  held = false;
});

async function withSettle(): Promise<[InputTestHost, SettleController, HTMLElement]> {
  host = await mountHost();
  const settle = new SettleController(host, host.port, () => held);
  return [host, settle, host.shadowRoot!.querySelector<HTMLElement>('.stage')!];
}

describe('SettleController', () => {
  it('promotes the stage while a gesture moves, and settles once, after the input stops', async () => {
    const [h, settle, stage] = await withSettle();
    expect(settle.moving).to.equal(false);
    for (let i = 0; i < 5; i++) {
      h.view = { scale: 0.5 + i * 0.1, x: 0, y: 0 };
      settle.moved();
    }
    expect(settle.moving).to.equal(true);
    expect(stage.style.willChange).to.equal('transform');
    expect(h.named('settled')).to.have.length(0);
    await sleep(SETTLE_MS * 2);
    expect(settle.moving).to.equal(false);
    expect(stage.style.willChange).to.equal('');
    expect(h.named('settled')).to.have.length(1);
  });

  it('keeps the layer after a pan (its raster is at the scale shown), drops it at the next change of scale', async () => {
    const [h, settle, stage] = await withSettle();
    const view = (scale: number) => {
      h.view = { scale, x: 0, y: 0 };
      h.dispatchEvent(new CustomEvent('e-paper-viewport-view'));
    };
    const pan = () => {
      h.view = { ...h.view, x: h.view.x - 10 };
      settle.moved();
    };
    pan();
    await sleep(SETTLE_MS * 2);
    expect(settle.moving).to.equal(false);
    expect(stage.style.willChange, 'kept after a pan').to.equal('transform');
    expect(h.named('settled')).to.have.length(1);
    // A zoom outside a gesture (a button, a key): the text is rasterised again at the new scale.
    view(1);
    await Promise.resolve();
    expect(stage.style.willChange, 'dropped at a new scale').to.equal('');
    // A gesture that starts from a kept layer and zooms: dropped once it settles.
    pan();
    await sleep(SETTLE_MS * 2);
    expect(stage.style.willChange, 'kept after the second pan').to.equal('transform');
    view(1.5); // a pinch's first step writes its view before it moves
    settle.moved();
    await Promise.resolve();
    expect(stage.style.willChange, 'kept while the gesture moves').to.equal('transform');
    await sleep(SETTLE_MS * 2);
    expect(stage.style.willChange, 'dropped once the zoom settles').to.equal('');
  });

  it('waits for the pointer to lift: the lifting schedules the settling', async () => {
    const [h, settle] = await withSettle();
    held = true;
    settle.moved();
    await sleep(SETTLE_MS * 2);
    expect(settle.moving, 'still held').to.equal(true);
    expect(h.named('settled')).to.have.length(0);
    held = false;
    settle.schedule();
    await sleep(SETTLE_MS * 2);
    expect(settle.moving).to.equal(false);
    expect(h.named('settled')).to.have.length(1);
  });

  it('rasterises again once when zooming far out of the promoted scale, then promotes again', async () => {
    const [h, settle, stage] = await withSettle();
    h.view = { scale: 2, x: 0, y: 0 };
    settle.moved();
    h.view = { scale: 0.9, x: 0, y: 0 };
    settle.moved();
    expect(stage.style.willChange, 'dropped for a frame').to.equal('');
    await frames(1);
    expect(stage.style.willChange).to.equal('transform');
    settle.moved();
    expect(stage.style.willChange, 'not again at the same scale').to.equal('transform');
  });

  it('a disconnect ends the gesture without announcing it', async () => {
    const [h, settle, stage] = await withSettle();
    settle.moved();
    h.remove();
    expect(settle.moving).to.equal(false);
    expect(stage.style.willChange).to.equal('');
    await sleep(SETTLE_MS * 2);
    expect(h.named('settled')).to.have.length(0);
  });
});
