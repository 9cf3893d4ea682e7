// `e-paper import … --tiles` and `e-paper tiles`, run as a publisher runs them: every tile the
// viewer will ask for (its own URL maths, src/elements/e-paper-page/tile-math.ts) is on disk at
// the size it names, and the edition names the tiles as the format says.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageSize } from 'image-size';
import { FIXTURES, ROOT, cli, readJson, temp } from './helpers.mjs';

const work = temp('e-paper-tiles-');
after(() => process.env.KEEP || rmSync(work, { recursive: true, force: true }));

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
  // The format: WebP named in the edition and offered and preferred in info.json; jpg, level 0's own, named nowhere.
  const format = tiles.format ?? 'jpg';
  if (format === 'jpg') assert.deepEqual([info.extraFormats, info.preferredFormats], [undefined, undefined]);
  else assert.deepEqual([info.extraFormats, info.preferredFormats], [[format], [format]]);
  const source = { ...tiles, service: dir, version: 3, tileHeight: tiles.tileWidth, format };
  let count = 0;
  for (const factor of tiles.scaleFactors) {
    for (const tile of math.tilesIn(source, factor, { x: 0, y: 0, w: tiles.width, h: tiles.height })) {
      const file = math.tileUrl(source, tile);
      assert.ok(existsSync(file), `${file} is missing`);
      const size = imageSize(readFileSync(file));
      assert.deepEqual([size.width, size.height, size.type], [tile.width, tile.height, format], file);
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
    assert.deepEqual(first.scan.tiles, {
      service: 'tiles/p1',
      width: 1000,
      height: 1500,
      tileWidth: 256,
      scaleFactors: [1, 2, 4, 8],
      format: 'webp',
    });
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
    const png = cli(['import', 'image-map', site, '-o', join(work, 'z'), '--tiles', '--image-format', 'png']);
    assert.equal(png.code, 64);
    assert.match(png.stderr, /--image-format: expected webp or jpeg, got "png"/);
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
    assert.deepEqual(tiles, {
      service: 'tiles/A1',
      width: 2000,
      height: 2860,
      tileWidth: 256,
      scaleFactors: [1, 2, 4, 8, 16],
      format: 'webp',
    });
    assert.equal(checkPyramid(dir, tiles), 96 + 24 + 6 + 2 + 1);
  });

  it('tiles a grey scan grey and keeps the colour of a page that has any; --image-format jpeg writes plain level 0 JPEG', async () => {
    const sharp = createRequire(join(ROOT, 'scripts/tiles/package.json'))('sharp');
    const dir = join(work, 'grey');
    mkdirSync(join(dir, 'img'), { recursive: true });
    // The demo's scan of A1 (colour: a red masthead) and the same made grey, both stored as RGB,
    // as a scanner writes a grey page; a third that is grey but for one small red stamp.
    const source = join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08-scan/page-500.jpg');
    await sharp(source).toFile(join(dir, 'img/colour.png'));
    await sharp(source).greyscale().toColourspace('srgb').toFile(join(dir, 'img/grey.png'));
    const stamp = await sharp({ create: { width: 12, height: 12, channels: 3, background: '#d01010' } })
      .png()
      .toBuffer();
    await sharp(join(dir, 'img/grey.png'))
      .composite([{ input: stamp, left: 300, top: 400 }])
      .toFile(join(dir, 'img/stamp.png'));
    assert.equal((await sharp(join(dir, 'img/grey.png')).metadata()).channels, 3, 'the grey scan is stored as RGB');
    const scan = readJson(join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08-scan.json'));
    const [page] = scan.pages;
    const pageOf = (id, file) => ({
      ...page,
      id,
      label: id,
      regions: id === 'C' ? page.regions : [],
      scan: { src: `img/${file}`, width: 500, height: 715 },
    });
    const edition = { ...scan, pageCount: 3, pages: [pageOf('C', 'colour.png'), pageOf('G', 'grey.png'), pageOf('S', 'stamp.png')] };
    for (const format of ['webp', 'jpeg']) {
      const out = join(dir, format);
      mkdirSync(out, { recursive: true });
      cpSync(join(dir, 'img'), join(out, 'img'), { recursive: true });
      writeFileSync(join(out, 'edition.json'), JSON.stringify(edition));
      const run = cli([
        'tiles',
        join(out, 'edition.json'),
        '--tile-size',
        '256',
        ...(format === 'jpeg' ? ['--image-format', 'jpeg'] : []),
        '--json',
      ]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const written = readJson(join(out, 'edition.json'));
      const suffix = format === 'jpeg' ? 'jpg' : 'webp';
      for (const { scan: s } of written.pages) {
        assert.equal(s.tiles.format, format === 'jpeg' ? undefined : 'webp');
        checkPyramid(out, s.tiles);
      }
      // A tile decoded: the most colour a pixel of it has (max − min of R, G, B).
      const colourIn = async (file) => {
        const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
        let most = 0;
        for (let i = 0; i + 2 < data.length && info.channels >= 3; i += info.channels)
          most = Math.max(most, Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]));
        return most;
      };
      // Each page's sharpest tile of its top left (the masthead's): grey only where the scan had no colour.
      const topLeft = (id) => join(out, `tiles/${id}/0,0,256,256/256,256/0/default.${suffix}`);
      if (format === 'jpeg')
        for (const id of ['C', 'G', 'S'])
          assert.equal((await sharp(topLeft(id)).metadata()).channels, id === 'G' ? 1 : 3, `${id}: channels`);
      assert.ok((await colourIn(topLeft('C'))) > 100, `${format}: the masthead keeps its red`);
      assert.ok((await colourIn(topLeft('G'))) <= 2, `${format}: the grey scan is tiled grey`);
      // The stamp (at 300, 400: in the tile at 256, 256) keeps its red: one stamp is colour the page has.
      assert.ok((await colourIn(join(out, `tiles/S/256,256,244,256/244,256/0/default.${suffix}`))) > 100, `${format}: the stamp stays red`);
    }
  });
});
