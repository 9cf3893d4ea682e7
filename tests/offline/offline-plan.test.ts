import { expect } from '@open-wc/testing';
import {
  coversAny,
  neededFonts,
  neededScanImages,
  offlineFiles,
  parseUnicodeRange,
  readerImageWidth,
} from '../../src/offline/offline-plan.js';
import type { Edition, Page } from '../../src/edition/schema.js';
import { loadA1 } from '../helpers.js';

const BASE = 'https://paper.example/editions/today.json';

describe('offline plan', () => {
  it('reads unicode-range terms: single, range, wildcard; skips bad ones', () => {
    expect(parseUnicodeRange('U+20-7E, u+4e00,U+4E??,nonsense,U+1?-2')).to.deep.equal([
      [0x20, 0x7e],
      [0x4e00, 0x4e00],
      [0x4e00, 0x4eff],
    ]);
    expect(parseUnicodeRange(undefined)).to.deep.equal([[0, 0x10ffff]]);
    expect(coversAny(parseUnicodeRange('U+4E00-4E0F'), 'ab一')).to.equal(true);
    expect(coversAny(parseUnicodeRange('U+4E00-4E0F'), 'abc')).to.equal(false);
  });

  it('keeps the font slices the text needs, and no other', async () => {
    const edition: Edition = { ...(await loadA1()), title: 'AB' };
    edition.fonts = [
      { role: 'masthead', src: 'm-latin.woff2', unicodeRange: 'U+41-42' },
      { role: 'masthead', src: 'm-cjk.woff2', unicodeRange: 'U+4E00-9FFF' },
      { role: 'body', src: 'b-cjk.woff2', unicodeRange: 'U+4E00-9FFF' },
      { role: 'body', src: 'b-hangul.woff2', unicodeRange: 'U+AC00-D7AF' },
      { role: 'headline', src: 'h-all.woff2' },
    ];
    expect(neededFonts(edition, BASE)).to.deep.equal([
      'https://paper.example/editions/m-latin.woff2',
      'https://paper.example/editions/b-cjk.woff2',
      'https://paper.example/editions/h-all.woff2',
    ]);
  });

  it('keeps the scan widths up to the first that fills the reader’s screen', () => {
    const page = {
      id: 'A1',
      label: 'A1',
      width: 1,
      height: 1,
      scan: {
        src: 'p-4000.jpg',
        width: 4000,
        height: 5000,
        srcset: [
          { src: 'p-2000.jpg', width: 2000 },
          { src: 'p-500.jpg', width: 500 },
        ],
      },
    } as Page;
    const url = (name: string) => `https://paper.example/editions/${name}`;
    expect(neededScanImages(page, BASE, readerImageWidth(780, 1))).to.deep.equal([url('p-500.jpg'), url('p-2000.jpg')]);
    expect(neededScanImages(page, BASE, 400)).to.deep.equal([url('p-500.jpg')]);
    expect(neededScanImages(page, BASE, 9000)).to.deep.equal([url('p-500.jpg'), url('p-2000.jpg'), url('p-4000.jpg')]);
  });

  it('lists photos and refuses URLs that are not http(s)', async () => {
    const edition = await loadA1();
    edition.fonts = [];
    edition.articles[0].photos = [
      { src: 'photo.jpg', aspect: 1 },
      { src: 'javascript:alert(1)', aspect: 1 },
    ];
    expect(offlineFiles(edition, BASE, 1000)).to.deep.equal(['https://paper.example/editions/photo.jpg']);
  });
});
