import type { ReactiveController } from 'lit';
import { loadEditionFonts } from '../edition/fonts.js';
import type { ViewerContext } from './viewer-context.js';

/**
 * The fonts of each page shown: its exact headline cut (src/edition/fonts.ts) registered and
 * loaded as it is shown, so that the page, and the reader's glyph warm-up after it, set its
 * headlines in the cut rather than fetching the headline slices (about 370 KiB for page A3 of
 * demo/editions/sliced/paged.json). The first page's the load registered before the first render:
 * for it this only finds them in. Only once the edition is shown (`e-paper-ready`): before, the
 * load decides what the page waits for. Made with what is shown around the page (e-paper-chrome.ts).
 */
export class PageFontsController implements ReactiveController {
  /** The page whose fonts were asked for last, as `edition id|page id`. */
  #shown = '';

  constructor(private readonly ctx: ViewerContext) {
    ctx.host.addController(this);
    this.hostUpdated();
  }

  hostUpdated(): void {
    const state = this.ctx.ui().state;
    // (Not isShown(): an import more from the first render's module costs it an export.)
    if (state.kind !== 'ready' || state.phase === 'settling') return;
    const { edition, page, baseUrl } = state;
    const shown = `${edition.id}|${page.id}`;
    if (shown === this.#shown) return;
    this.#shown = shown;
    void loadEditionFonts(edition, baseUrl, undefined, undefined, page);
  }
}
