import type { LoadFailure } from './edition/load.js';
import type { EditionProblem } from './edition/validate.js';
import type { ZoomEventDetail } from './e-paper-viewport/e-paper-viewport.js';

/** The events `<e-paper>` fires, by name, with their `detail`. All bubble and are composed. */
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
  /** Fired by the viewport inside the viewer; it reaches the host as the viewer's own. */
  'e-paper-zoom': ZoomEventDetail;
}

export type EPaperEventName = keyof EPaperEventMap;

/** Fires one of our events from `target`. */
export function emit<K extends EPaperEventName>(target: EventTarget, name: K, detail: EPaperEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}

declare global {
  interface HTMLElementEventMap {
    'e-paper-ready': CustomEvent<EPaperEventMap['e-paper-ready']>;
    'e-paper-error': CustomEvent<EPaperEventMap['e-paper-error']>;
    'e-paper-article-open': CustomEvent<EPaperEventMap['e-paper-article-open']>;
    'e-paper-article-close': CustomEvent<EPaperEventMap['e-paper-article-close']>;
    'e-paper-page-change': CustomEvent<EPaperEventMap['e-paper-page-change']>;
  }
}
