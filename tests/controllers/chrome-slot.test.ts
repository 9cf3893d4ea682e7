import { expect } from '@open-wc/testing';
import { ChromeSlot } from '../../src/controllers/chrome-slot.js';
import type { Chrome } from '../../src/elements/e-paper/e-paper-chrome.js';
import { stubContext } from './stub-context.js';

/** A stand-in for what is shown around the page, recording what is done with it; and the hand that lets it arrive. */
function standIn() {
  const done: string[] = [];
  const chrome = {
    articles: { changed: (previous: string | undefined) => void done.push(`changed from ${previous}`) },
    search: { open: () => void done.push('search') },
  } as unknown as Chrome;
  let arrive!: (chrome: Chrome) => void;
  let fail!: (error: Error) => void;
  let makes = 0;
  const make = () => {
    makes++;
    return new Promise<Chrome>((resolve, reject) => ((arrive = resolve), (fail = reject)));
  };
  return { chrome, done, make, arrive: () => arrive(chrome), fail: (error: Error) => fail(error), makes: () => makes };
}

describe('ChromeSlot', () => {
  it('keeps what the reader does before it is in, and does it once it is, in order, before its load settles', async () => {
    const { ctx, log, remove } = stubContext();
    const c = standIn();
    const slot = new ChromeSlot(ctx, c.make);
    slot.with((chrome) => chrome.search.open());
    slot.with((chrome) => chrome.articles.changed('a1'));
    const loading = slot.need();
    expect([slot.current, c.makes(), c.done], 'nothing yet, one load').to.deep.equal([undefined, 1, []]);
    expect(log.parts, 'the toolbar and the list come with it, and its load is tracked like a part').to.deep.equal([
      'e-paper-toolbar',
      'e-paper-contents',
      'e-paper-chrome',
    ]);
    c.arrive();
    await loading;
    expect(c.done).to.deep.equal(['search', 'changed from a1']);
    expect(slot.current).to.equal(c.chrome);
    slot.with((chrome) => chrome.search.open());
    expect(c.done.at(-1), 'once in: at once').to.equal('search');
    remove();
  });

  it('makes the article changes before it is in one change, from the article before the first', async () => {
    const { ctx, remove } = stubContext();
    const c = standIn();
    const slot = new ChromeSlot(ctx, c.make);
    slot.articleChanged(undefined); // a1 asked for
    slot.articleChanged('a1'); // then a2
    slot.articleChanged('a2'); // then a3
    c.arrive();
    await slot.need();
    expect(c.done, 'the reader opens once, on the last').to.deep.equal(['changed from undefined']);
    slot.articleChanged('a3');
    expect(c.done.at(-1), 'once in: each change').to.equal('changed from a3');
    remove();
  });

  it('after a failed load (the reader told), lets go what waited, and loads it again on the next use', async () => {
    const { ctx, remove } = stubContext();
    const c = standIn();
    const failed: string[] = [];
    ctx.parts.load = <T>(_name: string, load: () => Promise<T>) => load().catch(() => (failed.push('chrome'), undefined));
    const slot = new ChromeSlot(ctx, c.make);
    slot.with((chrome) => chrome.search.open());
    c.fail(new Error('offline'));
    await slot.need();
    expect([slot.current, failed, c.done]).to.deep.equal([undefined, ['chrome'], []]);
    slot.with((chrome) => chrome.search.open());
    expect(c.makes(), 'tried again').to.equal(2);
    c.arrive();
    await slot.need();
    expect(c.done, 'what came after the failure is done').to.deep.equal(['search']);
    remove();
  });
});
