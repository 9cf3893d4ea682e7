import type { ReactiveControllerHost } from 'lit';
import type { Page } from '../edition/schema.js';
import type { EPaper } from '../elements/e-paper/e-paper.js';
import type { Hovered } from '../elements/e-paper/e-paper-ready-view.js';
import type { ViewerState } from '../elements/e-paper/viewer-state.js';
import type { EPaperViewport } from '../elements/e-paper-viewport/e-paper-viewport.js';
import type { LoadProblem } from './edition-loading.js';
import type { HashSlot } from './hash-slot.js';
import type { LazyPartsController } from './lazy-parts.js';
import type { NoticeController } from './notices.js';
import type { PageFilesController } from './page-files.js';
import type { ReadingSessionController } from './reading-session.js';
import type { ViewModeController } from './view-mode.js';

/**
 * What the viewer's controllers share of it: one small interface that `<e-paper>` implements once
 * (e-paper.ts, `#ctx`) and every controller that acts on the viewer takes, instead of a bag of
 * callbacks of its own. Types, and one helper.
 */

/** The viewer's public properties and methods its controllers read and set, its render root and update cycle. */
export type ViewerHost = ReactiveControllerHost &
  HTMLElement &
  Pick<
    EPaper,
    | 'lang'
    | 'src'
    | 'edition'
    | 'page'
    | 'article'
    | 'archive'
    | 'storageKey'
    | 'noPersist'
    | 'loadTimeout'
    | 'maxBytes'
    | 'noOverview'
    | 'theme'
    | 'offline'
    | 'renderRoot'
    | 'hasUpdated'
    | 'turnPage'
  >;

/** The viewport's scale and bounds as it last announced them (the viewport owns the zoom); 0 until then. */
export interface Zoom {
  scale: number;
  minScale: number;
  maxScale: number;
}

/** The viewer's reactive state, each change a render: the one state, and what the UI shows around it. */
export interface ViewerUi {
  /** The one state (viewer-state.ts): what is shown, and where a shown edition stands. */
  state: ViewerState;
  /** The article whose region the pointer or focus is on, for the tooltip. */
  hovered?: Hovered;
  zoom: Zoom;
  searchOpen: boolean;
  /** The search query whose matches the page and the reader highlight ('' for none). */
  searchQuery: string;
}

export interface ViewerContext {
  readonly host: ViewerHost;
  /** The viewer's reactive state now. */
  ui(): Readonly<ViewerUi>;
  /** Sets some of it (a render follows). */
  set(changes: Partial<ViewerUi>): void;
  readonly notices: NoticeController;
  readonly session: ReadingSessionController;
  readonly parts: LazyPartsController;
  readonly pageFiles: PageFilesController;
  readonly hash: HashSlot;
  readonly view: ViewModeController;
  /** Shows `page` of the edition in view (the attribute, the event, the hash follow). */
  showPage(page: Page): void;
  /** Moves to another edition of the archive, keeping the one in view until it is ready. */
  showEdition(src: string, date: string): void;
  /** The edition cannot be shown: the error view and `e-paper-error`. */
  fail(problem: LoadProblem): void;
  /** Resolves once the viewer's own render is done (not waiting for the parts it is loading). */
  rendered(): Promise<unknown>;
}

/** The viewport the viewer renders, if it does. */
export const viewportOf = (host: ViewerHost): EPaperViewport | null => host.renderRoot.querySelector<EPaperViewport>('e-paper-viewport');
