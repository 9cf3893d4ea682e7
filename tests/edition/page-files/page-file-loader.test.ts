// The viewer's page file loader: one load per page, a failed one tried again, files put in place
// together, and a file whose article ids another file took first refused.
import { expect } from '@open-wc/testing';
import { EditionLoadError } from '../../../src/edition/load.js';
import type { Edition, Page } from '../../../src/edition/schema.js';
import { PageFileLoader, type PageFileHost } from '../../../src/edition/page-files/page-file-loader.js';
import { isPageRef } from '../../../src/edition/page-files/page-files.js';
import { splitEdition, multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { loadA1 } from '../../helpers.js';

const urls: string[] = [];
afterEach(() => urls.splice(0).forEach((url) => URL.revokeObjectURL(url)));

/** A 4-page copy of A1 split into page files served from blob: URLs; `fetched` lists the page ids fetched, in order. */
async function splitCopy(change?: (files: Map<string, { page: Page; articles: { id: string }[] }>) => void) {
  const { edition, files } = splitEdition(multiPageEdition(await loadA1(), 4)) as unknown as {
    edition: Edition;
    files: Map<string, { page: Page; articles: { id: string }[] }>;
  };
  change?.(files);
  const fetched: string[] = [];
  const blobs = new Map<string, string>();
  for (const [src, file] of files) {
    const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
    urls.push(url);
    blobs.set(src, url);
  }
  const pages = edition.pages.map((page) => (page.src ? { ...page, src: blobs.get(page.src)! } : page));
  const realFetch = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const page = pages.find((p) => p.src === url);
    if (page) fetched.push(page.id);
    return realFetch(input, init);
  }) as typeof fetch;
  return { edition: { ...edition, pages }, fetched, restore: () => (window.fetch = realFetch) };
}

function host(shown: { edition: Edition }): PageFileHost {
  return {
    view: () => ({ edition: shown.edition, page: shown.edition.pages[0] }),
    show: (next) => (shown.edition = next),
    notice: () => {},
    failed: () => {},
    lang: () => 'zh-CN',
  };
}

describe('PageFileLoader', () => {
  it('loads each page file once, and puts them all in place together', async () => {
    const { edition, fetched, restore } = await splitCopy();
    try {
      const shown = { edition };
      const loader = new PageFileLoader(edition, location.href, {}, host(shown));
      const [a, b] = [loader.fetch(edition.pages[1]), loader.fetch(edition.pages[1])];
      expect(a, 'one load for two asks').to.equal(b);
      await loader.loadAll();
      expect(
        fetched.filter((id) => id === 'A2'),
        'A2 fetched once',
      ).to.have.length(1);
      expect([...fetched].sort()).to.deep.equal(['A2', 'A3', 'A4']);
      expect(shown.edition.pages.some(isPageRef), 'every page in place').to.equal(false);
      expect(shown.edition.articles.length).to.be.greaterThan(edition.articles.length);
      // The nearest pages to the one shown first.
      expect(fetched.slice(0, 2).sort()).to.deep.equal(['A2', 'A3']);
    } finally {
      restore();
    }
  });

  it('refuses a file whose article ids another file took first, and loads it again when asked', async () => {
    const { edition, fetched, restore } = await splitCopy((files) => {
      // A4's file claims an article id of A3's.
      const [a3, a4] = [...files.entries()].filter(([src]) => /A3|A4/.test(src)).map(([, file]) => file);
      const [taken, mine] = [a3.articles[0].id, a4.articles[0].id];
      a4.articles[0].id = taken;
      for (const block of a4.page.blocks!) if (block.kind === 'article' && block.article === mine) block.article = taken;
      for (const region of a4.page.regions ?? []) if (region.article === mine) region.article = taken;
    });
    try {
      const shown = { edition };
      const loader = new PageFileLoader(edition, location.href, {}, host(shown));
      const [a3, a4] = await Promise.all([loader.fetch(edition.pages[2]), loader.fetch(edition.pages[3])]);
      const placed = loader.place(edition, [a3, a4]);
      expect(placed.refused.map((f) => f.page.id)).to.deep.equal(['A4']);
      expect(placed.edition.pages.filter(isPageRef).map((p) => p.id)).to.deep.equal(['A2', 'A4']);
      // Asked for again, A4 is fetched again and refused with the id named.
      const error = await loader.resolve(edition.pages[3], () => placed.edition).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(EditionLoadError);
      expect((error as EditionLoadError).failure).to.equal('invalid');
      expect((error as EditionLoadError).problems[0].message).to.match(/already used by the edition/);
      expect(fetched.filter((id) => id === 'A4')).to.have.length(2);
    } finally {
      restore();
    }
  });

  it('tries a failed load again on the next ask', async () => {
    const { edition, restore } = await splitCopy();
    try {
      const broken = { ...edition.pages[1], src: 'data:application/json,not json' };
      const loader = new PageFileLoader(edition, location.href, {}, host({ edition }));
      const first = loader.fetch(broken);
      await first.catch(() => {});
      const second = loader.fetch(broken);
      expect(second, 'a new load after a failure').not.to.equal(first);
      await second.catch(() => {});
    } finally {
      restore();
    }
  });

  it('a page loaded for a reader who has since asked for another is put in place all the same, not shown', async () => {
    const { edition, restore } = await splitCopy();
    try {
      const shown = { edition, page: edition.pages[0], wanted: 'A2' };
      const pagesShown: string[] = [];
      const loader = new PageFileLoader(
        edition,
        location.href,
        {},
        {
          view: () => shown,
          show: (next, page) => {
            shown.edition = next;
            if (page) pagesShown.push(page.id);
          },
          notice: () => {},
          failed: () => {},
          lang: () => 'zh-CN',
        },
      );
      const going = loader.goTo(edition.pages[1]);
      shown.wanted = 'A1';
      await going;
      expect(pagesShown, 'A2 is not shown').to.deep.equal([]);
      expect(isPageRef(shown.edition.pages[1]), 'A2 is in place').to.equal(false);
      await loader.loadAll();
      expect(
        shown.edition.pages.filter(isPageRef).map((p) => p.id),
        'every page in place',
      ).to.deep.equal([]);
    } finally {
      restore();
    }
  });
});
