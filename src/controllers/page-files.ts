/**
 * The page files of the edition in view (an edition whose pages are page references): the first
 * page's file before the first render, each page's when it is turned to, and all of them once the
 * browser is idle or the list, the search or an article needs every page. What they do is a part
 * (page-file-set.ts), loaded before the first render only for an edition that has them.
 */
import type { LoadOptions } from '../edition/load.js';
import { isPageRef } from '../edition/page-ref.js';
import type { Edition, Page } from '../edition/schema.js';
import type { EditionPageFiles, PageFilesViewer } from './page-file-set.js';

export type { EditionPageFiles, PageFilesViewer } from './page-file-set.js';

/** The page files' part (page-file-set.ts). */
export type PageFilesPart = typeof import('./page-file-set.js');

export class PageFilesController {
  /** The page files of the edition in view, if it keeps pages in page files. */
  #active?: EditionPageFiles;
  #viewer?: PageFilesViewer;

  /** `viewer`: what the page files need of the viewer, made with the part (its `viewerPageFiles`). */
  constructor(private readonly viewer: (part: PageFilesPart) => PageFilesViewer) {}

  /** The page files of `edition` (none when every page is in the edition file); {@link activate} once the edition is shown. */
  async forEdition(edition: Edition, baseUrl: string, options: LoadOptions): Promise<EditionPageFiles | undefined> {
    if (!edition.pages.some(isPageRef)) return undefined;
    const part = await import('./page-file-set.js');
    const files = part.editionPageFiles(edition, baseUrl, options, (this.#viewer ??= this.viewer(part)), () => this.#active === files);
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
    return files && isPageRef(page) ? files.firstPage(page, edition, signal) : { edition, page };
  }

  /** Loads every page file not loaded yet (the list, the search and the strip want every page). Never rejects. */
  async loadAll(): Promise<void> {
    await this.#active?.loadAll();
  }

  /** Shows the page reference `page` once its file has loaded, the page in view staying meanwhile. */
  goTo(page: Page): void {
    this.#active?.goTo(page);
  }
}
