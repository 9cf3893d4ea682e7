// The pure parts of the PDF importer: text as printed, usable text, region shapes, lines and
// paragraphs, the detection on a small page drawn by hand (not a real one).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { importSources } from './helpers.mjs';
import { run } from './support/pdf-runs.mjs';

let m;
before(async () => {
  m = await importSources('pdf-modules', [
    'edition/importers/pdf-text.ts',
    'edition/importers/pdf-shapes.ts',
    'edition/importers/pdf-lines.ts',
    'edition/importers/pdf-vertical.ts',
    'edition/importers/pdf-layout.ts',
  ]);
});

describe('text as printed', () => {
  it('maps Kangxi and CJK radicals that stand for ideographs, and nothing else', () => {
    assert.equal(m.asPrinted('⽇报⻋站⻓沙⻔口'), '日报车站长沙门口');
    assert.equal(m.asPrinted('株洲，（A1）：“好”'), '株洲，（A1）：“好”');
    assert.equal(m.asPrinted('记者―报道'), '记者—报道');
    assert.equal(m.asPrinted('A―B'), 'A―B');
  });

  it('repairs runs and counts the characters it changed', () => {
    const runs = [{ text: '⽇报⻋站' }, { text: '株洲' }, { text: '记者―报道' }];
    const { runs: out, changed } = m.repairRuns(runs);
    assert.deepEqual(
      out.map((r) => r.text),
      ['日报车站', '株洲', '记者—报道'],
    );
    assert.equal(changed, 3);
    assert.equal(out[1], runs[1]);
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

  it('keeps a running head over the page’s rules in the text layer without saying it, and says larger type there', () => {
    // The page moved down under a folio line, as inner pages of a paper print one (not a real page).
    const down = (b) => ({ ...b, y: b.y + 60 });
    const moved = { ...page, runs: page.runs.map(down), rules: page.rules.map(down) };
    const folio = run('2021年1月8日 星期五 A2 要闻', 20, 20, 10);
    const withFolio = m.detectLayout({ ...moved, runs: [folio, ...moved.runs] });
    assert.deepEqual(withFolio.outside, []);
    assert.ok(
      withFolio.lines.some((l) => l.text === folio.text),
      'the folio line is in the page’s lines (its text layer)',
    );
    assert.deepEqual(
      withFolio.units.filter((u) => u.kind === 'news').map((u) => u.headline),
      ['第一篇文章的标题', '第二篇的标题'],
    );
    // Type larger than body size up there is no running head: said, as before.
    const large = m.detectLayout({ ...moved, runs: [run('这里是什么', 20, 20, 30), ...moved.runs] });
    assert.deepEqual(large.outside, ['"这里是什么" at 20,20']);
  });

  it('splits a cell whose body holds another headline starting a block, with body under it, into two articles', () => {
    // A second article under the first one's rule, with no rule of its own: one cell, two headlines.
    const runs = [
      ...page.runs.filter((r) => r.x < 300),
      run('另一篇的标题', 20, 240, 40),
      run('　另一篇的正文', 40, 290, 16),
      run('正文的第二行字', 20, 310, 16),
    ];
    const layout = m.detectLayout({ ...page, runs, rules: page.rules.slice(0, 1) });
    const news = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(
      news.map((u) => [u.headline, u.paragraphs.at(-1), u.innerHeadlines]),
      [
        ['第一篇文章的标题', `第一段的文字${'这是正文的文字'.repeat(5)}`, undefined],
        ['另一篇的标题', '另一篇的正文正文的第二行字', undefined],
      ],
    );
    assert.deepEqual(news[0].bylines, ['本报记者 张三']);
    // Each has the box of its own lines.
    assert.deepEqual(
      news.map((u) => u.boxes.map((b) => [b.y, b.y + b.h])),
      [[[30, 216]], [[240, 326]]],
    );
    assert.equal(layout.confidence, 1);
    assert.deepEqual(layout.doubts, []);
  });

  it('splits a cell whose second article has the larger headline into two, each with its own headline and body, in order', () => {
    // Under the first article's body (headline of 40), after a space: another with a headline of
    // 52 and a kicker over it, no rule of its own. The larger headline used to become the cell's,
    // the first article's headline and body its kicker or text, and the page doubted.
    for (const kicker of [false, true]) {
      const runs = [
        ...page.runs.filter((r) => r.x < 300),
        ...(kicker ? [run('另一篇的引题', 20, 240, 20)] : []),
        run('更大的标题', 20, 264, 52),
        run('本报记者 赵六', 20, 322, 12),
        run('　另一篇的正文', 40, 340, 16),
        run('正文的第二行字', 20, 360, 16),
      ];
      const layout = m.detectLayout({ ...page, runs, rules: page.rules.slice(0, 1) });
      const news = layout.units.filter((u) => u.kind === 'news');
      assert.deepEqual(
        news.map((u) => [u.kicker, u.headline, u.subheads, u.bylines, u.paragraphs, u.innerHeadlines]),
        [
          [undefined, '第一篇文章的标题', [], ['本报记者 张三'], [`第一段的文字${'这是正文的文字'.repeat(5)}`], undefined],
          [kicker ? '另一篇的引题' : undefined, '更大的标题', [], ['本报记者 赵六'], ['另一篇的正文正文的第二行字'], undefined],
        ],
        `kicker: ${kicker}`,
      );
      assert.deepEqual(
        news.map((u) => u.boxes.map((b) => [b.y, b.y + b.h])),
        [[[30, 216]], [[kicker ? 240 : 264, 376]]],
      );
      assert.deepEqual(layout.doubts, []);
      assert.equal(layout.confidence, 1);
    }
  });

  it('reads the kicker over a split-off article’s headline as its kicker, not as the body of the article before', () => {
    // Under the first article's body, after a space: a kicker (20 or 24 units: under or over a
    // headline's size) close over a headline of 40, with body under it; no rule of its own.
    for (const size of [20, 24]) {
      const runs = [
        ...page.runs.filter((r) => r.x < 300),
        run('另一篇的引题', 20, 240, size),
        run('另一篇的标题', 20, 244 + size, 40),
        run('　另一篇的正文', 40, 290 + size, 16),
        run('正文的第二行字', 20, 310 + size, 16),
      ];
      const layout = m.detectLayout({ ...page, runs, rules: page.rules.slice(0, 1) });
      const news = layout.units.filter((u) => u.kind === 'news');
      assert.deepEqual(
        news.map((u) => [u.kicker, u.headline, u.subheads, u.paragraphs.at(-1)]),
        [
          [undefined, '第一篇文章的标题', [], `第一段的文字${'这是正文的文字'.repeat(5)}`],
          ['另一篇的引题', '另一篇的标题', [], '另一篇的正文正文的第二行字'],
        ],
        `kicker of ${size}`,
      );
      // The second article's box takes in its kicker.
      assert.equal(news[1].boxes[0].y, 240);
      assert.deepEqual(layout.doubts, []);
    }
  });

  it('keeps byline-like lines over a headline: a byline as a byline, a larger line as the kicker', () => {
    const runs = [
      run('致敬一线记者', 20, 28, 20),
      run('通讯员 李四', 20, 52, 12),
      ...page.runs.filter((r) => r.x < 300).map((r) => ({ ...r, y: r.y + 40 })),
    ];
    const [unit] = m.detectLayout({ ...page, runs, rules: page.rules.slice(0, 1) }).units.filter((u) => u.kind === 'news');
    assert.equal(unit.headline, '第一篇文章的标题');
    assert.equal(unit.kicker, '致敬一线记者');
    assert.deepEqual(unit.bylines, ['通讯员 李四', '本报记者 张三']);
  });

  it('keeps a headline-size line in the body, in place, and doubts the page, when the split is uncertain', () => {
    // Set on in the body with no space above it, and with no body under it: no article of its own.
    const runs = [...page.runs.filter((r) => r.x < 300), run('一行大字', 20, 218, 40)];
    const layout = m.detectLayout({ ...page, runs, rules: page.rules.slice(0, 1) });
    const [unit, ...others] = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(others, []);
    assert.equal(unit.paragraphs.at(-1), '一行大字');
    assert.deepEqual(unit.innerHeadlines, ['一行大字']);
    assert.ok(layout.confidence < 0.8, String(layout.confidence));
    assert.ok(
      layout.doubts.some((d) => d.includes('一行大字')),
      layout.doubts.join('; '),
    );
  });

  it('reads a cell’s columns in column order: a byline under a headline over one column, the next column after', () => {
    // One rule over two columns (CSS columns): the first article's headline over two lines and
    // its byline in the left column, its text running on at the top of the right one.
    const latin = (text, x, y, size) => run(text, x, y, size, { w: text.length * size * 0.5 });
    const runs = [
      latin('Library opens new', 20, 40, 24),
      latin('reading room', 20, 70, 24),
      latin('By Jane Miller', 20, 100, 16),
      ...Array.from({ length: 8 }, (_, i) =>
        latin(i === 0 ? '   The town library opened' : 'its new reading room on', 20, 122 + i * 22, 16),
      ),
      latin('Monday after work.', 320, 40, 16),
      latin('School board acts', 320, 80, 24),
      latin('By Tom Reyes', 320, 110, 16),
      ...Array.from({ length: 3 }, (_, i) => latin('The board approved it', 320, 132 + i * 22, 16)),
    ];
    const layout = m.detectLayout(
      { ...page, runs, rules: [{ x: 20, y: 20, w: 560, h: 2, paint: 'fill', color: '#000000' }] },
      { lang: 'en' },
    );
    const news = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(
      news.map((u) => [u.headline, u.bylines]),
      [
        ['Library opens new reading room', ['By Jane Miller']],
        ['School board acts', ['By Tom Reyes']],
      ],
    );
    assert.ok(news[0].paragraphs.at(-1).endsWith('its new reading room on Monday after work.'), news[0].paragraphs.at(-1));
    assert.ok(!news[1].paragraphs.join(' ').includes('Monday'));
  });

  it('reads the next column’s first line, set higher than a headline over one column, as body, not as its kicker', () => {
    const latin = (text, x, y, size) => run(text, x, y, size, { w: text.length * size * 0.5 });
    const runs = [
      latin('Library opens new', 20, 40, 24),
      ...Array.from({ length: 8 }, (_, i) =>
        latin(i === 0 ? '   The town library opened' : 'its new reading room on', 20, 80 + i * 22, 16),
      ),
      latin('Monday after work.', 320, 24, 16),
      latin('It is open late.', 320, 46, 16),
    ];
    const layout = m.detectLayout(
      { ...page, runs, rules: [{ x: 20, y: 20, w: 560, h: 2, paint: 'fill', color: '#000000' }] },
      { lang: 'en' },
    );
    const [unit, ...others] = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(others, []);
    assert.equal(unit.headline, 'Library opens new');
    assert.equal(unit.kicker, undefined);
    assert.ok(unit.paragraphs.at(-1).endsWith('its new reading room on Monday after work. It is open late.'), unit.paragraphs.at(-1));
  });

  it('takes an article’s box down to where its column rules end, white space under a short text included', () => {
    // The first article's text stops at about 220; its column rule runs on to 500, as a continued
    // article's first part is set (下转… under a few paragraphs, the block kept its size).
    const rules = [...page.rules, { x: 150, y: 90, w: 1, h: 410, paint: 'fill', color: '#acaaa6' }];
    const layout = m.detectLayout({ ...page, rules });
    const [first] = layout.units.filter((u) => u.kind === 'news');
    assert.equal(first.headline, '第一篇文章的标题');
    assert.equal(Math.round(first.boxes[0].y + first.boxes[0].h), 500);
    // Without column rules the box ends a line under the text, as before.
    const [bare] = m.detectLayout(page).units.filter((u) => u.kind === 'news');
    assert.ok(bare.boxes[0].y + bare.boxes[0].h < 260, JSON.stringify(bare.boxes));
  });

  it('takes a block that starts with 上接…版 for a continuation without a headline, not for more of its neighbour', () => {
    // The left cell has no headline, only the jump line back and the rest of an article; the
    // right one starts level with it, so the left would be taken for more of it.
    const runs = [
      run('（上接A1版）', 20, 30, 16),
      ...Array.from({ length: 4 }, (_, i) => run(i === 0 ? '　续文第一段' : '续文接着写呢', i === 0 ? 36 : 20, 50 + i * 20, 16)),
      ...page.runs.filter((r) => r.x >= 300),
    ];
    const layout = m.detectLayout({ ...page, runs });
    const news = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(
      news.map((u) => [u.headline, u.headless ?? false]),
      [
        ['（上接A1版）', true],
        ['第二篇的标题', false],
      ],
    );
    assert.deepEqual(news[0].paragraphs, ['（上接A1版）', `续文第一段${'续文接着写呢'.repeat(3)}`]);
    assert.deepEqual(news[1].paragraphs, ['第二篇正文第一段的文字在这里', '第二段开始了']);
    assert.equal(layout.confidence, 1);
  });

  it('reads text printed over a photo: a caption and credit as the photo’s, a headline as its article’s, a placeholder’s label said', () => {
    // Left: a photo under the body with its caption and credit set on the picture. Right: a
    // headline set over a photo at the top, and further down a placeholder box (one tone) with
    // its label. Such text used to stay in the text layer only, in no article and unsaid.
    const runs = [
      ...page.runs.filter((r) => r.x < 300),
      run('大桥灯火通明', 30, 350, 12),
      run('孙七 摄', 240, 366, 10),
      run('照片上的标题', 330, 50, 40),
      ...Array.from({ length: 3 }, (_, i) => run(i === 0 ? '　右边的正文' : '右边正文接着', i === 0 ? 352 : 320, 140 + i * 20, 16)),
      run('图片暂缺', 420, 250, 12),
    ];
    const layout = m.detectLayout({
      ...page,
      runs,
      fills: [{ x: 320, y: 210, w: 260, h: 100, paint: 'fill', color: '#dddddd' }],
      images: [
        { x: 20, y: 230, w: 260, h: 150 },
        { x: 320, y: 26, w: 260, h: 70 },
      ],
    });
    const news = layout.units.filter((u) => u.kind === 'news');
    assert.deepEqual(
      news.map((u) => [u.headline, u.paragraphs, u.photos.map((p) => [p.caption, p.credit])]),
      [
        ['第一篇文章的标题', [`第一段的文字${'这是正文的文字'.repeat(5)}`], [['大桥灯火通明', '孙七 摄']]],
        [
          '照片上的标题',
          ['右边的正文右边正文接着右边正文接着'],
          [
            [undefined, undefined],
            [undefined, undefined],
          ],
        ],
      ],
    );
    assert.deepEqual(layout.outside, ['"图片暂缺" on a photo\'s placeholder at 420,250']);
    assert.equal(layout.confidence, 1);
  });

  it('is doubtful about text without a headline or a cell', () => {
    const layout = m.detectLayout({ ...page, runs: page.runs.filter((r) => r.size < 30) });
    assert.ok(layout.confidence < 0.8, String(layout.confidence));
    assert.ok(layout.doubts.length > 0);
  });
});

/** One character a run, stacked top to bottom from (x, y): vertical text as Chromium prints it. */
const column = (text, x, y, size) => [...text].map((c, i) => run(c, x, y + i * size * 1.02, size));

describe('vertical text', () => {
  it('reads upright characters stacked in columns top to bottom, the columns right to left, as one line', () => {
    const lines = m.buildLines([...column('风补基金', 200, 10, 40), ...column('覆盖城区', 152, 10, 40)]);
    assert.deepEqual(
      lines.map((l) => [l.text, l.vertical]),
      [['风补基金覆盖城区', true]],
    );
    assert.deepEqual(
      lines[0].chars.map((c) => c.text),
      [...'风补基金覆盖城区'],
    );
    assert.deepEqual([lines[0].x, lines[0].w], [152, 88]);
  });

  it('leaves characters set one a run across a line (tracked) horizontal', () => {
    // Two lines of a tracked headline, each character a run: neighbours beside are closer than those below.
    const row = (text, y) => [...text].map((c, i) => run(c, 10 + i * 42, y, 40));
    const lines = m.buildLines([...row('扶贫小车间', 10), ...row('托起大梦想', 58)]);
    assert.deepEqual(
      lines.map((l) => [l.text, !!l.vertical]),
      [
        ['扶贫小车间', false],
        ['托起大梦想', false],
      ],
    );
  });

  it('finds a vertical headline beside its article, and the text beside it as the body', () => {
    const page = {
      source: 'hand-made',
      width: 400,
      height: 600,
      runs: [
        ...column('竖排的标题', 340, 30, 40),
        run('本报记者 张三', 20, 30, 12),
        ...Array.from({ length: 8 }, (_, i) => run(i === 0 ? '　正文第一段' : '正文接着写呢', i === 0 ? 36 : 20, 50 + i * 20, 16)),
      ],
      rules: [{ x: 20, y: 20, w: 360, h: 2, paint: 'fill', color: '#000000' }],
      fills: [],
      images: [],
      unmapped: 0,
    };
    const [unit] = m.detectLayout(page).units.filter((u) => u.kind === 'news');
    assert.equal(unit.headline, '竖排的标题');
    assert.deepEqual(unit.bylines, ['本报记者 张三']);
    assert.equal(unit.paragraphs.join(''), `正文第一段${'正文接着写呢'.repeat(7)}`);
  });
});

describe('paragraphs of a block set in', () => {
  it('reads lines set in within a column (a manual’s descriptions under a signature) in place, not as a column after it', () => {
    // As texinfo sets a function reference (not a copy of one): the signature at the column's
    // start, its second line and the descriptions set in under it, then the next signature. The
    // set-in lines used to be read as a column of their own, after all the signatures.
    const size = 12;
    const line = (text, x, y, w) => ({ x, y, w, h: size, text, size, bold: false, font: 'Body', segments: [text] });
    const lines = [
      line('int parse (const char * file, node *', 120, 100, 560),
      line('definitions)', 186, 118, 80),
      line('file: the path of the file.', 158, 136, 300),
      line('Function used to start the parse algorithm. Creates the', 158, 154, 522),
      line('structures needed.', 158, 172, 120),
      line('parse_more (const char * name) with more of it here', 120, 202, 560),
      line('name: the name.', 158, 220, 110),
    ];
    assert.deepEqual(m.paragraphsOf(lines, 'en'), [
      'int parse (const char * file, node *',
      'definitions)',
      'file: the path of the file.',
      'Function used to start the parse algorithm. Creates the structures needed.',
      'parse_more (const char * name) with more of it here',
      'name: the name.',
    ]);
  });
});

describe('lines from runs in several fonts', () => {
  it('joins the characters a fallback font sets a little lower into their line, in order', () => {
    // 律 and 千 from another font, 2 units lower, listed after the line's other runs.
    const lines = m.buildLines([
      run('全场服装一', 0, 100, 16),
      run('八折满一', 96, 100, 16),
      run('元', 176, 100, 16),
      run('律', 80, 102, 16),
      run('千', 160, 102, 16),
      run('下一行', 0, 124, 16),
    ]);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['全场服装一律八折满一千元', '下一行'],
    );
  });

  it('reads an underscore drawn as a rule in the gap between two runs, at their baseline, as _', () => {
    // As texinfo sets a function's name in a heading (not a copy of one): TeX draws _ outside
    // typewriter type as a bar of 0.3 em at the baseline, so the text has runs with gaps wider
    // than a word space, read as spaces. A rule under the middle of a word (an underline) and
    // one beside the text at mid-height (a dash) are no underscores.
    const size = 17.45;
    const latin = (text, x, y) => run(text, x, y, size, { w: text.length * size * 0.55 });
    const bar = (x, y, w = 6.7) => ({ x, y, w, h: 0.78, paint: 'fill', color: '#000000' });
    const lines = m.buildLines(
      [
        latin('asn1', 159, 132),
        latin('create', 159 + 4 * size * 0.55 + 7.7, 132),
        latin('element', 159 + 10 * size * 0.55 + 15.4, 132),
        latin('read', 159, 200),
        latin('this', 159 + 4 * size * 0.55 + 4.5, 200),
        latin('then', 159, 260),
        latin('that', 159 + 4 * size * 0.55 + 7.7, 260),
      ],
      [
        bar(159 + 4 * size * 0.55 + 0.5, 146),
        bar(159 + 10 * size * 0.55 + 8.2, 146),
        // An underline under a word, a dash at mid-height in the gap.
        bar(165, 214, 20),
        bar(159 + 4 * size * 0.55 + 0.5, 268),
      ],
    );
    assert.deepEqual(
      lines.map((l) => l.text),
      ['asn1_create_element', 'read this', 'then that'],
    );
    // PDF.js gives such a heading as one run, a space in each gap: the space nearest the bar is
    // the underscore, the others stay spaces.
    const step = size * 0.55;
    const [one] = m.buildLines([latin('source name: the type', 158, 221)], [bar(158 + 6.5 * step - 3, 235)]);
    assert.equal(one.text, 'source_name: the type');
  });

  it('keeps the word space between Latin runs in two fonts, and none between CJK runs or within a word', () => {
    // As the shared-mime-info spec sets it (not a copy of it): a word in a monospace face, the
    // spaces around it (runs of their own in PDF.js) left out, gaps of about a quarter em of
    // 9.96 pt, 0.243 of the text's size: a little less than the old threshold.
    const pt = 4 / 3;
    const latin = (text, x, size, font) => run(text, x * pt, 100, size * pt, { w: text.length * size * 0.5 * pt, font });
    const lines = m.buildLines([
      latin('installed in the', 119.55, 9.96, 'Times'),
      latin('packages', 119.55 + 8 * 9.96 + 2.42, 8.97, 'Courier'),
      latin('directory as', 119.55 + 8 * 9.96 + 2.42 + 4 * 8.97 + 2.42, 9.96, 'Times'),
      // A word split in two runs (a bold letter), that touch: one word.
      { ...latin('Mo', 10, 9.96, 'Times'), y: 140 * pt },
      { ...latin('dern', 10 + 9.96 + 0.1, 9.96, 'Times-Bold'), y: 140 * pt },
      // CJK runs a quarter em apart (justified): no space.
      run('株洲日报', 0, 300, 16),
      run('讯记者', 68, 300, 16),
    ]);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['installed in the packages directory as', 'Modern', '株洲日报讯记者'],
    );
  });
});
