import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { Edition } from '../../../src/edition/schema.js';
import { deepQuery, nextEvent } from '../../helpers.js';

const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;

async function viewer(setup: (el: EPaper) => void) {
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.style.cssText = 'display: block; width: 700px; height: 560px';
  setup(el);
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  return el;
}

const pageRoot = (el: EPaper) => deepQuery(el, 'e-paper-page')!.shadowRoot!;
const sharpImage = (el: EPaper) => pageRoot(el).querySelector<HTMLImageElement>('.scan-image.sharp')!;
const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });
async function loaded(img: HTMLImageElement) {
  if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
  await frames();
}

describe('scan pages', () => {
  afterEach(async () => {
    await resetMouse();
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
  });

  it('show the page image with the same article regions as the typeset page', async () => {
    const el = await viewer((e) => (e.src = SCAN_URL));
    const img = sharpImage(el);
    await loaded(img);
    expect(img.naturalWidth).to.be.greaterThan(0);
    const regions = [...pageRoot(el).querySelectorAll<SVGGElement>('.region')].map((r) => r.dataset.articleId);
    // In the reading order the scan's own shapes give: the same as the typeset page's.
    expect(regions).to.deep.equal(['a2', 'a6', 'a5', 'a7', 'a1', 'a3', 'a4', 'a9', 'a8']);
  });

  it("light a region in the page's own layer, not in a layer the page's size", async () => {
    const el = await viewer((e) => (e.src = SCAN_URL));
    const root = pageRoot(el);
    const region = root.querySelector<SVGGElement>('.region[data-article-id="a2"]')!;
    const box = region.querySelector('.shape')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    const lit = () => root.querySelector('.lit[data-article-id="a2"]');
    for (let i = 0; i < 200 && !lit(); i++) await frames(1);
    expect(lit(), 'the mouse lights the story').to.exist;
    // A layer the page's size at 3× cost the pan most of its frames (bench:tiles: 88 intervals over
    // 33 ms, 1 without it); on a scan a tint repaints images only, no text.
    expect(getComputedStyle(root.querySelector('.lights')!).willChange).to.equal('auto');
  });

  it('keep regions on the image within 1 px at three zoom levels', async () => {
    const el = await viewer((e) => (e.src = SCAN_URL));
    const edition = (await (await fetch(SCAN_URL)).json()) as Edition;
    const page = edition.pages[0];
    for (const scale of [0, 0.6, 1.4]) {
      if (scale) {
        const zoomed = nextEvent(el, 'e-paper-zoom');
        el.zoomTo(scale, { x: 1000, y: 1400 });
        await zoomed;
      }
      await frames();
      const img = sharpImage(el).getBoundingClientRect();
      const perUnit = img.width / page.width;
      for (const region of page.regions!) {
        const drawn = pageRoot(el).querySelectorAll(`.region[data-article-id="${region.article}"] .shape`);
        region.shapes.forEach((shape, i) => {
          if (!('rect' in shape)) return;
          const box = drawn[i].getBoundingClientRect();
          const want = { left: img.left + shape.rect.x * perUnit, top: img.top + shape.rect.y * perUnit, width: shape.rect.w * perUnit };
          expect(Math.abs(box.left - want.left), `${region.article} left at ${scale}`).to.be.at.most(1);
          expect(Math.abs(box.top - want.top), `${region.article} top at ${scale}`).to.be.at.most(1);
          expect(Math.abs(box.width - want.width), `${region.article} width at ${scale}`).to.be.at.most(1);
        });
      }
    }
  });

  it('highlight every part of a multi-part article together', async () => {
    const el = await viewer((e) => (e.src = SCAN_URL));
    const shapes = [...pageRoot(el).querySelectorAll('.region[data-article-id="a6"] .shape')];
    expect(shapes.length).to.equal(2);
    const box = shapes[1].getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await frames(6);
    // The light is drawn over the region, in copies of its shapes (region-light.ts).
    const lit = [...pageRoot(el).querySelectorAll('.lit[data-article-id="a6"] .shape')];
    expect(lit.length).to.equal(2);
    const strokes = lit.map((s) => getComputedStyle(s).stroke);
    expect(
      strokes.every((stroke) => stroke !== 'none' && !/rgba\(0, 0, 0, 0\)|transparent/.test(stroke)),
      strokes.join(),
    ).to.equal(true);
  });

  it('show the small image at once and a sharper one when zoomed in, with progress while it loads', async () => {
    const el = await viewer((e) => (e.src = SCAN_URL));
    await loaded(sharpImage(el));
    expect(sharpImage(el).src).to.match(/page-500\.jpg$/);
    const root = pageRoot(el);
    let sawProgress = false;
    const observer = new MutationObserver(() => (sawProgress ||= root.querySelector('.scan-progress') !== null));
    observer.observe(root, { childList: true, subtree: true });
    const zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1);
    await zoomed;
    await deepQuery<HTMLElement & { updateComplete: Promise<void> }>(el, 'e-paper-page')!.updateComplete;
    const sharp = sharpImage(el);
    expect(sharp.src).to.match(/page-2000\.jpg$/);
    expect(root.querySelector('.scan-image.preview'), 'the preview stays under it while it loads').to.exist;
    await loaded(sharp);
    observer.disconnect();
    expect(sawProgress, 'a progress bar while the sharp image loads').to.equal(true);
    expect(sharp.classList.contains('loaded')).to.equal(true);
    expect(root.querySelector('.scan-progress')).to.equal(null);
    // Zooming out again keeps the sharp image: it never steps down.
    el.fit('page');
    await nextEvent(el, 'e-paper-zoom');
    await frames();
    expect(sharpImage(el).src).to.match(/page-2000\.jpg$/);
  });

  it('say clearly when the page image cannot be loaded', async () => {
    const edition = (await (await fetch(SCAN_URL)).json()) as Edition;
    edition.pages[0].scan = { src: '/no/such/page.jpg', width: 2000 };
    const el = await viewer((e) => {
      e.lang = 'en';
      e.edition = edition;
    });
    const img = sharpImage(el);
    if (!img.complete || img.naturalWidth) await new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
    await frames();
    expect(pageRoot(el).querySelector('[role="alert"]')!.textContent).to.contain('The page image could not be loaded');
  });

  it('refuse image sources that are not http or https', async () => {
    const edition = (await (await fetch(SCAN_URL)).json()) as Edition;
    edition.pages[0].scan = { src: 'javascript:alert(1)', srcset: [{ src: 'data:image/png;base64,AAAA', width: 10 }] };
    const el = await viewer((e) => (e.edition = edition));
    expect(pageRoot(el).querySelector('img')).to.equal(null);
    expect(pageRoot(el).querySelector('[role="alert"]')).to.exist;
  });
});
