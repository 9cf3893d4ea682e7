import type { ReactiveController } from 'lit';
import type { Edition, Page } from '../edition/schema.js';
import { emit } from '../events/events.js';
import { uiStrings } from '../i18n/strings.js';
import type { EPaperPage } from '../elements/e-paper-page/e-paper-page.js';
import { pickPage } from '../elements/e-paper/e-paper-views.js';
import { withPhase } from '../elements/e-paper/viewer-state.js';
import type { ArchiveSlot } from './archive-slot.js';
import type { ChromeSlot } from './chrome-slot.js';
import { EditionLoadingController, describeError } from './edition-loading.js';
import type { EditionPageFiles } from './page-files.js';
import { viewportOf, type ViewerContext } from './viewer-context.js';
import { standIns } from '../edition/fonts.js';
import type { ViewerState } from '../elements/e-paper/viewer-state.js';
import { fitScale } from '../elements/e-paper-viewport/viewport-math.js';
import { isPageRef } from '../edition/page-ref.js';

/**
 * The viewer's load of an edition, in the order the first paint wants: the edition (validated;
 * the session's database opens meanwhile), then together its page files' part, the first render's
 * parts, the saved session and, where the session cannot change the page, the page's fonts; the
 * page (its file, its fonts) and the saved view before the first frame; then `e-paper-ready`, what
 * is shown around the page, the archive's index, the idle parts and the remaining page files, and
 * the article a link names or the offer to continue reading. Each load cuts off the one before; an archive move keeps
 * the edition in view until the next one is ready; a viewer moved while loading loads again.
 */
export class ViewerLoadController implements ReactiveController {
  readonly #loading: EditionLoadingController;

  constructor(
    private readonly ctx: ViewerContext,
    private readonly around: { chrome: ChromeSlot; archive: ArchiveSlot },
  ) {
    ctx.host.addController(this);
    this.#loading = new EditionLoadingController(ctx.host);
  }

  hostConnected(): void {
    // Moved or re-attached while a load was cut off: load again.
    if (this.ctx.host.hasUpdated && this.ctx.ui().state.kind === 'loading') void this.load();
  }

  /** Loads (or reloads) the edition from `edition` or `src`. */
  async load(): Promise<void> {
    const { ctx } = this;
    const { host, notices, parts, pageFiles, session } = ctx;
    const ticket = this.#loading.begin();
    const before = ctx.ui().state;
    // An archive move keeps the edition in view until the next one is ready.
    const keepInView = before.kind === 'ready' && before.phase === 'next';
    if (host.edition === undefined && !host.src) {
      // The archive index will name the edition.
      if (host.archive) ctx.set({ state: { kind: 'loading' } });
      else ctx.fail({ cause: 'no-source', message: uiStrings(host.lang).errors['no-source'], problems: [] });
      return;
    }
    if (!keepInView) {
      ctx.set({ state: { kind: 'loading' } });
      notices.dismiss();
    }
    let loaded: { edition: Edition; page: Page; baseUrl: string; files?: EditionPageFiles };
    let saved;
    session.open(!host.noPersist);
    try {
      const { edition, baseUrl } = await this.#loading.fetch(host, ticket.signal);
      const options = { signal: ticket.signal, timeoutMs: host.loadTimeout, maxBytes: host.maxBytes };
      // Its page files' part (only for an edition that has them) comes beside the rest.
      const filesFor = pageFiles.forEdition(edition, baseUrl, options);
      filesFor.catch(() => undefined); // awaited below
      // The parts the first render shows with the page, beside the saved session.
      const first = parts.forFirstRender(edition.pages.length);
      // The page's fonts beside the session too when it cannot change them: one page, or the one the
      // host names, and no stand-in for a scale it saved (another page shown asks for its own).
      const sure = edition.pages.length < 2 || host.page ? pickPage(edition, host.page) : undefined;
      const early = sure && !edition.fonts?.some((font) => font.kind === 'stand-in') && this.#loading.fonts(edition, baseUrl, sure);
      saved = await session.restore(edition, { storageKey: host.storageKey, persist: !host.noPersist });
      // The hash may name the page.
      await ctx.hash.pending;
      const page = pickPage(edition, host.page ?? saved?.page);
      // A page in the edition file waits for no page file: the part then comes beside its fonts.
      loaded = { ...(await pageFiles.firstPage(isPageRef(page) ? await filesFor : undefined, edition, page, ticket.signal)), baseUrl };
      // The fonts of the page shown, and only those: an edition's fonts may be sliced by character.
      ctx.view.settle();
      // At the scale it is first shown (the saved view, or the fit): text too small to read waits for no glyph.
      const scale =
        saved?.view && (saved.page ?? page.id) === loaded.page.id
          ? saved.view.scale
          : fitScale({ width: host.clientWidth, height: host.clientHeight }, loaded.page);
      const fonts = (loaded.page === sure && early) || this.#loading.fonts(loaded.edition, baseUrl, loaded.page, scale);
      [loaded.files] = await Promise.all([filesFor, fonts, first]);
    } catch (error) {
      if (!ticket.current() || ticket.signal.aborted) return;
      const problem = describeError(error, host.lang);
      // The edition in view stays; the picker goes back to its date.
      if (keepInView) {
        ctx.set({ state: withPhase(ctx.ui().state, 'shown') });
        notices.message(problem.message);
      } else ctx.fail(problem);
      return;
    }
    if (!ticket.current()) return;
    const { edition, page, baseUrl } = loaded;
    pageFiles.activate(loaded.files);
    session.begin(saved);
    ctx.set({ state: { kind: 'ready', edition, page, baseUrl, phase: 'settling' } });
    host.page = page.id;
    // Not host.updateComplete: the first render waits for no lazy part.
    await ctx.rendered();
    const viewport = viewportOf(host);
    await viewport?.updateComplete;
    await host.renderRoot.querySelector<EPaperPage>('e-paper-page')?.updateComplete;
    // The saved view goes on before the first frame is painted: no visible jump.
    if (viewport && saved?.view && (saved.page ?? page.id) === page.id) {
      viewport.zoomTo(saved.view.scale, { x: saved.view.x, y: saved.view.y }, { animate: false });
    } else viewport?.fit('page', { animate: false }); // another edition may have left its zoom
    // The viewport owns the zoom and announces every change but its first layout: read that once.
    if (viewport) ctx.set({ zoom: { scale: viewport.scale, minScale: viewport.minScale, maxScale: viewport.maxScale } });
    // The frame after the page is painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (!ticket.current()) return;
    ctx.set({ state: withPhase(ctx.ui().state, 'shown') }); // the page strip may draw now
    emit(host, 'e-paper-ready', { editionId: edition.id, page: page.id }, true);
    // The real faces where a stand-in drew the page: at once in the background, before a zoom needs them.
    if (standIns.size) void import('../edition/font-swap.js').then((m) => m.swapStandIns(edition, () => shownPage(ctx.ui().state) ?? page));
    const { chrome, archive } = this.around;
    const around = chrome.need();
    archive.editionSettled();
    // Once what shows around the page is in: the idle parts and the overview, then the pages kept in page files (the list, the search and the strip want every page).
    // The overview map too, so that it is laid out and rastered before the first zoom shows it.
    void around.then(() =>
      parts.whenIdle(() => {
        if (!host.noOverview) parts.need('e-paper-overview');
        if (ticket.current()) void pageFiles.loadAll();
      }),
    );
    if (host.article) {
      session.resume(host.article);
      chrome.articleChanged(undefined);
    } else chrome.with((c) => c.articles.offerToContinue(edition));
  }
}

/** The page a state shows, if any. */
const shownPage = (state: ViewerState): Page | undefined => (state.kind === 'ready' ? state.page : undefined);
