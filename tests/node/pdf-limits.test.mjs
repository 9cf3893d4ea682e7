// Nothing of a PDF page lost to the format's limits, or left in no article, without a warning
// that names the page (src/edition/importers/pdf-limits.ts, pdf.ts, pdf-jumps.ts). The pages
// and parts here are made by hand, none a real paper's.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { importSources } from './helpers.mjs';
import { run } from './support/pdf-runs.mjs';

let m;
before(async () => {
  m = await importSources('pdf-limits', ['edition/importers/pdf.ts', 'edition/importers/pdf-jumps.ts', 'edition/importers/pdf-limits.ts']);
});

const rule = (x, y, w) => ({ x, y, w, h: 2, paint: 'fill', color: '#000000' });

/** One page, its article under a rule at the top: a headline and `paragraphs` lines, each a paragraph of its own (a space between them). */
function page(paragraphs, more = {}) {
  const height = Math.max(800, 200 + paragraphs.length * 40);
  return {
    content: {
      label: 'B3',
      source: 'hand-made.pdf',
      width: 600,
      height,
      runs: [run('一篇很长的文章', 20, 30, 40), ...paragraphs.map((text, i) => run(text, 20, 100 + i * 40, 16)), ...(more.runs ?? [])],
      rules: [rule(20, 20, 560)],
      fills: [],
      images: [],
      unmapped: 0,
    },
    scan: { src: 'b3.webp', width: 600, height },
  };
}
const text = (article) => article.paragraphs.join('');

describe('the format’s limits in the PDF importer', () => {
  it('ends a region at the page’s edge where a line runs past it, its text kept', () => {
    // A second article under the rule (split off by its headline), one of its lines set past the
    // page's right edge: its region used to reach past the page, and the edition failed to validate.
    const runs = [run('另一篇文章', 20, 300, 40), run('　另一篇的正文', 36, 360, 16), run('越'.repeat(40), 20, 380, 16)];
    const { edition } = m.importPdfPages([page(['第一段的文字'], { runs })], { date: '2026-12-05', lang: 'zh-CN' });
    const article = edition.articles.find((a) => a.headline === '另一篇文章');
    assert.equal(text(article), `另一篇的正文${'越'.repeat(40)}`);
    const [region] = edition.pages[0].regions.filter((r) => r.article === article.id);
    assert.deepEqual(region.shapes, [{ rect: { x: 20, y: 300, w: 580, h: 96 } }]);
  });

  it('keeps the paragraphs past the 500th, joined into the last, with a warning naming the page', () => {
    const paragraphs = Array.from({ length: 520 }, (_, i) => `第${i + 1}段的文字`);
    const { edition, warnings } = m.importPdfPages([page(paragraphs)], { date: '2026-12-05', lang: 'zh-CN' });
    const article = edition.articles.find((a) => a.headline === '一篇很长的文章');
    assert.equal(article.paragraphs.length, 500);
    assert.equal(text(article).replace(/ /g, ''), paragraphs.join(''));
    assert.ok(article.paragraphs.at(-1).endsWith('第520段的文字'), article.paragraphs.at(-1));
    assert.ok(
      warnings.some((w) => /page B3, "一篇很长的文章": 520 paragraphs, over the 500 .*: the last 21 joined in one/.test(w.message)),
      JSON.stringify(warnings),
    );
  });

  it('keeps the paragraphs past the 500th of an article joined across pages', () => {
    const pages = ['A1', 'A2'].map((label) => ({ id: label, label, width: 1000, height: 1400, regions: [] }));
    const part = (p, id, paragraphs) => {
      pages[p].regions.push({ article: id, shapes: [{ rect: { x: 10, y: 10, w: 100, h: 100 } }] });
      return { id, headline: '长文章', paragraphs, page: p, jumps: m.readJumps(paragraphs) };
    };
    const first = Array.from({ length: 300 }, (_, i) => `甲${i}。`);
    const second = Array.from({ length: 300 }, (_, i) => `乙${i}。`);
    const warnings = [];
    const { articles } = m.joinContinuations(
      [part(0, 'A1-1', [...first, '（下转A2版）']), part(1, 'A2-1', ['（上接A1版）', ...second])],
      pages,
      warnings,
    );
    assert.equal(articles.length, 1);
    assert.equal(articles[0].paragraphs.length, 500);
    assert.equal(text(articles[0]).replace(/ /g, ''), [...first, ...second].join(''));
    assert.ok(
      warnings.some((w) => w.path === 'pages[0].A1-1' && /page A1, "长文章": 600 paragraphs/.test(w.message)),
      JSON.stringify(warnings),
    );
  });

  it('splits a text-layer line over 400 characters where its characters stand, with a warning', () => {
    const long = 'word '.repeat(99) + 'last';
    const latin = run(long, 20, 700, 2, { w: long.length });
    const { edition, warnings } = m.importPdfPages([page(['正文一段'], { runs: [latin] })], { date: '2026-12-05', lang: 'zh-CN' });
    const layer = edition.pages[0].text.filter((l) => l.y === 700);
    assert.equal(layer.length, 2);
    assert.equal(layer.map((l) => l.text).join(''), long);
    assert.ok(layer.every((l) => l.text.length <= 400));
    assert.equal(layer[1].x, 20 + 400);
    assert.equal(layer[0].w + layer[1].w, long.length);
    assert.ok(
      warnings.some((w) => w.path === 'pages[0].text' && /page B3: lines of more than 400 characters split/.test(w.message)),
      JSON.stringify(warnings),
    );
  });

  it('says which text stands in no article (outside every rule’s cell), naming the page and the text', () => {
    // The article's rule over the left half; a note set beside it, under no rule: in no cell,
    // neither masthead nor footer.
    const note = run('这一段话不在任何文章里', 330, 330, 16);
    const input = page(['正文第一段', '正文第二段'], { runs: [note] });
    input.content.rules = [rule(20, 20, 300)];
    const { edition, warnings } = m.importPdfPages([input], { date: '2026-12-05' });
    assert.ok(!edition.articles.some((a) => text(a).includes('不在任何文章')));
    assert.ok(edition.pages[0].text.some((l) => l.text === '这一段话不在任何文章里'));
    assert.ok(
      warnings.some(
        (w) =>
          w.path === 'pages[0]' &&
          w.message.includes('page B3: text in no article') &&
          w.message.includes('"这一段话不在任何文章里" at 330,330'),
      ),
      JSON.stringify(warnings),
    );
  });

  it('keeps the end of a kicker over 400 characters as the first paragraph, with a warning naming the page', () => {
    const long = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ');
    const input = page(['正文第一段']);
    input.content.runs = [run(long, 20, 24, 20, { w: 500 }), ...input.content.runs.map((r) => ({ ...r, y: r.y + 20 }))];
    const { edition, warnings } = m.importPdfPages([input], { date: '2026-12-05', lang: 'en' });
    const [article] = edition.articles;
    assert.equal(article.headline, '一篇很长的文章');
    assert.ok(article.kicker.length <= 400 && article.kicker.startsWith('w0 w1'), article.kicker);
    assert.equal(`${article.kicker} ${article.paragraphs[0]}`, long);
    assert.equal(article.paragraphs[1], '正文第一段');
    assert.ok(
      warnings.some((w) => /^page B3: the kicker of 489 characters, over the 400 .*: its end \("w\d+ /.test(w.message)),
      JSON.stringify(warnings),
    );
  });

  it('keeps subheads past the tenth as paragraphs, bylines past the tenth in the tenth, captions of photos past the twentieth', () => {
    const warnings = [];
    const article = m.fitArticle(
      {
        id: 'a',
        headline: '标题',
        subheads: Array.from({ length: 12 }, (_, i) => `副题${i + 1}`),
        bylines: Array.from({ length: 11 }, (_, i) => `记者${i + 1}`),
        paragraphs: ['正文。'],
        photos: Array.from({ length: 22 }, (_, i) => ({ caption: `图${i + 1}`, aspect: 1 })),
      },
      { path: 'pages[0].a', page: 'A1', headline: '标题' },
      warnings,
    );
    assert.equal(article.subheads.length, 10);
    assert.deepEqual(article.paragraphs, ['副题11', '副题12', '正文。', '图21', '图22']);
    assert.deepEqual(article.bylines.slice(8), ['记者9', '记者10 记者11']);
    assert.equal(article.photos.length, 20);
    assert.equal(warnings.length, 3);
    assert.ok(warnings.every((w) => w.path === 'pages[0].a' && w.message.startsWith('page A1, "标题": ')));
  });

  it('splits a paragraph over 20 000 characters at a sentence’s end, and covers region pieces past 50 with one more', () => {
    assert.deepEqual(m.splitText('一二三四。五六七', 6), ['一二三四。', '五六七']);
    assert.deepEqual(m.splitText('abc def ghi', 8), ['abc def', 'ghi']);
    const boxes = Array.from({ length: 60 }, (_, i) => ({ x: (i % 2) * 500, y: i * 100, w: 10, h: 10 }));
    const warnings = [];
    const shapes = m.fitShapes(
      boxes.map((b) => ({ rect: b })),
      boxes,
      { path: 'p', page: 'A1', headline: 'h' },
      warnings,
    );
    assert.equal(shapes.length, 50);
    assert.deepEqual(shapes.at(-1), { rect: { x: 0, y: 4900, w: 510, h: 1010 } });
    assert.match(warnings[0].message, /page A1, "h": its region in 60 pieces, over the 50 .*: the last 11 covered by one rectangle/);
  });
});
