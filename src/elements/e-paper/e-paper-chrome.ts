import { adoptStyles, html, nothing, svg, type LitElement } from 'lit';
import { live } from 'lit/directives/live.js';
import { articlesById, articlesOnPage } from '../../edition/regions.js';
import { isPageRef } from '../../edition/page-ref.js';
import type { Edition, Page } from '../../edition/schema.js';
import { chromeStrings } from './chrome-strings.js';
import type { Notice } from '../../controllers/notices.js';
import { ArticleOpeningController } from '../../controllers/article-opening.js';
import { SearchPanelController } from '../../controllers/search-panel.js';
import { PageFontsController } from '../../controllers/page-fonts.js';
import type { ViewerContext } from '../../controllers/viewer-context.js';
import type { ContentsPage, ContentsSelectDetail } from '../e-paper-contents/e-paper-contents.js';
import type { EPaperReaderEventMap, ReaderAloud } from '../e-paper-reader/e-paper-reader.js';
import type { SearchSelectDetail } from '../e-paper-search/e-paper-search.js';
import type { ReadyViewInput } from './e-paper-ready-view.js';
import { viewToggle } from './text-view-mode.js';
import { chromeStyles } from './e-paper-chrome.styles.js';

/**
 * What the viewer shows and does around the page once the page is shown (`e-paper-ready`), a
 * module of its own loaded then, or when first used (src/controllers/chrome-slot.ts): the toolbar's
 * end (archive, search, list, text view, offline, full screen), the overview, the notice, the
 * tooltip and the reader, the handlers of what they report, and the opening of articles
 * (src/controllers/article-opening.ts) and the search panel (src/controllers/search-panel.ts). The
 * first paint draws the toolbar's own buttons, the page and the page strip without it
 * (e-paper-ready-view.ts).
 */

/** The viewer's handlers of what the parts around the page report (each stops at the viewer's shadow root). */
export interface ChromeHandlers {
  archiveSelect: (event: CustomEvent<{ src: string; date: string }>) => void;
  toggleSearch: () => void;
  searchQuery: (event: CustomEvent<{ query: string }>) => void;
  searchSelect: (event: CustomEvent<SearchSelectDetail>) => void;
  closeSearch: () => void;
  contentsSelect: (event: CustomEvent<ContentsSelectDetail>) => void;
  continueReading: (articleId: string, paragraph: number) => void;
  dismissNotice: () => void;
  readerNavigate: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-navigate']>) => void;
  readerClose: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-close']>) => void;
  readerProgress: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-progress']>) => void;
  toggleView: () => void;
  readerJump: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-jump']>) => void;
  readerTextScale: (event: CustomEvent<EPaperReaderEventMap['e-paper-reader-text-scale']>) => void;
  readerAloud: (event: CustomEvent<ReaderAloud>) => void;
}

/** What is shown around the page, made for one viewer: its templates, and what acts on the viewer. */
export interface Chrome {
  readonly articles: ArticleOpeningController;
  readonly search: SearchPanelController;
  readonly on: ChromeHandlers;
  /** The toolbar's end (its `end` slot). */
  toolbarEnd(view: ReadyViewInput): unknown;
  /** The overview map, before the page strip. */
  overview(view: ReadyViewInput): unknown;
  /** The notice, the tooltip and the reader, after the page strip. */
  overPage(view: ReadyViewInput): unknown;
}

/** What is shown around the page for the viewer `ctx`. */
export function makeChrome(ctx: ViewerContext): Chrome {
  const { host, notices } = ctx;
  // Its styles join the viewer's own, after them.
  if (host.shadowRoot) adoptStyles(host.shadowRoot, [...((host.constructor as typeof LitElement).elementStyles ?? []), chromeStyles]);
  const articles = new ArticleOpeningController(ctx);
  const search = new SearchPanelController(ctx);
  new PageFontsController(ctx);
  const on: ChromeHandlers = {
    archiveSelect: ({ detail }) => ctx.showEdition(detail.src, detail.date),
    toggleSearch: () => search.toggle(),
    searchQuery: ({ detail }) => ctx.set({ searchQuery: detail.query }),
    searchSelect: ({ detail }) => articles.openFrom(detail.articleId, detail.field === 'paragraph' ? detail.index : undefined),
    closeSearch: () => search.close(),
    contentsSelect: ({ detail }) => articles.chosen(detail),
    continueReading: (articleId, paragraph) => articles.continueReading(articleId, paragraph),
    dismissNotice: () => notices.dismiss(),
    readerNavigate: ({ detail }) => (host.article = detail.articleId),
    readerClose: ({ detail }) => articles.closed(detail.zoomAt),
    readerProgress: ({ detail }) => articles.reading.progress(detail, host.article),
    toggleView: () => ctx.view.toggle(),
    readerJump: ({ detail }) => articles.jump(detail.articleId, detail.pageId),
    readerTextScale: ({ detail }) => articles.reading.setTextScale(detail.textScale),
    readerAloud: ({ detail }) => articles.reading.saveAloud(detail),
  };
  return {
    articles,
    search,
    on,
    toolbarEnd: (view) => toolbarEnd(view, on),
    overview,
    overPage: (view) => overPage(view, on),
  };
}

/** A magnifier: the search's icon where a narrow toolbar has no room for its word. */
const SEARCH_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5 21 21" /></svg>`;
/** The reader's way beyond the page while it is closed: none. */
const NO_BEYOND = {};

/** The toolbar's end: the archive's picker, the search, the list, the view toggle, offline, full screen. */
export function toolbarEnd(view: ReadyViewInput, on: ChromeHandlers) {
  const { state, session, viewer } = view;
  const { lang } = viewer;
  const { edition, page, baseUrl, phase } = state;
  return html`${
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
      ${SEARCH_ICON}<span>${chromeStrings(lang).search}</span>
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
      .articles=${articlesOnPage(edition, page)}
      .readArticles=${session.readArticles}
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
    <e-paper-fullscreen slot="end" exportparts="button, fullscreen" lang=${lang}></e-paper-fullscreen>`;
}

/** The overview map while the page is zoomed in (before the page strip in the document's order). */
export const overview = ({ state: { edition, page, baseUrl }, viewer }: ReadyViewInput) =>
  viewer.noOverview
    ? nothing
    : html`<e-paper-overview exportparts="overview, overview-mark" .edition=${edition} .page=${page} .baseUrl=${baseUrl} lang=${viewer.lang}></e-paper-overview>`;

/** Over the page, after the page strip: the notice, the tooltip and the reader. */
export function overPage(view: ReadyViewInput, on: ChromeHandlers) {
  const { state, session, viewer } = view;
  const { lang } = viewer;
  const { edition, page, baseUrl } = state;
  const articles = articlesOnPage(edition, page);
  return html`${noticeView(lang, edition, view.notice, { continueReading: on.continueReading, dismiss: on.dismissNotice })}
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
      @e-paper-reader-text-scale=${on.readerTextScale}
      @e-paper-reader-progress=${on.readerProgress}
      @e-paper-reader-aloud=${on.readerAloud}
    ></e-paper-reader>`;
}

/** The quiet notice over the page: a message, or the offer to continue reading. */
export function noticeView(
  lang: string,
  edition: Edition,
  notice: Notice | undefined,
  actions: { continueReading(articleId: string, paragraph: number): void; dismiss(): void },
) {
  if (!notice) return nothing;
  if (notice.kind === 'message') return html`<div class="notice" part="notice" role="status">${notice.text}</div>`;
  const strings = chromeStrings(lang);
  const headline = articlesById(edition).get(notice.articleId)?.headline ?? '';
  return html`<div class="notice" part="notice" role="status">
    <button type="button" class="continue" @click=${() => actions.continueReading(notice.articleId, notice.paragraph)}>
      ${strings.continueReading(headline)}
    </button>
    <button type="button" class="dismiss" aria-label=${strings.dismiss} @click=${() => actions.dismiss()}>×</button>
  </div>`;
}

/** The list's pages for a one-page edition: one array, so that a re-render (every zoom) changes nothing. */
const NO_PAGES: readonly ContentsPage[] = [];
const contentsCache = new WeakMap<Edition, ContentsPage[]>();

/** Every page with its articles for the list, once per edition (the list re-renders on every zoom); none for one page. */
export function contentsPages(edition: Edition): readonly ContentsPage[] {
  if (edition.pages.length < 2) return NO_PAGES;
  let pages = contentsCache.get(edition);
  if (!pages) {
    pages = edition.pages.map((p) => ({
      id: p.id,
      label: p.label,
      section: p.section,
      articles: articlesOnPage(edition, p),
      loading: isPageRef(p),
    }));
    contentsCache.set(edition, pages);
  }
  return pages;
}

/** The article just before (-1) or after (1) the page's own: on the nearest page that has any. */
export function articleBeyond(edition: Edition, page: Page, direction: 1 | -1): string | undefined {
  for (let at = edition.pages.indexOf(page) + direction; at >= 0 && at < edition.pages.length; at += direction) {
    const articles = articlesOnPage(edition, edition.pages[at]);
    if (articles.length) return (direction < 0 ? articles[articles.length - 1] : articles[0]).id;
  }
  return undefined;
}
