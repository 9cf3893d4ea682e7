import { expect } from '@open-wc/testing';
import {
  LEVEL_TOLERANCE,
  gridOf,
  imageToPage,
  levelFor,
  pageToImage,
  tileAt,
  tileUrl,
  tilesIn,
  visiblePart,
  type TileSource,
} from '../../../src/elements/e-paper-page/tile-math.js';
import { serviceUrl, sourceFromInfo, sourceFromScan } from '../../../src/elements/e-paper-page/tile-source.js';

// A 2000 × 2860 scan of a page of 1000 × 1430 units, 512 px tiles, levels 1, 2, 4, 8.
const source: TileSource = {
  service: 'https://example.org/iiif/p1',
  version: 3,
  width: 2000,
  height: 2860,
  tileWidth: 512,
  tileHeight: 512,
  scaleFactors: [1, 2, 4, 8],
  format: 'jpg',
};
const page = { width: 1000, height: 1430 };

describe('tile maths', () => {
  it('levelFor: the coarsest level dense enough for the screen', () => {
    // 2 image px per unit at factor 1, 1 at 2, 0.5 at 4, 0.25 at 8.
    expect(levelFor(source, page.width, 0.2)).to.equal(8);
    expect(levelFor(source, page.width, 0.25)).to.equal(8);
    expect(levelFor(source, page.width, 0.3)).to.equal(4);
    expect(levelFor(source, page.width, 1)).to.equal(2);
    // A level a little coarser than the screen still serves (LEVEL_TOLERANCE).
    expect(levelFor(source, page.width, 1 / LEVEL_TOLERANCE - 0.01)).to.equal(2);
    expect(levelFor(source, page.width, 1 / LEVEL_TOLERANCE + 0.01)).to.equal(1);
    // Past the full image: the sharpest there is.
    expect(levelFor(source, page.width, 6)).to.equal(1);
    // Nonsense scales: the coarsest, never a throw.
    expect(levelFor(source, page.width, 0)).to.equal(8);
    expect(levelFor(source, page.width, Number.NaN)).to.equal(8);
    expect(levelFor({ ...source, scaleFactors: [4, 1, 2] }, page.width, 1)).to.equal(2);
  });

  it('gridOf and tileAt: edge tiles are cut to the image, sizes rounded up', () => {
    expect(gridOf(source, 1)).to.deep.equal({ cols: 4, rows: 6 });
    expect(gridOf(source, 8)).to.deep.equal({ cols: 1, rows: 1 });
    expect(tileAt(source, 1, 3, 5)).to.deep.equal({
      factor: 1,
      col: 3,
      row: 5,
      region: { x: 1536, y: 2560, w: 464, h: 300 },
      width: 464,
      height: 300,
    });
    expect(tileAt(source, 4, 0, 1)).to.deep.equal({
      factor: 4,
      col: 0,
      row: 1,
      region: { x: 0, y: 2048, w: 2000, h: 812 },
      width: 500,
      height: 203,
    });
  });

  it('tilesIn: only the tiles an area touches, none for an area off the image', () => {
    const keys = (tiles: ReturnType<typeof tilesIn>) => tiles.map((t) => `${t.col},${t.row}`);
    expect(keys(tilesIn(source, 1, { x: 500, y: 500, w: 100, h: 100 }))).to.deep.equal(['0,0', '1,0', '0,1', '1,1']);
    expect(keys(tilesIn(source, 1, { x: 512, y: 512, w: 512, h: 512 }))).to.deep.equal(['1,1']);
    expect(keys(tilesIn(source, 2, { x: -100, y: -100, w: 5000, h: 5000 }))).to.have.length(2 * 3);
    expect(tilesIn(source, 1, { x: 2100, y: 0, w: 100, h: 100 })).to.deep.equal([]);
    expect(tilesIn(source, 1, { x: 0, y: 0, w: 0, h: 100 })).to.deep.equal([]);
  });

  it('tileUrl: the canonical URLs of versions 3 and 2, full for the whole image', () => {
    expect(tileUrl(source, tileAt(source, 1, 3, 5))).to.equal('https://example.org/iiif/p1/1536,2560,464,300/464,300/0/default.jpg');
    expect(tileUrl(source, tileAt(source, 8, 0, 0))).to.equal('https://example.org/iiif/p1/full/250,358/0/default.jpg');
    const v2 = { ...source, version: 2 as const };
    expect(tileUrl(v2, tileAt(v2, 2, 1, 0))).to.equal('https://example.org/iiif/p1/1024,0,976,1024/488,/0/default.jpg');
    expect(tileUrl(v2, tileAt(v2, 8, 0, 0))).to.equal('https://example.org/iiif/p1/full/250,/0/default.jpg');
  });

  it('pageToImage and imageToPage map the page onto the whole image and back', () => {
    const box = { x: 100, y: 200, w: 300, h: 400 };
    expect(pageToImage(source, page, box)).to.deep.equal({ x: 200, y: 400, w: 600, h: 800 });
    expect(imageToPage(source, page, pageToImage(source, page, box))).to.deep.equal(box);
  });

  it('visiblePart: the page area inside the clipping box, and the scale it is shown at', () => {
    // The page shown at 0.5 px a unit, its top left 100 px above and left of the box.
    const seen = visiblePart({ x: -100, y: -100, w: 500, h: 715 }, { x: 0, y: 0, w: 300, h: 200 }, page);
    expect(seen.pxPerUnit).to.equal(0.5);
    expect(seen.area).to.deep.equal({ x: 200, y: 200, w: 600, h: 400 });
    expect(visiblePart({ x: 400, y: 0, w: 500, h: 715 }, { x: 0, y: 0, w: 300, h: 200 }, page).area.w).to.equal(0);
    expect(visiblePart({ x: 0, y: 0, w: 0, h: 0 }, { x: 0, y: 0, w: 300, h: 200 }, page).pxPerUnit).to.equal(0);
  });
});

describe('tile sources', () => {
  it('from the edition when it gives the facts, relative to the edition, without info.json', () => {
    const tiles = { service: 'tiles/A1/', width: 2000, height: 2860, tileWidth: 512, scaleFactors: [1, 2, 4, 8] };
    expect(sourceFromScan(tiles, 'https://news.example/e/edition.json')).to.deep.equal({
      service: 'https://news.example/e/tiles/A1',
      version: 3,
      width: 2000,
      height: 2860,
      tileWidth: 512,
      tileHeight: 512,
      scaleFactors: [1, 2, 4, 8],
      format: 'jpg',
    });
    // Tiles in another format (e-paper tiles writes WebP): the edition names it.
    expect(sourceFromScan({ ...tiles, format: 'webp' }, 'https://news.example/e/')).to.include({ format: 'webp' });
    expect(sourceFromScan({ service: 'tiles/A1' }, 'https://news.example/e/'), 'no facts: info.json').to.equal(undefined);
    expect(serviceUrl({ service: 'https://iiif.example/img/p1/info.json' }, 'https://x.example/')).to.equal('https://iiif.example/img/p1');
    expect(serviceUrl({ service: 'javascript:alert(1)' }, 'https://x.example/')).to.equal(undefined);
  });

  it('from an info.json of version 3 or 2, or a server above level 0 that lists no tiles', () => {
    const v3 = {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'elsewhere',
      type: 'ImageService3',
      profile: 'level0',
      width: 2000,
      height: 2860,
      tiles: [{ width: 512, scaleFactors: [8, 1, 2, 4] }],
    };
    expect(sourceFromInfo(v3, 'https://a.example/p1')).to.deep.equal({ ...source, service: 'https://a.example/p1' });
    const v2 = {
      '@context': 'http://iiif.io/api/image/2/context.json',
      '@id': 'x',
      width: 1000,
      height: 800,
      tiles: [{ width: 256, height: 128, scaleFactors: [1, 2] }],
    };
    expect(sourceFromInfo(v2, 'https://a.example/p2')).to.include({ version: 2, tileWidth: 256, tileHeight: 128, format: 'jpg' });
    const level2 = { '@context': 'http://iiif.io/api/image/3/context.json', profile: 'level2', width: 3000, height: 4000 };
    expect(sourceFromInfo(level2, 'https://a.example/p3'))
      .to.include({ tileWidth: 512 })
      .and.to.have.property('scaleFactors')
      .that.deep.equals([1, 2, 4, 8]);
    expect(() => sourceFromInfo({ ...level2, profile: 'level0' }, 's')).to.throw(/level 0 service lists no tiles/);
  });

  it('in the first format the service prefers that a browser shows, else jpg', () => {
    const info = {
      '@context': 'http://iiif.io/api/image/3/context.json',
      width: 2000,
      height: 2860,
      tiles: [{ width: 512, scaleFactors: [1, 2] }],
    };
    const webp = sourceFromInfo({ ...info, extraFormats: ['webp'], preferredFormats: ['webp'] }, 'https://a.example/p1');
    expect(webp.format).to.equal('webp');
    expect(tileUrl(webp, tileAt(webp, 1, 1, 0))).to.equal('https://a.example/p1/512,0,512,512/512,512/0/default.webp');
    // A format no <img> shows is passed over; one that is not a string too.
    expect(sourceFromInfo({ ...info, extraFormats: ['tif', 'png'], preferredFormats: ['tif', 7, 'png'] }, 's').format).to.equal('png');
    // A library's JPEG-only service names no formats, or only ones no browser shows.
    expect(sourceFromInfo(info, 's').format).to.equal('jpg');
    expect(sourceFromInfo({ ...info, preferredFormats: ['jp2'] }, 's').format).to.equal('jpg');
    expect(() => sourceFromInfo({ width: 0 }, 's')).to.throw(/no width and height/);
    expect(() => sourceFromInfo('x', 's')).to.throw(/not a JSON object/);
  });
});
