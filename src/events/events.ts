import type { LoadFailure } from '../edition/load.js';
import type { EditionProblem } from '../edition/validate.js';
import type { ViewportViewDetail, ZoomEventDetail } from '../elements/e-paper-viewport/e-paper-viewport.js';
import type { ArchiveSelectDetail } from '../elements/e-paper-archive/e-paper-archive.js';
import type { ContentsSelectDetail } from '../elements/e-paper-contents/e-paper-contents.js';
import type { RegionEventDetail } from '../elements/e-paper-page/e-paper-page.js';
import type { PagesSelectDetail } from '../elements/e-paper-pages/e-paper-pages.js';
import type { EPaperReaderEventMap } from '../elements/e-paper-reader/e-paper-reader.js';
import type { EPaperReadAloudEventMap } from '../elements/e-paper-read-aloud/e-paper-read-aloud.js';
import type { SearchQueryDetail, SearchSelectDetail } from '../elements/e-paper-search/e-paper-search.js';
import type { ToolbarActionDetail } from '../elements/e-paper-toolbar/e-paper-toolbar.js';

/**
 * The public events: `<e-paper>` fires them at itself; they bubble and are composed, so a host page
 * hears them wherever it puts the viewer. By name, with their `detail`.
 */
export interface EPaperEventMap {
  'e-paper-ready': { editionId: string; page: string };
  /**
   * `page`: the id of a page whose page file failed (the edition itself is shown). `cause: 'font'`:
   * a font file of the edition (`url`) failed; the page is shown with a system font.
   */
  'e-paper-error': { cause: LoadFailure | 'no-source' | 'font'; message: string; problems: EditionProblem[]; page?: string; url?: string };
  'e-paper-article-open': { articleId: string };
  'e-paper-article-close': { articleId: string };
  'e-paper-page-change': { page: string };
  /** The viewer passes on its viewport's `e-paper-viewport-zoom`. */
  'e-paper-zoom': ZoomEventDetail;
}

export type EPaperEventName = keyof EPaperEventMap;

/**
 * The internal events: a part of the viewer fires them at its own host element for the viewer,
 * which listens on that element. They bubble but are not composed: they stop at the viewer's
 * shadow root and never reach the host page.
 */
export interface EPaperInternalEventMap extends EPaperReaderEventMap, EPaperReadAloudEventMap {
  'e-paper-viewport-zoom': ZoomEventDetail;
  'e-paper-viewport-swipe': { direction: 1 | -1 };
  'e-paper-viewport-view': ViewportViewDetail;
  'e-paper-region-enter': RegionEventDetail;
  'e-paper-region-leave': RegionEventDetail;
  'e-paper-region-activate': RegionEventDetail;
  'e-paper-toolbar-action': ToolbarActionDetail;
  'e-paper-search-query': SearchQueryDetail;
  'e-paper-search-select': SearchSelectDetail;
  'e-paper-search-close': undefined;
  'e-paper-archive-select': ArchiveSelectDetail;
  'e-paper-contents-select': ContentsSelectDetail;
  'e-paper-contents-clear': undefined;
  'e-paper-contents-undo': undefined;
  'e-paper-pages-select': PagesSelectDetail;
  /** A scan page's image (`src`) could not be loaded; the page shows its message (the overview map listens to its picture's). */
  'e-paper-page-scan-error': { src: string };
}

type Events = EPaperEventMap & EPaperInternalEventMap;

/**
 * Fires one of our events at `target`: every event of e-paper goes through here. It bubbles; it is
 * composed (the last argument, `true`) if and only if it is public, which the types enforce.
 * Returns false if a cancelable event was cancelled.
 */
export function emit<K extends keyof Events>(
  target: EventTarget,
  name: K,
  detail: Events[K],
  ...[composed, cancelable]: K extends EPaperEventName ? [composed: true] : [composed?: false, cancelable?: boolean]
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed, cancelable }));
}

type EventsOf<M> = { [K in keyof M]: CustomEvent<M[K]> };

declare global {
  interface HTMLElementEventMap extends EventsOf<EPaperEventMap>, EventsOf<EPaperInternalEventMap> {}
}
