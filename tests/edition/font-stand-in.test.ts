/**
 * The stand-in faces (src/edition/fonts.ts, font-swap.ts; the editions of demo/editions/sliced/):
 * at a desktop fit the body text is too small to read, so before `e-paper-ready` the viewer
 * fetches the body's stand-in and the page's headline cut, no slice; after ready it loads the
 * page's real slices and takes the stand-in out without moving a line. Where a restored zoom
 * makes the body legible, ready waits for the real faces and no stand-in is used.
 */
import { expect } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { editionFontFamily, pageText } from '../../src/edition/fonts.js';
import type { Edition } from '../../src/edition/schema.js';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { deepQuery, frames, nextEvent, until } from '../helpers.js';

const SLICED = new URL('../../demo/editions/sliced/', import.meta.url);
let count = 0;

/** The sliced A1 under an id of its own (fonts register per edition), its font URLs absolute. */
async function slicedA1(): Promise<Edition> {
  const edition: Edition = await (await fetch(new URL('zhuzhou-daily-2021-01-08.json', SLICED))).json();
  const fonts = edition.fonts!.map((font) => ({ ...font, src: new URL(font.src, SLICED).href }));
  return { ...edition, id: `stand-in-${Date.now()}-${count++}`, fonts };
}

/** Mounts the viewer at `width` × `height`; resolves at ready with the time of ready. */
async function mount(edition: Edition, width: number, height: number, storageKey = `stand-in-${Date.now()}-${count++}`) {
  const el = document.createElement('e-paper') as EPaper;
  el.style.cssText = `display: block; width: ${width}px; height: ${height}px`;
  el.storageKey = storageKey;
  el.edition = edition;
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  return { el, readyAt: performance.now() };
}

/** The edition's faces in the document, by family (quotes off). */
const faces = (family: string) => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family);

/**
 * Every line box of the page's text, as the page lays it out (text nodes' client rects from the
 * page's corner, rounded): the viewport may move the whole page by a fraction of a pixel meanwhile.
 */
function lineBoxes(el: EPaper): string[] {
  const page = deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector('.page')!;
  const origin = page.getBoundingClientRect();
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
  const boxes: string[] = [];
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects())
      boxes.push([rect.x - origin.x, rect.y - origin.y, rect.width, rect.height].map((n) => n.toFixed(2)).join(' '));
  }
  return boxes;
}

/** The mean luminance (Rec. 709, 0–255) of what the screen shows over `rects` (CSS px), by a screenshot. */
async function luminance(rects: DOMRect[]): Promise<number> {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const clip = {
    x: left,
    y: top,
    width: Math.max(...rects.map((r) => r.right)) - left,
    height: Math.max(...rects.map((r) => r.bottom)) - top,
  };
  const png = await executeServerCommand<string, typeof clip>('screenshot', clip);
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  let sum = 0;
  let count = 0;
  for (const r of rects) {
    const { data } = context.getImageData(Math.round(r.left - left), Math.round(r.top - top), Math.round(r.width), Math.round(r.height));
    for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    count += data.length / 4;
  }
  return sum / count;
}

describe('a stand-in for text too small to read', () => {
  // The tests read what was fetched from the resource timings: the browser keeps 250 by default and
  // drops the rest, and the slices of the tests before fill that in a slow run.
  before(() => performance.setResourceTimingBufferSize(100_000));
  beforeEach(() => performance.clearResourceTimings());

  it('at a desktop fit, fetches the stand-in and the headline cut before ready, and no slice', async () => {
    const edition = await slicedA1();
    const { el, readyAt } = await mount(edition, 1280, 800);
    try {
      const before = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < readyAt && edition.fonts!.some((font) => font.src === entry.name))
        .map((entry) => edition.fonts!.find((font) => font.src === entry.name)!);
      expect(before.map((font) => `${font.role} ${font.kind}`).sort(), 'files fetched before ready').to.deep.equal([
        'body other',
        'body stand-in',
        'headline page',
        'masthead other',
      ]);
      const body = editionFontFamily(edition, 'body');
      expect(
        faces(`${body} stand-in`).map((face) => face.status),
        'the stand-in draws the body',
      ).to.deep.equal(['loaded']);
      const headline = editionFontFamily(edition, 'headline');
      expect(
        document.fonts.check(`900 1em "${headline} A1"`, pageText(edition, edition.pages[0]).headline),
        'headlines in the real face',
      ).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('swaps the real body faces in after ready without moving a line', async () => {
    const edition = await slicedA1();
    const { el } = await mount(edition, 1280, 800);
    try {
      const body = editionFontFamily(edition, 'body');
      expect(faces(`${body} stand-in`).length, 'drawn in the stand-in at ready').to.equal(1);
      const atReady = lineBoxes(el);
      expect(atReady.length, 'the page has lines of text').to.be.above(200);
      await until(() => faces(`${body} stand-in`).length === 0, 'the stand-in is taken out', 20_000);
      const text = pageText(edition, edition.pages[0]).body;
      expect(document.fonts.check(`400 1em "${body}"`, text), 'the real body faces are in').to.equal(true);
      expect(faces(body).filter((face) => face.status === 'loaded').length, 'slices loaded').to.be.above(20);
      await frames(2);
      expect(lineBoxes(el), 'every line box as it was').to.deep.equal(atReady);
    } finally {
      el.remove();
    }
  });

  it('a deep link into a page kept in a page file draws its headlines with its cut, never the stand-in', async () => {
    const el = document.createElement('e-paper') as EPaper;
    el.style.cssText = 'display: block; width: 1280px; height: 800px';
    el.storageKey = `stand-in-paged-${Date.now()}`;
    el.page = 'A2';
    el.src = new URL('paged.json', SLICED).href;
    const ready = nextEvent(el, 'e-paper-ready');
    const start = performance.now();
    document.body.append(el);
    await ready;
    const readyAt = performance.now();
    try {
      const edition = el.edition ?? (await (await fetch(el.src)).json());
      const headline = editionFontFamily(edition, 'headline');
      const fetched = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime >= start && entry.startTime < readyAt && entry.name.includes('/sliced/'))
        .map((entry) => new URL(entry.name).pathname.replace(/.*\/sliced\//, ''));
      expect(fetched, 'the cut of A2 before ready').to.include('paged/fonts/headline-page-A2.woff2');
      expect(fetched, 'no cut of another page').not.to.include('paged/fonts/headline-page-A1.woff2');
      expect(faces(`${headline} stand-in`), 'no headline stand-in').to.deep.equal([]);
      expect(
        faces(`${headline} A2`).map((face) => face.status),
        'the cut draws the headlines',
      ).to.deep.equal(['loaded']);
    } finally {
      el.remove();
    }
  });

  it("decides by the page's type sizes: headlines set large, without banners, are legible at a desktop fit", async () => {
    const sliced = await slicedA1();
    // No headline cut (as a page without one), no banner (the smallest heading, 20 page px), and
    // every headline at 80 page px: at a desktop fit (about 0.28) 22 CSS px, to be read.
    const edition: Edition = {
      ...sliced,
      fonts: sliced.fonts!.filter((font) => font.kind !== 'page'),
      articles: sliced.articles.map(({ banner: _banner, ...article }) => article),
      pages: sliced.pages.map((page) => ({
        ...page,
        blocks: page.blocks?.map((block) => (block.kind === 'article' ? { ...block, headlineSize: 80 } : block)),
      })),
    };
    const { el } = await mount(edition, 1280, 800);
    try {
      const headline = editionFontFamily(edition, 'headline');
      expect(faces(`${headline} stand-in`), 'no headline stand-in').to.deep.equal([]);
      expect(
        document.fonts.check(`900 1em "${headline}"`, pageText(edition, edition.pages[0]).headline),
        'the real headline faces, at ready',
      ).to.equal(true);
      // The body (15.5 page px, about 4 CSS px) is still drawn by its stand-in.
      expect(faces(`${editionFontFamily(edition, 'body')} stand-in`).length, 'the body stand-in').to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('where the restored zoom makes the body legible, waits for the real faces and uses no stand-in', async () => {
    const edition = await slicedA1();
    const key = `stand-in-restored-${Date.now()}`;
    // A view saved at 1:1 (the record as the reading state writes it).
    const view = { scale: 1, x: 1000, y: 1400 };
    await set(
      `${key}:${edition.id}`,
      { v: 1, editionId: edition.id, page: 'A1', view, views: { A1: view }, updatedAt: Date.now() },
      createStore('e-paper', 'reading-state'),
    );
    const { el } = await mount(edition, 1280, 800, key);
    try {
      const body = editionFontFamily(edition, 'body');
      expect(faces(`${body} stand-in`), 'no stand-in registered').to.deep.equal([]);
      const text = pageText(edition, edition.pages[0]).body;
      expect(document.fonts.check(`400 1em "${body}"`, text), 'the real body faces, at ready').to.equal(true);
    } finally {
      el.remove();
    }
  });
  it("draws the body's text as grey as its real faces at a desktop fit (within 1 of 255)", async () => {
    await setViewport({ width: 1280, height: 800 });
    try {
      // The body's real slices come a second late each (the faults route, six at a time): the stand-in draws the body meanwhile.
      const edition = await slicedA1();
      const late = (src: string) => `/faults/file?path=${encodeURIComponent(new URL(src).pathname)}&ms=1000`;
      const fonts = edition.fonts!.map((font) => (font.role === 'body' && font.kind === 'slice' ? { ...font, src: late(font.src) } : font));
      // As the demo's bare page shows it in a 1280 × 800 window (the viewer 85vh high): a fit of 0.22,
      // where scripts/stand-in-grey.mjs tuned the stand-in's ink. (Bars thinner than a pixel draw
      // a little lighter or darker from one scale to another: at 0.26 this one is 2.6 lighter.)
      const { el } = await mount({ ...edition, fonts }, 1280, 680);
      try {
        const body = editionFontFamily(edition, 'body');
        await frames(3);
        expect(faces(`${body} stand-in`).length, 'the stand-in draws the body').to.equal(1);
        const boxes = [...deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelectorAll('.body')].map((box) => box.getBoundingClientRect());
        expect(boxes.length, 'the page has bodies of text').to.be.above(5);
        const standIn = await luminance(boxes);
        expect(faces(`${body} stand-in`).length, 'still the stand-in').to.equal(1);
        await until(() => faces(`${body} stand-in`).length === 0, 'the swap', 15_000);
        await document.fonts.ready;
        await frames(3);
        const real = await luminance(boxes);
        expect(Math.abs(standIn - real), `the stand-in's grey ${standIn.toFixed(1)} against ${real.toFixed(1)}`).to.be.below(1);
      } finally {
        el.remove();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
