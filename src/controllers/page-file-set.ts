/**
 * The page files of an edition whose pages are page references, as the viewer uses them: a part
 * (page-files.ts loads it before the first render, only for such an edition), with the page file
 * loader it drives (edition/page-files/page-file-loader.ts).
 */
import type { LoadOptions } from '../edition/load.js';
import { PageFileLoader } from '../edition/page-files/page-file-loader.js';
import type { Edition, Page } from '../edition/schema.js';
import { isPageRef } from '../edition/page-ref.js';
import { emit } from '../events/events.js';
import { uiStrings } from '../i18n/strings.js';
import type { ViewerState } from '../elements/e-paper/viewer-state.js';
import { describeError } from './edition-loading.js';
import type { ViewerContext } from './viewer-context.js';

/** What the page files need of the viewer. */
export interface PageFilesViewer {
  /** The edition and page in view and the page asked for last (undefined before the edition is shown). */
  view(): { edition: Edition; page: Page; wanted?: string } | undefined;
  /** Shows `edition` (more of its page files in place), and its page `page` if given. */
  show(edition: Edition, page?: Page): void;
  /** Shows `text` as a short notice (`show`), or takes it away if it is still shown. */
  notice(text: string, show: boolean): void;
  /** A page's file failed: tells the reader and the host page. */
  failed(page: Page, error: unknown): void;
  /** The language of the viewer's controls. */
  lang(): string;
}

/** The page files of one edition, with the first page in place, each page on demand, and all of them. */
export interface EditionPageFiles {
  /** Cuts off what they are fetching: another edition is shown. */
  cut(): void;
  /** `page` of `edition` with its page file in place; the first page when that file fails (reported: `viewer.failed`). */
  firstPage(page: Page, edition: Edition, signal: AbortSignal): Promise<{ edition: Edition; page: Page }>;
  /** Loads every page file not loaded yet. Never rejects. */
  loadAll(): Promise<void>;
  /** Shows the page reference `page` once its file has loaded, the page in view staying meanwhile. */
  goTo(page: Page): void;
}

/**
 * The page files of `edition`, cut off with the load (`options.signal`) until they are active
 * (`active()`: theirs is the edition shown), then only by {@link EditionPageFiles.cut}: the
 * load's signal also aborts when the viewer leaves the document, and a viewer moved in it (taken
 * out and put back) must still turn to its pages, or hear why it cannot.
 */
export function editionPageFiles(
  edition: Edition,
  baseUrl: string,
  options: LoadOptions,
  viewer: PageFilesViewer,
  active: () => boolean,
): EditionPageFiles {
  const cut = new AbortController();
  options.signal?.addEventListener('abort', () => !active() && cut.abort());
  // Cut while the part was coming: nothing of it is fetched.
  if (options.signal?.aborted) cut.abort();
  // The loader of an edition no longer in view changes nothing.
  const loader = new PageFileLoader(
    edition,
    baseUrl,
    { ...options, signal: cut.signal },
    { ...viewer, view: () => (active() ? viewer.view() : undefined) },
  );
  const firstPage = async (page: Page, current: Edition, signal: AbortSignal): Promise<{ edition: Edition; page: Page }> => {
    try {
      return await loader.resolve(page, () => current);
    } catch (error) {
      const first = current.pages[0];
      if (signal.aborted || page === first) throw error;
      viewer.failed(page, error);
      return isPageRef(first) ? firstPage(first, current, signal) : { edition: current, page: first };
    }
  };
  return {
    cut: () => cut.abort(),
    firstPage,
    loadAll: () => loader.loadAll(),
    goTo: (page) => void loader.goTo(page),
  };
}

/**
 * `edition` (the same with a page file's pages in) in place of the one in view, the page in view
 * kept by its id. Here, with the page files, the only ones that bring one in.
 */
export function withEdition(state: ViewerState, edition: Edition): ViewerState {
  if (state.kind !== 'ready' || edition === state.edition) return state;
  return { ...state, edition, page: edition.pages.find((p) => p.id === state.page.id) ?? state.page };
}

/**
 * The viewer, as its page files see it (`ctx`: asked at each call, so the controller can be made
 * before the context). A page file that fails is told to the reader (a notice) and the host page
 * (`e-paper-error` with `page`), and the `page` attribute goes back to the page in view.
 */
export function viewerPageFiles(ctx: () => ViewerContext): PageFilesViewer {
  const ready = () => {
    const { state } = ctx().ui();
    return state.kind === 'ready' ? state : undefined;
  };
  return {
    view: ready,
    show: (edition, page) => {
      ctx().set({ state: withEdition(ctx().ui().state, edition) });
      if (page) ctx().showPage(page);
    },
    notice: (text, show) => (show ? ctx().notices.message(text) : ctx().notices.dismiss('message', text)),
    failed: (page, error) => {
      const { host, notices } = ctx();
      const problem = describeError(error, host.lang);
      console.warn(`e-paper: the page file of page "${page.id}" could not be loaded`, problem.problems.length ? problem.problems : error);
      notices.message(uiStrings(host.lang).viewer.pageFailed(page.label, problem.message));
      emit(host, 'e-paper-error', { ...problem, page: page.id }, true);
      // The attribute goes back to the page in view.
      const state = ready();
      if (state) host.page = state.page.id;
    },
    lang: () => ctx().host.lang,
  };
}
