import { EditionLoadError, type LoadOptions } from '../load.js';
import type { Edition, Page } from '../schema.js';
import { isPageRef } from '../page-ref.js';
import { loadPageFile, withPageFile, type PageFile } from './page-file-load.js';
import { isolate } from '../../i18n/strings.js';
import { localize } from '../../i18n/localize.js';
import { markFailed } from './failed-pages.js';

/** Page files loading at once when the viewer fetches them all. */
const AT_ONCE = 2;
/** A page file taking longer than this to load gets a notice that it is loading. */
const LOADING_NOTICE_MS = 400;

/** UI strings of the page file loader. */
export interface PageFilesStrings {
  /** The notice while a page's file takes a while. */
  loading: (label: string) => string;
}

const zhCN: PageFilesStrings = { loading: (label) => `正在载入 ${isolate(label)} 版……` };
const en: PageFilesStrings = { loading: (label) => `Loading page ${isolate(label)}…` };

/** The page file loader's strings for a UI language tag (see `localize`). */
export const pageFilesStrings = (lang: string | null | undefined): PageFilesStrings => localize(lang, 'pageFiles', zhCN, en);

/** What the viewer does for its page file loader. */
export interface PageFileHost {
  /** The edition and page in view and the page asked for last, while the edition is this loader's. */
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

/**
 * The page files of one edition, for the viewer: each loaded once (a failed load is tried again
 * when asked for again), checked against the articles known so far, and put in place.
 */
export class PageFileLoader {
  readonly #loads = new Map<string, Promise<PageFile>>();
  readonly #articleIds: Set<string>;
  #all?: Promise<PageFile[]>;

  constructor(
    edition: Edition,
    readonly baseUrl: string,
    readonly options: LoadOptions,
    readonly host: PageFileHost,
  ) {
    this.#articleIds = new Set(edition.articles.map((a) => a.id));
  }

  /** The checked page file of the page reference `entry`, not yet in place (see {@link place}). */
  fetch(entry: Page): Promise<PageFile> {
    const loading = this.#loads.get(entry.id);
    if (loading) return loading;
    const pending = loadPageFile(new URL(entry.src!, this.baseUrl), entry, this.#articleIds, this.options);
    this.#loads.set(entry.id, pending);
    markFailed(entry, false);
    pending.catch((error: unknown) => {
      if (this.#loads.get(entry.id) === pending) this.#loads.delete(entry.id);
      // Marked for the page strip (a failed state, tried again when the page is chosen).
      if ((error as Error)?.name !== 'AbortError') markFailed(entry, true);
    });
    return pending;
  }

  /**
   * The page files of every page reference of `edition`, the pages nearest `from` first, a few at
   * a time; those that fail are logged and left out. Once per edition.
   */
  fetchAll(edition: Edition, from: Page): Promise<PageFile[]> {
    if (this.#all) return this.#all;
    const at = edition.pages.indexOf(from);
    const queue = edition.pages
      .map((page, index) => ({ page, distance: Math.abs(index - at) }))
      .filter(({ page }) => isPageRef(page))
      .sort((a, b) => a.distance - b.distance)
      .map(({ page }) => page);
    const files: PageFile[] = [];
    const next = async (): Promise<void> => {
      for (let page = queue.shift(); page; page = queue.shift()) {
        const file = await this.fetch(page).catch((error: unknown) => {
          if ((error as Error)?.name !== 'AbortError')
            console.warn(`e-paper: the page file of page "${page.id}" could not be loaded`, error);
        });
        if (file) files.push(file);
      }
    };
    return (this.#all = Promise.all(Array.from({ length: AT_ONCE }, next)).then(() => files));
  }

  /**
   * `edition` with `files` in place, in one new edition, and the files refused because an article
   * id of theirs is already taken: each file was checked against the edition as it was when it
   * arrived, not against files loading beside it. A refused file is loaded again when asked for.
   */
  place(edition: Edition, files: readonly PageFile[]): { edition: Edition; refused: PageFile[] } {
    const refused: PageFile[] = [];
    for (const file of files) {
      const entry = edition.pages.find((p) => p.id === file.page.id);
      if (!entry || !isPageRef(entry)) continue;
      if (file.articles.some((a) => this.#articleIds.has(a.id))) {
        refused.push(file);
        this.#loads.delete(file.page.id);
        continue;
      }
      for (const article of file.articles) this.#articleIds.add(article.id);
      edition = withPageFile(edition, file);
    }
    return { edition, refused };
  }

  /** The page `entry` of `current()` (the edition as it is once the file is in) with its page file in place. */
  async resolve(entry: Page, current: () => Edition): Promise<{ edition: Edition; page: Page }> {
    const file = await this.fetch(entry);
    const { edition, refused } = this.place(current(), [file]);
    if (refused.length) {
      const taken = file.articles.findIndex((a) => this.#articleIds.has(a.id));
      const problem = { path: `articles[${taken}].id`, message: `id "${file.articles[taken].id}" is already used by the edition` };
      throw new EditionLoadError('invalid', '1 problem', [problem]);
    }
    return { edition, page: edition.pages.find((p) => p.id === entry.id)! };
  }

  /**
   * Loads every page file not loaded yet and puts them in place together: one render for all,
   * not one per page. A file that fails is tried again when its page is asked for.
   */
  async loadAll(): Promise<void> {
    const view = this.host.view();
    if (!view) return;
    const files = await this.fetchAll(view.edition, view.page);
    const now = this.host.view();
    if (!now) return;
    const placed = this.place(now.edition, files);
    for (const file of placed.refused)
      console.warn(`e-paper: the page file of page "${file.page.id}" repeats an article id of another page`);
    this.host.show(placed.edition);
  }

  /**
   * Shows the page reference `page` once its file is in place, the page in view staying
   * meanwhile (with a notice if that takes a while). Only the page asked for last is shown.
   */
  async goTo(page: Page): Promise<void> {
    const { host } = this;
    const text = pageFilesStrings(host.lang()).loading(page.label);
    const asked = () => host.view()?.wanted === page.id;
    const slow = setTimeout(() => asked() && host.notice(text, true), LOADING_NOTICE_MS);
    try {
      const view = host.view();
      if (!view) return;
      const resolved = await this.resolve(page, () => host.view()?.edition ?? view.edition);
      if (!host.view()) return;
      // In place whatever happens (its articles are counted as the edition's now); shown if still asked for.
      const shown = asked();
      if (shown) host.notice(text, false);
      host.show(resolved.edition, shown ? resolved.page : undefined);
    } catch (error) {
      if (asked() && (error as Error)?.name !== 'AbortError') host.failed(page, error);
    } finally {
      clearTimeout(slow);
    }
  }
}
