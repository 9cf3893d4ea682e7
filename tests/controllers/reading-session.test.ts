import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../src/elements/e-paper-reader/e-paper-reader.js';
import { NoticeController } from '../../src/controllers/notices.js';
import { ReadingSessionController } from '../../src/controllers/reading-session.js';
import { ArticleReading } from '../../src/controllers/article-reading.js';
import type { Edition } from '../../src/edition/schema.js';
import type { ReadingRecord } from '../../src/state/reading-record.js';
import { A1_URL, loadA1, nextEvent, until } from '../helpers.js';
import { stubHost } from './stub-host.js';

const record = (edition: Edition, open?: ReadingRecord['open'], read: string[] = []): ReadingRecord =>
  ({ v: 1, editionId: edition.id, read, progress: {}, open, updatedAt: 0 }) as ReadingRecord;

describe('ReadingSessionController', () => {
  let edition: Edition;
  before(async () => (edition = await loadA1()));

  it('opens the article a link names at the paragraph the reader had reached, and only that one', async () => {
    const h = stubHost();
    const session = new ReadingSessionController(h);
    const reading = new ArticleReading(h, session, new NoticeController(h));
    await session.restore(edition, { persist: false });
    session.begin(record(edition, { article: 'a6', fraction: 0.5, paragraph: 4 }, ['a1']));
    expect([...session.readArticles]).to.deep.equal(['a1']);
    session.resume('a3');
    expect(reading.opened('a3'), 'another article opens at the top').to.equal(0);
    session.begin(record(edition, { article: 'a6', fraction: 0.5, paragraph: 4 }));
    session.resume('a6');
    expect(reading.opened('a6'), 'the article left open opens where it was').to.equal(4);
    expect(reading.opened('a6'), 'once').to.equal(0);
    h.disconnect();
  });

  it('offers to continue the article left open, at a paragraph it has, and withdraws the offer when an article opens', async () => {
    const h = stubHost();
    const notices = new NoticeController(h);
    const session = new ReadingSessionController(h);
    const reading = new ArticleReading(h, session, notices);
    await session.restore(edition, { persist: false });
    const a6 = edition.articles.find((a) => a.id === 'a6')!;
    session.begin(record(edition, { article: 'a6', fraction: 1, paragraph: 999 }));
    await reading.offerToContinue((id) => edition.articles.find((a) => a.id === id));
    expect(notices.current).to.deep.equal({ kind: 'continue', articleId: 'a6', paragraph: a6.paragraphs.length - 1 });
    reading.opened('a2');
    expect(notices.current).to.equal(undefined);
    h.disconnect();
  });

  it('asks for more pages when the article left open is not known yet, and offers only if still wanted', async () => {
    const h = stubHost();
    const notices = new NoticeController(h);
    const session = new ReadingSessionController(h);
    const reading = new ArticleReading(h, session, notices);
    await session.restore(edition, { persist: false });
    session.begin(record(edition, { article: 'a6', fraction: 0, paragraph: 2 }));
    let known = false;
    const find = (id: string) => (known ? edition.articles.find((a) => a.id === id) : undefined);
    await reading.offerToContinue(find, async () => ((known = true), false));
    expect(notices.current, 'no longer wanted').to.equal(undefined);
    known = false;
    await reading.offerToContinue(find, async () => ((known = true), true));
    expect(notices.current).to.deep.include({ kind: 'continue', articleId: 'a6', paragraph: 2 });
    h.disconnect();
  });

  it('marks an article read when the reader reaches its end, only for the article open', async () => {
    const h = stubHost();
    const session = new ReadingSessionController(h);
    const reading = new ArticleReading(h, session, new NoticeController(h));
    await session.restore(edition, { persist: false });
    session.begin(null);
    reading.progress({ articleId: 'a2', fraction: 1, paragraph: 3 }, 'a1');
    expect(session.readArticles.has('a2'), 'not the article open').to.equal(false);
    reading.progress({ articleId: 'a1', fraction: 0.5, paragraph: 3 }, 'a1');
    expect(session.readArticles.has('a1')).to.equal(false);
    const before = h.updates;
    reading.progress({ articleId: 'a1', fraction: 0.99, paragraph: 9 }, 'a1');
    expect(session.readArticles.has('a1')).to.equal(true);
    expect(h.updates).to.be.greaterThan(before);
    h.disconnect();
  });
});

const wheel = (x: number, y: number, deltaY: number) =>
  executeServerCommand('cdp-input', {
    events: [{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY, modifiers: 0 } }],
  });

/** The index of the first body paragraph whose text shows below the top of the reader's scroller. */
function paragraphAtTop(reader: EPaperReader): number {
  const paragraphs = [...reader.shadowRoot!.querySelectorAll<HTMLElement>('.body > p')];
  const top = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!.getBoundingClientRect().top;
  return paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > top + 24);
}

let keys = 0;

async function mount(storageKey: string) {
  const el = document.createElement('e-paper') as EPaper;
  el.style.cssText = 'display: block; width: 800px; height: 560px';
  el.storageKey = storageKey;
  el.hashSync = true;
  el.src = A1_URL;
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  return el;
}

describe('<e-paper>: reload while reading (issue 20, item 7)', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('reopens the article the URL hash names at the paragraph the reader had reached', async () => {
    history.replaceState(null, '', location.pathname);
    const key = `session-test-${Date.now()}-${keys++}`;
    const first = await mount(key);
    first.openArticle('a6');
    await first.updateComplete;
    expect(location.hash).to.equal('#article=a6');
    const reader = first.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
    await reader.updateComplete;
    const box = reader.shadowRoot!.querySelector<HTMLElement>('.scroller')!.getBoundingClientRect();
    // Real wheel turns over the reader's text, until a later paragraph is at the top and reported.
    let reported = 0;
    const onProgress = (event: Event) => (reported = (event as CustomEvent<{ paragraph: number }>).detail.paragraph);
    first.shadowRoot!.addEventListener('e-paper-reader-progress', onProgress);
    for (let i = 0; i < 40 && paragraphAtTop(reader) < 4; i++) await wheel(box.x + box.width / 2, box.y + box.height / 2, 120);
    await until(() => reported === paragraphAtTop(reader), 'the reader reported the paragraph at its top');
    const reached = reported;
    expect(reached, 'scrolled to a later paragraph').to.be.at.least(4);
    first.shadowRoot!.removeEventListener('e-paper-reader-progress', onProgress);
    first.remove(); // disconnecting writes what is pending
    expect(location.hash, 'the hash still names the article').to.equal('#article=a6');

    const second = await mount(key);
    await second.updateComplete;
    const reopened = second.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
    expect(reopened.articleId).to.equal('a6');
    await until(() => paragraphAtTop(reopened) === reached, `paragraph ${reached} in view`);
    second.closeArticle();
    await second.updateComplete;
    second.remove();
  });
});
