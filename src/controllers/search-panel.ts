import type { ViewerContext } from './viewer-context.js';

/**
 * The search panel of the toolbar's end (a module of its own, loaded with what is shown around the
 * page): opened by its button or Ctrl/⌘+F (every page in page files loads then: the search covers
 * the edition), closed with focus back on its button; its query is what the page and the reader
 * highlight (the viewer's `searchQuery`).
 */
export class SearchPanelController {
  constructor(private readonly ctx: ViewerContext) {}

  /** Opens the panel; open already, its field takes focus. */
  open(): void {
    const { ctx } = this;
    ctx.parts.need('e-paper-search');
    void ctx.pageFiles.loadAll();
    if (ctx.ui().searchOpen) ctx.host.renderRoot.querySelector('e-paper-search')?.focusInput?.();
    ctx.set({ searchOpen: true });
  }

  /** Closes the panel, its highlights gone, focus back on its button. */
  close(): void {
    const { ctx } = this;
    ctx.set({ searchOpen: false, searchQuery: '' });
    // After this render only: waiting for parts still loading, the focus would come late and take
    // the reader away from wherever they have gone since (a calendar just opened closes on it).
    void ctx.rendered().then(() => ctx.host.renderRoot.querySelector<HTMLElement>('.search-toggle')?.focus());
  }

  /** The search button was pressed. */
  toggle(): void {
    if (this.ctx.ui().searchOpen) this.close();
    else this.open();
  }
}
