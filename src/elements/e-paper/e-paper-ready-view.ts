import { html, nothing } from 'lit';
import { uiStrings } from '../../i18n/strings.js';
import type { Archive } from '../../edition/archive/archive-schema.js';
import type { Notice } from '../../controllers/notices.js';
import type { ReadingSessionController } from '../../controllers/reading-session.js';
import type { RegionEventDetail } from '../e-paper-page/e-paper-page.js';
import type { ZoomEventDetail } from '../e-paper-viewport/e-paper-viewport.js';
import type { ToolbarActionDetail } from '../e-paper-toolbar/e-paper-toolbar.js';
import type { ContentsSelectDetail } from '../e-paper-contents/e-paper-contents.js';
import type { Ready } from './viewer-state.js';
import type { EPaper } from './e-paper.js';
import type { Chrome } from './e-paper-chrome.js';

/** What the viewer shows around the page once it is shown: a module of its own (e-paper-chrome.ts). */
export type { Chrome };

/** The article whose region the pointer or focus is on, for the tooltip. */
export interface Hovered {
  articleId: string;
  region: SVGGElement;
  point?: { x: number; y: number };
}

/** The viewer's own properties that the view shows: the viewer itself (the tooltip's boundary too). */
export type ReadyViewer = HTMLElement & Pick<EPaper, 'lang' | 'theme' | 'article' | 'noOverview' | 'offline' | 'src'>;

/** What the viewer shows around a ready edition, besides the state itself. */
export interface ReadyViewInput {
  state: Ready;
  /** The viewer: its `lang`, `theme`, `article` (the open article's id), `noOverview`, `offline` and `src`. */
  viewer: ReadyViewer;
  /** The viewport's scale and bounds as it last announced them. */
  zoom: { scale: number; minScale: number; maxScale: number };
  hovered?: Hovered;
  searchOpen: boolean;
  /** The query whose matches the page and the reader highlight ('' for none). */
  searchQuery: string;
  /** The archive's index, once loaded. */
  archive?: Archive;
  session: ReadingSessionController;
  notice?: Notice;
  /** The text view is shown (not the page). */
  textView: boolean;
  /** What is shown around the page, once its module is in (after `e-paper-ready`, or when first used). */
  chrome?: Chrome;
}

/** The viewer's handlers of what the first render's parts report (src/controllers/page-input.ts; each stops at the viewer's shadow root). */
export interface PageHandlers {
  toolbarAction: (event: CustomEvent<ToolbarActionDetail>) => void;
  zoom: (event: CustomEvent<ZoomEventDetail>) => void;
  swipe: (event: CustomEvent<{ direction: 1 | -1 }>) => void;
  selectPage: (event: CustomEvent<{ pageId: string }>) => void;
  /** The text view's choice. */
  contentsSelect: (event: CustomEvent<ContentsSelectDetail>) => void;
  regionEnter: (event: CustomEvent<RegionEventDetail>) => void;
  regionLeave: (event: CustomEvent<RegionEventDetail>) => void;
  regionActivate: (event: CustomEvent<RegionEventDetail>) => void;
  pagePointerMove: (event: PointerEvent) => void;
}

/**
 * The viewer with an edition ready: the toolbar, the page in its viewport, the text view and the
 * page strip; the rest (the toolbar's end, the overview, the notice, the tooltip, the reader) once
 * its module is in (e-paper-chrome.ts), the toolbar's room the same meanwhile.
 */
export function readyView(view: ReadyViewInput, on: PageHandlers) {
  const { state, viewer, chrome } = view;
  const { lang } = viewer;
  const { edition, page, baseUrl, phase } = state;
  const readArticles = view.session.readArticles;
  return html`<e-paper-toolbar
      exportparts="toolbar, button, zoom-out, zoom-in, fit-page, fit-width, previous-page, next-page, scale, page-number, more, more-menu, more-item"
      .scale=${view.zoom.scale}
      .minScale=${view.zoom.minScale}
      .maxScale=${view.zoom.maxScale}
      .pageCount=${edition.pages.length}
      .pageIndex=${edition.pages.indexOf(page)}
      .pageLabel=${page.label}
      lang=${lang}
      ?text-view=${view.textView}
      @e-paper-toolbar-action=${on.toolbarAction}
      >${chrome?.toolbarEnd(view) ?? nothing}</e-paper-toolbar
    >
    <e-paper-viewport
      exportparts="hint"
      role="region"
      aria-label=${uiStrings(lang).viewerLabel(edition.title, edition.date)}
      .pageWidth=${page.width}
      .pageHeight=${page.height}
      .deferInput=${phase === 'settling'}
      lang=${lang}
      @e-paper-viewport-zoom=${on.zoom}
      @e-paper-viewport-swipe=${on.swipe}
    >
      <e-paper-page
        exportparts="page, article, block, masthead, ear, footer, scan, scan-image, scan-progress, scan-tiles, regions, region, region-read"
        .edition=${edition}
        .page=${page}
        lang=${lang}
        .readArticles=${readArticles}
        .baseUrl=${baseUrl}
        .scale=${view.zoom.scale}
        .highlight=${view.searchQuery}
        @e-paper-region-enter=${on.regionEnter}
        @e-paper-region-leave=${on.regionLeave}
        @e-paper-region-activate=${on.regionActivate}
        @pointermove=${on.pagePointerMove}
      ></e-paper-page>
    </e-paper-viewport>
    ${
      view.textView
        ? html`<e-paper-text-view
            exportparts="text-view, text-view-page, text-view-item"
            .edition=${edition}
            .pageId=${page.id}
            .readArticles=${readArticles}
            lang=${lang}
            @e-paper-contents-select=${on.contentsSelect}
            @e-paper-pages-select=${on.selectPage}
          ></e-paper-text-view>`
        : nothing
    }
    ${chrome?.overview(view) ?? nothing}
    ${
      edition.pages.length > 1
        ? html`<e-paper-pages
          exportparts="pages, page-thumb, page-label"
          .edition=${edition}
          .pageId=${page.id}
          .baseUrl=${baseUrl}
          lang=${lang}
          ?paused=${phase === 'settling'}
          @e-paper-pages-select=${on.selectPage}
        ></e-paper-pages>`
        : nothing
    }
    ${chrome?.overPage(view) ?? nothing}`;
}
