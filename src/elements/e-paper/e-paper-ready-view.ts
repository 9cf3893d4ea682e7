import { html, nothing, svg } from 'lit';
import { live } from 'lit/directives/live.js';
import { articlesById, articlesOnPage } from '../../edition/regions.js';
import { uiStrings } from '../../i18n/strings.js';
import type { Archive } from '../../edition/archive/archive-schema.js';
import type { Notice } from '../../controllers/notices.js';
import type { ReadingSessionController } from '../../controllers/reading-session.js';
import type { RegionEventDetail } from '../e-paper-page/e-paper-page.js';
import type { ZoomEventDetail } from '../e-paper-viewport/e-paper-viewport.js';
import type { ToolbarActionDetail } from '../e-paper-toolbar/e-paper-toolbar.js';
import type { EPaperReaderEventMap, ReaderAloud } from '../e-paper-reader/e-paper-reader.js';
import type { ContentsSelectDetail } from '../e-paper-contents/e-paper-contents.js';
import type { SearchSelectDetail } from '../e-paper-search/e-paper-search.js';
import { articleBeyond, contentsPages, noticeView } from './e-paper-views.js';
import type { Ready } from './viewer-state.js';
import type { EPaper } from './e-paper.js';
import { viewToggle } from './text-view-mode.js';

/** A magnifier: the search's icon where a narrow toolbar has no room for its word. */
const SEARCH_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5 21 21" /></svg>`;
/** The reader's way beyond the page while it is closed: none. */
const NO_BEYOND = {};

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
}

/** The viewer's handlers of what its parts report (each stops at the viewer's shadow root). */
export interface ReadyViewHandlers {
  toolbarAction: (event: CustomEvent<ToolbarActionDetail>) => void;
  archiveSelect: (event: CustomEvent<{ src: string; date: string }>) => void;
  toggleSearch: () => void;
  searchQuery: (event: CustomEvent<{ query: string }>) => void;
  searchSelect: (event: CustomEvent<SearchSelectDetail>) => void;
  closeSearch: () => void;
  contentsSelect: (event: CustomEvent<ContentsSelectDetail>) => void;
  zoom: (event: CustomEvent<ZoomEventDetail>) => void;
  swipe: (event: CustomEvent<{ direction: 1 | -1 }>) => void;
  selectPage: (event: CustomEvent<{ pageId: string }>) => void;
  regionEnter: (event: CustomEvent<RegionEventDetail>) => void;
  regionLeave: (event: CustomEvent<RegionEventDetail>) => void;
  regionActivate: (event: CustomEvent<RegionEventDetail>) => void;
  pagePointerMove: (event: PointerEvent) => void;
  continueReading: (articleId: string, paragraph: number) => void;
  dismissNotice: () => void;
  readerNavigate: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-navigate']>) => void;
  readerClose: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-close']>) => void;
  readerProgress: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-progress']>) => void;
  toggleView: () => void;
  readerJump: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-jump']>) => void;
}

/**
 * The viewer with an edition ready: the toolbar (archive, search, list), the page in its
 * viewport, the page strip, the notice, the tooltip and the reader.
 */
export function readyView(view: ReadyViewInput, on: ReadyViewHandlers) {
  const { state, session, viewer } = view;
  const { lang } = viewer;
  const { edition, page, baseUrl, phase } = state;
  const strings = uiStrings(lang);
  const articles = articlesOnPage(edition, page);
  const { readArticles } = session;
  return html`<e-paper-toolbar
      exportparts="toolbar, button, zoom-out, zoom-in, fit-page, fit-width, previous-page, next-page, scale, page-number"
      .scale=${view.zoom.scale}
      .minScale=${view.zoom.minScale}
      .maxScale=${view.zoom.maxScale}
      .pageCount=${edition.pages.length}
      .pageIndex=${edition.pages.indexOf(page)}
      .pageLabel=${page.label}
      lang=${lang}
      ?text-view=${view.textView}
      @e-paper-toolbar-action=${on.toolbarAction}
    >
      ${
        view.archive
          ? html`<e-paper-archive
            slot="end"
            exportparts="archive-button, archive-calendar, archive-day"
            .archive=${view.archive}
            .date=${live(edition.date)}
            lang=${lang}
            ?busy=${phase === 'next'}
            @e-paper-archive-select=${on.archiveSelect}
          ></e-paper-archive>`
          : nothing
      }
      <button
        class="search-toggle tool"
        slot="end"
        type="button"
        part="button"
        aria-expanded=${view.searchOpen}
        aria-keyshortcuts="Control+F Meta+F"
        @click=${on.toggleSearch}
      >
        ${SEARCH_ICON}<span>${strings.viewer.search}</span>
      </button>
      ${
        view.searchOpen
          ? html`<e-paper-search
            slot="end"
            exportparts="search-panel, search-input, search-result"
            .edition=${edition}
            .open=${true}
            lang=${lang}
            .textLang=${edition.lang}
            @e-paper-search-query=${on.searchQuery}
            @e-paper-search-select=${on.searchSelect}
            @e-paper-search-close=${on.closeSearch}
          ></e-paper-search>`
          : nothing
      }
      <e-paper-contents
        slot="end"
        exportparts="contents-button, contents-panel, contents-item, contents-page, contents-clear, contents-undo"
        .articles=${articles}
        .readArticles=${readArticles}
        .pageLabel=${page.label}
        .pages=${contentsPages(edition)}
        .pageId=${page.id}
        lang=${lang}
        .textLang=${edition.lang}
        @e-paper-contents-select=${on.contentsSelect}
        @e-paper-contents-clear=${() => session.clear()}
        @e-paper-contents-undo=${() => session.undoClear()}
      ></e-paper-contents>
      ${viewToggle(lang, view.textView, on.toggleView)}
      ${
        viewer.offline
          ? html`<e-paper-offline slot="end" exportparts="offline-button, offline-panel" .src=${viewer.src ? baseUrl : ''} lang=${lang}></e-paper-offline>`
          : nothing
      }
      <e-paper-fullscreen slot="end" exportparts="button, fullscreen" lang=${lang}></e-paper-fullscreen>
    </e-paper-toolbar>
    <e-paper-viewport
      exportparts="hint"
      role="region"
      aria-label=${strings.viewerLabel(edition.title, edition.date)}
      .pageWidth=${page.width}
      .pageHeight=${page.height}
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
    ${
      viewer.noOverview
        ? nothing
        : html`<e-paper-overview exportparts="overview, overview-mark" .edition=${edition} .page=${page} .baseUrl=${baseUrl} lang=${lang}></e-paper-overview>`
    }
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
    ${noticeView(lang, edition, view.notice, { continueReading: on.continueReading, dismiss: on.dismissNotice })}
    <e-paper-tooltip
      exportparts="tooltip"
      .article=${view.hovered && articlesById(edition).get(view.hovered.articleId)}
      .anchor=${view.hovered?.region}
      .point=${view.hovered?.point}
      .boundary=${viewer}
      lang=${lang}
      .textLang=${edition.lang}
      ?open=${view.hovered !== undefined && !viewer.article}
    ></e-paper-tooltip>
    <e-paper-reader
      exportparts="reader, header, controls, button: reader-button, content, banner, kicker, headline, subhead, bylines, photo, body, attribution, tools"
      .edition=${edition}
      .articleIds=${articles.map((a) => a.id)}
      .beyond=${viewer.article ? { previous: articleBeyond(edition, page, -1), next: articleBeyond(edition, page, 1) } : NO_BEYOND}
      .articleId=${viewer.article}
      .open=${viewer.article !== undefined && articlesById(edition).has(viewer.article)}
      .pageLabel=${page.label}
      .pageId=${page.id}
      .textScale=${session.textScale}
      .aloud=${session.aloud}
      .baseUrl=${baseUrl}
      .theme=${viewer.theme}
      .highlight=${view.searchQuery}
      lang=${lang}
      @e-paper-reader-navigate=${on.readerNavigate}
      @e-paper-reader-close=${on.readerClose}
      @e-paper-reader-jump=${on.readerJump}
      @e-paper-reader-text-scale=${(e: CustomEvent<EPaperReaderEventMap['e-paper-reader-text-scale']>) => session.setTextScale(e.detail.textScale)}
      @e-paper-reader-progress=${on.readerProgress}
      @e-paper-reader-aloud=${(e: CustomEvent<ReaderAloud>) => session.saveAloud(e.detail)}
    ></e-paper-reader>`;
}
