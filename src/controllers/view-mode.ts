import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the viewer shows: the page (the replica), or the text view (the edition as a list of its articles). */
export type ViewMode = 'page' | 'text';

/**
 * At most this wide (CSS px), the viewer is a phone's: `view="auto"` shows the text view. The
 * width of the container queries for a phone (`@container e-paper`: the list as a sheet, no full
 * screen); the toolbar's own steps are measured (e-paper-toolbar/toolbar-fit.ts).
 */
export const NARROW_WIDTH = 520;

interface ViewHost extends ReactiveControllerHost, HTMLElement {
  view: ViewMode | 'auto';
}

/**
 * The view mode of `<e-paper>`: the view its `view` asks for (`auto` decided by the viewer's
 * width each time an edition is shown), the reader's own choice (the toolbar's toggle), which wins over
 * the site's on later visits, and the text view's lazy part, asked for once it is wanted. Kept
 * small: it is in the first render.
 */
export class ViewModeController implements ReactiveController {
  constructor(
    private readonly host: ViewHost,
    /** Loads the text view's part. */
    private readonly need: () => void,
    /** The reader's remembered choice, and the keeping of a new one. */
    private readonly choice: { get(): ViewMode | undefined; set(view: ViewMode): void },
  ) {
    host.addController(this);
  }

  /** Whether the text view is shown. */
  get text(): boolean {
    return this.host.view === 'text';
  }

  /** An edition is about to be shown: the reader's choice wins, else the site's (`auto`: by the viewer's width now). */
  settle(): void {
    const { host } = this;
    const width = host.clientWidth; // 0 (not laid out yet, a whole number): not narrow
    host.view = this.choice.get() ?? (host.view !== 'auto' ? host.view : width && width <= NARROW_WIDTH ? 'text' : 'page');
  }

  /** The reader pressed the toggle: the other view, remembered for every edition. */
  toggle(): void {
    this.choice.set((this.host.view = this.text ? 'page' : 'text'));
  }

  hostUpdate(): void {
    if (this.text) this.need();
  }
}
