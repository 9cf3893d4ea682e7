import type { LoadOptions } from '../edition/load.js';
import { isPageRef } from '../edition/page-ref.js';
import type { PageFileLoader } from '../edition/page-files/page-file-loader.js';
import type { Edition, Page } from '../edition/schema.js';
import { emit } from '../events/events.js';
import { uiStrings } from '../i18n/strings.js';
import { withEdition } from '../elements/e-paper/viewer-state.js';
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

/** The page files of one edition: the loader (a module of its own) is made when first asked for. */
export interface EditionPageFiles {
  loader(): Promise<PageFileLoader>;
  /** Cuts off what they are fetching: another edition is shown. */
  cut(): void;
}

/**
 * The page files of the edition in view (an edition whose pages are page references): the first
 * page's file before the first render, each page's when it is turned to, and all of them once the
 * browser is idle or the list, the search or an article needs every page.
 */
export class PageFilesController {
  /** The page files of the edition in view, if it keeps pages in page files. */
  #active?: EditionPageFiles;

  constructor(private readonly viewer: PageFilesViewer) {}

  /** The page files of `edition` (none when every page is in the edition file); {@link activate} once the edition is shown. */
  forEdition(edition: Edition, baseUrl: string, options: LoadOptions): EditionPageFiles | undefined {
    if (!edition.pages.some(isPageRef)) return undefined;
    const { viewer } = this;
    // Cut off with the load until the edition is shown, then only when another edition is: the
    // load's signal also aborts when the viewer leaves the document, and a viewer moved in it
    // (taken out and put back) must still turn to its pages, or hear why it cannot.
    const cut = new AbortController();
    options.signal?.addEventListener('abort', () => this.#active !== files && cut.abort());
    let made: Promise<PageFileLoader> | undefined;
    const files: EditionPageFiles = {
      cut: () => cut.abort(),
      loader: () => {
        if (!made) {
          made = import('../edition/page-files/page-file-loader.js').then(
            (m) =>
              new m.PageFileLoader(
                edition,
                baseUrl,
                { ...options, signal: cut.signal },
                // The loader of an edition no longer in view changes nothing.
                { ...viewer, view: () => (this.#active === files ? viewer.view() : undefined) },
              ),
          );
          // A part that could not be loaded is tried again the next time it is needed.
          made.catch(() => (made = undefined));
        }
        return made;
      },
    };
    return files;
  }

  /** `files` belong to the edition now shown; those of the edition before are cut off. */
  activate(files: EditionPageFiles | undefined): void {
    if (files !== this.#active) this.#active?.cut();
    this.#active = files;
  }

  /**
   * `page` of `edition`, with its page file in place if it is kept in one. When that file fails
   * and the page is not the first, the first page (reported as failed: `viewer.failed`).
   */
  async firstPage(
    files: EditionPageFiles | undefined,
    edition: Edition,
    page: Page,
    signal: AbortSignal,
  ): Promise<{ edition: Edition; page: Page }> {
    if (!isPageRef(page) || !files) return { edition, page };
    try {
      return await (await files.loader()).resolve(page, () => edition);
    } catch (error) {
      const first = edition.pages[0];
      if (signal.aborted || page === first) throw error;
      this.viewer.failed(page, error);
      return this.firstPage(files, edition, first, signal);
    }
  }

  /** Loads every page file not loaded yet (the list, the search and the strip want every page). Never rejects. */
  async loadAll(): Promise<void> {
    await (await this.#active?.loader().catch(() => undefined))?.loadAll();
  }

  /** Shows the page reference `page` once its file has loaded, the page in view staying meanwhile. */
  goTo(page: Page): void {
    this.#active?.loader().then(
      (loader) => loader.goTo(page),
      (error: unknown) => this.viewer.failed(page, error),
    );
  }
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
