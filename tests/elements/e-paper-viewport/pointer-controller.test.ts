import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { PointerController, DRAG_THRESHOLD } from '../../../src/elements/e-paper-viewport/pointer-controller.js';
import { SettleController } from '../../../src/elements/e-paper-viewport/settle-controller.js';
import { at, cdp, mountHost, mouse, touch, type InputTestHost } from './input-host.js';

let host: InputTestHost | undefined;
afterEach(async () => {
  await resetMouse();
  host?.remove();
  host = undefined;
});

/** A host with the pointer controller (and the settling it tells), a block inside it that counts its clicks. */
async function withPointers(options: { zoomed?: boolean } = {}) {
  const h = (host = await mountHost(options));
  const block = document.createElement('div');
  block.style.cssText = 'width: 400px; height: 300px';
  h.append(block);
  let clicks = 0;
  block.addEventListener('click', () => clicks++);
  const settle = new SettleController(h, h.port, (): boolean => pointers.down);
  const pointers = new PointerController(h, h.port, settle);
  return { h, pointers, settle, clicks: () => clicks };
}

/** A mouse drag by (dx, dy) from a box point, in `steps` moves. */
async function drag(h: InputTestHost, x: number, y: number, dx: number, dy: number, steps = 5) {
  const [cx, cy] = at(h, x, y);
  const events = [mouse('mousePressed', cx, cy, { buttons: 1, clickCount: 1 })];
  for (let i = 1; i <= steps; i++) events.push(mouse('mouseMoved', cx + (dx * i) / steps, cy + (dy * i) / steps, { buttons: 1 }));
  events.push(mouse('mouseReleased', cx + dx, cy + dy, { buttons: 0, clickCount: 1 }));
  await cdp(events);
}

describe('PointerController', () => {
  it('a mouse drag pans from where it started, as a gesture, and swallows the click after it', async () => {
    const { h, clicks } = await withPointers({ zoomed: true });
    await drag(h, 200, 150, -60, 40);
    const commits = h.named('commit');
    expect(commits.length).to.be.greaterThan(1);
    expect(commits.at(-1)).to.deep.equal([{ scale: 1, x: -160, y: -60 }, { gesture: true }]);
    expect(commits.every(([, options]) => (options as { gesture?: boolean }).gesture)).to.equal(true);
    expect(clicks()).to.equal(0);
  });

  it(`a press that moves no more than ${DRAG_THRESHOLD} px is a click: no pan`, async () => {
    const { h, clicks } = await withPointers({ zoomed: true });
    await drag(h, 200, 150, DRAG_THRESHOLD - 1, 0, 2);
    expect(h.named('commit')).to.have.length(0);
    expect(clicks()).to.equal(1);
  });

  it('the cursor grabs while a drag pans, and lets go after', async () => {
    const { h } = await withPointers({ zoomed: true });
    const box = h.shadowRoot!.querySelector('.box')!;
    const [cx, cy] = at(h, 200, 150);
    await cdp([mouse('mousePressed', cx, cy, { buttons: 1, clickCount: 1 }), mouse('mouseMoved', cx + 30, cy, { buttons: 1 })]);
    expect(box.classList.contains('grabbing')).to.equal(true);
    await cdp([mouse('mouseReleased', cx + 30, cy, { buttons: 0, clickCount: 1 })]);
    expect(box.classList.contains('grabbing')).to.equal(false);
  });

  it('two fingers pinch in proportion to their distance, the point under their midpoint kept', async () => {
    const { h, clicks } = await withPointers();
    const [cx, cy] = at(h, 200, 150);
    const fingers = (d: number) => [
      { x: cx - d / 2, y: cy, id: 1 },
      { x: cx + d / 2, y: cy, id: 2 },
    ];
    const events = [touch('touchStart', fingers(100))];
    for (const d of [120, 140, 160, 180, 200]) events.push(touch('touchMove', fingers(d)));
    await cdp(events);
    await cdp([touch('touchEnd', [])]);
    const [view] = h.named('commit').at(-1)! as [{ scale: number; x: number; y: number }];
    expect(view.scale).to.be.closeTo(1, 1e-9); // 0.5 × 200 / 100
    // The page point under (200, 150) at scale 0.5 from (0, 0) was (400, 300): still under it.
    expect(view.x + 400 * view.scale).to.be.closeTo(200, 1);
    expect(view.y + 300 * view.scale).to.be.closeTo(150, 1);
    expect(clicks(), 'no click after a pinch').to.equal(0);
  });

  it('a sideways swipe at fit turns the page; the same swipe zoomed in pans instead', async () => {
    const { h } = await withPointers();
    const directions: number[] = [];
    h.addEventListener('e-paper-viewport-swipe', (event) =>
      directions.push((event as CustomEvent<{ direction: number }>).detail.direction),
    );
    const [cx, cy] = at(h, 300, 150);
    const swipe = async (dx: number) => {
      const events = [touch('touchStart', [{ x: cx, y: cy, id: 1 }])];
      for (let i = 1; i <= 5; i++) events.push(touch('touchMove', [{ x: cx + (dx * i) / 5, y: cy, id: 1 }]));
      await cdp(events);
      await cdp([touch('touchEnd', [])]);
    };
    await swipe(-120);
    await swipe(80);
    expect(directions).to.deep.equal([1, -1]);
    h.view = { scale: 1, x: -100, y: -100 };
    await swipe(-120);
    expect(directions).to.have.length(2);
  });

  it('a double-tap and a double-click ask the viewport to zoom there (Shift: a mouse zooms out)', async () => {
    const { h } = await withPointers();
    const [x, y] = at(h, 120, 90);
    const tap = [touch('touchStart', [{ x, y, id: 1 }]), touch('touchEnd', [])];
    await cdp([...tap, ...tap]);
    expect(h.named('zoomForDoublePress')).to.deep.equal([[x, y, 'touch', undefined]]);
    const press = (clickCount: number, modifiers: number) => [
      mouse('mousePressed', x, y, { buttons: 1, clickCount, modifiers }),
      mouse('mouseReleased', x, y, { buttons: 0, clickCount, modifiers }),
    ];
    await cdp([mouse('mouseMoved', x, y), ...press(1, 8), ...press(2, 8)]);
    expect(h.named('zoomForDoublePress')[1]).to.deep.equal([x, y, 'mouse', true]);
  });

  it('a disconnect mid-drag forgets the pointers: no pan after, nothing held', async () => {
    const { h, pointers } = await withPointers({ zoomed: true });
    const [cx, cy] = at(h, 200, 150);
    await cdp([mouse('mousePressed', cx, cy, { buttons: 1, clickCount: 1 })]);
    expect(pointers.down).to.equal(true);
    const parent = h.parentElement!;
    h.remove();
    expect(pointers.down).to.equal(false);
    parent.append(h);
    await cdp([mouse('mouseMoved', cx + 50, cy, { buttons: 1 }), mouse('mouseReleased', cx + 50, cy, { buttons: 0, clickCount: 1 })]);
    expect(h.named('commit')).to.have.length(0);
  });
});
