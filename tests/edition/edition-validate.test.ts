import { expect } from '@open-wc/testing';
import { EditionError, parseEdition, validateEdition } from '../../src/edition/validate.js';
import type { Edition } from '../../src/edition/schema.js';
import { loadA1 } from '../helpers.js';
import { rejections } from './rejections.js';

/** The A1 edition with one change applied. */
async function a1With(change: (edition: Edition & Record<string, unknown>) => void): Promise<unknown> {
  const edition = (await loadA1()) as Edition & Record<string, unknown>;
  change(edition);
  return edition;
}

const firstArticleBlock = (edition: Edition) => {
  const index = edition.pages[0].blocks!.findIndex((b) => b.kind === 'article');
  return { index, block: edition.pages[0].blocks![index] };
};

describe('edition format v1: validation', () => {
  it('accepts the shipped A1 edition', async () => {
    const edition = validateEdition(await loadA1());
    expect(edition.id).to.equal('zhuzhou-daily-2021-01-08');
    expect(edition.articles).to.have.length(9);
  });

  it('names the path and the problem for a negative width', async () => {
    const data = await a1With((e) => {
      (e.pages[0].blocks![3].rect as { w: number }).w = -5;
    });
    expect(rejections(data)).to.include('pages[0].blocks[3].rect.w: expected a positive number, got -5');
  });

  it('rejects wrong types', async () => {
    const data = await a1With((e) => {
      (e.articles[2] as unknown as Record<string, unknown>).headline = 42;
    });
    expect(rejections(data)).to.deep.include('articles[2].headline: expected a headline, got 42');
  });

  it('rejects missing fields', async () => {
    const data = await a1With((e) => {
      delete (e.articles[0] as unknown as Record<string, unknown>).paragraphs;
    });
    expect(rejections(data).join('\n')).to.match(/^articles\[0\]\.paragraphs: .*missing/m);
  });

  it('rejects non-finite and negative coordinates', async () => {
    const infinite = await a1With((e) => {
      (e.pages[0].blocks![0].rect as { x: number }).x = Infinity;
    });
    expect(rejections(infinite)).to.include('pages[0].blocks[0].rect.x: expected a finite number, got Infinity');
    const negative = await a1With((e) => {
      (e.pages[0].blocks![1].rect as { y: number }).y = -1;
    });
    expect(rejections(negative)).to.include('pages[0].blocks[1].rect.y: expected a number of at least 0, got -1');
  });

  it('rejects a block outside its page', async () => {
    const data = await a1With((e) => {
      const { block } = firstArticleBlock(e);
      block.rect.x = e.pages[0].width - 10;
    });
    const { index } = firstArticleBlock((await loadA1()) as Edition);
    expect(rejections(data).join('\n')).to.contain(`pages[0].blocks[${index}].rect: expected a rectangle inside the page`);
  });

  it('rejects a region outside its page and a region naming no article', async () => {
    const data = await a1With((e) => {
      e.pages[0].regions = [
        { article: 'a1', shapes: [{ rect: { x: 0, y: 0, w: e.pages[0].width + 1, h: 10 } }] },
        {
          article: 'nobody',
          shapes: [
            {
              polygon: [
                [0, 0],
                [10, 0],
                [10, 10],
              ],
            },
          ],
        },
      ];
    });
    const { width, height } = ((await loadA1()) as Edition).pages[0];
    const messages = rejections(data);
    expect(messages).to.include(`pages[0].regions[0].shapes[0]: expected a shape inside the page (${width} × ${height})`);
    expect(messages).to.include('pages[0].regions[1].article: expected the id of an article, got "nobody"');
  });

  it('rejects duplicate ids', async () => {
    const data = await a1With((e) => {
      e.articles[1].id = e.articles[0].id;
    });
    expect(rejections(data)).to.include(`articles[1].id: duplicate id "a1"`);
  });

  it('rejects reserved ids', async () => {
    const data = await a1With((e) => {
      e.articles[0].id = '__proto__';
    });
    expect(rejections(data).join('\n')).to.match(/^articles\[0\]\.id: expected an id/m);
  });

  it('rejects an edition without pages', async () => {
    const data = await a1With((e) => {
      e.pages = [];
    });
    expect(rejections(data)).to.include('pages: expected at least one page, got 0');
  });

  it('rejects unknown fields and unknown versions', async () => {
    const extra = await a1With((e) => {
      e.surprise = true;
    });
    expect(rejections(extra)).to.include('surprise: unexpected field');
    const version = await a1With((e) => {
      (e as Record<string, unknown>).version = 2;
    });
    expect(rejections(version)).to.include('version: expected version 1, got 2');
  });

  it('rejects text that is not JSON, and anything that is not an object', () => {
    expect(() => parseEdition('<!doctype html><p>Not found')).to.throw(EditionError, /not JSON/);
    expect(rejections(null)[0]).to.match(/^: |expected/);
    expect(rejections('edition')).to.have.length.greaterThan(0);
  });

  it('accepts a byte-order mark before the JSON', async () => {
    const text = '\uFEFF' + JSON.stringify(await loadA1());
    expect(parseEdition(text).title).to.equal('株洲日报');
  });

  describe('page references (pages kept in page files)', () => {
    /** A1 with a second page kept in a page file. */
    const withReference = (change: (edition: Edition, reference: Edition['pages'][number]) => void = () => {}) =>
      a1With((e) => {
        const reference = { id: 'A2', label: 'A2', section: '要闻', width: e.pages[0].width, height: e.pages[0].height, src: 'A2.json' };
        e.pages.push(reference);
        change(e, reference);
      });

    it('accepts a page reference, whose articles are not in the edition', async () => {
      const edition = validateEdition(await withReference());
      expect(edition.pages[1]).to.deep.equal({ id: 'A2', label: 'A2', section: '要闻', width: 2000, height: 2860, src: 'A2.json' });
      expect(edition.articles).to.have.length(9);
    });

    it('rejects a page with neither blocks, scan nor src', async () => {
      const data = await withReference((_e, reference) => {
        delete reference.src;
      });
      expect(rejections(data)).to.deep.equal(['pages[1]: expected blocks (a typeset page), scan (an image) or src (a page file)']);
    });

    it('rejects a page with more than one of blocks, scan and src', async () => {
      const withBlocks = await withReference((e, reference) => {
        reference.blocks = e.pages[0].blocks;
      });
      expect(rejections(withBlocks)).to.deep.equal(['pages[1]: expected only one of blocks, scan and src']);
      const withScan = await a1With((e) => {
        e.pages[0].scan = { src: 'a1.jpg' };
        e.pages[0].regions = [];
      });
      expect(rejections(withScan)).to.include('pages[0]: expected only one of blocks, scan and src');
    });

    it('rejects regions on a page reference', async () => {
      const data = await withReference((_e, reference) => {
        reference.regions = [{ article: 'a1', shapes: [{ rect: { x: 0, y: 0, w: 10, h: 10 } }] }];
      });
      expect(rejections(data)).to.deep.equal([
        'pages[1].regions: expected no regions on a page kept in a page file (they belong in the file)',
      ]);
    });

    it('still rejects an article on no page: a page reference brings none', async () => {
      const data = await withReference((e) => {
        e.articles.push({ id: 'b1', headline: 'On page A2', paragraphs: ['In its page file.'] });
      });
      expect(rejections(data)).to.deep.equal(['articles[9]: article "b1" has no region on any page']);
    });
  });
});
