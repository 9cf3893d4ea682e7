// splitEdition (scripts/editions-from-a1.js): an edition as a manifest with its first page inline
// and a page file for every other page; and the test server's /fixtures/split/ routes built on it.
import { expect } from '@open-wc/testing';
import type { Article, Edition, Page, PageFileData } from '../../src/edition/schema.js';
import { validateEdition } from '../../src/edition/validate.js';
import { EditionLoadError, loadEdition } from '../../src/edition/load.js';
import { loadPageFile, validatePageFile } from '../../src/edition/page-files/page-files.js';
import { multiPageEdition, splitEdition } from '../../scripts/editions-from-a1.js';
import { loadA1 } from '../helpers.js';

const byId = (articles: Article[]) => [...articles].sort((a, b) => a.id.localeCompare(b.id));

/** The edition put back together: every reference replaced by its file's page, the files' articles added. */
function rejoin(manifest: Edition, files: Map<string, PageFileData>): Edition {
  const articles = [...manifest.articles];
  const pages = manifest.pages.map((page) => {
    if (page.src === undefined) return page;
    const file = files.get(page.src)!;
    articles.push(...file.articles);
    return file.page;
  });
  return { ...manifest, pages, articles };
}

describe('splitEdition', () => {
  let a1: Edition;
  let edition: Edition;
  let manifest: Edition;
  let files: Map<string, PageFileData>;
  before(async () => {
    a1 = await loadA1();
    edition = multiPageEdition(a1, 5);
    ({ edition: manifest, files } = splitEdition(edition, (page: Page) => `5/${page.id}.json`));
  });

  it('keeps the first page inline with its articles, and makes the others references', () => {
    expect(manifest.pages[0]).to.deep.equal(edition.pages[0]);
    expect(manifest.articles.map((a) => a.id)).to.deep.equal(edition.articles.filter((a) => !a.id.includes('-p')).map((a) => a.id));
    expect(manifest.pages.slice(1)).to.deep.equal(
      edition.pages.slice(1).map(({ id, label, section, width, height }) => ({ id, label, section, width, height, src: `5/${id}.json` })),
    );
    expect([...files.keys()]).to.deep.equal(['5/A2.json', '5/A3.json', '5/A4.json', '5/A5.json']);
    // Everything else about the edition is as it was.
    const { pages: _p, articles: _a, ...rest } = manifest;
    const { pages: _op, articles: _oa, ...originalRest } = edition;
    expect(rest).to.deep.equal(originalRest);
  });

  it('puts each page as it stood and the articles it shows in its file', () => {
    for (const [k, page] of edition.pages.slice(1).entries()) {
      const file = files.get(`5/${page.id}.json`)!;
      expect(file.format).to.equal('e-paper-page');
      expect(file.version).to.equal(1);
      expect(file.page).to.deep.equal(page);
      expect(file.articles.map((a) => a.id)).to.deep.equal(edition.articles.filter((a) => a.id.endsWith(`-p${k + 2}`)).map((a) => a.id));
    }
  });

  it('puts every article in exactly one place, and rejoined gives the edition back', () => {
    const places = [manifest.articles, ...[...files.values()].map((file) => file.articles)].flat().map((a) => a.id);
    expect(places).to.have.length(edition.articles.length);
    expect(new Set(places)).to.deep.equal(new Set(edition.articles.map((a) => a.id)));
    const joined = rejoin(manifest, files);
    expect(joined.pages).to.deep.equal(edition.pages);
    expect(byId(joined.articles)).to.deep.equal(byId(edition.articles));
  });

  it('gives a manifest and page files that validate', () => {
    expect(() => validateEdition(manifest)).not.to.throw();
    const known = new Set(manifest.articles.map((a) => a.id));
    for (const page of manifest.pages.slice(1)) {
      const file = validatePageFile(files.get(page.src!), page, known);
      for (const article of file.articles) known.add(article.id);
    }
    expect(known.size).to.equal(edition.articles.length);
  });

  it('leaves its input alone and names page files <edition id>/<page id>.json by default', () => {
    const before = structuredClone(edition);
    const split = splitEdition(edition);
    expect(edition).to.deep.equal(before);
    expect(split.edition.pages[1].src).to.equal(`${encodeURIComponent(edition.id)}/A2.json`);
  });

  /** A two-page edition whose page A2 is a scan with regions (no blocks), and its articles. */
  function withScanPage(scan: NonNullable<Page['scan']>): { two: Edition; onA2: Article[] } {
    const two = multiPageEdition(a1, 2);
    const onA2 = two.articles.filter((a) => a.id.endsWith('-p2'));
    const regions = onA2.map((a, i) => ({ article: a.id, shapes: [{ rect: { x: 0, y: i * 10, w: 10, h: 10 } }] }));
    const { blocks: _blocks, ...second } = two.pages[1];
    return { two: { ...two, pages: [two.pages[0], { ...second, scan, regions }] }, onA2 };
  }

  it('takes the articles of a page from its regions as well as its blocks', () => {
    const { two, onA2 } = withScanPage({ src: 'https://example.org/a2.jpg' });
    const split = splitEdition(two, () => 'A2.json');
    expect(split.files.get('A2.json')!.articles).to.deep.equal(onA2);
    expect(split.edition.articles).to.deep.equal(a1.articles);
  });

  it('rewrites relative photo and scan URLs to resolve from the page file as they did from the manifest', () => {
    const { two, onA2 } = withScanPage({ src: 'scans/a2.jpg', srcset: [{ src: '/scans/a2-small.jpg', width: 500 }] });
    const photos = [{ src: 'photos/a.jpg' }, { src: 'https://example.org/b.jpg' }, { alt: 'no file' }];
    const withPhotos = { ...two, articles: two.articles.map((a) => (a.id === onA2[0].id ? { ...a, photos } : a)) };
    const manifestUrl = 'https://example.org/papers/today.json';
    const src = 'today/./pages/A2.json?v=1';
    const file = splitEdition(withPhotos, () => src).files.get(src)!;
    const resolved = (url: string | undefined) => url && new URL(url, new URL(src, manifestUrl)).href;
    const asBefore = (url: string | undefined) => url && new URL(url, manifestUrl).href;
    expect(resolved(file.page.scan!.src)).to.equal(asBefore('scans/a2.jpg'));
    expect(resolved(file.page.scan!.srcset![0].src)).to.equal('https://example.org/scans/a2-small.jpg');
    expect(file.articles[0].photos!.map((p) => resolved(p.src))).to.deep.equal(photos.map((p) => asBefore(p.src)));
    // From a file above the manifest's folder the way back is unknown.
    expect(() => splitEdition(two, () => '../A2.json')).to.throw('cannot make "scans/a2.jpg" relative to the page file "../A2.json"');
  });

  it('refuses an article on two pages, and two pages with one file', () => {
    const shared = { ...a1, pages: [a1.pages[0], { ...a1.pages[0], id: 'A2', label: 'A2' }] };
    expect(() => splitEdition(shared)).to.throw('is on page "A1" and on page "A2"');
    expect(() => splitEdition(multiPageEdition(a1, 3), () => 'same.json')).to.throw('two pages have the page file "same.json"');
  });
});

describe('the /fixtures/split/ routes', () => {
  it('serve a split edition whose page files load, with the faults a test asks for', async () => {
    const manifestUrl = new URL('/fixtures/split/8.json?missing=A3&wrong=A4&slow=A5&ms=50', location.href);
    const manifest = await loadEdition(manifestUrl);
    expect(manifest.pages.map((page) => page.src ?? 'inline')).to.deep.equal([
      'inline',
      '8/A2.json',
      '8/A3.json?fault=missing',
      '8/A4.json?fault=wrong',
      '8/A5.json?ms=50',
      '8/A6.json',
      '8/A7.json',
      '8/A8.json',
    ]);
    // Fonts are absolute, as for the other copies.
    expect(manifest.fonts!.every((font) => font.src.startsWith(`${location.origin}/demo/editions/`))).to.equal(true);
    const known = new Set(manifest.articles.map((a) => a.id));
    const load = (page: Page) => loadPageFile(new URL(page.src!, manifestUrl), page, known);
    const a2 = await load(manifest.pages[1]);
    expect([a2.page.id, a2.articles.length]).to.deep.equal(['A2', 6]);
    const missing = (await load(manifest.pages[2]).catch((e: unknown) => e)) as EditionLoadError;
    expect([missing instanceof EditionLoadError, missing.failure]).to.deep.equal([true, 'http']);
    const wrong = (await load(manifest.pages[3]).catch((e: unknown) => e)) as EditionLoadError;
    expect([wrong instanceof EditionLoadError, wrong.failure]).to.deep.equal([true, 'invalid']);
    expect((await load(manifest.pages[4])).page.id).to.equal('A5');
    expect((await fetch('/fixtures/split/8/A1.json')).status).to.equal(404);
    expect((await fetch('/fixtures/split/8/A9.json')).status).to.equal(404);
    expect((await fetch('/fixtures/split/0.json')).status).to.equal(404);
  });
});
