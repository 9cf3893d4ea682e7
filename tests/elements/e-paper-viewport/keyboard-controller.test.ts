import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { KeyboardController } from '../../../src/elements/e-paper-viewport/keyboard-controller.js';
import { ZOOM_STEP } from '../../../src/elements/e-paper-viewport/viewport-math.js';
import { mountHost, type InputTestHost } from './input-host.js';

let host: InputTestHost | undefined;
afterEach(() => {
  host?.remove();
  host = undefined;
});

async function withKeys(options: { zoomed?: boolean } = {}): Promise<InputTestHost> {
  host = await mountHost(options);
  new KeyboardController(host, host.port);
  host.focus();
  return host;
}

describe('KeyboardController', () => {
  it('+, = and - zoom a step at the centre, 0 fits; each key is taken from the page', async () => {
    const h = await withKeys();
    const prevented: boolean[] = [];
    const seen = (event: KeyboardEvent) => prevented.push(event.defaultPrevented);
    document.addEventListener('keydown', seen);
    try {
      for (const key of ['+', '=', '-', '0']) await sendKeys({ press: key });
    } finally {
      document.removeEventListener('keydown', seen);
    }
    expect(h.named('zoomBy')).to.deep.equal([
      [ZOOM_STEP, undefined, { animate: true }],
      [ZOOM_STEP, undefined, { animate: true }],
      [1 / ZOOM_STEP, undefined, { animate: true }],
    ]);
    expect(h.named('fit')).to.deep.equal([['page', { animate: true }]]);
    expect(prevented).to.deep.equal([true, true, true, true]);
  });

  it('arrows pan by a tenth of the box (at least 40 px) when zoomed in, Shift by 80 %; at fit they are left to the page', async () => {
    const h = await withKeys();
    await sendKeys({ press: 'ArrowDown' });
    expect(h.named('commit'), 'at fit: nothing').to.have.length(0);
    h.view = { scale: 1, x: -100, y: -100 };
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ up: 'Shift' });
    expect(h.named('commit')).to.deep.equal([
      [{ scale: 1, x: -140, y: -100 }, { animate: true }],
      [{ scale: 1, x: -140, y: -60 }, { animate: true }],
      [{ scale: 1, x: -140 + 320, y: -60 }, { animate: true }],
    ]);
  });

  it('ignores keys with Ctrl, keys typed in a text field, and every key once the host is out', async () => {
    const h = await withKeys({ zoomed: true });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: '0' });
    await sendKeys({ up: 'Control' });
    const field = document.createElement('input');
    h.append(field);
    field.focus();
    await sendKeys({ press: '+' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(field.value).to.equal('+');
    field.remove();
    const parent = h.parentElement!;
    h.remove();
    parent.append(h);
    h.remove();
    h.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    expect(h.calls).to.deep.equal([]);
  });
});
