// Continued articles in the PDF importer (src/edition/importers/pdf-jumps.ts): jump lines read
// from a part's text, and parts joined across pages into one article with the pages' jumps. The
// parts and pages here are made by hand (not a real paper's).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { importSources } from './helpers.mjs';

let m;
before(async () => {
  m = await importSources('pdf-jumps', ['edition/importers/pdf-jumps.ts']);
});

describe('jump lines in a part’s text', () => {
  it('reads a 转 and a 上接 set as paragraphs of their own, with the page they name', () => {
    const jumps = m.readJumps(['（上接第1版）', '正文第一段。', '正文第二段。', '（下转A3版）']);
    assert.deepEqual(jumps, [
      { end: 'from', label: '1', line: '（上接第1版）', at: 0, inline: false },
      { end: 'to', label: 'A3', line: '（下转A3版）', at: 3, inline: false },
    ]);
    assert.deepEqual(m.withoutJumps(['（上接第1版）', '正文第一段。', '（下转A3版）'], jumps.slice(0, 1)), [
      '正文第一段。',
      '（下转A3版）',
    ]);
  });

  it('reads a bracketed jump line run on at the end of the last paragraph or the start of the first', () => {
    const paragraphs = ['（上接A1版）会议指出，要进一步修改。', '会议强调，持续用力。（转第2版）'];
    const jumps = m.readJumps(paragraphs);
    assert.deepEqual(
      jumps.map((j) => [j.end, j.label, j.line, j.at, j.inline]),
      [
        ['from', 'A1', '（上接A1版）', 0, true],
        ['to', '2', '（转第2版）', 1, true],
      ],
    );
    assert.deepEqual(m.withoutJumps(paragraphs, jumps), ['会议指出，要进一步修改。', '会议强调，持续用力。']);
  });

  it('takes no sentence for a jump line: without brackets inside text, or in the middle of the text', () => {
    assert.deepEqual(m.readJumps(['他随后转至3版面的采访。', '记者接第2版的工作。']), []);
    assert.deepEqual(m.readJumps(['（转第2版）前面还有字。', '最后一段。']), []);
  });

  it('matches page labels as papers name them', () => {
    assert.equal(m.sameLabel('A2', 'a2'), true);
    assert.equal(m.sameLabel('A2', '2'), true);
    assert.equal(m.sameLabel('A02', '02'), true);
    assert.equal(m.sameLabel('A2', 'B2'), false);
    assert.equal(m.sameLabel('A12', '2'), false);
  });
});

const page = (label) => ({ id: label, label, width: 1000, height: 1400, regions: [] });
/** A part on page `p` with its region there, its jump lines read from its paragraphs. */
function part(pages, p, id, headline, paragraphs, extra = {}) {
  pages[p].regions.push({ article: id, shapes: [{ rect: { x: 10, y: 10, w: 100, h: 100 } }] });
  return { id, headline, paragraphs, page: p, jumps: m.readJumps(paragraphs), ...extra };
}

describe('parts joined across pages', () => {
  it('joins a part on each of three pages into one article, its text in order, the jumps on every page', () => {
    const pages = ['A1', 'A2', 'A3'].map(page);
    const parts = [
      part(pages, 0, 'A1-1', '长文章', ['第一段。', '（下转A2版）'], { photos: [{ caption: '图一', aspect: 1.5 }] }),
      part(pages, 0, 'A1-2', '别的文章', ['别的正文。']),
      part(pages, 1, 'A2-1', '长文章', ['（上接A1版）', '第二段。', '（下转A3版）']),
      part(pages, 2, 'A3-1', '长文章', ['（上接A2版）', '第三段。'], {
        photos: [{ caption: '图二', aspect: 1 }],
        bylines: ['记者 张三'],
        subheads: ['第三部分'],
      }),
    ];
    const warnings = [];
    const { articles, reports } = m.joinContinuations(parts, pages, warnings);
    assert.deepEqual(
      articles.map((a) => a.id),
      ['A1-1', 'A1-2'],
    );
    assert.deepEqual(articles[0].paragraphs, ['第一段。', '第二段。', '第三段。']);
    assert.deepEqual(
      articles[0].photos.map((p) => p.caption),
      ['图一', '图二'],
    );
    assert.deepEqual(articles[0].bylines, ['记者 张三']);
    assert.deepEqual(articles[0].subheads, ['第三部分']);
    assert.deepEqual(
      pages.map((p) => p.regions.map((r) => r.article)),
      [['A1-1', 'A1-2'], ['A1-1'], ['A1-1']],
    );
    assert.deepEqual(pages[0].jumps, [{ article: 'A1-1', to: 'A2', text: '（下转A2版）' }]);
    assert.deepEqual(pages[1].jumps, [
      { article: 'A1-1', from: 'A1', text: '（上接A1版）' },
      { article: 'A1-1', to: 'A3', text: '（下转A3版）' },
    ]);
    assert.deepEqual(pages[2].jumps, [{ article: 'A1-1', from: 'A2', text: '（上接A2版）' }]);
    assert.deepEqual(warnings, []);
    assert.ok(reports.flat().every((r) => r.matched && r.article === 'A1-1'));
    assert.equal(reports.flat().length, 4);
  });

  it('leaves a jump line to a page not in the input in the text, with a warning naming page and line', () => {
    const pages = [page('A1')];
    const parts = [part(pages, 0, 'A1-1', '长文章', ['第一段。', '（下转A2版）'])];
    const warnings = [];
    const { articles, reports } = m.joinContinuations(parts, pages, warnings);
    assert.deepEqual(articles[0].paragraphs, ['第一段。', '（下转A2版）']);
    assert.equal(pages[0].jumps, undefined);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].path, 'pages[0]');
    assert.match(
      warnings[0].message,
      /^page A1: the jump line "（下转A2版）" of "长文章": page A2 is not in the input; the line stays in its text$/,
    );
    assert.deepEqual(reports[0], [{ article: 'A1-1', to: 'A2', line: '（下转A2版）', matched: false }]);
  });

  it('leaves both lines in the text when the page named holds no article that names this page back', () => {
    const pages = ['A1', 'A2'].map(page);
    const parts = [
      part(pages, 0, 'A1-1', '长文章', ['第一段。', '（下转A2版）']),
      part(pages, 1, 'A2-1', '另一篇', ['（上接A3版）', '别的续文。']),
    ];
    const warnings = [];
    const { articles } = m.joinContinuations(parts, pages, warnings);
    assert.equal(articles.length, 2);
    assert.deepEqual(articles[0].paragraphs, ['第一段。', '（下转A2版）']);
    assert.deepEqual(articles[1].paragraphs, ['（上接A3版）', '别的续文。']);
    assert.equal(pages[0].jumps, undefined);
    assert.equal(pages[1].jumps, undefined);
    assert.deepEqual(
      warnings.map((w) => w.message),
      [
        'page A1: the jump line "（下转A2版）" of "长文章": no article on A2 takes it up (上接A1版); the line stays in its text',
        'page A2: the jump line "（上接A3版）" of "另一篇": page A3 is not in the input; the line stays in its text',
      ],
    );
  });

  it('picks the continuation by its headline when the page holds several, and names a headline it leaves out', () => {
    const pages = ['A1', 'A2'].map(page);
    const parts = [
      part(pages, 0, 'A1-1', '市政府常务会议研究政府工作报告', ['甲一。', '（转第2版）']),
      part(pages, 0, 'A1-2', '民营经济', ['乙一。', '（转第2版）']),
      part(pages, 1, 'A2-1', '民营经济', ['（上接第1版）', '乙二。']),
      part(pages, 1, 'A2-2', '政府工作报告', ['（上接第1版）', '甲二。']),
    ];
    const warnings = [];
    const { articles } = m.joinContinuations(parts, pages, warnings);
    assert.deepEqual(
      articles.map((a) => [a.id, a.paragraphs]),
      [
        ['A1-1', ['甲一。', '甲二。']],
        ['A1-2', ['乙一。', '乙二。']],
      ],
    );
    assert.deepEqual(warnings, []);
    // A continuation printed under another headline: that headline is named, not dropped silently.
    const other = ['A1', 'A2'].map(page);
    const warned = [];
    m.joinContinuations(
      [part(other, 0, 'A1-1', '长文章', ['一。', '（转第2版）']), part(other, 1, 'A2-1', '续：另一个标题', ['（上接第1版）', '二。'])],
      other,
      warned,
    );
    assert.equal(warned.length, 1);
    assert.match(warned[0].message, /page A2: the part of "长文章" printed here under "续：另一个标题": that headline left out/);
  });

  it('joins a continuation printed without a headline (its jump line on top) without naming a headline left out', () => {
    const pages = ['A1', 'A2'].map(page);
    const parts = [
      part(pages, 0, 'A1-1', '长文章', ['第一段。', '（下转A2版）']),
      part(pages, 1, 'A2-1', '（上接A1版）', ['（上接A1版）', '第二段。'], { headless: true }),
    ];
    const warnings = [];
    const { articles } = m.joinContinuations(parts, pages, warnings);
    assert.deepEqual(
      articles.map((a) => [a.id, a.headline, a.paragraphs]),
      [['A1-1', '长文章', ['第一段。', '第二段。']]],
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(pages[1].jumps, [{ article: 'A1-1', from: 'A1', text: '（上接A1版）' }]);
    // Alone, it stays an article of its own under its jump line, and the warning says what it is.
    const alone = [page('A2')];
    const warned = [];
    m.joinContinuations([part(alone, 0, 'A2-1', '（上接A1版）', ['（上接A1版）', '第二段。'], { headless: true })], alone, warned);
    assert.deepEqual(
      warned.map((w) => w.message),
      [
        'page A2: the jump line "（上接A1版）" of a continuation without a headline: page A1 is not in the input; the line stays in its text',
      ],
    );
  });

  it('closes no loop: two parts that each say they go on in the other stay apart', () => {
    const pages = ['A1', 'A2'].map(page);
    const parts = [
      part(pages, 0, 'A1-1', '文章', ['（上接A2版）', '一。', '（下转A2版）']),
      part(pages, 1, 'A2-1', '文章', ['（上接A1版）', '二。', '（下转A1版）']),
    ];
    const warnings = [];
    const { articles } = m.joinContinuations(parts, pages, warnings);
    // The first link holds; the one back is refused and its lines stay.
    assert.equal(articles.length, 1);
    assert.deepEqual(articles[0].paragraphs, ['（上接A2版）', '一。', '二。', '（下转A1版）']);
    assert.equal(warnings.length, 2);
  });
});
