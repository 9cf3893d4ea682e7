import { NoticeController } from '../../src/controllers/notices.js';
import { ReadingSessionController } from '../../src/controllers/reading-session.js';
import type { LoadProblem } from '../../src/controllers/edition-loading.js';
import type { ViewerContext, ViewerHost, ViewerUi } from '../../src/controllers/viewer-context.js';
import type { LazyElementName } from '../../src/lazy-parts.js';
import type { Edition } from '../../src/edition/schema.js';
import type { HashChanges } from '../../src/elements/e-paper/hash.js';
import { stubHost } from './stub-host.js';

/**
 * A stand-in viewer for the controllers that take a {@link ViewerContext}: a real element (events
 * are dispatched on it; it has an open shadow root as its render root) with the viewer's public
 * properties, a real notice and reading session (nothing kept), and stand-ins recording what is
 * asked of the parts, the page files, the hash and the view mode. With `edition`, it is ready on
 * its first page.
 */
export function stubContext(edition?: Edition) {
  const log = {
    parts: [] as string[],
    hash: [] as HashChanges[],
    pages: [] as string[],
    turns: [] as number[],
    failed: [] as LoadProblem[],
    editions: [] as string[],
    loadAll: 0,
    toggles: 0,
  };
  const stub = stubHost();
  const element = document.createElement('div');
  element.attachShadow({ mode: 'open' });
  document.body.append(element);
  const host = Object.assign(element, {
    updates: 0,
    addController: stub.addController,
    removeController: stub.removeController,
    requestUpdate: () => void host.updates++,
    updateComplete: stub.updateComplete,
    disconnect: stub.disconnect,
    lang: 'en',
    src: undefined as string | undefined,
    edition: undefined as unknown,
    page: undefined as string | undefined,
    article: undefined as string | undefined,
    archive: undefined as string | undefined,
    storageKey: undefined as string | undefined,
    noPersist: true,
    loadTimeout: 20_000,
    maxBytes: 20_971_520,
    noOverview: false,
    theme: undefined,
    offline: false,
    hasUpdated: true,
    renderRoot: element.shadowRoot!,
    turnPage: (direction: 1 | -1) => void log.turns.push(direction),
  }) as unknown as ViewerHost & { updates: number; disconnect(): void };
  let ui: ViewerUi = {
    state: edition ? { kind: 'ready', edition, page: edition.pages[0], baseUrl: location.href, phase: 'shown' } : { kind: 'empty' },
    zoom: { scale: 0, minScale: 0, maxScale: 0 },
    searchOpen: false,
    searchQuery: '',
  };
  const notices = new NoticeController(host);
  const view = { text: false, settle: () => {}, toggle: () => void log.toggles++ };
  const ctx: ViewerContext = {
    host,
    ui: () => ui,
    set: (changes) => void (ui = { ...ui, ...changes }),
    notices,
    session: new ReadingSessionController(host),
    parts: {
      need: (name: LazyElementName) => void log.parts.push(name),
      load: <T>(name: string, load: () => Promise<T>) => (log.parts.push(name), load()),
      forFirstRender: () => Promise.resolve(),
      whenIdle: (then: () => void) => then(),
    } as unknown as ViewerContext['parts'],
    pageFiles: {
      loadAll: () => (log.loadAll++, Promise.resolve()),
      forEdition: () => Promise.resolve(undefined),
      activate: () => {},
      firstPage: (_files: unknown, e: Edition, page: Edition['pages'][number]) => Promise.resolve({ edition: e, page }),
    } as unknown as ViewerContext['pageFiles'],
    hash: { pending: undefined, write: (changes: HashChanges) => void log.hash.push(changes) } as unknown as ViewerContext['hash'],
    view: view as unknown as ViewerContext['view'],
    showPage: (page) => {
      log.pages.push(page.id);
      if (ui.state.kind === 'ready') ui = { ...ui, state: { ...ui.state, page } };
      host.page = page.id;
    },
    showEdition: (src) => void log.editions.push(src),
    fail: (problem) => void log.failed.push(problem),
    rendered: () => Promise.resolve(),
  };
  return { ctx, host, log, view, remove: () => (host.disconnect(), element.remove()) };
}
