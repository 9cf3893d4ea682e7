// `e-paper import … --tiles` and `e-paper tiles`, run as a publisher runs them: every tile the
// viewer will ask for (its own URL maths, src/elements/e-paper-page/tile-math.ts) is on disk at
// the size it names, and the edition names the tiles as the format says.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageSize } from 'image-size';
import { FIXTURES, ROOT, cli, readJson, temp } from './helpers.mjs';

const work = temp('e-paper-tiles-');
after(() => rmSync(work, { recursive: true, force: true }));

let math;
before(async () => {
  const outfile = join(ROOT, 'node_modules/.cache/e-paper-tests/tile-math.mjs');
  mkdirSync(join(outfile, '..'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src/elements/e-paper-page/tile-math.ts')],
    bundle: true,
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  math = await import(pathToFileURL(outfile).href);
});

/** Every tile of every level of a page's service, as the viewer names it, checked on disk. */
function checkPyramid(editionDir, tiles, base = editionDir) {
  const dir = join(base, tiles.service);
  const info = readJson(join(dir, 'info.json'));
  assert.equal(info.profile, 'level0');
  assert.equal(info.type, 'ImageService3');
  assert.deepEqual([info.width, info.height, info.tiles[0].width], [tiles.width, tiles.height, tiles.tileWidth]);
  const source = { ...tiles, service: dir, version: 3, tileHeight: tiles.tileWidth };
  let count = 0;
  for (const factor of tiles.scaleFactors) {
    for (const tile of math.tilesIn(source, factor, { x: 0, y: 0, w: tiles.width, h: tiles.height })) {
      const file = math.tileUrl(source, tile);
      assert.ok(existsSync(file), `${file} is missing`);
      const size = imageSize(readFileSync(file));
      assert.deepEqual([size.width, size.height, size.type], [tile.width, tile.height, 'jpg'], file);
      count++;
    }
  }
  // The coarsest level is one tile: the whole image.
  assert.equal(math.tilesIn(source, tiles.scaleFactors.at(-1), { x: 0, y: 0, w: tiles.width, h: tiles.height }).length, 1);
  return count;
}

describe('e-paper import --tiles', () => {
  it('cuts each scan page into IIIF level 0 tiles the viewer finds, page files included', () => {
    const out = join(work, 'site');
    const run = cli([
      'import',
      'image-map',
      join(FIXTURES, 'image-map-site'),
      '-o',
      out,
      '--copy-images',
      '--tiles',
      '--tile-size',
      '256',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const edition = readJson(join(out, 'edition.json'));
    const first = edition.pages[0];
    assert.deepEqual(first.scan.tiles, { service: 'tiles/p1', width: 1000, height: 1500, tileWidth: 256, scaleFactors: [1, 2, 4, 8] });
    const tiles1 = checkPyramid(out, first.scan.tiles);
    // The second page is in a page file: its service is relative to that file.
    const file = readJson(join(out, edition.pages[1].src));
    assert.equal(file.page.scan.tiles.service, '../tiles/p2');
    const tiles2 = checkPyramid(out, file.page.scan.tiles, join(out, 'pages'));
    // The report names every file written, the tiles among them.
    const listed = run.json.files.filter((f) => f.includes('/tiles/'));
    assert.equal(listed.length, tiles1 + tiles2 + 2);
    assert.equal(cli(['validate', join(out, 'edition.json'), '--json']).code, 0);
  });

  it('refuses a tile size out of range, or one without --tiles', () => {
    const site = join(FIXTURES, 'image-map-site');
    const small = cli(['import', 'image-map', site, '-o', join(work, 'x'), '--tiles', '--tile-size', '100']);
    assert.equal(small.code, 64);
    assert.match(small.stderr, /--tile-size: expected a whole number of pixels from 128 to 2048, got "100"/);
    const alone = cli(['import', 'image-map', site, '-o', join(work, 'y'), '--tile-size', '256']);
    assert.equal(alone.code, 64);
    assert.match(alone.stderr, /--tile-size: only with --tiles/);
  });
});

describe('e-paper tiles', () => {
  it('adds tiles to an edition written before, and warns for a page whose image is a URL', () => {
    const dir = join(work, 'edition');
    cpSync(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08-scan'), join(dir, 'img'), { recursive: true });
    const scan = readJson(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08-scan.json'));
    const [page] = scan.pages;
    const remote = { ...page, id: 'A2', label: 'A2', regions: [], scan: { src: 'https://example.org/not-a-real-paper/A2.jpg' } };
    const edition = { ...scan, pageCount: 2, pages: [{ ...page, scan: { src: 'img/page-2000.jpg', width: 2000, height: 2860 } }, remote] };
    writeFileSync(join(dir, 'edition.json'), JSON.stringify(edition));
    const run = cli(['tiles', join(dir, 'edition.json'), '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '', 'under --json, stderr carries nothing but a crash');
    assert.deepEqual(
      run.json.warnings.map((w) => w.path),
      ['pages[1].scan'],
    );
    assert.match(
      run.json.warnings[0].message,
      /not tiled: the image "https:\/\/example.org\/not-a-real-paper\/A2.jpg" is not a local file/,
    );
    const written = readJson(join(dir, 'edition.json'));
    assert.equal(written.pages[1].scan.tiles, undefined);
    const tiles = written.pages[0].scan.tiles;
    assert.deepEqual(tiles, { service: 'tiles/A1', width: 2000, height: 2860, tileWidth: 512, scaleFactors: [1, 2, 4, 8] });
    assert.equal(checkPyramid(dir, tiles), 24 + 6 + 2 + 1);
  });
});
