// Page files: an edition keeps some pages in files of their own. Their validation against the
// page reference that points to them, their loading, and their merging into the edition.
import { expect } from '@open-wc/testing';
import { EditionError, MAX_PROBLEMS, validateEdition } from '../../../src/edition/validate.js';
import { EditionLoadError } from '../../../src/edition/load.js';
import {
  isPageRef,
  loadPageFile,
  pageRefs,
  resolvePageFileUrls,
  withPageFile,
  parsePageFile,
  validatePageFile,
  type PageFile,
} from '../../../src/edition/page-files/page-files.js';
import { validPageFile } from '../../../src/edition/page-files/page-file-load.js';
import { LIMITS, type Article, type Edition, type Page, type PageFileData } from '../../../src/edition/schema.js';
import { loadA1 } from '../../helpers.js';

type Json = Record<string, unknown>;

/**
 * A two-page edition made from A1: its first page inline, its second (A2, the same layout with
 * articles b1…b9) a reference to the page file `file`.
 */
async function twoPages(): Promise<{ edition: Edition; reference: Page; file: PageFileData; known: Set<string> }> {
  const a1 = await loadA1();
  const [first] = a1.pages;
  const renamed = (id: string) => id.replace(/^a/, 'b');
  const page: Page = {
    ...structuredClone(first),
    id: 'A2',
    label: 'page 2 as the file names it',
    section: 'a section the file gives',
    blocks: first.blocks!.map((block) => (block.kind === 'article' ? { ...block, article: renamed(block.article) } : block)),
  };
  const articles = a1.articles.map((article) => ({ ...article, id: renamed(article.id) }));
  const reference: Page = { id: 'A2', label: 'A2', section: '要闻', width: first.width, height: first.height, src: 'pages/A2.json' };
  const edition: Edition = { ...a1, pageCount: 2, pages: [first, reference] };
  return { edition, reference, file: { format: 'e-paper-page', version: 1, page, articles }, known: new Set(a1.articles.map((a) => a.id)) };
}

/** The page file of {@link twoPages} after `change`, checked: its findings as `path: message`. */
async function rejections(change: (file: PageFileData & Json, known: Set<string>) => void): Promise<string[]> {
  const { reference, file, known } = await twoPages();
  change(file as PageFileData & Json, known);
  try {
    validatePageFile(file, reference, known);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(EditionError);
    return (error as EditionError).problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  }
  throw new Error('the validator accepted an invalid page file');
}

/** A URL that serves `text` as JSON (blob: URLs are fetchable), revoked after the test. */
const urls: string[] = [];
const served = (text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  urls.push(url);
  return url;
};
afterEach(() => urls.splice(0).forEach((url) => URL.revokeObjectURL(url)));

/** What `promise` rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('page files: validation', () => {
  it('accepts a page file for its page reference, and returns its page and articles', async () => {
    const { reference, file, known } = await twoPages();
    const checked = validatePageFile(file, reference, known);
    expect(checked.page).to.deep.equal(file.page);
    expect(checked.articles.map((a) => a.id)).to.deep.equal(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9']);
    expect(Object.keys(checked)).to.have.members(['page', 'articles']);
  });

  it('accepts a scan page with its regions', async () => {
    const { reference, file, known } = await twoPages();
    const regions = file.articles.map((article, i) => ({ article: article.id, shapes: [{ rect: { x: 0, y: i * 100, w: 500, h: 100 } }] }));
    const { blocks: _blocks, ...layout } = file.page;
    const scanPage = { ...layout, scan: { src: 'A2.jpg' }, regions };
    expect(validatePageFile({ ...file, page: scanPage }, reference, known).page.scan).to.deep.equal({ src: 'A2.jpg' });
  });

  it('rejects a page whose id or size differ from the page reference', async () => {
    expect(await rejections((f) => (f.page.id = 'A3'))).to.deep.equal([
      'page.id: expected "A2", the id of the page that points to this file, got "A3"',
    ]);
    expect(
      await rejections((f) => {
        f.page.width += 10;
        f.page.height -= 10;
      }),
    ).to.deep.equal([
      'page.width: expected 2000, the width of the page that points to this file, got 2010',
      'page.height: expected 2860, the height of the page that points to this file, got 2850',
    ]);
  });

  it('rejects a page that points to another page file, and a page with no content', async () => {
    expect(await rejections((f) => (f.page.src = 'A3.json'))).to.deep.equal(['page.src: a page file cannot point to another']);
    const empty = await rejections((f) => delete f.page.blocks);
    expect(empty[0]).to.equal('page: expected blocks (a typeset page) or scan (an image)');
  });

  it('rejects duplicate article ids, and ids the edition already uses', async () => {
    expect(await rejections((f) => (f.articles[2].id = 'b1'))).to.include('articles[2].id: duplicate id "b1"');
    expect(await rejections((_f, known) => known.add('b3'))).to.deep.equal(['articles[2].id: id "b3" is already used by the edition']);
  });

  it('rejects a file that would take the edition past its cap on articles', async () => {
    const messages = await rejections((_f, known) => {
      for (let i = 0; known.size < LIMITS.articles - 8; i++) known.add(`x${i}`);
    });
    expect(messages).to.deep.equal([
      `articles: expected at most ${LIMITS.articles} articles in the whole edition, got ${LIMITS.articles + 1} with this file`,
    ]);
  });

  it('rejects a block pointing at an article that is not in the file (even one of the edition)', async () => {
    const index = (await twoPages()).file.page.blocks!.findIndex((block) => block.kind === 'article');
    const messages = await rejections((f) => {
      const block = f.page.blocks![index];
      if (block.kind === 'article') block.article = 'a1';
    });
    expect(messages).to.include(`page.blocks[${index}].article: expected the id of an article, got "a1"`);
  });

  it('rejects an article with no region on the page', async () => {
    const messages = await rejections((f) => f.articles.push({ id: 'b10', headline: 'Elsewhere', paragraphs: ['Not on this page.'] }));
    expect(messages).to.deep.equal(['articles[9]: article "b10" has no region on this page']);
  });

  it('checks shapes and paragraph ranges as in an edition', async () => {
    const messages = await rejections((f) => {
      f.page.regions = [
        { article: 'b1', shapes: [{ rect: { x: 1990, y: 0, w: 20, h: 10 } }] },
        ...f.articles.slice(1).map((article) => ({ article: article.id, shapes: [{ rect: { x: 0, y: 0, w: 10, h: 10 } }] })),
      ];
      const block = f.page.blocks!.find((b) => b.kind === 'article' && b.article === 'b2');
      if (block?.kind === 'article') block.paragraphs = [0, 99];
    });
    expect(messages).to.include('page.regions[0].shapes[0]: expected a shape inside the page (2000 × 2860)');
    expect(messages.some((m) => /^page\.blocks\[\d+\]\.paragraphs: expected a range within 0…\d+, got \[0, 99\]$/.test(m))).to.equal(
      true,
      messages.join('\n'),
    );
  });

  it('rejects another format, another version, and an edition handed over as a page file', async () => {
    expect(await rejections((f) => (f.format = 'e-paper-edition' as 'e-paper-page'))).to.deep.equal([
      'format: expected "e-paper-page", got "e-paper-edition"',
    ]);
    expect(await rejections((f) => (f.version = 2 as 1))).to.deep.equal(['version: expected version 1, got 2']);
    const { edition, reference, known } = await twoPages();
    expect(() => validatePageFile(edition, reference, known)).to.throw(EditionError, /format: expected "e-paper-page"/);
  });

  it('reports at most MAX_PROBLEMS problems, and throws nothing but an EditionError', async () => {
    const many = await rejections((f) => {
      for (let i = 0; i < 30; i++) f.articles.push({ id: `c${i}`, headline: 'H', paragraphs: ['P'] });
    });
    expect(many).to.have.length(MAX_PROBLEMS);
    const { reference, file, known } = await twoPages();
    const hostile = { ...file };
    Object.defineProperty(hostile, 'page', {
      enumerable: true,
      get: () => {
        throw new Error('no page for you');
      },
    });
    expect(() => validatePageFile(hostile, reference, known)).to.throw(EditionError, 'the page file could not be read: no page for you');
  });

  it('parses JSON text, and refuses text that is not JSON', async () => {
    const { reference, file, known } = await twoPages();
    expect(parsePageFile('\uFEFF' + JSON.stringify(file), reference, known).page.id).to.equal('A2');
    expect(() => parsePageFile('<!doctype html><p>Not found', reference, known)).to.throw(EditionError, /not JSON/);
  });
});

describe('page files: loading', () => {
  it('loads and checks a page file', async () => {
    const { reference, file, known } = await twoPages();
    const loaded = await loadPageFile(served(JSON.stringify(file)), reference, known);
    expect(loaded.page.id).to.equal('A2');
    expect(loaded.articles).to.have.length(9);
  });

  it('fails with http for a missing file, not-json for a web page, invalid for a wrong page', async () => {
    const { reference, file, known } = await twoPages();
    const missing = await rejection(loadPageFile('/no-such-page.json', reference, known));
    expect(missing).to.be.instanceOf(EditionLoadError);
    expect((missing as EditionLoadError).failure).to.equal('http');
    const page = await rejection(loadPageFile(served('<!doctype html><title>Sign in</title>'), reference, known));
    expect(page).to.be.instanceOf(EditionLoadError);
    expect((page as EditionLoadError).failure).to.equal('not-json');
    expect((page as EditionLoadError).message).to.equal('the file is a web page, not a page file (JSON)');
    const wrong = await rejection(loadPageFile(served(JSON.stringify({ ...file, page: { ...file.page, id: 'A3' } })), reference, known));
    expect(wrong).to.be.instanceOf(EditionLoadError);
    expect((wrong as EditionLoadError).failure).to.equal('invalid');
    expect((wrong as EditionLoadError).problems).to.deep.equal([
      { path: 'page.id', message: 'expected "A2", the id of the page that points to this file, got "A3"' },
    ]);
    const unparsable = await rejection(loadPageFile('http://[', reference, known));
    expect(unparsable).to.be.instanceOf(EditionLoadError);
  });

  it('rejects with the reason of an abort', async () => {
    const { reference, file, known } = await twoPages();
    const controller = new AbortController();
    const reason = new Error('the reader went elsewhere');
    controller.abort(reason);
    expect(await rejection(loadPageFile(served(JSON.stringify(file)), reference, known, { signal: controller.signal }))).to.equal(reason);
  });

  it('makes the relative URLs of the file absolute against its URL', async () => {
    const { reference, file, known } = await twoPages();
    const b6 = file.articles.findIndex((a) => a.photos?.length);
    file.articles[b6].photos![0].src = '../photos/b6.jpg';
    const fileUrl = 'https://news.example/2021-01-08/pages/A2.json';
    const original = window.fetch;
    const asked: string[] = [];
    window.fetch = async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
    };
    let loaded: PageFile;
    try {
      loaded = await loadPageFile(fileUrl, reference, known);
    } finally {
      window.fetch = original;
    }
    expect(asked).to.deep.equal([fileUrl]);
    expect(loaded.articles[b6].photos![0].src).to.equal('https://news.example/2021-01-08/photos/b6.jpg');
  });
});

describe('page files: resolving URLs', () => {
  const fileUrl = 'https://news.example/2021-01-08/pages/A2.json';
  const scanFile = (): PageFile => ({
    page: {
      id: 'A2',
      label: 'A2',
      width: 100,
      height: 100,
      scan: {
        src: 'scans/A2.jpg',
        width: 3000,
        srcset: [
          { src: 'scans/A2-800.jpg', width: 800 },
          { src: 'https://cdn.example/A2-1600.jpg', width: 1600 },
        ],
      },
      regions: [{ article: 'b1', shapes: [{ rect: { x: 0, y: 0, w: 10, h: 10 } }] }],
    },
    articles: [
      { id: 'b1', headline: 'H', paragraphs: ['P'], photos: [{ src: '/img/b1.jpg', caption: 'C' }, { caption: 'no file' }] },
      { id: 'b2', headline: 'H', paragraphs: ['P'] },
    ],
  });

  it('resolves scan images and photos against the file, and leaves absolute URLs and the rest as they are', () => {
    const file = scanFile();
    const before = structuredClone(file);
    const resolved = resolvePageFileUrls(file, fileUrl);
    expect(resolved.page.scan).to.deep.equal({
      src: 'https://news.example/2021-01-08/pages/scans/A2.jpg',
      width: 3000,
      srcset: [
        { src: 'https://news.example/2021-01-08/pages/scans/A2-800.jpg', width: 800 },
        { src: 'https://cdn.example/A2-1600.jpg', width: 1600 },
      ],
    });
    expect(resolved.articles[0].photos).to.deep.equal([{ src: 'https://news.example/img/b1.jpg', caption: 'C' }, { caption: 'no file' }]);
    expect(resolved.articles[1]).to.equal(file.articles[1]);
    expect(resolved.page.regions).to.deep.equal(file.page.regions);
    expect(file, 'the input is unchanged').to.deep.equal(before);
  });

  it('keeps a URL that cannot be resolved (the viewer refuses it later)', () => {
    const file = scanFile();
    expect(resolvePageFileUrls(file, 'blob:https://news.example/0b1d').page.scan!.src).to.equal('scans/A2.jpg');
  });
});

describe('page files: merging into the edition', () => {
  it('tells page references from pages', async () => {
    const { edition } = await twoPages();
    expect(edition.pages.map(isPageRef)).to.deep.equal([false, true]);
    expect(pageRefs(edition).map((page) => page.id)).to.deep.equal(['A2']);
  });

  it('returns a new edition with the page in place, under the edition label and section, and its articles appended', async () => {
    const { edition, reference, file, known } = await twoPages();
    const checked = validatePageFile(file, reference, known);
    const before = structuredClone({ edition, checked });
    const merged = withPageFile(edition, checked);
    expect(merged).not.to.equal(edition);
    expect(merged.pages[0]).to.equal(edition.pages[0]);
    const { label: _label, section: _section, ...content } = file.page;
    expect(merged.pages[1]).to.deep.equal({ ...content, label: 'A2', section: '要闻' });
    expect(merged.pages[1]).not.to.have.property('src');
    expect(merged.articles.map((a) => a.id)).to.deep.equal([...known, ...checked.articles.map((a) => a.id)]);
    expect(pageRefs(merged)).to.deep.equal([]);
    expect({ edition, checked }, 'the inputs are unchanged').to.deep.equal(before);
    // The merged edition is an edition like any other.
    expect(validateEdition(merged).pages).to.have.length(2);
  });

  it('drops the file page section when the edition gives none', async () => {
    const { edition, file } = await twoPages();
    delete edition.pages[1].section;
    const merged = withPageFile(edition, { page: file.page, articles: file.articles });
    expect(merged.pages[1]).not.to.have.property('section');
  });

  it('changes nothing for a page already in place, or a page the edition does not have', async () => {
    const { edition, file } = await twoPages();
    const merged = withPageFile(edition, { page: file.page, articles: file.articles });
    expect(withPageFile(merged, { page: file.page, articles: file.articles })).to.equal(merged);
    expect(withPageFile(edition, { page: { ...file.page, id: 'A9' }, articles: [] as Article[] })).to.equal(edition);
  });

  it("the viewer's quiet check of a page file passes what validatePageFile passes and fails with the same problems", async () => {
    const { reference, file, known } = await twoPages();
    const text = JSON.stringify(file);
    expect(await validPageFile(text, reference, known)).to.deep.equal(parsePageFile(text, reference, known));
    const broken = structuredClone(file) as PageFileData & Json;
    broken.page.width = reference.width + 1;
    broken.articles[0].id = [...known][0];
    const bad = JSON.stringify(broken);
    let quiet: unknown;
    await validPageFile(bad, reference, known).catch((error: unknown) => (quiet = error));
    let full: unknown;
    try {
      parsePageFile(bad, reference, known);
    } catch (error) {
      full = error;
    }
    expect(quiet).to.be.instanceOf(EditionError);
    expect((quiet as EditionError).problems).to.deep.equal((full as EditionError).problems);
    expect((quiet as EditionError).problems.map((p) => p.path)).to.include.members(['page.width', 'articles[0].id']);
  });
});
