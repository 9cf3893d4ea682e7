import { expect } from '@open-wc/testing';
import { findMatches, foldForSearch, searchEdition, type SearchField } from '../../src/search/search-text.js';
import type { Article, Edition } from '../../src/edition/schema.js';
import { loadA1 } from '../helpers.js';

/** Every searchable text of an article, in the order the search reports fields. */
const textsOf = (a: Article): [SearchField, string | undefined][] => [
  ['banner', a.banner],
  ['kicker', a.kicker],
  ['headline', a.headline],
  ...(a.subheads ?? []).map((s): [SearchField, string] => ['subhead', s]),
  ...(a.bylines ?? []).map((s): [SearchField, string] => ['byline', s]),
  ...a.paragraphs.map((s): [SearchField, string] => ['paragraph', s]),
  ...(a.photos ?? []).map((p): [SearchField, string | undefined] => ['caption', p.caption]),
];

/** The text a hit points into. */
function textOf(edition: Edition, hit: { articleId: string; field: SearchField; index: number }): string {
  const a = edition.articles.find((x) => x.id === hit.articleId)!;
  const one = { banner: a.banner, kicker: a.kicker, headline: a.headline }[hit.field as 'banner'];
  if (one !== undefined || ['banner', 'kicker', 'headline'].includes(hit.field)) return one!;
  return { subhead: a.subheads, byline: a.bylines, paragraph: a.paragraphs, caption: a.photos?.map((p) => p.caption ?? '') }[
    hit.field as 'subhead'
  ]![hit.index];
}

describe('search-text', () => {
  it('folds full-width forms, case and whitespace runs, mapping each folded char to its origin', () => {
    const text = 'ＡＢＣ１２３  Tab\t\nÉté';
    const { folded, map } = foldForSearch(text);
    expect(folded).to.equal('abc123 tab été');
    expect(map).to.have.length(folded.length + 1);
    expect(map.at(-1)).to.equal(text.length);
    expect(map.slice(0, 8)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 8]);
    // Surrogate pairs stay whole; NFKC expansions map every char to their origin.
    const astral = foldForSearch('a𠀀㍿b');
    expect(astral.folded).to.equal('a𠀀株式会社b');
    expect(astral.map).to.deep.equal([0, 1, 1, 3, 3, 3, 3, 4, 5]);
    // A decomposed accent folds like a precomposed one; soft hyphens and zero-width spaces vanish.
    expect(foldForSearch('Cafe\u0301').folded).to.equal(foldForSearch('Café').folded);
    expect(foldForSearch('株\u00ad洲\u200b日报').folded).to.equal('株洲日报');
  });

  it('finds Chinese phrases as substrings in the A1 edition, one hit per text, as many as a plain count finds', async () => {
    const edition = await loadA1();
    for (const q of ['阳卫国', '株洲', '风补基金', '政府工作报告', '耳机']) {
      const counts = edition.articles.flatMap(textsOf).map(([, t]) => (t ? t.split(q).length - 1 : 0));
      const expectedMatches = counts.reduce((n, c) => n + c, 0);
      const expectedTexts = counts.filter((c) => c > 0).length;
      const { hits, total, matches } = searchEdition(edition, q);
      expect(expectedTexts, q).to.be.greaterThan(0);
      expect(total, q).to.equal(expectedTexts);
      expect(matches, q).to.equal(expectedMatches);
      expect(hits, q).to.have.length(expectedTexts);
      expect(
        hits.reduce((n, h) => n + h.matches, 0),
        q,
      ).to.equal(expectedMatches);
      for (const hit of hits) {
        const text = textOf(edition, hit);
        expect(hit.match).to.equal(q);
        // The first match of its text, and that text's own count.
        expect(hit.start).to.equal(text.indexOf(q));
        expect(text.slice(hit.start, hit.end)).to.equal(q);
        expect(hit.matches).to.equal(text.split(q).length - 1);
      }
    }
    // Several texts repeat 株洲: fewer hits than matches.
    const zhuzhou = searchEdition(edition, '株洲');
    expect(zhuzhou.hits.length).to.be.lessThan(zhuzhou.matches);
    const caption = searchEdition(edition, '耳机').hits.find((h) => h.field === 'caption')!;
    expect(caption).to.include({ articleId: 'a6', pageId: 'A1', pageLabel: 'A1', index: 0 });
    // Full-width brackets in the text, half-width in the query.
    const half = searchEdition(edition, '(筹)');
    expect(half.hits.map((h) => h.match)).to.deep.equal(['（筹）', '（筹）', '（筹）']);
    expect(half.hits.map((h) => [h.articleId, h.field])).to.deep.equal([
      ['a8', 'kicker'],
      ['a8', 'paragraph'],
      ['a8', 'paragraph'],
    ]);
    expect(searchEdition(edition, '（筹）')).to.deep.equal(half);
  });

  it('matches Latin text without regard to case or width, with offsets into the original', async () => {
    const edition = await loadA1();
    const q7 = edition.articles.find((a) => a.id === 'a7')!;
    const paragraph = q7.paragraphs.find((p) => p.includes('G71'))!;
    for (const query of ['g71', 'G71', 'Ｇ７１', 'ｇ71次（2车9f）', '(2车9F)']) {
      const matches = findMatches(paragraph, query);
      expect(matches, query).to.have.length(1);
      const found = paragraph.slice(matches[0].start, matches[0].end);
      expect(foldForSearch(found).folded, query).to.equal(foldForSearch(query).folded);
    }
    expect(findMatches('Hello HELLO hello', 'hELLo').map((m) => m.start)).to.deep.equal([0, 6, 12]);
  });

  it('maps matches back exactly through expansions, surrogate pairs and whitespace runs', () => {
    const text = 'x𠀀y ㍿ Ｔｅｓｔ  ing ﬁne';
    for (const query of ['𠀀y', '株式会社', 'test ing', 'fine', 'ｆｉｎｅ']) {
      const [m, ...rest] = findMatches(text, query);
      expect(rest, query).to.deep.equal([]);
      expect(foldForSearch(text.slice(m.start, m.end)).folded, query).to.equal(foldForSearch(query).folded.trim());
    }
    // A match inside one char's expansion takes the whole char.
    expect(findMatches(text, '式会')).to.deep.equal([{ start: 5, end: 6 }]);
    // Non-overlapping: "aaaa" has two "aa".
    expect(findMatches('aaaa', 'aa')).to.deep.equal([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('takes a query as plain text, never as a pattern', () => {
    const text = 'a.*( b \\ c [x] $1 ^ a+b';
    expect(findMatches(text, '.*(')).to.deep.equal([{ start: 1, end: 4 }]);
    expect(findMatches(text, '\\')).to.deep.equal([{ start: 7, end: 8 }]);
    expect(findMatches(text, '[x]')).to.deep.equal([{ start: 11, end: 14 }]);
    expect(findMatches(text, 'a+b')).to.deep.equal([{ start: 20, end: 23 }]);
    expect(findMatches('ab', '.')).to.deep.equal([]);
  });

  it('finds nothing for an empty or blank query', async () => {
    const edition = await loadA1();
    for (const q of ['', '   ', '\t\n', '\u200b']) {
      expect(findMatches('some text', q)).to.deep.equal([]);
      expect(searchEdition(edition, q)).to.deep.equal({ hits: [], total: 0, matches: 0 });
    }
  });

  it('gives about 24 characters of context each side, marking cuts with …', async () => {
    const edition = await loadA1();
    const { hits } = searchEdition(edition, '风补基金');
    const headline = hits.find((h) => h.field === 'headline')!;
    expect(headline.before).to.equal('');
    expect(headline.after).to.equal('“及时雨”覆盖株洲城区');
    for (const hit of hits) {
      const text = textOf(edition, hit);
      const before = hit.before.replace(/^…/, '');
      const after = hit.after.replace(/…$/, '');
      expect(text.slice(hit.start - before.length, hit.end + after.length)).to.equal(before + hit.match + after);
      expect(hit.before.startsWith('…')).to.equal(hit.start - before.length > 0);
      expect(hit.after.endsWith('…')).to.equal(hit.end + after.length < text.length);
      expect(before.length).to.be.at.most(24);
      expect(after.length).to.be.at.most(24);
    }
    expect(hits.some((h) => h.before.startsWith('…') && [...h.before].length === 25)).to.equal(true);
    // A cut never splits a surrogate pair.
    const text = '𠀀'.repeat(20) + '中' + '𠀀'.repeat(20);
    const [hit] = searchEdition(
      { ...edition, pages: edition.pages, articles: [{ id: 'x', headline: text, paragraphs: ['p'] }] },
      '中',
    ).hits;
    expect(hit.before).to.equal('…' + '𠀀'.repeat(12));
    expect(hit.after).to.equal('𠀀'.repeat(12) + '…');
  });

  it('gives one hit for a text that repeats the query, at its first match, with the count', async () => {
    const edition = await loadA1();
    const paragraph = 'ＡＢ株洲日报讯 株洲市两会召开。株洲 今年，株洲将……';
    const one = { id: 'x', headline: '无关', paragraphs: ['无关', paragraph, '又是株洲'] };
    const result = searchEdition({ ...edition, articles: [one] }, '株洲');
    expect(result).to.include({ total: 2, matches: 5 });
    expect(result.hits.map((h) => [h.field, h.index, h.matches, h.start])).to.deep.equal([
      ['paragraph', 1, 4, 2],
      ['paragraph', 2, 1, 2],
    ]);
    expect(result.hits[0]).to.include({ before: 'ＡＢ', match: '株洲', after: '日报讯 株洲市两会召开。株洲 今年，株洲将……' });
    // Folding counts the same: a width-folded query finds the same matches.
    expect(searchEdition({ ...edition, articles: [{ ...one, paragraphs: ['ab ＡＢ Ab'] }] }, 'ab').hits[0].matches).to.equal(3);
  });

  it('caps the hits (texts) at the limit but counts every text and every match', async () => {
    const edition = await loadA1();
    const all = searchEdition(edition, '株洲');
    expect(all.total).to.equal(all.hits.length);
    expect(all.total).to.be.greaterThan(10);
    const few = searchEdition(edition, '株洲', { limit: 5 });
    expect(few.total).to.equal(all.total);
    expect(few.matches).to.equal(all.matches);
    expect(few.hits).to.deep.equal(all.hits.slice(0, 5));
  });

  it('lists pages in edition order, articles in reading order, fields in order; articles on no page last', async () => {
    const edition = await loadA1();
    edition.articles.push({ id: 'loose', headline: '株洲 loose', paragraphs: ['株洲'] });
    // A second page that sets a4 first, then a2 (already on A1: listed once, under A1).
    edition.pages.push({
      id: 'B2',
      label: 'B2',
      width: 100,
      height: 100,
      regions: [{ article: 'a4', shapes: [{ rect: { x: 0, y: 0, w: 1, h: 1 } }] }],
    });
    edition.pages[0].regions = ['a9', 'a1', 'a2', 'a3', 'a5', 'a6', 'a7', 'a8'].map((article) => ({
      article,
      shapes: [{ rect: { x: 0, y: 0, w: 1, h: 1 } }],
    }));
    const { hits } = searchEdition(edition, '株洲');
    const articles = [...new Set(hits.map((h) => h.articleId))];
    const expected = ['a9', 'a1', 'a2', 'a3', 'a5', 'a6', 'a7', 'a8', 'a4', 'loose'].filter((id) => articles.includes(id));
    expect(articles).to.deep.equal(expected);
    expect(hits.filter((h) => h.articleId === 'a4').every((h) => h.pageId === 'B2' && h.pageLabel === 'B2')).to.equal(true);
    expect(hits.filter((h) => h.articleId === 'loose').map((h) => [h.pageId, h.field])).to.deep.equal([
      ['', 'headline'],
      ['', 'paragraph'],
    ]);
    const order: SearchField[] = ['banner', 'kicker', 'headline', 'subhead', 'byline', 'paragraph', 'caption'];
    for (const id of articles) {
      const mine = hits.filter((h) => h.articleId === id).map((h) => [order.indexOf(h.field), h.index]);
      const sorted = [...mine].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(mine, id).to.deep.equal(sorted);
      // One hit per text.
      expect(new Set(mine.map(String)).size, id).to.equal(mine.length);
    }
    const a1 = hits.filter((h) => h.articleId === 'a1');
    expect(new Set(a1.map((h) => h.field)))
      .to.include('byline')
      .and.include('paragraph');
  });

  it('caps the query at 100 characters', () => {
    const text = 'x'.repeat(150);
    expect(findMatches(text, 'x'.repeat(150))).to.deep.equal([{ start: 0, end: 100 }]);
  });
});
