import type { LoadProblem } from '../../controllers/edition-loading.js';
import type { Edition, Page } from '../../edition/schema.js';
import type { ReadingView } from '../../state/reading-record.js';

/**
 * The viewer's one state: what it shows, and where a shown edition stands, with its transitions
 * as pure functions (each returns the state to set, or the same object when nothing changes). The
 * concerns around it are controllers (src/controllers/), each with its own tests; the viewer
 * composes them and renders.
 */
export type ViewerState =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'error'; error: LoadProblem }
  | {
      kind: 'ready';
      edition: Edition;
      page: Page;
      baseUrl: string;
      /**
       * `settling`: drawn, not yet announced (`e-paper-ready`): a view change is the layout settling,
       * not the reader's doing. `shown`. `next`: another edition of the archive loads behind this one.
       */
      phase: 'settling' | 'shown' | 'next';
      /** The page asked for last: a page kept in a page file still loading for another no longer takes over. */
      wanted?: string;
      /** The view to give the page just shown once the viewport has it: its last one, or `null` to fit it whole. */
      pageView?: { view: ReadingView | null };
    };

export type Ready = Extract<ViewerState, { kind: 'ready' }>;

/** A ready state in `phase`; any other state as it is. */
export const withPhase = (state: ViewerState, phase: Ready['phase']): ViewerState => (state.kind === 'ready' ? { ...state, phase } : state);

/** The edition in view has been shown (`e-paper-ready`), not only drawn. */
export const isShown = (state: ViewerState): boolean => state.kind === 'ready' && state.phase !== 'settling';

/** `pageId` is the page asked for last. */
export const wantPage = (state: ViewerState, pageId: string): ViewerState =>
  state.kind === 'ready' && state.wanted !== pageId ? { ...state, wanted: pageId } : state;

/**
 * `page` shown, with the view it gets once the viewport has it (`view()` is asked only for a page
 * not in view already); `page` in view already only becomes the page asked for.
 */
export function showingPage(state: ViewerState, page: Page, view: () => ReadingView | null): ViewerState {
  if (state.kind !== 'ready') return state;
  if (state.page === page) return wantPage(state, page.id);
  return { ...state, page, wanted: page.id, pageView: { view: view() } };
}
