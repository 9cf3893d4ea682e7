// The stand-in faces of the shared slices (scripts/font-stand-in.mjs, in demo/editions/sliced/):
// every character of every slice, laid out exactly as the real face lays it out (the same
// advances alone and in runs, the same vertical metrics), plain bars for glyphs, named by content;
// and the exact cut of a page's headline text covers that text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glyphMetrics, makeStandIn, readTables } from '../../scripts/font-stand-in.mjs';
import { BASE_SLICE, SLICES } from '../../scripts/font-slices.js';
import { pageHeadlineText, withPageFiles } from '../../scripts/subset-fonts.mjs';

const SLICED = fileURLToPath(new URL('../../demo/editions/sliced/', import.meta.url));
const EDITIONS = ['zhuzhou-daily-2021-01-08.json', 'next-day.json', 'common-characters.json'].map((name) =>
  JSON.parse(readFileSync(SLICED + name, 'utf8')),
);
const require = createRequire(import.meta.url);
const depRequire = createRequire(require.resolve('subset-font'));
const wawoff2 = createRequire(depRequire.resolve('fontverter'))('wawoff2');
const hb = await import(pathToFileURL(depRequire.resolve('harfbuzzjs')).href);

const sfnt = async (path) => Buffer.from(await wawoff2.decompress(readFileSync(SLICED + path)));
/** A harfbuzz font of the sfnt, and its characters. */
function open(bytes) {
  const face = new hb.Face(new hb.Blob(bytes));
  return { font: new hb.Font(face), unicodes: new Set(face.collectUnicodes()) };
}
/** Advances and offsets of `text` shaped in `font`, horizontally (as the page sets it). */
function layout(font, text) {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphPositions().map((p) => [p.x_advance, p.y_advance, p.x_offset, p.y_offset]);
}
/** Ascender, descender, line gap (hhea); typo and win metrics (OS/2); units per em. */
function verticalMetrics(bytes) {
  const tables = readTables(bytes);
  const hhea = tables.get('hhea');
  const os2 = tables.get('OS/2');
  return [
    hhea.readInt16BE(4),
    hhea.readInt16BE(6),
    hhea.readInt16BE(8),
    ...[68, 70, 72].map((at) => os2.readInt16BE(at)),
    os2.readUInt16BE(74),
    os2.readUInt16BE(76),
    tables.get('head').readUInt16BE(18),
  ];
}

describe('the stand-in of a sliced face', () => {
  for (const role of ['body', 'headline']) {
    const fonts = EDITIONS.flatMap((edition) => edition.fonts.filter((font) => font.role === role));
    const standIns = [...new Set(fonts.filter((font) => font.kind === 'stand-in').map((font) => font.src))];
    const slices = [...new Set(fonts.filter((font) => font.kind === 'slice').map((font) => font.src))];

    it(`${role}: one stand-in, the same every day, named by its content`, () => {
      assert.equal(standIns.length, 1, 'every edition lists the same stand-in');
      assert.equal(
        EDITIONS.every((edition) => edition.fonts.some((font) => font.src === standIns[0])),
        true,
      );
      const hash = createHash('sha256')
        .update(readFileSync(SLICED + standIns[0]))
        .digest('hex')
        .slice(0, 10);
      assert.match(standIns[0], new RegExp(`/stand-in-${hash}\\.woff2$`));
      assert.ok(readFileSync(SLICED + standIns[0]).length < 24 * 1024, 'a few kilobytes');
    });

    it(`${role}: every character of every slice, with the real face's metrics`, async () => {
      const standInBytes = await sfnt(standIns[0]);
      const standIn = open(standInBytes);
      const allowed = new Set(Array.from(BASE_SLICE + SLICES.join('')).map((ch) => ch.codePointAt(0)));
      assert.deepEqual(
        [...standIn.unicodes].filter((cp) => !allowed.has(cp)),
        [],
        'no character outside the slices',
      );
      assert.ok(slices.length > 20, `${role}: the editions list ${slices.length} slices`);
      let checked = 0;
      for (const src of slices) {
        const bytes = await sfnt(src);
        const real = open(bytes);
        assert.deepEqual(verticalMetrics(standInBytes), verticalMetrics(bytes), `${src}: vertical metrics`);
        const chars = [...real.unicodes].map((cp) => String.fromCodePoint(cp));
        for (const ch of chars) {
          assert.ok(standIn.unicodes.has(ch.codePointAt(0)), `${src}: U+${ch.codePointAt(0).toString(16)} in the stand-in`);
          assert.deepEqual(layout(standIn.font, ch), layout(real.font, ch), `${src}: ${ch} alone`);
          checked += 1;
        }
        // In a run, kerning and the trimming of adjacent punctuation come along too.
        const run = chars.join('');
        assert.deepEqual(layout(standIn.font, run), layout(real.font, run), `${src}: its characters in a run`);
      }
      assert.ok(checked > 2000, `${role}: ${checked} characters checked`);
    });

    it(`${role}: its glyphs are bars; every ideograph the same one`, async () => {
      const { unitsPerEm, glyphs } = glyphMetrics(readTables(await sfnt(standIns[0])));
      const ideographs = glyphs.filter((g) => !g.empty && g.advance === unitsPerEm && g.box.xMax - g.box.xMin > unitsPerEm / 2);
      assert.ok(ideographs.length > 3000);
      const boxes = new Set(ideographs.map((g) => JSON.stringify([g.box, Math.round(g.ink)])));
      assert.equal(boxes.size, 1, 'one shape for every ideograph');
      const ink = ideographs[0].ink / unitsPerEm ** 2;
      assert.ok(ink > 0.1 && ink < 0.7, `ink ${ink.toFixed(2)} of the em, as a CJK glyph's`);
    });
  }

  it('is the same bytes from the same face and characters (cut once, stable across days)', async () => {
    const slice = EDITIONS[0].fonts.find((font) => font.role === 'body' && font.kind === 'slice');
    const source = readFileSync(SLICED + slice.src);
    const chars = [...open(await sfnt(slice.src)).unicodes].map((cp) => String.fromCodePoint(cp)).join('');
    const first = await makeStandIn(source, chars);
    const second = await makeStandIn(source, chars);
    assert.equal(Buffer.compare(first.woff2, second.woff2), 0);
  });

  it("a page's headline cut covers the headline text that page prints", async () => {
    for (const edition of EDITIONS) {
      const cuts = edition.fonts.filter((font) => font.kind === 'page');
      assert.deepEqual(
        cuts.map((font) => [font.role, font.page]),
        [['headline', 'A1']],
      );
      const { unicodes } = open(await sfnt(cuts[0].src));
      const printed = Array.from(pageHeadlineText(edition, edition.pages[0])).filter((ch) => /\p{Script=Han}/u.test(ch));
      assert.deepEqual(
        printed.filter((ch) => !unicodes.has(ch.codePointAt(0))),
        [],
      );
    }
  });

  it('a page kept in a page file gets its headline cut, and its text its slices', async () => {
    const paged = JSON.parse(readFileSync(SLICED + 'paged.json', 'utf8'));
    const refs = paged.pages.filter((page) => page.src);
    assert.deepEqual(
      refs.map((page) => page.id),
      ['A2', 'A3'],
      'the fixture keeps two pages in page files',
    );
    const warnings = [];
    const whole = withPageFiles(paged, SLICED, { warn: (line) => warnings.push(line) });
    assert.deepEqual(warnings, []);
    const cuts = paged.fonts.filter((font) => font.kind === 'page');
    assert.deepEqual(
      cuts.map((font) => font.page),
      ['A1', 'A2', 'A3'],
    );
    const slices = paged.fonts.filter((font) => font.role === 'headline' && font.kind !== 'stand-in' && font.kind !== 'page');
    const sliced = new Set();
    for (const slice of slices) for (const cp of open(await sfnt(slice.src)).unicodes) sliced.add(cp);
    for (const page of whole.pages.filter((p) => refs.some((ref) => ref.id === p.id))) {
      const { unicodes } = open(await sfnt(cuts.find((font) => font.page === page.id).src));
      const printed = Array.from(pageHeadlineText(whole, page)).filter((ch) => /\p{Script=Han}/u.test(ch));
      assert.ok(printed.length > 50, `page ${page.id} prints headlines`);
      assert.deepEqual(
        printed.filter((ch) => !unicodes.has(ch.codePointAt(0))),
        [],
        `page ${page.id}: its cut`,
      );
      assert.deepEqual(
        printed.filter((ch) => !sliced.has(ch.codePointAt(0))),
        [],
        `page ${page.id}: the headline slices listed`,
      );
    }
  });

  it('warns of a page file it cannot read, naming it', () => {
    const warnings = [];
    const edition = { pages: [{ id: 'B1', src: 'missing/B1.json', width: 10, height: 10 }], articles: [] };
    const whole = withPageFiles(edition, SLICED, { warn: (line) => warnings.push(line) });
    assert.equal(whole.pages[0], edition.pages[0]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /page B1: its page file missing\/B1\.json is left out/);
  });
});
