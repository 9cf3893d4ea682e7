// The text view's pure helpers: which articles it lists, and the summary it shows.
import { expect } from '@open-wc/testing';
import { SUMMARY_CHARS, summaryOf, textViewPages } from '../../../src/elements/e-paper-text-view/text-view-items.js';
import type { Article, Edition } from '../../../src/edition/schema.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { loadA1 } from '../../helpers.js';

const article = (paragraphs: string[], headline = '标题'): Article => ({ id: 'x1', headline, paragraphs });

describe('text view: summaryOf', () => {
  it('is the body itself when it is short, Chinese paragraphs run on without a space', () => {
    expect(summaryOf(article(['第一段。', '第二段。']))).to.equal('第一段。第二段。');
    expect(summaryOf(article(['One.', 'Two.']))).to.equal('One. Two.');
  });

  it('ends at the last whole sentence within the limit', () => {
    const sentence = '这是一个二十个字的句子，用来测试摘要长度。';
    const summary = summaryOf(article([sentence.repeat(10)]));
    expect(summary.endsWith('。')).to.equal(true);
    expect([...summary].length).to.be.at.most(SUMMARY_CHARS);
    expect([...summary].length).to.be.greaterThan(SUMMARY_CHARS - sentence.length);
  });

  it('cuts a first sentence longer than the limit with an ellipsis', () => {
    const summary = summaryOf(article(['长'.repeat(300) + '。']));
    expect(summary).to.equal(`${'长'.repeat(SUMMARY_CHARS)}…`);
  });

  it('is empty for an article with no text of its own (its headline as its only paragraph)', () => {
    expect(summaryOf(article(['图片新闻'], '图片新闻'))).to.equal('');
    expect(summaryOf(article([' 图片新闻 '], '图片新闻'))).to.equal('');
  });
});

describe('text view: textViewPages', () => {
  it('lists every page in order with its news in reading order, not the other kinds', async () => {
    // A test edition made from A1 (not real data): one advertisement and one masthead unit.
    const edition = multiPageEdition(await loadA1(), 2) as Edition;
    edition.articles = edition.articles.map((a) =>
      a.id === 'a9' ? { ...a, kind: 'advertisement' } : a.id === 'a1-p2' ? { ...a, kind: 'masthead' } : a,
    );
    const pages = textViewPages(edition);
    expect(pages.map((p) => p.page.id)).to.deep.equal(['A1', 'A2']);
    const a1 = pages[0].articles!.map((a) => a.id);
    expect(a1).to.deep.equal(
      articlesOnPage(edition, edition.pages[0])
        .map((a) => a.id)
        .filter((id) => id !== 'a9'),
    );
    expect(pages[1].articles!.map((a) => a.id)).to.not.include('a1-p2');
  });

  it('lists the kinds the edition’s readingOrder names', async () => {
    const edition = await loadA1();
    edition.articles = edition.articles.map((a) => (a.id === 'a9' ? { ...a, kind: 'notice' } : a));
    expect(textViewPages(edition)[0].articles!.map((a) => a.id)).to.not.include('a9');
    edition.readingOrder = ['news', 'notice'];
    expect(textViewPages({ ...edition })[0].articles!.map((a) => a.id)).to.include('a9');
  });
});
