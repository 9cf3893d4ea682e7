// Over 400 lines: one modal dialog whose parts (focus, keys, scroll and progress, share, read
// aloud's highlight) act on each other, and its template. Beside it: reader-helpers.ts (pure
// helpers), reader-progress.ts (the progress reports), reader-keys.ts (Tab and scroll keys),
// reader-clipboard.ts (copying without the Clipboard API).
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article, Edition, Photo } from '../../edition/schema.js';
import { FALLBACK_FONTS, editionFontFamily, fontStack } from '../../edition/fonts.js';
import { articlesById } from '../../edition/regions.js';
import { uiStrings, writtenDate } from '../../i18n/strings.js';
import { readerStrings } from './reader-strings.js';
import { readerStyles, readerTokens } from './e-paper-reader.styles.js';
import { searchHitStyles } from '../../internal/styles/search-hit.js';
import { articleLink, clampTextScale, inReadingOrder, lockPageScroll, TEXT_SCALE } from './reader-helpers.js';
import { cssProps } from '../../internal/css-props.js';
import { deepActiveElement } from '../../internal/deep-focus.js';
import { isTextField } from '../../internal/focus.js';
import { safeHttpUrl } from '../../edition/urls.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { SearchHighlightController } from '../../controllers/search-highlights.js';
import { definePart, type LazyElementName } from '../../lazy-parts.js';
import type { EPaperReadAloudEventMap } from '../e-paper-read-aloud/e-paper-read-aloud.js';
import { shareStrings } from '../e-paper-share/share-strings.js';
import { DoublePressWatch, type DoublePress } from './double-press.js';
import { jumpLinks } from './reader-jumps.js';
import { readerJumpStyles } from './reader-jumps.styles.js';
import { SCROLL_KEYS, scrollByKey, trapTab } from './reader-keys.js';
import { copyThroughSelection } from './reader-clipboard.js';
import { ReadingProgress } from './reader-progress.js';
import { DeferredLayout } from './reader-deferred-layout.js';
import { GlyphWarmup, cutsLoaded, glyphSamples, loadedCuts } from './reader-glyph-warmup.js';
import { LayoutAhead } from './reader-layout-ahead.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

/** Why the reader closed. */
export type ReaderCloseReason = 'escape' | 'button' | 'backdrop' | 'double-press';

/** The events `<e-paper-reader>` fires, by name, with their `detail` (internal: see src/events/events.ts). */
export interface EPaperReaderEventMap {
  /** `zoomAt`: the reader closed for the second press of a double-click or double-tap on the page (`double-press`). */
  'e-paper-reader-close': { articleId: string | undefined; reason: ReaderCloseReason; zoomAt?: DoublePress };
  'e-paper-reader-navigate': { articleId: string; direction: 'previous' | 'next' };
  'e-paper-reader-text-scale': { textScale: number };
  'e-paper-reader-progress': { articleId: string; fraction: number; paragraph: number };
  'e-paper-reader-aloud': ReaderAloud;
  /** A jump link of a continued article: the owner shows the part of `articleId` on page `pageId`. */
  'e-paper-reader-jump': { articleId: string; pageId: string };
}

/** Where read aloud was (the article, the paragraph: -1 the headline) and its speed. */
export interface ReaderAloud {
  article: string;
  paragraph: number;
  rate: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-reader': EPaperReader;
  }
}

/** How far above a restored paragraph the view starts. */
const RESTORE_OFFSET_PX = 12;
/** How long "Link copied" stays. */
const STATUS_MS = 2000;

const closeIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
const linkIcon = svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const moreIcon = svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2v2h-2zM18 14h2v2h-2z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/></svg>`;
const chevron = (direction: 'previous' | 'next') =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d=${direction === 'previous' ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/**
 * The article reader: a modal dialog (the native `<dialog>`, opened with `showModal()`, so it sits
 * in the top layer, makes the page behind inert and closes with Esc) that sets one article of the
 * edition as a newspaper does: banner, kicker, headline, subheads, bylines, photo, body.
 *
 * The owner keeps the state: it sets `articleId` and `open`, listens to `e-paper-reader-navigate`
 * to move to another article (the reader never changes `articleId` itself) and to
 * `e-paper-reader-close` (the reader has closed itself and set `open` to false; focus goes back
 * natively to the element that had it before opening). Setting `open = false` closes it without
 * an event.
 *
 * @fires e-paper-reader-close - The reader closed itself. `detail: {articleId, reason: 'escape' | 'button' | 'backdrop' | 'double-press', zoomAt}`.
 * @fires e-paper-reader-navigate - Previous or next was asked for (buttons, ←/→). `detail: {articleId, direction}`; the owner sets `articleId`.
 * @fires e-paper-reader-text-scale - The reader changed the text size. `detail: {textScale}`.
 * @fires e-paper-reader-progress - While the reader scrolls (at most every 250 ms, and on close). `detail: {articleId, fraction, paragraph}`: fraction 0..1 of the scroll, index of the body paragraph at the top of the view.
 * @fires e-paper-reader-jump - A jump link of a continued article (转X版 / 上接第X版) was followed. `detail: {articleId, pageId}`: the owner closes the reader and shows that page's part.
 * @fires e-paper-reader-aloud - Read aloud moved on or changed speed. `detail: {article, paragraph, rate}`: paragraph -1 is the headline; the owner keeps it and gives it back as `aloud`.
 * @csspart reader - The dialog: the sheet of paper (a centred column, or the whole screen below 600 px).
 * @csspart header - The line at the top: page label, position, controls, close button.
 * @csspart controls - The groups of buttons (text size and link in the header; previous/next at the foot).
 * @csspart button - Every button.
 * @csspart content - The scrolling article; carries the edition's `lang`.
 * @csspart banner - The series banner (栏目).
 * @csspart kicker - The kicker (引题).
 * @csspart headline - The headline (主题).
 * @csspart subhead - Each subhead (副题).
 * @csspart bylines - The bylines.
 * @csspart photo - Each photo (figure with caption and credit).
 * @csspart body - The body paragraphs.
 * @csspart attribution - The edition's rights statement (its `rights.attribution`), under the body.
 * @csspart tools - Read aloud and the share panel's button, between previous and next.
 * @cssprop [--e-paper-paper=#fbf8f1] - The printed page's paper (also the reader's, the thumbnails' and the loading sheet's).
 * @cssprop [--e-paper-paper-dark=#22211e] - `--e-paper-paper` in the dark theme.
 * @cssprop [--e-paper-ink=#1a1a1a] - The printed page's ink: text and rules (muted text is mixed from ink and paper).
 * @cssprop [--e-paper-ink-dark=#e6e2d8] - `--e-paper-ink` in the dark theme.
 * @cssprop [--e-paper-spot=#c8161d] - The printed page's spot colour (its second ink): masthead, banners (the paper shows through), the ear's date. Not the site's accent.
 * @cssprop [--e-paper-spot-dark=#ef5350] - `--e-paper-spot` in the dark theme.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent: the paragraph being read aloud. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-search-hit=#ffe066] - Background of a search match on the page, in the reader and in the results.
 * @cssprop [--e-paper-search-hit-dark=#ffe066] - `--e-paper-search-hit` in the dark theme.
 * @cssprop [--e-paper-search-hit-ink=#1a1a1a] - Text colour of a search match.
 * @cssprop [--e-paper-search-hit-ink-dark=#1a1a1a] - `--e-paper-search-hit-ink` in the dark theme.
 * @cssprop [--e-paper-reader-width=38em] - Width of the reader's column on wide screens (em of its 18 px base size).
 * @cssprop [--e-paper-reader-leading=1.9] - Line height of the reader's body text.
 * @cssprop [--e-paper-reader-paper=--e-paper-paper] - The reader's paper.
 * @cssprop [--e-paper-reader-paper-dark=--e-paper-paper-dark] - `--e-paper-reader-paper` in the dark theme.
 * @cssprop [--e-paper-reader-ink=--e-paper-ink] - The reader's text.
 * @cssprop [--e-paper-reader-ink-dark=--e-paper-ink-dark] - `--e-paper-reader-ink` in the dark theme.
 * @cssprop [--e-paper-reader-backdrop=rgb(20 18 14 / 0.62)] - The veil over the page behind the reader.
 * @cssprop [--e-paper-reader-backdrop-dark=rgb(0 0 0 / 0.72)] - `--e-paper-reader-backdrop` in the dark theme.
 * @cssprop [--e-paper-font-body] - The reader's body font; the edition's body font by default (the page keeps the edition's own fonts).
 * @cssprop [--e-paper-font-headline] - The reader's headline font; the edition's headline font by default.
 */
export class EPaperReader extends LocalizedElement {
  static override styles = [tokenStyles, readerTokens, readerStyles, readerJumpStyles, searchHitStyles];

  /** The edition the article comes from. */
  @property({ attribute: false }) edition?: Edition;

  /** Id of the article to show. */
  @property({ attribute: 'article-id' }) articleId?: string;

  /** Id of the page the reader was opened on: a continued article's jump links lead to its other pages. */
  @property({ attribute: false }) pageId?: string;

  /** Whether the dialog is open. Setting it opens (`showModal()`) or closes the dialog. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The reading order: previous/next and the position (3 / 9) come from it. */
  @property({ attribute: false }) articleIds: string[] = [];

  /**
   * The articles just before and after `articleIds`, on the neighbouring pages: previous at the
   * first article and next at the last go on to them, so the whole paper reads in one run.
   */
  @property({ attribute: false }) beyond: { previous?: string; next?: string } = {};

  /** The page's label as printed (A1). */
  @property({ attribute: 'page-label' }) pageLabel?: string;

  /** UI language (a language tag, the viewer's `lang`); reflected, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property({ reflect: true }) override lang = 'zh-CN';

  /** Text size factor, 0.8 to 1.8 in steps of 0.1. Kept across articles. */
  @property({ type: Number, attribute: 'text-scale' }) textScale: number = TEXT_SCALE.default;

  /** Colour theme; follows `prefers-color-scheme` when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Base URL for relative photo URLs (the edition file's URL); the document's base URL when absent. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** The search query whose matches the reader highlights in the article ('' for none). */
  @property({ attribute: false }) highlight = '';
  /** Where read aloud was last (kept with the reading state): play starts there in that article. */
  @property({ attribute: false }) aloud?: ReaderAloud;

  /** The paragraph being read aloud (-1 the headline), highlighted and kept in view. */
  @state() private speaking?: number;
  /** The share and print panel is open. */
  @state() private sharing = false;

  @state() private status = '';
  @state() private manualLink?: string;
  @state() private brokenPhotos = new Set<string>();
  /** The article in the closed dialog, laid out ahead at idle (reader-layout-ahead.ts). */
  @state() private ahead?: string;

  constructor() {
    super();
    new SearchHighlightController(this, () => [this.highlight, this.edition, this.articleId]);
  }

  // Private members are `#` ones, which the minifier can shorten (see the viewport).
  #query<T extends Element = HTMLElement>(selector: string): T | null {
    return this.renderRoot?.querySelector<T>(selector) ?? null;
  }
  /** The dialog, the scrolling article and the headline, as rendered now. */
  get #dialog(): HTMLDialogElement {
    return this.#query<HTMLDialogElement>('dialog')!;
  }
  get #scroller() {
    return this.#query('.scroller');
  }
  get #headline() {
    return this.#query('#headline');
  }

  #closeReason?: ReaderCloseReason;
  #closingQuietly = false;
  #pointerDownOnBackdrop = false;
  #statusTimer?: number;
  #unlockPage?: () => void;
  readonly #progress = new ReadingProgress(
    this,
    () => this.#scroller,
    () => this.#paragraphs(),
    () => (this.#article ? this.articleId : undefined),
  );
  /** Off-screen paragraphs laid out after the frame that shows an article (reader-deferred-layout.ts). */
  readonly #layout = new DeferredLayout(
    () => this.#query('.scroller .body'),
    () => {
      if (this.open) this.#progress.reportIfWhole();
    },
  );

  /** The page's glyphs laid out at idle while closed, so that an article opens without measuring them (reader-glyph-warmup.ts). */
  readonly #warmup = new GlyphWarmup(
    () => this.renderRoot,
    () => this.#fontProps(),
  );

  /** The dialog laid out at idle while closed, with the page's first article, so that an open only swaps the text (reader-layout-ahead.ts). */
  readonly #ahead = new LayoutAhead(
    (id) => {
      this.ahead = id;
      return this.updateComplete;
    },
    () => this.#query<HTMLDialogElement>('dialog'),
  );

  /** The faces and text scale, on the dialog and on the warm-up's sample. */
  #fontProps(): Record<string, string> {
    const edition = this.edition;
    return {
      '--_font-body': edition ? fontStack(edition, 'body') : FALLBACK_FONTS.body,
      '--_font-headline': edition
        ? loadedCuts(editionFontFamily(edition, 'headline')) + fontStack(edition, 'headline')
        : FALLBACK_FONTS.headline,
      '--_scale': String(this.textScale),
    };
  }

  /** Scrolls the article so that body paragraph `index` stands at the top (to restore a position). */
  async scrollToParagraph(index: number): Promise<void> {
    await this.updateComplete;
    this.#layout.now();
    const scroller = this.#scroller;
    const paragraphs = this.#paragraphs();
    if (!scroller || !paragraphs.length) return;
    const target = paragraphs[Math.max(0, Math.min(paragraphs.length - 1, Math.floor(index)))];
    const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTop = Math.max(0, top - RESTORE_OFFSET_PX);
  }

  get #article(): Article | undefined {
    const id = this.articleId;
    return id === undefined || !this.edition ? undefined : articlesById(this.edition).get(id);
  }

  /** The page's articles that count in the reading order (advertisements and notices do not, by default). */
  get #order(): string[] {
    const edition = this.edition;
    return edition ? this.articleIds.filter((id) => inReadingOrder(edition, id)) : this.articleIds;
  }

  get #position(): number {
    return this.articleId === undefined ? -1 : this.#order.indexOf(this.articleId);
  }

  #neighbour(direction: 'previous' | 'next'): string | undefined {
    const index = this.#position;
    if (index < 0) return undefined;
    return this.#order[direction === 'previous' ? index - 1 : index + 1] ?? this.beyond[direction];
  }

  /** Set when the element comes back while open, so `updated` shows the dialog again. */
  #reattached = false;

  /** The second press of a double-click or double-tap whose first opened the reader: the page's. */
  readonly #doublePress = new DoublePressWatch((press) => {
    this.#zoomAt = press;
    this.#requestClose('double-press');
  });
  #zoomAt?: DoublePress;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#doublePress.attach(this.getRootNode());
    if (this.hasUpdated && this.open) {
      this.#reattached = true;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#doublePress.detach();
    // A removed dialog leaves the top layer but keeps `open`; `updated` shows it as a modal
    // again when the element comes back.
    this.#progress.cancel();
    this.#layout.cancel();
    this.#warmup.cancel();
    this.#ahead.cancel();
    clearTimeout(this.#statusTimer);
    this.#releasePage();
  }

  #releasePage(): void {
    this.#unlockPage?.();
    this.#unlockPage = undefined;
  }

  protected override firstUpdated(): void {
    // Wheel or touch outside the article would scroll the page behind: keep them in.
    const keepIn = (event: Event) => {
      const scroller = this.#scroller;
      if (!scroller || !event.composedPath().includes(scroller)) event.preventDefault();
    };
    this.#dialog.addEventListener('wheel', keepIn, { passive: false });
    this.#dialog.addEventListener('touchmove', keepIn, { passive: false });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('textScale')) this.textScale = clampTextScale(this.textScale);
    if (changed.has('articleId') || changed.has('edition')) {
      this.#layout.defer();
      this.manualLink = undefined;
      this.speaking = undefined;
      if (changed.has('edition')) this.brokenPhotos = new Set();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.#dialog;
    // Shown only when the owner opens it or it comes back: an unrelated update between the
    // browser closing the dialog (Esc) and its close event must not show it again.
    const show = changed.has('open') || this.#reattached;
    this.#reattached = false;
    if (this.open) {
      this.#warmup.cancel();
      this.#ahead.cancel();
    } else if (changed.has('edition') || changed.has('articleIds') || changed.has('textScale') || changed.has('open')) this.#warm();
    if (this.open && show && this.isConnected && !dialog.matches(':modal')) {
      if (dialog.open) dialog.close();
      dialog.showModal();
      this.#doublePress.opened(this.articleId);
      this.#unlockPage ??= lockPageScroll(this.ownerDocument);
      // Read aloud's part after the frames that show the text, not in them.
      const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
      idle(() => this.#need('e-paper-read-aloud'), { timeout: 500 });
      this.#toTop();
      this.#focusStart();
      this.#progress.reportIfWhole();
    } else if (!this.open && dialog.open) {
      this.#progress.cancel();
      this.#closeReason = undefined;
      this.#closingQuietly = true;
      dialog.close();
      this.#releasePage();
    } else if (this.open && changed.has('articleId')) {
      this.#toTop();
      this.#progress.reportIfWhole();
      // The button that had focus may be disabled now (at the ends): focus would fall out of the dialog.
      const active = deepActiveElement(this.renderRoot as ShadowRoot);
      if (!active || (active as HTMLButtonElement).disabled || active === this.#headline) this.#focusStart();
    }
  }

  /** What the last warm-up asked for was warmed for (edition, articles, text scale). */
  #warmKey?: string;

  /** At idle while closed: the glyphs of the page's articles, in the reader's styles. */
  #warm(): void {
    const edition = this.edition;
    if (!edition || !this.isConnected) return;
    const ids = this.articleIds;
    const byId = articlesById(edition);
    const articles = () => glyphSamples(ids.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined));
    const key = `${edition.id} ${ids.join()} ${this.textScale}`;
    this.#warmKey = key;
    // After the shown page's headline cut: with it still loading, the headlines would fetch slices.
    void cutsLoaded(editionFontFamily(edition, 'headline')).then(() => {
      if (this.open || this.#warmKey !== key) return;
      this.#warmup.warm(key, articles, edition.lang);
      this.#ahead.schedule(key, this.#order[0]);
    });
  }

  #focusStart(): void {
    const target = this.#headline ?? this.#query('.close');
    target?.focus({ preventScroll: true });
  }

  #toTop(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    // The new content may already have clamped the scroll to 0 (a scroll event is on its way).
    this.#progress.ignoreScrollToTop = true;
    scroller.scrollTop = 0;
  }

  #paragraphs(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.scroller .body > p')];
  }

  /** Closes the dialog for a reason the user gave; the native `close` event then reports it. */
  #requestClose(reason: ReaderCloseReason): void {
    if (!this.#dialog.open) return;
    this.#closeReason = reason;
    this.#dialog.close();
  }

  #onCancel = () => {
    // Esc (or a platform's back gesture): let the dialog close, and say why.
    this.#closeReason = 'escape';
  };

  #onClose = () => {
    // Closed only to be shown again as a modal (re-attached): not a close.
    if (this.#dialog.open) return;
    // Chrome skips \`cancel\` for an Esc without user activation since opening: a close we did not
    // ask for is the browser's, on Esc (or a platform back gesture).
    const reason = this.#closeReason ?? (this.#closingQuietly ? undefined : 'escape');
    this.#closeReason = undefined;
    this.#closingQuietly = false;
    this.#releasePage();
    if (this.#progress.pending) {
      this.#progress.cancel();
      this.#progress.emit();
    }
    this.open = false;
    this.sharing = false;
    this.speaking = undefined;
    clearTimeout(this.#statusTimer);
    this.status = '';
    const zoomAt = this.#zoomAt;
    this.#zoomAt = undefined;
    if (reason) emit(this, 'e-paper-reader-close', { articleId: this.articleId, reason, ...(zoomAt && { zoomAt }) });
  };

  #onPointerDown = (event: PointerEvent) => {
    this.#pointerDownOnBackdrop = event.target === this.#dialog && this.#outsideDialog(event);
  };

  #onClick = (event: MouseEvent) => {
    // A click on the backdrop targets the dialog itself, outside its box. A text selection that
    // started inside and ended outside targets the dialog too: it must have started outside.
    const onBackdrop = event.target === this.#dialog && this.#outsideDialog(event) && this.#pointerDownOnBackdrop;
    this.#pointerDownOnBackdrop = false;
    if (onBackdrop) this.#requestClose('backdrop');
  };

  #outsideDialog(event: MouseEvent): boolean {
    const box = this.#dialog.getBoundingClientRect();
    return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
  }

  #onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.key === 'Tab') {
      trapTab(event, this.#dialog);
      return;
    }
    if (SCROLL_KEYS.has(event.key)) {
      scrollByKey(event, this.#scroller);
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isTextField(deepActiveElement())) return;
    const direction = event.key === 'ArrowLeft' ? 'previous' : 'next';
    if (this.#neighbour(direction) === undefined) return;
    event.preventDefault();
    this.#navigate(direction);
  };

  #navigate(direction: 'previous' | 'next'): void {
    const target = this.#neighbour(direction);
    if (target === undefined) return;
    emit(this, 'e-paper-reader-navigate', { articleId: target, direction });
  }

  #setScale(value: number): void {
    const next = clampTextScale(value);
    if (next === this.textScale) return;
    // Keep the paragraph that is being read at the top while the text reflows.
    this.#layout.now();
    const paragraph = this.#progress.paragraphAtTop();
    const scrolled = (this.#scroller?.scrollTop ?? 0) > 0;
    this.textScale = next;
    emit(this, 'e-paper-reader-text-scale', { textScale: next });
    if (scrolled) void this.scrollToParagraph(paragraph);
  }

  // ---- share, read aloud, lazy parts --------------------------------------------------------

  /** Loads a part the reader shows (read aloud, the share panel); without it the control is simply absent. */
  #need(name: LazyElementName): void {
    definePart(name).catch((error: unknown) => console.warn(`e-paper: <${name}> could not be loaded`, error));
  }

  /** Shares the article's link through the system (Web Share) where the browser can; copies it otherwise. */
  async #share(): Promise<void> {
    const id = this.articleId;
    if (id === undefined) return;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: this.#article?.headline, url: articleLink(window.location.href, id) });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to do. Anything else: copy instead.
        if ((error as Error)?.name === 'AbortError') return;
      }
    }
    await this.#copyLink();
  }

  #toggleSharing = () => {
    this.sharing = !this.sharing;
    if (this.sharing) this.#need('e-paper-share');
  };

  #onAloudPosition = (event: CustomEvent<EPaperReadAloudEventMap['e-paper-read-aloud-position']>) => {
    const { articleId, paragraph, rate, speaking } = event.detail;
    if (articleId !== this.articleId) return;
    this.speaking = speaking ? paragraph : undefined;
    emit(this, 'e-paper-reader-aloud', { article: articleId, paragraph, rate });
    if (speaking) void this.#showSpoken(paragraph);
  };

  #onAloudEnd = () => {
    this.speaking = undefined;
    this.#navigate('next');
  };

  /** Scrolls the block being read into view when it is not wholly there. */
  async #showSpoken(paragraph: number): Promise<void> {
    await this.updateComplete;
    const scroller = this.#scroller;
    const target = paragraph < 0 ? this.#headline : this.#paragraphs()[paragraph];
    if (!scroller || !target) return;
    const view = scroller.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    if (box.top >= view.top && box.bottom <= view.bottom) return;
    const top = box.top - view.top + scroller.scrollTop - RESTORE_OFFSET_PX;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    scroller.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'instant' });
  }

  // ---- copy link ----------------------------------------------------------------------------

  async #copyLink(): Promise<void> {
    const id = this.articleId;
    if (id === undefined) return;
    const strings = readerStrings(this.lang);
    const link = articleLink(window.location.href, id);
    let copied = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(link);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (!copied) copied = copyThroughSelection(link, this.#dialog);
    if (copied) {
      this.manualLink = undefined;
      this.#flash(strings.copied);
      return;
    }
    // Nothing could write to the clipboard: show the link, selected, for the reader to copy.
    this.manualLink = link;
    this.#flash(strings.copyFailed, STATUS_MS * 3);
    await this.updateComplete;
    const field = this.#query<HTMLInputElement>('.manual-link');
    field?.focus();
    field?.select();
  }

  #flash(message: string, ms = STATUS_MS): void {
    clearTimeout(this.#statusTimer);
    this.status = message;
    this.#statusTimer = window.setTimeout(() => (this.status = ''), ms);
  }

  // ---- render -------------------------------------------------------------------------------

  override render() {
    const strings = uiStrings(this.lang);
    const s = readerStrings(this.lang);
    const edition = this.edition;
    // Closed with no article asked for: the one laid out ahead, if any (hidden with the dialog).
    const article =
      this.#article ??
      (this.open || this.articleId !== undefined || !edition || !this.ahead ? undefined : articlesById(edition).get(this.ahead));
    const index = this.#position;
    const count = this.#order.length;
    const previous = this.#neighbour('previous');
    const next = this.#neighbour('next');
    const canShare = typeof navigator.share === 'function';
    const fonts = this.#fontProps();
    return html`<dialog
      part="reader"
      class="reader"
      aria-labelledby=${article ? 'headline' : nothing}
      aria-label=${article ? nothing : s.dialogLabel}
      ${cssProps(fonts)}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
      @pointerdown=${this.#onPointerDown}
      @click=${this.#onClick}
      @keydown=${this.#onKeyDown}
    >
      <div part="header" class="header">
        <p class="where">
          ${this.pageLabel ? html`<span class="page-label">${strings.pageLabel(this.pageLabel)}</span>` : nothing}
          ${
            index >= 0
              ? html`<span class="position"
                ><span aria-hidden="true">${s.position(index + 1, count)}</span
                ><span class="visually-hidden">${s.positionLabel(index + 1, count)}</span></span
              >`
              : nothing
          }
        </p>
        <div part="controls" class="controls">
          <div class="text-size" role="group" aria-label=${s.textSize}>
            ${this.#sizeButton('smaller', s.smaller, this.textScale <= TEXT_SCALE.min, this.textScale - TEXT_SCALE.step, '−')}
            ${this.#sizeButton('reset', s.reset, this.textScale === TEXT_SCALE.default, TEXT_SCALE.default)}
            ${this.#sizeButton('larger', s.larger, this.textScale >= TEXT_SCALE.max, this.textScale + TEXT_SCALE.step, '+')}
          </div>
          <button part="button" type="button" class="copy" ?disabled=${!article} title=${canShare ? s.share : s.copyLink} @click=${() => this.#share()}>
            ${linkIcon}<span class="label">${canShare ? s.share : s.copyLink}</span>
          </button>
        </div>
        <button part="button" type="button" class="close" aria-label=${s.close} title=${s.close} @click=${() => this.#requestClose('button')}>
          ${closeIcon}
        </button>
      </div>
      ${article && edition ? this.#renderArticle(edition, article) : this.#renderMissing()}
      <div part="controls" class="pager">
        <button part="button" type="button" class="previous" ?disabled=${previous === undefined} @click=${() => this.#navigate('previous')}>
          ${chevron('previous')}<span>${s.previous}</span>
        </button>
        ${article && edition && this.open ? this.#renderTools(edition, article, next !== undefined) : nothing}
        <button part="button" type="button" class="next" ?disabled=${next === undefined} @click=${() => this.#navigate('next')}>
          <span>${s.next}</span>${chevron('next')}
        </button>
      </div>
      <div class="status">
        <p class="toast" role="status">${this.status}</p>
        ${
          this.manualLink
            ? html`<input class="manual-link" readonly .value=${this.manualLink} aria-label=${s.copyLink} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />`
            : nothing
        }
      </div>
    </dialog>`;
  }

  /** Read aloud and the share panel's button, between previous and next; the panel over the foot. */
  #renderTools(edition: Edition, article: Article, continuous: boolean): TemplateResult {
    const share = shareStrings(this.lang);
    const aloud = this.aloud?.article === article.id ? this.aloud : undefined;
    const page = edition.pages.find((p) => (p.regions ?? p.blocks ?? []).some((r) => 'article' in r && r.article === article.id));
    const pdf = page?.pdf ? safeHttpUrl(page.pdf, this.baseUrl ?? document.baseURI) : undefined;
    return html`<div part="tools" class="tools">
      <e-paper-read-aloud
        .article=${article}
        text-lang=${edition.lang}
        lang=${this.lang}
        .rate=${this.aloud?.rate ?? 1}
        .start=${aloud?.paragraph ?? -1}
        ?continuous=${continuous}
        @e-paper-read-aloud-position=${this.#onAloudPosition}
        @e-paper-read-aloud-end=${this.#onAloudEnd}
      ></e-paper-read-aloud>
      <button
        part="button"
        type="button"
        class="more"
        title=${share.label}
        aria-expanded=${this.sharing ? 'true' : 'false'}
        aria-controls="share"
        @click=${this.#toggleSharing}
      >
        ${moreIcon}<span class="visually-hidden">${share.label}</span>
      </button>
      ${
        this.sharing
          ? html`<e-paper-share
            id="share"
            class="share"
            role="region"
            aria-label=${share.label}
            .link=${articleLink(window.location.href, article.id)}
            .headline=${article.headline}
            .pageLabel=${page?.label ?? this.pageLabel ?? ''}
            .pdf=${pdf}
            .aspect=${page ? page.height / page.width : 1.4}
            lang=${this.lang}
          ></e-paper-share>`
          : nothing
      }
    </div>`;
  }

  /** A text size button: "A" with its sign (none for the reset), and its name for screen readers. */
  #sizeButton(name: string, label: string, disabled: boolean, scale: number, sign?: string): TemplateResult {
    return html`<button part="button" type="button" class=${name} title=${label} ?disabled=${disabled} @click=${() => this.#setScale(scale)}>
      <span aria-hidden="true">A${sign ? html`<span class="sign">${sign}</span>` : nothing}</span><span class="visually-hidden">${label}</span>
    </button>`;
  }

  #renderMissing(): TemplateResult {
    const s = readerStrings(this.lang);
    return html`<div part="content" class="scroller missing" tabindex="0" @scroll=${this.#progress.onScroll}>
      ${this.articleId !== undefined && this.edition ? html`<p class="notice" role="alert">${s.notFound(this.articleId)}</p>` : nothing}
    </div>`;
  }

  #renderArticle(edition: Edition, article: Article): TemplateResult {
    return html`<article part="content" class="scroller" tabindex="0" lang=${edition.lang} aria-labelledby="headline" @scroll=${this.#progress.onScroll}>
      <div class="text">
        <div class="head">
          ${article.banner ? html`<p part="banner" class="banner">${article.banner}</p>` : nothing}
          ${article.kicker ? html`<p part="kicker" class="kicker">${article.kicker}</p>` : nothing}
          <h2 part="headline" class=${this.speaking === -1 ? 'headline speaking' : 'headline'} id="headline" tabindex="-1">${article.headline}</h2>
          ${(article.subheads ?? []).map((subhead) => html`<p part="subhead" class="subhead">${subhead}</p>`)}
          ${
            article.bylines?.length
              ? html`<div part="bylines" class="bylines">${article.bylines.map((byline) => html`<p>${byline}</p>`)}</div>`
              : nothing
          }
        </div>
        ${(article.photos ?? []).map((photo) => this.#renderPhoto(photo))}
        ${this.#jumpLinks(edition, article, 'from')}
        <div part="body" class="body">
          ${article.paragraphs.map((paragraph, i) => html`<p class=${i === this.speaking ? 'speaking' : nothing}>${paragraph}</p>`)}
        </div>
        ${this.#jumpLinks(edition, article, 'to')}
        ${edition.rights?.attribution ? html`<p part="attribution" class="attribution">${edition.rights.attribution}</p>` : nothing}
        <p class="source">${this.#sourceLine(edition, article)}</p>
      </div>
    </article>`;
  }

  /** A continued article's links to its other parts (reader-jumps.ts). */
  #jumpLinks(edition: Edition, article: Article, end: 'to' | 'from') {
    return jumpLinks(edition, article.id, this.pageId, end, this.lang, (pageId) =>
      emit(this, 'e-paper-reader-jump', { articleId: article.id, pageId }),
    );
  }

  /** The printed source line: paper, date and page, then the article's link. */
  #sourceLine(edition: Edition, article: Article): string {
    let date = edition.date;
    try {
      date = writtenDate(edition.date, this.lang);
    } catch {
      // An unknown UI language: the ISO date.
    }
    return `${readerStrings(this.lang).source(edition.title, date, this.pageLabel ?? '')} · ${articleLink(window.location.href, article.id)}`;
  }

  /** A photo with its caption; with no file (or a broken one), the caption alone, noting the photo is missing. */
  #renderPhoto(photo: Photo): TemplateResult {
    const url = safeHttpUrl(photo.src, this.baseUrl ?? document.baseURI);
    const shown = url && !this.brokenPhotos.has(url);
    return html`<figure part="photo" class="photo ${shown ? '' : 'missing'}">
      ${
        shown
          ? html`<img
              class="image"
              src=${url}
              alt=${photo.alt ?? photo.caption ?? ''}
              loading="lazy"
              decoding="async"
              ${cssProps({ '--_aspect': String(photo.aspect ?? 4 / 3) })}
              @error=${() => (this.brokenPhotos = new Set(this.brokenPhotos).add(url))}
            />`
          : nothing
      }
      <figcaption>
        ${shown ? nothing : html`<span class="note" lang=${this.lang}>${uiStrings(this.lang).photoPlaceholder}</span>`}
        ${photo.caption ? html`<span class="caption">${photo.caption}</span>` : nothing}
        ${photo.credit ? html`<span class="credit">${photo.credit}</span>` : nothing}
      </figcaption>
    </figure>`;
  }
}
