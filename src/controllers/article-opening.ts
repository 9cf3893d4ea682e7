import { articlesById } from '../edition/regions.js';
import { isPageRef } from '../edition/page-ref.js';
import type { Edition, Page } from '../edition/schema.js';
import { emit } from '../events/events.js';
import { chromeStrings } from '../elements/e-paper/chrome-strings.js';
import type { ContentsSelectDetail } from '../elements/e-paper-contents/e-paper-contents.js';
import type { EPaperPage } from '../elements/e-paper-page/e-paper-page.js';
import type { EPaperReaderEventMap } from '../elements/e-paper-reader/e-paper-reader.js';
import { ReaderFocusController } from './reader-focus.js';
import { ArticleReading } from './article-reading.js';
import { viewportOf, type ViewerContext } from './viewer-context.js';

/** Where the reader closed for the second press of a double-click or double-tap on the page. */
type ZoomAt = EPaperReaderEventMap['e-paper-reader-close']['zoomAt'];

/** The page `articleId` stands on, if known: `current` if a part of it is there (a continued article), else its first part's. */
export const pageOf = (edition: Edition, articleId: string, current?: Page): Page | undefined =>
  [current ?? edition.pages[0], ...edition.pages].find((p) =>
    (p.regions ?? p.blocks ?? []).some((r) => 'article' in r && r.article === articleId),
  );

/**
 * The opening of articles in the reader, once the page is shown (a module of its own, loaded with
 * what is shown around the page): the reader opens, switches and closes as the viewer's `article`
 * changes, on the page that holds the article (once its page file is in), at the paragraph the
 * reading session gives; the events, the hash and the focus follow. Also the ways into it and out
 * of it: a list's or a search's choice, the offer to continue reading, a jump link to another page.
 */
export class ArticleOpeningController {
  /** Where focus goes back to when the reader closes. */
  readonly #focus: ReaderFocusController;
  /** What articles read do to the reading session. */
  readonly reading: ArticleReading;

  constructor(private readonly ctx: ViewerContext) {
    const { host, view } = ctx;
    this.reading = new ArticleReading(host, ctx.session, ctx.notices);
    this.#focus = new ReaderFocusController({
      rendered: () => host.updateComplete,
      // In the text view, its item (a .region too) stands for the region.
      regionFor: (id) =>
        view.text
          ? host.renderRoot.querySelector('e-paper-text-view')?.revealItem?.(id)
          : host.renderRoot.querySelector<EPaperPage>('e-paper-page')?.regionFor(id),
    });
    // The reading session's write side (a part) at idle: the first article opened started its
    // import inside the click (0.5–1.6 ms of the click's script, profiled).
    (globalThis.requestIdleCallback ?? setTimeout)(() => ctx.session.change(() => {}));
  }

  /** The reader opens from `opener` (a region); without one, from what has focus now. */
  openedFrom(opener?: Element): void {
    this.#focus.openedFrom(opener);
  }

  /** Opens, switches or closes the reader after `article` changed from `previous`. */
  changed(previous: string | undefined, pagesLoaded = false): void {
    const { host, notices, hash } = this.ctx;
    const session = this.reading;
    const state = this.ctx.ui().state;
    if (state.kind !== 'ready') return;
    session.stopReadTimer();
    const id = host.article;
    if (id === undefined || id === '') {
      if (previous) {
        this.#underReader(false);
        session.closed();
        emit(host, 'e-paper-article-close', { articleId: previous }, true);
        hash.write({ article: undefined });
        this.#focus.returnFocus(previous);
      }
      return;
    }
    const article = articlesById(state.edition).get(id);
    if (!article && !pagesLoaded && state.edition.pages.some(isPageRef)) {
      // It may be on a page kept in a page file: the reader opens once that has loaded.
      void this.ctx.pageFiles.loadAll().then(() => host.article === id && this.changed(previous, true));
      return;
    }
    if (!article) {
      console.warn(`e-paper: no article "${id}" in edition ${state.edition.id}`);
      notices.message(chromeStrings(host.lang).unknownArticle(id));
      host.article = previous;
      return;
    }
    const onPage = pageOf(state.edition, id, state.page);
    if (onPage && onPage !== state.page) this.ctx.showPage(onPage);
    this.ctx.parts.need('e-paper-reader');
    this.#underReader(true);
    if (!previous) this.#focus.openedFrom();
    const paragraph = session.opened(id);
    emit(host, 'e-paper-article-open', { articleId: id }, true);
    hash.write({ article: id });
    if (paragraph > 0) void host.updateComplete.then(() => host.renderRoot.querySelector('e-paper-reader')?.scrollToParagraph(paragraph));
  }

  /**
   * Marks the page as under the open reader (`reading`, see `<e-paper-page>`): the reader covering
   * the pointer takes its region's hover away, and the fill fading out under the veil would draw the
   * page's tiles again in every frame of the click's first frames.
   */
  #underReader(open: boolean): void {
    this.ctx.host.renderRoot.querySelector('e-paper-page')?.toggleAttribute('reading', open);
  }

  /** No article was asked for when `edition` was shown: the offer to continue the one the reader left open. */
  offerToContinue(edition: Edition): void {
    const { host, notices, pageFiles } = this.ctx;
    const find = (id: string) => {
      const state = this.ctx.ui().state;
      return state.kind === 'ready' ? articlesById(state.edition).get(id) : undefined;
    };
    const more = async () => {
      await pageFiles.loadAll();
      const now = this.ctx.ui().state;
      return now.kind === 'ready' && now.edition.id === edition.id && !host.article && !notices.current;
    };
    void this.reading.offerToContinue(find, edition.pages.some(isPageRef) ? more : undefined);
  }

  /** Opens `articleId` (from the search, or again at another paragraph), returning focus to what had it. */
  openFrom(articleId: string, paragraph?: number): void {
    const { host } = this.ctx;
    this.#focus.openedFrom();
    this.reading.openAt(paragraph);
    if (host.article === articleId) host.article = undefined;
    host.article = articleId;
  }

  /** The offer to continue reading was taken: the article opens at the paragraph left. */
  continueReading(articleId: string, paragraph: number): void {
    this.ctx.notices.dismiss();
    this.reading.openAt(paragraph);
    this.ctx.host.article = articleId;
  }

  /** A list (the articles', the text view) chose an article, which opens, or a page, which is shown and takes focus. */
  chosen({ articleId, pageId }: ContentsSelectDetail): void {
    const { host } = this.ctx;
    if (articleId) {
      this.#focus.openedFrom();
      host.article = articleId;
    } else if (pageId) {
      host.page = pageId;
      // The list closed under the keyboard: go on from the page itself.
      void host.updateComplete.then(() => viewportOf(host)?.focus({ preventScroll: true }));
    }
  }

  /** The reader closed itself; `zoomAt`: for the second press of a double-click or double-tap on the page, which zooms there. */
  closed(zoomAt: ZoomAt): void {
    this.ctx.host.article = undefined;
    if (zoomAt) viewportOf(this.ctx.host)?.zoomForDoublePress(zoomAt.x, zoomAt.y, zoomAt.pointerType, zoomAt.out);
  }

  /** A continued article's jump link: the reader closes, the page turns, the part there lights up. */
  jump(articleId: string, pageId: string): void {
    const { host } = this.ctx;
    host.article = undefined;
    host.page = pageId;
    void import('./part-light.js').then((m) => m.lightPart(host, articleId));
  }
}
