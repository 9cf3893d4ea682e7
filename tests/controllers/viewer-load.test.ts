import { expect } from '@open-wc/testing';
import type { ArchiveSlot } from '../../src/controllers/archive-slot.js';
import type { ChromeSlot } from '../../src/controllers/chrome-slot.js';
import { ViewerLoadController } from '../../src/controllers/viewer-load.js';
import type { Chrome } from '../../src/elements/e-paper/e-paper-chrome.js';
import type { Edition } from '../../src/edition/schema.js';
import { loadA1, nextEvent } from '../helpers.js';
import { stubContext } from './stub-context.js';

/** A viewer stand-in whose load is logged step by step: the states it sets, `e-paper-ready`, and what it asks of the parts around the page and the archive. */
async function loader(setup: (host: ReturnType<typeof stubContext>['host']) => void = () => {}) {
  const stub = stubContext();
  const steps: string[] = [];
  const set = stub.ctx.set;
  stub.ctx.set = (changes) => {
    const { state } = changes;
    if (state) steps.push(state.kind === 'ready' ? `ready ${state.phase}` : state.kind);
    set(changes);
  };
  stub.ctx.fail = (problem) => void steps.push(`fail ${problem.cause}`);
  stub.ctx.session.resume = (id) => void steps.push(`resume ${id}`);
  stub.host.addEventListener('e-paper-ready', () => steps.push('e-paper-ready'));
  const offered = { articles: { offerToContinue: (e: Edition) => void steps.push(`offer ${e.id}`) } } as unknown as Chrome;
  const chrome = {
    need: () => (steps.push('chrome'), Promise.resolve()),
    with: (action: (chrome: Chrome) => void) => action(offered),
    articleChanged: (previous: string | undefined) => void steps.push(`article from ${previous}`),
  } as unknown as ChromeSlot;
  const archive = { editionSettled: () => void steps.push('archive') } as unknown as ArchiveSlot;
  setup(stub.host);
  return { ...stub, steps, load: new ViewerLoadController(stub.ctx, { chrome, archive }) };
}

/** A1 without its fonts (their files are beside the demo's edition, not this page). */
const a1 = async () => ({ ...(await loadA1()), fonts: undefined });

describe('ViewerLoadController', () => {
  it('without a source: the error, or the loading state while the archive names the edition', async () => {
    const alone = await loader();
    await alone.load.load();
    expect(alone.steps).to.deep.equal(['fail no-source']);
    alone.remove();
    const archived = await loader((host) => (host.archive = '/archive.json'));
    await archived.load.load();
    expect(archived.steps).to.deep.equal(['loading']);
    archived.remove();
  });

  it('goes loading → drawn → shown, then announces it, then what is shown around the page, the archive, and the offer to continue', async () => {
    const edition = await a1();
    const { host, steps, load, remove } = await loader((h) => (h.edition = edition));
    await load.load();
    expect(steps).to.deep.equal(['loading', 'ready settling', 'ready shown', 'e-paper-ready', 'chrome', 'archive', `offer ${edition.id}`]);
    expect(host.page, 'the attribute names the page shown').to.equal('A1');
    remove();
  });

  it('opens the article a link names instead of the offer, at the paragraph left when it is the one left open', async () => {
    const edition = await a1();
    const { steps, load, remove } = await loader((h) => {
      h.edition = edition;
      h.article = 'a3';
    });
    await load.load();
    expect(steps.slice(-3)).to.deep.equal(['archive', 'resume a3', 'article from undefined']);
    remove();
  });

  it('cuts off a load when another begins: one edition shown, announced once', async () => {
    const edition = await a1();
    const { ctx, host, steps, load, remove } = await loader((h) => (h.edition = edition));
    const ready = nextEvent(host, 'e-paper-ready');
    const first = load.load();
    host.edition = { ...edition, id: 'second' };
    await Promise.all([first, load.load()]);
    await ready;
    expect(steps.filter((s) => s === 'e-paper-ready')).to.deep.equal(['e-paper-ready']);
    const state = ctx.ui().state;
    expect(state.kind === 'ready' && state.edition.id).to.equal('second');
    remove();
  });

  it('an archive move that fails keeps the edition in view, with a notice', async () => {
    const edition = await a1();
    const { ctx, host, steps, load, remove } = await loader((h) => (h.edition = edition));
    await load.load();
    const state = ctx.ui().state;
    if (state.kind === 'ready') ctx.set({ state: { ...state, phase: 'next' } });
    host.edition = { broken: true };
    steps.length = 0;
    await load.load();
    expect(steps).to.deep.equal(['ready shown']);
    expect(ctx.notices.current).to.deep.include({ kind: 'message' });
    remove();
  });
});
