import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { A1_URL, deepQuery, nextEvent } from './helpers.js';

// A page's own styles for the e-paper tag win over the viewer's :host rules (outer styles beat
// a shadow root's, unless !important). A common reset, `e-paper { all: unset }`, takes away the
// host's display, position and containment: the viewer's layout must not rest on them.

interface Layout {
  element: DOMRect;
  inner: DOMRect;
  sheet: DOMRect;
  /** Every region shape's box, relative to the wrapper. */
  shapes: { id: string; box: number[] }[];
}

/** A viewer in a 1200 × 860 wrapper on a page with `css`, once ready; its boxes. */
async function layoutWith(css: string): Promise<{ wrapper: DOMRect; layout: Layout }> {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const wrapper = document.createElement('div');
  wrapper.style.cssText = 'width: 1200px; height: 860px';
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.src = A1_URL;
  wrapper.append(el);
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(wrapper);
  try {
    await ready;
    const origin = wrapper.getBoundingClientRect();
    const pageRoot = deepQuery(el, 'e-paper-page')!.shadowRoot!;
    const shapes = [...pageRoot.querySelectorAll<SVGGraphicsElement>('.region .shape')].map((shape) => {
      const box = shape.getBoundingClientRect();
      return {
        id: shape.closest<SVGGElement>('.region')!.dataset.articleId!,
        box: [box.left - origin.left, box.top - origin.top, box.width, box.height],
      };
    });
    return {
      wrapper: origin,
      layout: {
        element: el.getBoundingClientRect(),
        inner: el.shadowRoot!.querySelector('.viewer')!.getBoundingClientRect(),
        sheet: pageRoot.querySelector('.page')!.getBoundingClientRect(),
        shapes,
      },
    };
  } finally {
    wrapper.remove();
    style.remove();
  }
}

function expectInside(inner: DOMRect, outer: DOMRect, what: string) {
  expect(inner.left, `${what}: left`).to.be.at.least(outer.left - 0.5);
  expect(inner.top, `${what}: top`).to.be.at.least(outer.top - 0.5);
  expect(inner.right, `${what}: right`).to.be.at.most(outer.right + 0.5);
  expect(inner.bottom, `${what}: bottom`).to.be.at.most(outer.bottom + 0.5);
}

describe('host page styles for the e-paper tag', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  let reference: Layout;
  before(async () => {
    ({ layout: reference } = await layoutWith('e-paper { display: block; width: 100%; height: 100% }'));
    expect(reference.element.width).to.equal(1200);
    expect(reference.element.height).to.equal(860);
    expect(reference.shapes.length, 'regions on the page').to.be.greaterThan(5);
  });

  for (const css of ['e-paper { all: unset }', 'e-paper { all: unset; display: block; width: 100%; height: 100% }']) {
    it(`keep the viewer in its box and the regions on the page with ${css}`, async () => {
      const { wrapper, layout } = await layoutWith(css);
      expectInside(layout.inner, wrapper, 'the viewer in the wrapper');
      expectInside(layout.inner, layout.element, 'the viewer in the element');
      expectInside(layout.sheet, layout.inner, 'the page in the viewer');
      expect(layout.inner.width, 'the viewer fills the wrapper').to.be.closeTo(1200, 0.5);
      expect(layout.inner.height, 'the viewer fills the wrapper').to.be.closeTo(860, 0.5);
      expect(layout.shapes.map((s) => s.id)).to.deep.equal(reference.shapes.map((s) => s.id));
      layout.shapes.forEach((shape, i) =>
        shape.box.forEach((v, k) =>
          expect(
            Math.abs(v - reference.shapes[i].box[k]),
            `region ${shape.id} box[${k}]: ${v} against ${reference.shapes[i].box[k]}`,
          ).to.be.at.most(1),
        ),
      );
    });
  }
});
