import type { ReactiveController } from 'lit';
import { emit } from '../events/events.js';
import { isTextField } from '../internal/focus.js';
import type { PageHandlers } from '../elements/e-paper/e-paper-ready-view.js';
import { toolbarAction } from '../elements/e-paper/e-paper-views.js';
import type { ChromeSlot } from './chrome-slot.js';
import { viewportOf, type ViewerContext } from './viewer-context.js';

/**
 * What the reader does to the page and the first render's controls, handled: the keys the viewer
 * takes wherever focus is in it (PageUp/PageDown, Ctrl/⌘+F), the toolbar's buttons, the viewport's
 * zooms and swipes, the page strip, and the regions (hover and focus for the tooltip, activation
 * for the reader). What needs the part shown around the page goes through {@link ChromeSlot},
 * which keeps it until that part is in.
 */
export class PageInputController implements ReactiveController {
  /** Where the pointer last moved over the page, for the tooltip. */
  #lastPointer?: { x: number; y: number };

  constructor(
    private readonly ctx: ViewerContext,
    private readonly chrome: ChromeSlot,
  ) {
    ctx.host.addController(this);
  }

  hostConnected(): void {
    this.ctx.host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.ctx.host.removeEventListener('keydown', this.#onKeyDown);
  }

  /** PageUp/PageDown turn the page wherever focus is in the viewer, unless a field or the reader has it. */
  readonly #onKeyDown = (event: KeyboardEvent) => {
    const { host } = this.ctx;
    if (event.defaultPrevented || event.altKey || host.article || this.ctx.ui().state.kind !== 'ready') return;
    // Ctrl/⌘+F inside the viewer searches the edition (the browser's find cannot see the page's text well).
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      this.chrome.with((chrome) => chrome.search.open());
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const direction = event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
    if (!direction || isTextField(event.composedPath()[0])) return;
    event.preventDefault();
    host.turnPage(direction);
  };

  /** What the first render's parts report, handled (see readyView). */
  readonly on: PageHandlers = {
    toolbarAction: ({ detail }) => {
      const viewport = viewportOf(this.ctx.host);
      if (viewport) toolbarAction(detail.action, viewport, (direction) => this.ctx.host.turnPage(direction));
    },
    zoom: ({ detail }) => {
      const { ctx } = this;
      const { scale, center, minScale, maxScale, fitted } = detail;
      ctx.set({ zoom: { scale, minScale, maxScale }, hovered: undefined });
      if (!fitted && !ctx.host.noOverview) ctx.parts.need('e-paper-overview');
      const { state } = ctx.ui();
      // While the next edition loads, the reading state is already that edition's; before the page
      // is first shown, a view is the layout settling, not the reader's doing. A page shown whole
      // is remembered as that, not as a scale that fits only this box.
      if (state.kind === 'ready' && state.phase === 'shown')
        ctx.session.viewed(state.page.id, fitted ? null : { scale, x: center.x, y: center.y });
      // Passed on as the viewer's own, once the viewer has taken it in.
      emit(ctx.host, 'e-paper-zoom', detail, true);
    },
    swipe: ({ detail }) => this.ctx.host.turnPage(detail.direction),
    selectPage: ({ detail }) => (this.ctx.host.page = detail.pageId),
    // The text view's choice (the list's comes with what is shown around the page).
    contentsSelect: ({ detail }) => this.chrome.with((chrome) => chrome.articles.chosen(detail)),
    regionEnter: ({ detail: { articleId, region, via } }) => {
      void this.chrome.need();
      this.ctx.parts.need('e-paper-tooltip');
      this.ctx.set({ hovered: { articleId, region, point: via === 'pointer' ? this.#lastPointer : undefined } });
    },
    regionLeave: ({ detail }) => this.ctx.ui().hovered?.region === detail.region && this.ctx.set({ hovered: undefined }),
    regionActivate: ({ detail }) => {
      this.ctx.set({ hovered: undefined });
      this.chrome.with((chrome) => chrome.articles.openedFrom(detail.region));
      this.ctx.host.article = detail.articleId;
    },
    pagePointerMove: (event) => {
      this.#lastPointer = { x: event.clientX, y: event.clientY };
      // Buttons held: the reader is panning; the tooltip would only trail behind.
      if (event.buttons && this.ctx.ui().hovered) this.ctx.set({ hovered: undefined });
    },
  };
}
