// Pages that no rule cuts into articles (a report or a manual, set with white space): their
// headlines start articles, and the text over a page's first headline goes on from the last
// article of the page before (src/edition/importers/pdf-layout.ts pageCells, pdf-flow.ts). The
// pages here are made by hand (Latin text, as a manual sets it), none a real document's.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { importSources } from './helpers.mjs';
import { run } from './support/pdf-runs.mjs';

let m;
before(async () => {
  m = await importSources('pdf-flow', ['edition/importers/pdf.ts']);
});

const latin = (text, x, y, size) => run(text, x, y, size, { w: text.length * size * 0.5 });
/** Body lines of 12 units from `y`, one paragraph, 18 apart. */
const body = (words, y, count = 4) =>
  Array.from({ length: count }, (_, i) => latin(`${words} line ${i + 1} of the text`, 90, y + i * 18, 12));

/** A page of a manual: a running head and a page number in the margins, the given runs between. */
function page(label, runs, more = {}) {
  return {
    content: {
      label,
      source: `manual.pdf#${label}`,
      width: 600,
      height: 840,
      runs: [latin('Chapter 2: Structures', 90, 30, 10), ...runs, latin(label, 500, 800, 10)],
      rules: more.rules ?? [],
      fills: [],
      images: [],
      unmapped: 0,
    },
    scan: { src: `${label}.webp`, width: 600, height: 840 },
  };
}

describe('pages without rules', () => {
  const first = page('4', [latin('2 Structure handling', 90, 100, 24), ...body('Structures', 140, 6)]);
  const second = page('5', [
    ...body('More on structures', 90, 3),
    latin('3 Utilities', 90, 200, 24),
    ...body('Utilities', 240, 5),
    // A listing set in a box: its frame is no article's rule.
    latin('asn1Parser file.asn', 100, 360, 12),
  ]);
  second.content.rules = [
    { x: 85, y: 350, w: 400, h: 1, paint: 'stroke', color: '#000000' },
    { x: 85, y: 380, w: 400, h: 1, paint: 'stroke', color: '#000000' },
  ];

  it('reads a page’s headlines as articles, the margins left out, and the page not doubted', () => {
    const { edition, reports, warnings } = m.importPdfPages([first], { date: '2026-12-05', lang: 'en' });
    const news = edition.articles.filter((a) => !a.kind);
    assert.deepEqual(
      news.map((a) => [a.headline, a.paragraphs.length]),
      [['2 Structure handling', 1]],
    );
    assert.ok(news[0].paragraphs[0].startsWith('Structures line 1 of the text'), news[0].paragraphs[0]);
    assert.deepEqual(reports[0].doubts, []);
    assert.ok(reports[0].confidence >= 0.8, String(reports[0].confidence));
    // The running head is page furniture, recognised: in the text layer where it is printed, not said.
    assert.ok(!warnings.some((w) => w.message.includes('Chapter 2: Structures')), JSON.stringify(warnings));
    assert.ok(
      edition.pages[0].text.some((line) => line.text === 'Chapter 2: Structures'),
      JSON.stringify(edition.pages[0].text),
    );
  });

  it('joins the text over a page’s first headline to the last article of the page before, with jumps both ways', () => {
    const { edition, reports } = m.importPdfPages([first, second], { date: '2026-12-05', lang: 'en' });
    const news = edition.articles.filter((a) => !a.kind);
    assert.deepEqual(
      news.map((a) => a.headline),
      ['2 Structure handling', '3 Utilities'],
    );
    const [structures, utilities] = news;
    assert.ok(structures.paragraphs.at(-1).startsWith('More on structures line 1'), structures.paragraphs.at(-1));
    assert.ok(!utilities.paragraphs.join(' ').includes('More on structures'));
    // The listing in its box is read with the article it stands in.
    assert.ok(utilities.paragraphs.join(' ').includes('asn1Parser file.asn'), utilities.paragraphs.join(' | '));
    assert.deepEqual(edition.pages[0].jumps, [{ article: structures.id, to: '5' }]);
    assert.deepEqual(edition.pages[1].jumps, [{ article: structures.id, from: '4' }]);
    assert.deepEqual(
      edition.pages[1].regions.map((r) => r.article).filter((id) => !id.endsWith('footer')),
      [structures.id, utilities.id],
    );
    assert.deepEqual(
      reports.map((r) => r.doubts),
      [[], []],
    );
  });

  it('doubts the text over the first headline when no page before flows into it', () => {
    const { edition, reports } = m.importPdfPages([second], { date: '2026-12-05', lang: 'en' });
    assert.ok(
      reports[0].doubts.some((d) => d.startsWith('text without a headline')),
      JSON.stringify(reports[0].doubts),
    );
    assert.ok(reports[0].confidence < 0.8, String(reports[0].confidence));
    // Its text is kept, in an article of its own.
    assert.ok(edition.articles.some((a) => a.paragraphs.join(' ').includes('More on structures line 1')));
    assert.equal(edition.pages[0].jumps, undefined);
  });
});

describe('a manual’s index and title page', () => {
  it('keeps an index’s letter headings in the index, each a paragraph of its own, not articles', () => {
    // Two columns of entries under letters set large, as texinfo sets an index.
    const entry = (text, x, y) => latin(`${text} . . . . . . . . 4`, x, y, 12);
    const index = page('35', [
      latin('Concept Index', 90, 100, 24),
      latin('A', 90, 150, 18),
      entry('asn1Coding program', 90, 176),
      entry('asn1Decoding program', 90, 194),
      latin('F', 90, 230, 18),
      entry('FDL, GNU Free Documentation License', 90, 256),
      latin('M', 420, 150, 18),
      entry('Main type asn1_node', 420, 176),
      latin('P', 420, 212, 18),
      entry('Porting', 420, 238),
    ]);
    const { edition, reports, warnings } = m.importPdfPages([index], { date: '2026-12-05', lang: 'en' });
    const news = edition.articles.filter((a) => !a.kind);
    assert.deepEqual(
      news.map((a) => a.headline),
      ['Concept Index'],
    );
    assert.equal(news[0].subheads, undefined);
    assert.deepEqual(
      news[0].paragraphs.map((p) => p.replace(/ \. .*/, '')),
      ['A', 'asn1Coding program', 'F', 'FDL, GNU Free Documentation License', 'M', 'Main type asn1_node', 'P', 'Porting'],
    );
    assert.deepEqual(reports[0].doubts, []);
    assert.ok(!warnings.some((w) => /headline type inside/.test(w.message)), JSON.stringify(warnings));
  });

  it('reads a title page’s author lines over their e-mail or web address as bylines, not subheads', () => {
    const title = page('1', [
      latin('Shared MIME-info Database', 150, 90, 30),
      latin('X Desktop Group (http://www.freedesktop.org)', 120, 140, 18),
      latin('Thomas Leonard', 200, 190, 18),
      latin('tal197 at users.sf.net', 210, 220, 14),
      latin('1. Introduction', 90, 270, 18),
      ...body('The database', 310, 5),
    ]);
    const { edition } = m.importPdfPages([title], { date: '2026-12-05', lang: 'en' });
    const [article] = edition.articles.filter((a) => !a.kind);
    assert.equal(article.headline, 'Shared MIME-info Database');
    assert.deepEqual(article.bylines, ['X Desktop Group (http://www.freedesktop.org)', 'Thomas Leonard', 'tal197 at users.sf.net']);
    assert.deepEqual(article.subheads, ['1. Introduction']);
    // Without an address, lines under a headline in subhead type stay its subheads.
    const plain = page('2', [
      latin('A Guide to Tests', 150, 90, 30),
      latin('How the project tests', 120, 140, 18),
      ...body('Tests', 190, 5),
    ]);
    const [guide] = m.importPdfPages([plain], { date: '2026-12-05', lang: 'en' }).edition.articles.filter((a) => !a.kind);
    assert.deepEqual(guide.subheads, ['How the project tests']);
    assert.equal(guide.bylines, undefined);
  });
});
