import { expect } from '@open-wc/testing';
import { readingOrder } from '../../src/edition/reading-order.js';
import { articlesOnPage, regionsOf } from '../../src/edition/regions.js';
import type { Page, Region } from '../../src/edition/schema.js';
import { loadA1 } from '../helpers.js';

const rect = (article: string, x: number, y: number, w: number, h: number): Region => ({ article, shapes: [{ rect: { x, y, w, h } }] });
const page = (extra: Partial<Page> = {}): Page => ({ id: 'p', label: 'P', width: 1000, height: 1500, ...extra });
const ids = (regions: Region[]) => regions.map((r) => r.article);

describe('reading order', () => {
  it('reads the A1 as a reader of a Chinese broadsheet does', async () => {
    const edition = await loadA1();
    // Looking at the page (demo/screenshots, or `npm start`): the page has two stacks of stories,
    // the left five columns (x 60–1227) and the right three (x 1247–1940), with a gutter the
    // whole height of the page between them.
    // 1. a2, 中共中央政治局常务委员会召开会议: the lead (头条), the largest headline (68) at the top.
    // 2. a6, 扶贫小车间 托起大梦想: under the lead, the photo feature across the left stack.
    // 3. a5 then a7: the two stories at the foot of the left stack, left column first.
    // 4. a1, a3, a4, a9, a8: the right stack from the top (风补基金, beside the masthead) down to
    //    the foot (彭建忠…, a8), as its stories stand: a9 stands above a8.
    expect(ids(regionsOf(edition.pages[0], edition))).to.deep.equal(['a2', 'a6', 'a5', 'a7', 'a1', 'a3', 'a4', 'a9', 'a8']);
    // The list, the reader's "n / 9" and the tab order all take this order.
    expect(articlesOnPage(edition, edition.pages[0]).map((a) => a.id)).to.deep.equal([
      'a2',
      'a6',
      'a5',
      'a7',
      'a1',
      'a3',
      'a4',
      'a9',
      'a8',
    ]);
  });

  it('does not depend on the order the blocks are listed in', async () => {
    const edition = await loadA1();
    const first = edition.pages[0];
    const shuffled = { ...first, blocks: [...first.blocks!].reverse() };
    expect(ids(regionsOf(shuffled, edition))).to.deep.equal(ids(regionsOf(first, edition)));
  });

  it('takes the order the page states, and places the articles it leaves out by the layout', () => {
    const regions = [rect('left', 0, 0, 480, 1500), rect('right-top', 520, 0, 480, 700), rect('right-foot', 520, 740, 480, 700)];
    expect(ids(readingOrder(page(), regions))).to.deep.equal(['left', 'right-top', 'right-foot']);
    expect(ids(readingOrder(page({ articleOrder: ['right-foot', 'missing'] }), regions))).to.deep.equal([
      'right-foot',
      'left',
      'right-top',
    ]);
  });

  it('makes only news the lead: not a masthead or an advertisement, however large', () => {
    // A scan's title section across the top, larger than the news story under it.
    const regions = [rect('title', 0, 0, 1000, 400), rect('story', 0, 420, 1000, 300), rect('more', 0, 760, 1000, 700)];
    expect(ids(readingOrder(page(), regions, (id) => id !== 'title'))).to.deep.equal(['story', 'title', 'more']);
    // Without the kinds, the largest region near the top leads.
    expect(ids(readingOrder(page(), regions))).to.deep.equal(['title', 'story', 'more']);
  });

  it('puts the lead first even where it is not the top left story', () => {
    // A narrow story in the left column, the lead (the biggest story near the top) to its right.
    const regions = [rect('side', 0, 0, 240, 1400), rect('lead', 280, 0, 720, 600), rect('under', 280, 640, 720, 760)];
    expect(ids(readingOrder(page(), regions))).to.deep.equal(['lead', 'side', 'under']);
  });

  it('reads a row of columns left to right, each top to bottom, and bands top to bottom', () => {
    const regions = [
      rect('band-right', 520, 0, 480, 300),
      rect('band-left', 0, 0, 480, 300),
      // Across the page: every column below starts after it.
      rect('across', 0, 340, 1000, 200),
      rect('c2-foot', 340, 900, 300, 500),
      rect('c1', 0, 580, 300, 900),
      rect('c2-top', 340, 580, 300, 280),
      rect('c3', 680, 580, 320, 900),
    ];
    // The lead: the largest story near the top is `across`.
    expect(ids(readingOrder(page(), regions))).to.deep.equal(['across', 'band-left', 'band-right', 'c1', 'c2-top', 'c2-foot', 'c3']);
  });

  it('lets shapes that touch or overlap a little still fall into their columns', () => {
    // A scan's hand-drawn regions: the columns overlap by 4 units, a story spans two of them.
    const regions = [
      rect('lead', 0, 0, 1000, 500),
      rect('a', 0, 520, 504, 400),
      rect('b', 500, 520, 500, 980),
      rect('c', 0, 936, 504, 560),
      {
        article: 'poly',
        shapes: [
          {
            polygon: [
              [0, 1496],
              [1000, 1496],
              [1000, 1500],
              [0, 1500],
            ] as [number, number][],
          },
        ],
      },
    ];
    expect(ids(readingOrder(page(), regions))).to.deep.equal(['lead', 'a', 'c', 'b', 'poly']);
  });
});
