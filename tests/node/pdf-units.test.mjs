// The pure parts of the PDF importer: text as printed, usable text, region shapes, lines and
// paragraphs, the detection on a small page drawn by hand (not a real one).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

let m;
before(async () => {
  const dir = join(ROOT, 'node_modules/.cache/e-paper-tests');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'pdf-entry.ts');
  const src = (f) => JSON.stringify(join(ROOT, 'src/edition/importers', f));
  writeFileSync(entry, ['pdf-text.ts', 'pdf-shapes.ts', 'pdf-lines.ts', 'pdf-layout.ts'].map((f) => `export * from ${src(f)};`).join('\n'));
  const outfile = join(dir, 'pdf-modules.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
  m = await import(`${pathToFileURL(outfile).href}?${Date.now()}`);
});

describe('text as printed', () => {
  it('maps Kangxi and CJK radicals that stand for ideographs, and nothing else', () => {
    assert.equal(m.asPrinted('⽇报⻋站⻓沙⻔口'), '日报车站长沙门口');
    assert.equal(m.asPrinted('株洲，（A1）：“好”'), '株洲，（A1）：“好”');
    assert.equal(m.asPrinted('记者―报道'), '记者—报道');
    assert.equal(m.asPrinted('A―B'), 'A―B');
  });

  it('tells text that cannot be used', () => {
    assert.match(m.unusableText('', 0), /no text/);
    assert.match(m.unusableText('\u0001\u0002'.repeat(20), 0), /no Unicode mapping/);
    assert.match(m.unusableText('ÁÂÃÄÅÆÇÈÉÊ'.repeat(4), 0), /accented Latin/);
    assert.equal(m.unusableText('株洲日报讯 1月7日，记者从市金融办了解到，株洲市中小微企业', 0), undefined);
  });

  it('drops the spaces justification leaves in CJK body text, keeping the dateline’s', () => {
    assert.equal(m.unjustify('株 洲 日 报 讯 1月7日，市 委 副 书记'), '株洲日报讯 1月7日，市委副书记');
    assert.equal(m.unjustify('新华社北京1月7日电中共中央'), '新华社北京1月7日电 中共中央');
    assert.equal(m.unjustify('the Zhuzhou Daily said'), 'the Zhuzhou Daily said');
  });
});

describe('region shapes', () => {
  it('makes pieces a gutter apart one polygon (the gutter closed where both sides stand), and pieces apart rects', () => {
    const l = m.shapesOf(
      [
        { x: 0, y: 0, w: 100, h: 50 },
        { x: 110, y: 0, w: 50, h: 200 },
      ],
      20,
    );
    assert.equal(l.length, 1);
    assert.deepEqual(l[0].polygon, [
      [0, 0],
      [160, 0],
      [160, 200],
      [110, 200],
      [110, 50],
      [0, 50],
    ]);
    const apart = m.shapesOf(
      [
        { x: 0, y: 0, w: 100, h: 50 },
        { x: 300, y: 300, w: 50, h: 50 },
      ],
      20,
    );
    assert.deepEqual(
      apart.map((s) => Object.keys(s)[0]),
      ['rect', 'rect'],
    );
  });
});

/** A run of CJK text set at `size`, one em per character. */
const run = (text, x, y, size, extra = {}) => ({
  text,
  x,
  y,
  w: [...text].length * size,
  h: size,
  size,
  font: 'Body',
  bold: false,
  vertical: false,
  ...extra,
});

describe('detection on a page drawn by hand', () => {
  // Two articles under a rule each, side by side; the second has a kicker, two bylines on one line and two paragraphs.
  const page = {
    source: 'hand-made',
    width: 600,
    height: 800,
    runs: [
      run('第一篇文章的标题', 20, 30, 40),
      run('本报记者 张三', 20, 80, 12),
      ...Array.from({ length: 6 }, (_, i) => run(i === 0 ? '　第一段的文字' : '这是正文的文字', i === 0 ? 40 : 20, 100 + i * 20, 16)),
      run('引题在这里', 320, 25, 20),
      run('第二篇的标题', 320, 50, 40),
      run('记者 李四', 320, 100, 12),
      run('通讯员 王五', 420, 100, 12),
      run('第二篇正文第一', 352, 120, 16),
      run('段的文字在这里', 320, 140, 16),
      run('第二段开始了', 352, 160, 16),
    ],
    rules: [
      { x: 20, y: 20, w: 260, h: 2, paint: 'fill', color: '#000000' },
      { x: 320, y: 20, w: 260, h: 2, paint: 'fill', color: '#000000' },
    ],
    fills: [],
    images: [],
    unmapped: 0,
  };

  it('finds both articles with their parts', () => {
    const layout = m.detectLayout(page);
    const news = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(
      news.map((u) => u.headline),
      ['第一篇文章的标题', '第二篇的标题'],
    );
    assert.deepEqual(news[0].bylines, ['本报记者 张三']);
    assert.equal(news[1].kicker, '引题在这里');
    assert.deepEqual(news[1].bylines, ['记者 李四', '通讯员 王五']);
    assert.deepEqual(news[1].paragraphs, ['第二篇正文第一段的文字在这里', '第二段开始了']);
    assert.equal(layout.confidence, 1);
  });

  it('is doubtful about text without a headline or a cell', () => {
    const layout = m.detectLayout({ ...page, runs: page.runs.filter((r) => r.size < 30) });
    assert.ok(layout.confidence < 0.8, String(layout.confidence));
    assert.ok(layout.doubts.length > 0);
  });
});
