import { expect } from '@open-wc/testing';
import {
  MAX_TEXT_FACTOR,
  clampScale,
  clampView,
  fitScale,
  fitView,
  isFittedScale,
  pageToScreen,
  scaleBounds,
  screenToPage,
  viewCenter,
  viewCenteredOn,
  zoomAtPoint,
  type View,
} from '../../../src/elements/e-paper-viewport/viewport-math.js';
import { panBy, wheelZoomFactor } from '../../../src/elements/e-paper-viewport/input-geometry.js';

const box = { width: 800, height: 600 };
const page = { width: 2000, height: 2860 };
const finiteView = (v: View) => Number.isFinite(v.scale) && v.scale > 0 && Number.isFinite(v.x) && Number.isFinite(v.y);

describe('viewport-math', () => {
  it('fits the page whole or across', () => {
    expect(fitScale(box, page, 'page')).to.be.closeTo(600 / 2860, 1e-12);
    expect(fitScale(box, page, 'width')).to.be.closeTo(0.4, 1e-12);
    const whole = fitView(box, page, 'page');
    expect(whole.x).to.be.closeTo((800 - 2000 * whole.scale) / 2, 1e-9);
    expect(whole.y).to.be.closeTo(0, 1e-9);
    expect(fitView(box, page, 'width')).to.deep.equal({ scale: 0.4, x: 0, y: 0 });
    // A page shorter than the box at width-fit is centred vertically.
    const wide = fitView(box, { width: 1000, height: 500 }, 'width');
    expect(wide.y).to.be.closeTo((600 - 500 * 0.8) / 2, 1e-9);
  });

  it('bounds the scale between the fit and three times reading size', () => {
    expect(scaleBounds(box, page)).to.deep.equal({ min: 600 / 2860, max: MAX_TEXT_FACTOR });
    // A tiny page fits above 300%: it cannot zoom at all.
    const tiny = scaleBounds(box, { width: 100, height: 100 });
    expect(tiny.min).to.equal(6);
    expect(tiny.max).to.equal(6);
    const bounds = scaleBounds(box, page);
    expect(clampScale(10, bounds)).to.equal(3);
    expect(clampScale(0.01, bounds)).to.equal(bounds.min);
    expect(clampScale(Number.NaN, bounds)).to.equal(bounds.min);
    expect(clampScale(Number.POSITIVE_INFINITY, bounds)).to.equal(bounds.min);
    expect(isFittedScale(bounds.min, bounds)).to.equal(true);
    expect(isFittedScale(bounds.min * 1.01, bounds)).to.equal(false);
  });

  it('keeps the page in view: centred when smaller, edges at the box when larger', () => {
    // Narrower than the box across: centred across whatever x is asked.
    const narrow = clampView({ scale: 0.3, x: -5000, y: 0 }, box, page);
    expect(narrow.x).to.be.closeTo((800 - 600) / 2, 1e-9);
    // Larger along y: the top edge cannot come down into the box, nor the bottom up.
    expect(clampView({ scale: 0.3, x: 0, y: 200 }, box, page).y).to.equal(0);
    expect(clampView({ scale: 0.3, x: 0, y: -5000 }, box, page).y).to.be.closeTo(600 - 2860 * 0.3, 1e-9);
    // Inside the range: unchanged.
    expect(clampView({ scale: 1, x: -300, y: -400 }, box, page)).to.deep.equal({ scale: 1, x: -300, y: -400 });
    // With slack, up to that much of the box may show beyond an edge.
    expect(clampView({ scale: 1, x: 500, y: 0 }, box, page, 40).x).to.equal(40);
  });

  it('zooms at a point, keeping the page point under it', () => {
    const view: View = { scale: 0.5, x: -120, y: -80 };
    const screen = { x: 310, y: 222 };
    const before = screenToPage(view, screen);
    for (const scale of [0.25, 1, 2.75]) {
      const next = zoomAtPoint(view, scale, screen);
      expect(next.scale).to.equal(scale);
      const after = pageToScreen(next, before);
      expect(after.x).to.be.closeTo(screen.x, 1e-9);
      expect(after.y).to.be.closeTo(screen.y, 1e-9);
    }
  });

  it('maps page and screen points both ways, and centres a page point', () => {
    const view: View = { scale: 2, x: 10, y: -20 };
    expect(pageToScreen(view, { x: 5, y: 5 })).to.deep.equal({ x: 20, y: -10 });
    expect(screenToPage(view, { x: 20, y: -10 })).to.deep.equal({ x: 5, y: 5 });
    const centred = viewCenteredOn({ x: 1000, y: 1430 }, 1, box);
    expect(viewCenter(centred, box)).to.deep.equal({ x: 1000, y: 1430 });
    expect(panBy(view, 5, -5)).to.deep.equal({ scale: 2, x: 15, y: -25 });
  });

  it('turns wheel deltas into zoom factors, capped per event', () => {
    expect(wheelZoomFactor(-10)).to.be.closeTo(Math.exp(0.1), 1e-12);
    expect(wheelZoomFactor(10)).to.be.closeTo(Math.exp(-0.1), 1e-12);
    expect(wheelZoomFactor(-1000)).to.be.closeTo(1.3, 1e-12);
    expect(wheelZoomFactor(1000)).to.be.closeTo(1 / 1.3, 1e-12);
    expect(wheelZoomFactor(Number.NaN)).to.equal(1);
  });

  it('stays finite for zero, negative and NaN sizes', () => {
    const odd = [
      { width: 0, height: 0 },
      { width: -10, height: 50 },
      { width: Number.NaN, height: Number.NaN },
      { width: Number.POSITIVE_INFINITY, height: 10 },
    ];
    for (const b of odd) {
      for (const p of [...odd, page]) {
        const bounds = scaleBounds(b, p);
        expect(Number.isFinite(bounds.min) && Number.isFinite(bounds.max), JSON.stringify({ b, p })).to.equal(true);
        for (const mode of ['page', 'width'] as const) expect(finiteView(fitView(b, p, mode))).to.equal(true);
        const views: View[] = [
          { scale: Number.NaN, x: Number.NaN, y: Number.NaN },
          { scale: 0, x: 1e308, y: -1e308 },
          { scale: 2, x: 0, y: 0 },
        ];
        for (const v of views) {
          expect(finiteView(clampView(v, b, p)), JSON.stringify({ v, b, p })).to.equal(true);
          expect(finiteView(zoomAtPoint(v, Number.NaN, { x: Number.NaN, y: 0 }))).to.equal(true);
          expect(finiteView(viewCenteredOn(viewCenter(v, b), clampScale(v.scale, bounds), b))).to.equal(true);
        }
      }
    }
  });
});
