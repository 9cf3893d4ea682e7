/**
 * The format of continued articles (a page's `jumps`) and its checks, on the test edition
 * demo/editions/continued-test.json (made from A1's articles; NOT the paper's real layout).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { EditionError, useJumpChecks, validateEdition } from '../../src/edition/validate.js';
import { checkJumps } from '../../src/edition/continued/jump-checks.js';
import { validatePageFile } from '../../src/edition/page-files/page-files.js';
import type { Edition, Page } from '../../src/edition/schema.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { importMetsAlto } from '../../src/edition/importers/index.js';
import type { EPaperReader } from '../../src/elements/e-paper-reader/e-paper-reader.js';
import { nextEvent, until } from '../helpers.js';
import { rejections } from './rejections.js';

const CONTINUED_URL = new URL('../../demo/editions/continued-test.json', import.meta.url).href;

type Data = Edition & { pages: (Page & Record<string, unknown>)[] };

async function continued(change: (edition: Data) => void = () => {}): Promise<Data> {
  const edition = (await (await fetch(CONTINUED_URL)).json()) as Data;
  change(edition);
  return edition;
}

describe('edition format: continued articles (jumps)', () => {
  before(() => useJumpChecks(checkJumps));
  after(() => useJumpChecks(undefined));

  it('accepts the test edition: one article, a region on each page, a jump each way', async () => {
    const edition = validateEdition(await continued());
    expect(edition.articles.filter((a) => a.id === 'a2')).to.have.length(1);
    expect(edition.pages.map((p) => p.jumps)).to.deep.equal([
      [{ article: 'a2', to: 'A2', text: '（转第2版）' }],
      [{ article: 'a2', from: 'A1', text: '（上接第1版）' }],
    ]);
  });

  it('wants exactly one of to and from', async () => {
    const both = await continued((e) => (e.pages[0].jumps![0].from = 'A2'));
    expect(rejections(both)).to.include('pages[0].jumps[0]: expected one of to and from');
    const neither = await continued((e) => delete e.pages[1].jumps![0].from);
    expect(rejections(neither)).to.include('pages[1].jumps[0]: expected one of to and from');
  });

  it('names a page that does not exist, this page, and a page without a part of the article', async () => {
    const missing = await continued((e) => (e.pages[0].jumps![0].to = 'A9'));
    expect(rejections(missing)).to.include('pages[0].jumps[0].to: expected the id of a page of the edition, got "A9"');
    const self = await continued((e) => (e.pages[0].jumps![0].to = 'A1'));
    expect(rejections(self)).to.include('pages[0].jumps[0].to: expected another page than this one');
    const other = await continued((e) => (e.pages[1].jumps![0].article = 'a3'));
    expect(rejections(other)).to.include('pages[1].jumps[0].article: expected an article with a region on this page, got "a3"');
    const noPart = await continued((e) => (e.pages[0].jumps![0] = { article: 'a3', to: 'A2' }));
    expect(rejections(noPart)).to.include('pages[0].jumps[0].to: expected a page with a region of article "a3", got "A2"');
  });

  it('takes a part of several regions on one page, and refuses a jump twice', async () => {
    const split = await continued((e) => {
      const shapes = [{ rect: { x: 10, y: 10, w: 100, h: 100 } }];
      e.pages[1].regions = [
        { article: 'a2', shapes },
        { article: 'a2', shapes },
      ];
    });
    expect(validateEdition(split).pages[1].regions).to.have.length(2);
    const repeated = await continued((e) => e.pages[0].jumps!.push({ ...e.pages[0].jumps![0] }));
    expect(rejections(repeated)).to.include('pages[0].jumps[1]: duplicate jump of article "a2" to page "A2"');
  });

  it('checks the fields and the number of jumps with the schema', async () => {
    const badText = await continued((e) => ((e.pages[0].jumps![0] as unknown as Record<string, unknown>).text = ''));
    expect(rejections(badText).join('\n')).to.match(/^pages\[0\]\.jumps\[0\]\.text: expected the jump line as printed/m);
    const extra = await continued((e) => ((e.pages[0].jumps![0] as unknown as Record<string, unknown>).page = 'A2'));
    expect(rejections(extra)).to.include('pages[0].jumps[0].page: unexpected field');
    const many = await continued((e) => (e.pages[0].jumps = Array.from({ length: 201 }, () => ({ article: 'a2', to: 'A2' }))));
    expect(rejections(many)).to.include('pages[0].jumps: expected at most 200 jumps, got 201');
  });

  it('a jump to a page kept in a page file is refused: a continued article’s pages stay inline', async () => {
    const data = await continued((e) => {
      const { id, label, width, height } = e.pages[1];
      e.pages[1] = { id, label, width, height, src: 'pages/A2.json' };
    });
    expect(rejections(data)).to.include(
      'pages[0].jumps[0].to: expected a page in the edition file, got "A2", kept in a page file (a continued article\'s pages stay inline)',
    );
  });

  it('a page file with jumps is refused, naming them', async () => {
    const edition = await continued();
    const page = edition.pages[1];
    const file = {
      format: 'e-paper-page',
      version: 1,
      page: { ...page, jumps: [{ article: 'a2', from: 'A1' }] },
      articles: [edition.articles.find((a) => a.id === 'a2')],
    };
    try {
      validatePageFile(file, { id: page.id, label: page.label, width: page.width, height: page.height, src: 'x.json' }, new Set());
      throw new Error('accepted');
    } catch (error) {
      expect(error).to.be.instanceOf(EditionError);
      expect((error as EditionError).problems.map((p) => `${p.path}: ${p.message}`)).to.include(
        'page.jumps: expected no jumps in a page file (the pages of a continued article stay in the edition file)',
      );
    }
  });

  it('editions without jumps are as before: A1 is accepted, jumps are optional', async () => {
    const data = await continued((e) => e.pages.forEach((p) => delete p.jumps));
    expect(validateEdition(data).pages.every((p) => p.jumps === undefined)).to.equal(true);
  });
});

describe('<e-paper>: an edition whose jumps are wrong', () => {
  it('shows the error, naming the path (the checks load with such an edition)', async () => {
    useJumpChecks(undefined);
    const data = await continued((e) => (e.pages[0].jumps![0].to = 'A9'));
    const host = document.createElement('div');
    document.body.append(host);
    const failed = nextEvent<{ cause: string; problems: { path: string; message: string }[] }>(host, 'e-paper-error');
    const el = await fixture<EPaper>(html`<e-paper no-persist style="width: 600px; height: 400px" .edition=${data}></e-paper>`, {
      parentNode: host,
    });
    const { detail } = await failed;
    expect(detail.cause).to.equal('invalid');
    expect(detail.problems).to.deep.include({
      path: 'pages[0].jumps[0].to',
      message: 'expected the id of a page of the edition, got "A9"',
    });
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('pages[0].jumps[0].to');
  });
});

describe('importers: an article across pages is one continued article', () => {
  const fixture = (path: string) => new URL(`../fixtures/importers/mets-alto/${path}`, import.meta.url);
  const text = async (path: string) => (await fetch(fixture(path))).text();

  it('METS/ALTO: a logical article with areas on two pages becomes one article with a part on each, which the reader links', async () => {
    // The fixture (made up, not real data) continues ART_1 from A1 onto A2; METS marks no jump line.
    const { edition } = importMetsAlto(await text('mets.xml'), {
      'alto/page-1.xml': await text('alto/page-1.xml'),
      'alto/page-2.xml': await text('alto/page-2.xml'),
    });
    expect(edition.articles.filter((a) => a.id === 'ART_1')).to.have.length(1);
    expect(edition.pages.map((p) => (p.regions ?? []).some((r) => r.article === 'ART_1'))).to.deep.equal([true, true]);
    const host = document.createElement('div');
    document.body.append(host);
    const ready = nextEvent(host, 'e-paper-ready');
    const el = await mountEdition(host, edition);
    await ready;
    const reader = () => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
    await until(() => reader()?.shadowRoot?.querySelector('button.jump') != null, 'the jump link shown');
    const link = reader().shadowRoot!.querySelector<HTMLButtonElement>('button.jump')!;
    expect(link.dataset.pageId).to.equal('PHYS_1');
    expect(link.textContent).to.contain('上接');
    expect(el.page).to.equal('PHYS_2');
  });
});

const mountEdition = (host: HTMLElement, edition: Edition) =>
  fixture<EPaper>(
    html`<e-paper no-persist style="width: 600px; height: 400px" page="PHYS_2" article="ART_1" .edition=${edition}></e-paper>`,
    {
      parentNode: host,
    },
  );
