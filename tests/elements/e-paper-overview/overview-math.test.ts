import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  centerOf,
  dragCenter,
  keyCenter,
  mapScale,
  mapSize,
  mapToPage,
  shareOfPage,
  visibleRect,
} from '../../../src/elements/e-paper-overview/overview-math.js';
import { clampView, viewCenter, viewCenteredOn, type View } from '../../../src/elements/e-paper-viewport/viewport-math.js';

const box = { width: 800, height: 600 };
const page = { width: 2000, height: 2860 };

describe('overview-math', () => {
  it('the visible rect is the box seen through the view, in page units', () => {
    const view = clampView(viewCenteredOn({ x: 700, y: 900 }, 2, box), box, page);
    const rect = visibleRect(view, box, page);
    expect(rect).to.deep.equal({ x: 500, y: 750, w: 400, h: 300 });
    // Its centre is the viewport's centre.
    expect(centerOf(rect)).to.deep.equal(viewCenter(view, box));
  });

  it('the visible rect is cut to the page where the page is smaller than the box', () => {
    // At a scale where the page is 400 px wide in an 800 px box (centred across), 100 px of it down.
    const view: View = { scale: 0.2, x: 200, y: -100 };
    const rect = visibleRect(view, box, page);
    expect(rect.x).to.equal(0);
    expect(rect.w).to.equal(2000);
    expect(rect.y).to.be.closeTo(500, 1e-9);
    // The box reaches below the page: the rect stops at its foot.
    expect(rect.y + rect.h).to.be.closeTo(page.height, 1e-9);
  });

  it('the map has the page’s shape, its longer side given', () => {
    expect(mapSize(page, 160)).to.deep.equal({ width: (160 * 2000) / 2860, height: 160 });
    expect(mapSize({ width: 3000, height: 1000 }, 150)).to.deep.equal({ width: 150, height: 50 });
    expect(mapSize({ width: 0, height: 1000 }, 150)).to.deep.equal({ width: 0, height: 0 });
    const map = mapSize(page, 160);
    expect(mapScale(map, page)).to.be.closeTo(160 / 2860, 1e-12);
  });

  it('a share of the page places the mark on a map of any size', () => {
    expect(shareOfPage({ x: 500, y: 715, w: 1000, h: 1430 }, page)).to.deep.equal({ x: 0.25, y: 0.25, w: 0.5, h: 0.5 });
    expect(shareOfPage({ x: 1, y: 1, w: 1, h: 1 }, { width: 0, height: 0 })).to.deep.equal({ x: 0, y: 0, w: 1, h: 1 });
  });

  it('a map point is the page point under it, on the page', () => {
    const scale = 0.05;
    expect(mapToPage({ x: 50, y: 71.5 }, scale, page)).to.deep.equal({ x: 1000, y: 1430 });
    expect(mapToPage({ x: -10, y: 1e6 }, scale, page)).to.deep.equal({ x: 0, y: 2860 });
  });

  it('a drag moves the centre by the pointer’s travel over the map’s scale', () => {
    expect(dragCenter({ x: 1000, y: 1000 }, 10, -5, 0.05, page)).to.deep.equal({ x: 1200, y: 900 });
    expect(dragCenter({ x: 1000, y: 1000 }, 1e6, -1e6, 0.05, page)).to.deep.equal({ x: 2000, y: 0 });
  });

  it('arrow keys move the centre by a tenth of the visible area (Shift: most of it)', () => {
    const visible = { x: 500, y: 750, w: 400, h: 300 };
    expect(keyCenter(visible, 'ArrowRight', false, page)).to.deep.equal({ x: 740, y: 900 });
    expect(keyCenter(visible, 'ArrowUp', false, page)).to.deep.equal({ x: 700, y: 870 });
    expect(keyCenter(visible, 'ArrowLeft', true, page)).to.deep.equal({ x: 380, y: 900 });
    expect(keyCenter(visible, 'ArrowDown', true, page)).to.deep.equal({ x: 700, y: 1140 });
    expect(keyCenter(visible, 'Enter', false, page)).to.equal(null);
  });

  it('a drag then back again returns to the view it began with (the round trip through the map)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2860, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (scale, cx, cy, dx) => {
          const view = clampView(viewCenteredOn({ x: cx, y: cy }, scale, box), box, page);
          const start = centerOf(visibleRect(view, box, page));
          const there = dragCenter(start, dx, dx, 0.05, page);
          const back = dragCenter(start, 0, 0, 0.05, page);
          expect(back).to.deep.equal(start);
          expect(there.x).to.be.within(0, page.width);
          expect(there.y).to.be.within(0, page.height);
        },
      ),
      { seed: 21, numRuns: 200 },
    );
  });

  it('returns finite numbers for any input', () => {
    const bad = [NaN, Infinity, -Infinity, 0, -5];
    for (const n of bad) {
      const view = { scale: n, x: n, y: n };
      const size = { width: n, height: n };
      for (const value of [
        ...Object.values(visibleRect(view, size, size)),
        ...Object.values(mapSize(size, n)),
        mapScale(size, size),
        ...Object.values(shareOfPage({ x: n, y: n, w: n, h: n }, page)),
        ...Object.values(mapToPage({ x: n, y: n }, n, page)),
        ...Object.values(dragCenter({ x: 1, y: 1 }, n, n, n, page)),
        ...Object.values(keyCenter({ x: n, y: n, w: n, h: n }, 'ArrowLeft', false, page) ?? {}),
      ])
        expect(Number.isFinite(value), `${n}`).to.equal(true);
    }
  });
});
