import { expect } from '@open-wc/testing';
import { PageFilesController, type PageFilesViewer } from '../../src/controllers/page-files.js';
import { viewerPageFiles } from '../../src/controllers/page-file-set.js';
import { isPageRef } from '../../src/edition/page-ref.js';
import type { Edition, Page } from '../../src/edition/schema.js';
import { validateEdition } from '../../src/edition/validate.js';
import { loadA1, until } from '../helpers.js';
import { stubContext } from './stub-context.js';

const MANIFEST = '/fixtures/split/4.json';

async function manifest(query = ''): Promise<{ edition: Edition; baseUrl: string }> {
  const baseUrl = new URL(`${MANIFEST}${query}`, location.href).href;
  return { edition: validateEdition(await (await fetch(baseUrl)).json()), baseUrl };
}

function viewer(edition: Edition) {
  const log = { failed: [] as string[], shown: [] as string[], edition, page: edition.pages[0], wanted: undefined as string | undefined };
  const hooks: PageFilesViewer = {
    view: () => ({ edition: log.edition, page: log.page, wanted: log.wanted }),
    show: (next, page) => {
      log.edition = next;
      if (page) log.shown.push(page.id);
    },
    notice: () => {},
    failed: (page: Page) => void log.failed.push(page.id),
    lang: () => 'en',
  };
  return { log, hooks };
}

describe('PageFilesController', () => {
  it('has nothing to do for an edition whose pages are all in its file', async () => {
    const { edition } = await manifest();
    const whole = { ...edition, pages: [edition.pages[0]] };
    let made = 0;
    const controller = new PageFilesController(() => (made++, viewer(whole).hooks));
    expect(await controller.forEdition(whole, location.href, {})).to.equal(undefined);
    expect(made, 'the part is not asked for').to.equal(0);
  });

  it('gives the first page a page file names, and falls back to the first page when that file fails', async () => {
    const { edition, baseUrl } = await manifest('?missing=A3');
    const { log, hooks } = viewer(edition);
    const controller = new PageFilesController(() => hooks);
    const files = (await controller.forEdition(edition, baseUrl, {}))!;
    const signal = new AbortController().signal;
    const a2 = await controller.firstPage(files, edition, edition.pages[1], signal);
    expect([a2.page.id, isPageRef(a2.page)]).to.deep.equal(['A2', false]);
    const fallback = await controller.firstPage(files, edition, edition.pages[2], signal);
    expect(fallback.page.id).to.equal('A1');
    expect(log.failed).to.deep.equal(['A3']);
  });

  it('once active, shows a page when its file is in, and puts every page file in place', async () => {
    const { edition, baseUrl } = await manifest();
    const { log, hooks } = viewer(edition);
    const controller = new PageFilesController(() => hooks);
    const files = await controller.forEdition(edition, baseUrl, {});
    await controller.loadAll();
    expect(log.edition, 'not active yet: nothing').to.equal(edition);
    controller.activate(files);
    log.wanted = 'A4';
    controller.goTo(edition.pages[3]);
    await until(() => log.shown.length > 0, 'the page asked for shown');
    expect(log.shown).to.deep.equal(['A4']);
    await controller.loadAll();
    expect(log.edition.pages.some(isPageRef)).to.equal(false);
  });

  it('as the viewer sees them: a failed page file is told to the reader and the host page, and the attribute goes back', async () => {
    const a1 = await loadA1();
    const { ctx, host, remove } = stubContext(a1);
    const viewer = viewerPageFiles(() => ctx);
    const heard: unknown[] = [];
    host.addEventListener('e-paper-error', (e) => heard.push(e.detail));
    host.page = 'A9';
    const page: Page = { ...a1.pages[0], id: 'A9', label: 'A9' };
    viewer.failed(page, new Error('offline'));
    expect(heard).to.have.length(1);
    expect(heard[0]).to.deep.include({ cause: 'network', page: 'A9' });
    expect(ctx.notices.current).to.deep.include({ kind: 'message' });
    expect(host.page, 'back to the page in view').to.equal('A1');
    viewer.notice('wait', true);
    viewer.notice('wait', false);
    expect(ctx.notices.current, 'its own notice taken away').to.equal(undefined);
    remove();
  });
});
