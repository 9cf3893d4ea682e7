import { expect } from '@open-wc/testing';
import { ArticleOpeningController, pageOf } from '../../src/controllers/article-opening.js';
import type { Edition } from '../../src/edition/schema.js';
import { validateEdition } from '../../src/edition/validate.js';
import { loadA1, until } from '../helpers.js';
import { stubContext } from './stub-context.js';

const CONTINUED_URL = new URL('../../demo/editions/continued-test.json', import.meta.url).href;

/** A viewer ready on `edition`'s first page (nothing kept), its opening of articles, and what the host page hears. */
async function opening(edition: Edition) {
  const stub = stubContext(edition);
  await stub.ctx.session.restore(edition, { persist: false });
  stub.ctx.session.begin(null);
  const heard: string[] = [];
  for (const name of ['e-paper-article-open', 'e-paper-article-close'] as const) {
    stub.host.addEventListener(name, (e) => heard.push(`${name.slice(16)} ${e.detail.articleId}`));
  }
  return { ...stub, heard, articles: new ArticleOpeningController(stub.ctx) };
}

describe('ArticleOpeningController', () => {
  let a1: Edition;
  let continued: Edition;
  before(async () => {
    a1 = await loadA1();
    continued = validateEdition(await (await fetch(CONTINUED_URL)).json());
  });

  it('opens the article asked for (the event, the hash, the reader), and closing gives focus back to what had it', async () => {
    const { host, log, heard, articles, remove } = await opening(a1);
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    host.article = 'a3';
    articles.changed(undefined);
    expect(heard).to.deep.equal(['open a3']);
    expect(log.hash).to.deep.equal([{ article: 'a3' }]);
    expect(log.parts).to.include('e-paper-reader');
    host.focus(); // the reader takes focus meanwhile
    host.article = 'a4';
    articles.changed('a3');
    host.article = undefined;
    articles.changed('a4');
    await host.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(heard).to.deep.equal(['open a3', 'open a4', 'close a4']);
    expect(log.hash.at(-1)).to.deep.equal({ article: undefined });
    expect(document.activeElement, 'focus back on the opener').to.equal(opener);
    opener.remove();
    remove();
  });

  it('has the reading session load its write side at idle, not in the click that opens the first article', async () => {
    const stub = stubContext(a1);
    const { session } = stub.ctx;
    await session.restore(a1, { persist: false });
    session.begin(null);
    const asked: string[] = [];
    const change = session.change.bind(session);
    session.change = (run) => (asked.push(document.visibilityState), change(run));
    new ArticleOpeningController(stub.ctx);
    expect(asked, 'nothing in the task that makes the chrome').to.deep.equal([]);
    await until(() => asked.length > 0, 'the write side asked for at idle');
    let now = false;
    await until(() => (change(() => (now = true)), now), 'then changes run at once');
    stub.remove();
  });

  it('says so for an unknown article, and puts the attribute back: no event', async () => {
    const { ctx, host, heard, articles, remove } = await opening(a1);
    host.article = 'nope';
    articles.changed('a2');
    expect(heard).to.deep.equal([]);
    expect(host.article).to.equal('a2');
    expect(ctx.notices.current).to.deep.include({ kind: 'message' });
    remove();
  });

  it('opens an article at the paragraph asked for, once; and again from the search when already open', async () => {
    const { host, heard, articles, remove } = await opening(a1);
    let paragraph = -1;
    const opened = articles.reading.opened.bind(articles.reading);
    articles.reading.opened = (id) => (paragraph = opened(id));
    articles.openFrom('a2', 3);
    articles.changed(undefined);
    expect([host.article, paragraph]).to.deep.equal(['a2', 3]);
    articles.openFrom('a2', 1);
    articles.changed('a2');
    expect([heard.length, paragraph], 'opened again at the other paragraph').to.deep.equal([2, 1]);
    remove();
  });

  it('turns to the page that holds the article, staying on the page shown when a part of it is there', async () => {
    const [first, second] = continued.pages;
    expect(pageOf(continued, 'a2'), 'from elsewhere: its first part').to.equal(first);
    expect(pageOf(continued, 'a2', second), 'a part on the page shown').to.equal(second);
    const { ctx, host, log, articles, remove } = await opening(continued);
    const state = ctx.ui().state;
    if (state.kind === 'ready') ctx.set({ state: { ...state, page: second } });
    host.article = 'a2';
    articles.changed(undefined);
    expect(log.pages, 'a2 has a part on A2: no turn').to.deep.equal([]);
    host.article = 'a3';
    articles.changed('a2');
    expect(log.pages, 'a3 is on A1 only').to.deep.equal([first.id]);
    remove();
  });

  it('takes a list’s choice of a page, and a jump link: the reader closes and the page turns', async () => {
    const { host, articles, remove } = await opening(continued);
    articles.chosen({ pageId: 'A2' });
    expect(host.page).to.equal('A2');
    host.article = 'a2';
    articles.jump('a2', 'A1');
    expect([host.article, host.page]).to.deep.equal([undefined, 'A1']);
    remove();
  });
});
