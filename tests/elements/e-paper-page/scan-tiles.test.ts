import { expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperViewport } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import type { Edition } from '../../../src/edition/schema.js';
import { levelFor, pageToImage, tileUrl, tilesIn, type TileSource } from '../../../src/elements/e-paper-page/tile-math.js';
import { deepQuery, frames, nextEvent, until } from '../../helpers.js';

// The demo's tiled scan edition (scripts/make-scan-edition.mjs: `e-paper tiles` on the scan of A1:
// WebP tiles, named in the edition and in the info.json's preferredFormats).
const TILED_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan-tiles/edition.json', import.meta.url).href;
// A JPEG-only level 0 service, as a library's (tests/fixtures/tiles-jpeg/: not a real library's).
const JPEG_SERVICE = new URL('../../fixtures/tiles-jpeg/tiles/A1', import.meta.url).href;

/** The demo's tiled edition with its page's images made absolute and its tiles replaced by `tiles`. */
async function withTiles(tiles: { service: string }): Promise<Edition> {
  const edition = (await (await fetch(TILED_URL)).json()) as Edition;
  const page = edition.pages[0];
  const rebased = (src: string) => new URL(src, TILED_URL).href;
  const scan = page.scan!;
  return {
    ...edition,
    pages: [
      { ...page, scan: { ...scan, src: rebased(scan.src), srcset: scan.srcset?.map((s) => ({ ...s, src: rebased(s.src) })), tiles } },
    ],
  };
}

async function viewer(setup: (el: EPaper) => void, width = 700, height = 560) {
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.style.cssText = `display: block; width: ${width}px; height: ${height}px`;
  setup(el);
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  return el;
}

const pageRoot = (el: EPaper) => deepQuery(el, 'e-paper-page')!.shadowRoot!;
const viewportOf = (el: EPaper) => deepQuery<EPaperViewport>(el, 'e-paper-viewport')!;
const tileImages = (el: EPaper) => [...pageRoot(el).querySelectorAll<HTMLImageElement>('.scan-tiles > img')];
/** A tile's level, from its URL: the region's width over the size's. */
function factorOf(src: string): number {
  const [size, region] = new URL(src).pathname.split('/').slice(-4, -2).reverse();
  const regionWidth = region === 'full' ? 2000 : Number(region.split(',')[2]);
  return Math.round(regionWidth / Number(size.split(',')[0]));
}
/** The layer is still: tiles shown, all decoded, all of one level (the level before has gone). */
const settled = (el: EPaper) => {
  const imgs = tileImages(el);
  return imgs.length > 0 && imgs.every((img) => img.classList.contains('in')) && new Set(imgs.map((img) => factorOf(img.src))).size === 1;
};
/** Every URL under the edition's tiles fetched so far (Resource Timing). */
const fetchedTiles = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('/zhuzhou-daily-2021-01-08-scan-tiles/tiles/A1/'));

async function sourceOf(): Promise<{ source: TileSource; page: { width: number; height: number } }> {
  const edition = (await (await fetch(TILED_URL)).json()) as Edition;
  const page = edition.pages[0];
  const tiles = page.scan!.tiles!;
  const source: TileSource = {
    service: new URL(tiles.service, TILED_URL).href,
    version: 3,
    width: tiles.width!,
    height: tiles.height!,
    tileWidth: tiles.tileWidth!,
    tileHeight: tiles.tileWidth!,
    scaleFactors: tiles.scaleFactors!,
    format: tiles.format ?? 'jpg',
  };
  return { source, page };
}

/** The page area in view (page units) from the viewport's own view and box. */
function viewArea(el: EPaper) {
  const viewport = viewportOf(el);
  const { scale, x, y } = viewport.view;
  return { x: -x / scale, y: -y / scale, w: viewport.clientWidth / scale, h: viewport.clientHeight / scale };
}

function cdpWheel(x: number, y: number, deltaY: number, count: number, modifiers = 2) {
  const event = { method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY, modifiers } };
  return executeServerCommand('cdp-input', { events: Array.from({ length: count }, () => event), delay: 16 });
}

/** Checks every frame, while `during` runs and until it is done, that no part of the view is blank. */
async function neverBlank(el: EPaper, during: Promise<unknown>): Promise<number> {
  let done = false;
  let checked = 0;
  const failures: string[] = [];
  void during.finally(() => (done = true));
  await new Promise<void>((resolve) => {
    const check = () => {
      const root = pageRoot(el);
      const base = root.querySelector<HTMLImageElement>('.scan > img.scan-image.loaded');
      if (!base || !base.complete || !base.naturalWidth || getComputedStyle(base).opacity !== '1')
        failures.push(`frame ${checked}: the page's small image is not shown under the tiles`);
      for (const img of tileImages(el))
        if (img.classList.contains('in') && !img.naturalWidth) failures.push(`frame ${checked}: a tile shown undecoded`);
      checked++;
      if (done) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  expect(failures).to.deep.equal([]);
  return checked;
}

describe('tiled scan pages', () => {
  afterEach(async () => {
    await resetMouse();
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
    performance.clearResourceTimings();
  });

  it('at fit fetch no tile (the small image is sharp enough), zoomed in only the level the scale needs, never the whole image', async () => {
    performance.clearResourceTimings();
    const { source, page } = await sourceOf();
    const el = await viewer((e) => (e.src = TILED_URL));
    await until(() => !!pageRoot(el).querySelector('.scan-tiles') && !!pageRoot(el).querySelector('.scan-image.loaded'), 'the small image');
    await frames(10);
    expect(fetchedTiles(), 'tiles at fit').to.deep.equal([]);
    const zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(0.45, { x: 1000, y: 1400 });
    await zoomed;
    await until(() => settled(el), 'the tiles in view are shown');
    const factor = levelFor(source, page.width, viewportOf(el).scale * devicePixelRatio);
    expect(factor, 'a level between the small image and the sharpest').to.equal(2);
    const expected = tilesIn(source, factor, pageToImage(source, page, viewArea(el))).map((t) => tileUrl(source, t));
    expect([...new Set(fetchedTiles())].sort()).to.deep.equal(expected.sort());
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    expect(
      names.some((n) => n.endsWith('page-2000.jpg')),
      'the 2000 px image',
    ).to.equal(false);
  });

  it('zoomed in by the wheel and panned by a drag, fetch the sharp tiles in view, and never show a blank', async () => {
    const { source, page } = await sourceOf();
    const el = await viewer((e) => (e.src = TILED_URL));
    await until(() => !!pageRoot(el).querySelector('.scan-tiles') && !!pageRoot(el).querySelector('.scan-image.loaded'), 'the small image');
    const box = viewportOf(el).getBoundingClientRect();
    const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
    performance.clearResourceTimings();
    const zoom = (async () => {
      await cdpWheel(cx, cy, -100, 8);
      await nextEvent(el, 'e-paper-zoom');
      await until(() => tileImages(el).every((img) => img.classList.contains('in')), 'the zoomed tiles are shown');
      // A drag across the page, as a mouse sends it.
      await sendMouse({ type: 'move', position: [Math.round(cx), Math.round(cy)] });
      await sendMouse({ type: 'down' });
      for (let i = 1; i <= 10; i++) await sendMouse({ type: 'move', position: [Math.round(cx - i * 25), Math.round(cy - i * 20)] });
      await sendMouse({ type: 'up' });
      await nextEvent(el, 'e-paper-zoom');
      await until(() => tileImages(el).every((img) => img.classList.contains('in')), 'the panned tiles are shown');
      await frames(25);
    })();
    const checked = await neverBlank(el, zoom);
    expect(checked, 'frames checked').to.be.greaterThan(10);
    const viewport = viewportOf(el);
    const factor = levelFor(source, page.width, viewport.scale * devicePixelRatio);
    expect(factor, 'the sharpest level at this zoom').to.equal(1);
    // Every sharp tile in view was fetched; every sharp tile fetched was in view at some time
    // (at the zoom's end or the pan's): none far outside.
    const inView = tilesIn(source, 1, pageToImage(source, page, viewArea(el))).map((t) => tileUrl(source, t));
    const fetched = new Set(fetchedTiles());
    for (const url of inView) expect(fetched.has(url), `${url} fetched`).to.equal(true);
    const sharp = [...fetched].filter((url) => factorOf(url) === 1);
    const all = tilesIn(source, 1, { x: 0, y: 0, w: source.width, h: source.height });
    expect(sharp.length, 'sharp tiles fetched').to.be.lessThan(all.length / 2);
    // Shown now: the tiles of the sharp level over the view only (the level before has gone).
    const shown = tileImages(el).map((img) => img.src);
    for (const url of inView) expect(shown, 'shown').to.include(url);
  });

  it('stand where the page is: a tile covers its part of the page within 1 px, under the regions', async () => {
    const { source, page } = await sourceOf();
    const el = await viewer((e) => (e.src = TILED_URL));
    const zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1.2, { x: 1000, y: 1400 });
    await zoomed;
    await until(() => tileImages(el).some((img) => img.classList.contains('in')), 'a tile is shown');
    const sheet = pageRoot(el).querySelector('.page')!.getBoundingClientRect();
    const perUnit = sheet.width / page.width;
    for (const img of tileImages(el)) {
      const [x, y, w, h] = new URL(img.src).pathname.split('/').at(-4)!.split(',').map(Number);
      const at = { x: (x * page.width) / source.width, y: (y * page.height) / source.height };
      const r = img.getBoundingClientRect();
      expect(Math.abs(r.left - (sheet.left + at.x * perUnit)), 'left').to.be.at.most(1);
      expect(Math.abs(r.top - (sheet.top + at.y * perUnit)), 'top').to.be.at.most(1);
      expect(Math.abs(r.width - ((w * page.width) / source.width) * perUnit), 'width').to.be.at.most(1);
      expect(Math.abs(r.height - ((h * page.height) / source.height) * perUnit), 'height').to.be.at.most(1);
    }
    // The regions lie over the tiles and still take the pointer: at the centre of a shape in view.
    const box = viewportOf(el).getBoundingClientRect();
    const centres = [...pageRoot(el).querySelectorAll('.region .shape')].map((shape) => {
      const r = shape.getBoundingClientRect();
      return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] as [number, number];
    });
    const point = centres.find(([x, y]) => x > box.left + 10 && x < box.right - 10 && y > box.top + 60 && y < box.bottom - 10)!;
    expect(point, 'a shape in view').to.not.equal(undefined);
    const hit = pageRoot(el).elementsFromPoint(...point);
    expect(hit.some((e) => e.closest('.region'))).to.equal(true);
  });

  it('drop tiles far out of view after a long pan', async () => {
    const el = await viewer((e) => (e.src = TILED_URL));
    let zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1.2, { x: 300, y: 300 });
    await zoomed;
    await until(() => settled(el) && factorOf(tileImages(el)[0].src) === 1, 'the top left tiles');
    const before = tileImages(el).map((img) => img.src);
    zoomed = nextEvent(el, 'e-paper-zoom');
    el.zoomTo(1.2, { x: 1700, y: 2500 });
    await zoomed;
    await until(
      () => settled(el) && !tileImages(el).some((img) => before.includes(img.src)),
      'the bottom right tiles, the top left ones dropped',
    );
    expect(tileImages(el).every((img) => factorOf(img.src) === 1)).to.equal(true);
  });

  it('fetch the format the service offers: WebP from its info.json, JPEG from a JPEG-only service', async () => {
    // The edition names the service alone: the viewer reads its info.json.
    const webpEdition = await withTiles({ service: new URL('tiles/A1', TILED_URL).href });
    const webp = await viewer((e) => (e.edition = webpEdition));
    let zoomed = nextEvent(webp, 'e-paper-zoom');
    webp.zoomTo(1.2, { x: 1000, y: 1400 });
    await zoomed;
    await until(() => settled(webp) && factorOf(tileImages(webp)[0].src) === 1, 'the sharp WebP tiles');
    const webpTiles = tileImages(webp).map((img) => img.src);
    expect(
      webpTiles.every((src) => src.endsWith('/0/default.webp')),
      webpTiles.join(),
    ).to.equal(true);
    expect(
      tileImages(webp).every((img) => img.naturalWidth > 0),
      'decoded',
    ).to.equal(true);
    webp.remove();
    performance.clearResourceTimings();
    // A library's service that serves jpg only (its info.json names no other format).
    const jpegEdition = await withTiles({ service: JPEG_SERVICE });
    const jpeg = await viewer((e) => (e.edition = jpegEdition));
    zoomed = nextEvent(jpeg, 'e-paper-zoom');
    jpeg.zoomTo(1.2, { x: 1000, y: 1400 });
    await zoomed;
    await until(() => tileImages(jpeg).length > 0 && tileImages(jpeg).every((img) => img.classList.contains('in')), 'the JPEG tiles');
    const jpegTiles = tileImages(jpeg).map((img) => img.src);
    expect(
      jpegTiles.every((src) => src.startsWith(`${JPEG_SERVICE}/`) && src.endsWith('/0/default.jpg')),
      jpegTiles.join(),
    ).to.equal(true);
    expect(
      tileImages(jpeg).every((img) => img.naturalWidth > 0),
      'decoded',
    ).to.equal(true);
    const fetched = performance.getEntriesByType('resource').map((e) => e.name);
    expect(
      fetched.some((name) => name.endsWith('.webp')),
      'no WebP asked of a JPEG-only service',
    ).to.equal(false);
  });

  it('show the whole image when the image service cannot be read', async () => {
    const broken = await withTiles({ service: new URL('no-such-service', TILED_URL).href });
    const warn = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const el = await viewer((e) => (e.edition = broken));
      await until(() => !pageRoot(el).querySelector('.scan-tiles'), 'the page falls back to its images');
      const zoomed = nextEvent(el, 'e-paper-zoom');
      el.zoomTo(1.2);
      await zoomed;
      await until(() => /page-2000\.jpg$/.test(pageRoot(el).querySelector<HTMLImageElement>('.scan-image.sharp')!.src), 'the sharp image');
      expect(String(warned.flat().join(' '))).to.match(/tiles .* cannot be shown.*404/);
    } finally {
      console.warn = warn;
    }
  });
});
