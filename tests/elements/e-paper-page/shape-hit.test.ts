import { expect } from '@open-wc/testing';
import { inShape, inShapes } from '../../../src/elements/e-paper-page/text-layer.js';

describe('inShape', () => {
  it('takes a rectangle with its edges', () => {
    const rect = { rect: { x: 10, y: 20, w: 30, h: 40 } };
    expect([inShape(rect, 10, 20), inShape(rect, 40, 60), inShape(rect, 25, 40)]).to.deep.equal([true, true, true]);
    expect([inShape(rect, 9.9, 30), inShape(rect, 25, 60.1)]).to.deep.equal([false, false]);
  });

  it('takes a concave polygon by the even-odd rule', () => {
    // An L: the square 0–100 without its top-right quarter.
    const ell = {
      polygon: [
        [0, 0],
        [50, 0],
        [50, 50],
        [100, 50],
        [100, 100],
        [0, 100],
      ] as [number, number][],
    };
    expect([inShape(ell, 25, 25), inShape(ell, 75, 75), inShape(ell, 25, 75)]).to.deep.equal([true, true, true]);
    expect([inShape(ell, 75, 25), inShape(ell, 150, 75), inShape(ell, -1, 50)]).to.deep.equal([false, false, false]);
  });

  it('is in any of several shapes', () => {
    const shapes = [{ rect: { x: 0, y: 0, w: 10, h: 10 } }, { rect: { x: 100, y: 0, w: 10, h: 10 } }];
    expect([inShapes(shapes, 105, 5), inShapes(shapes, 50, 5), inShapes([], 0, 0)]).to.deep.equal([true, false, false]);
  });
});
