import { expect } from '@open-wc/testing';
import type { ArchiveSlot } from '../../src/controllers/archive-slot.js';
import type { ChromeSlot } from '../../src/controllers/chrome-slot.js';
import { ViewerLoadController } from '../../src/controllers/viewer-load.js';
import type { Chrome } from '../../src/elements/e-paper/e-paper-chrome.js';
import type { Edition } from '../../src/edition/schema.js';
import type { EditionPageFiles } from '../../src/controllers/page-files.js';
import { multiPageEdition, splitEdition } from '../../scripts/editions-from-a1.js';
import { loadA1, nextEvent, until } from '../helpers.js';
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

  it('a first page in the edition file: its fonts load while the page files’ part comes, and the part is in before ready', async () => {
    const split = splitEdition(multiPageEdition(await loadA1(), 2)).edition as Edition;
    // Its fonts where the demo keeps them (the stand-in viewer's base is this page).
    const fonts = split.fonts!.map((font) => ({ ...font, src: new URL(`../../demo/editions/${font.src}`, import.meta.url).href }));
    const edition = { ...split, fonts, id: `fonts-beside-part-${Date.now()}` };
    const { ctx, steps, load, remove } = await loader((h) => (h.edition = edition));
    let arrive!: (files: EditionPageFiles) => void;
    ctx.pageFiles.forEdition = () => new Promise((resolve) => (arrive = resolve));
    const activated: unknown[] = [];
    ctx.pageFiles.activate = (files) => void activated.push(files);
    const loading = load.load();
    const family = `e-paper ${edition.id} body`;
    await until(
      () => [...document.fonts].some((face) => face.family.replace(/"/g, '') === family),
      'the body face asked for before the part came',
    );
    expect(steps, 'not ready without the part').to.deep.equal(['loading']);
    const files = { cut() {}, firstPage: () => Promise.reject(new Error('not asked')), loadAll: async () => {}, goTo() {} };
    arrive(files);
    await loading;
    expect(steps.slice(0, 4)).to.deep.equal(['loading', 'ready settling', 'ready shown', 'e-paper-ready']);
    expect(activated, 'the part activated with the edition').to.deep.equal([files]);
    remove();
  });

  it('asks for the fonts while the saved session is read when it cannot change the page; else after it', async () => {
    const a1 = await loadA1();
    const fonts = a1.fonts!.map((font) => ({ ...font, src: new URL(`../../demo/editions/${font.src}`, import.meta.url).href }));
    const asked = (id: string) => [...document.fonts].some((face) => face.family.replace(/"/g, '') === `e-paper ${id} body`);
    for (const [pages, named, early] of [
      [1, undefined, true],
      [2, 'A2', true],
      [2, undefined, false],
    ] as const) {
      const edition = { ...multiPageEdition(a1, pages), fonts, id: `fonts-beside-session-${pages}-${named}-${Date.now()}` } as Edition;
      const { ctx, steps, load, remove } = await loader((h) => {
        h.edition = edition;
        h.page = named;
      });
      let restored!: (record: null) => void;
      ctx.session.restore = () => new Promise((resolve) => (restored = resolve));
      const loading = load.load();
      // The fonts are asked for (their faces added) before the session is, or once it is in.
      await until(() => restored !== undefined, 'the session asked for');
      expect(asked(edition.id), `${pages} pages, page ${named}: fonts asked for before the session is in`).to.equal(early);
      restored(null);
      await loading;
      expect(asked(edition.id), 'fonts asked for').to.equal(true);
      expect(steps).to.include('e-paper-ready');
      remove();
    }
  });

  it('opens the reading state’s database while the edition is fetched', async () => {
    const opened: string[] = [];
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opened.push(args[0]);
      return open.apply(this, args);
    };
    // The edition's body comes after 500 ms: the database is asked for before.
    const src = `/fixtures/edition/2021-01-08.json?ms=500&open=${Date.now()}`;
    const { host, load, remove } = await loader((h) => {
      h.src = src;
      h.noPersist = false;
      h.storageKey = `open-early-${Date.now()}`;
    });
    try {
      const loading = load.load();
      await until(() => opened.includes('e-paper'), 'the database opened');
      const arrived = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith(src));
      expect(arrived(), 'the edition not in yet').to.equal(false);
      await loading;
      expect(arrived()).to.equal(true);
      expect(host.page).to.equal('A1');
    } finally {
      IDBFactory.prototype.open = open;
      remove();
    }
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
