import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ScanView } from './scan-view.js';
import { property } from 'lit/decorators.js';
import { articlesById, regionsOf } from '../../edition/regions.js';
import { regionLayer } from './region-layer.js';
import type { RegionLight } from './region-light.js';
import { cssProps } from '../../internal/css-props.js';
import type { Article, ArticleBlock, ArticlePart, Block, Edition, Page, Rect } from '../../edition/schema.js';
import { fontStack } from '../../edition/fonts.js';
import { uiStrings } from '../../i18n/strings.js';
import { pageStyles, regionStyles, scanMessageStyles } from './e-paper-page.styles.js';
import { searchHitStyles } from '../../internal/styles/search-hit.js';
import { blockParts, blockParagraphs } from './blocks.js';
import { jumpLines } from '../../edition/jump-lines.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

/** Detail of the region events the page fires for its owner. */
export interface RegionEventDetail {
  articleId: string;
  region: SVGGElement;
  via: 'pointer' | 'focus';
}

/** Fires `name` for `region`, by way of what `event` was: a mouse, a pen or a finger (clicks too), or else focus and keys. */
function emitRegion(
  target: EventTarget,
  name: 'e-paper-region-enter' | 'e-paper-region-leave' | 'e-paper-region-activate',
  region: SVGGElement,
  event: Event,
): void {
  emit(target, name, { articleId: region.dataset.articleId ?? '', region, via: event instanceof MouseEvent ? 'pointer' : 'focus' });
}

/** The scan part's module (scan-view.ts: images, tiles, text layer), once loaded; its load under way. */
let scanModule: typeof import('./scan-view.js') | undefined;
let scanLoad: Promise<void> | undefined;

const place = (rect: Rect) => ({
  left: `${rect.x}px`,
  top: `${rect.y}px`,
  width: `${rect.w}px`,
  height: `${rect.h}px`,
});

/**
 * A typeset replica of one page, drawn from the edition's text at the page's size in page units
 * (one unit is one CSS pixel before the viewport scales it).
 *
 * The viewer sets the `reading` attribute while its reader is open over the page: a region's hover
 * then goes without its fade (the reader, over the pointer, takes it away under the veil).
 *
 * The hover stays as it is while a button is held (the viewport's drag, a pen's stroke): no region
 * lights or fades under a page being dragged; once the button is up it follows the pointer again.
 *
 * @csspart page - The sheet of paper.
 * @csspart block - Every block on the page.
 * @csspart article - An article's block; it carries `data-article-id`.
 * @csspart masthead - The title block.
 * @csspart ear - The facts beside the title (date, issue, weather).
 * @csspart footer - The strip at the foot of the page.
 * @csspart scan - A scan page's image layer.
 * @csspart scan-image - The sharpest image of a scan page shown so far.
 * @csspart scan-progress - The bar shown while a sharper image loads.
 * @csspart scan-tiles - A tiled scan page's layer of tiles, over its smallest image.
 * @csspart regions - The layer of article regions over the page; a list of the articles to assistive technology.
 * @csspart region - An article's region (all its shapes); focusable, a button.
 * @csspart region-read - A region of an article the reader has read.
 * @fires e-paper-region-enter - A mouse or a pen entered an article's region, or the keyboard's focus did (a finger does not hover; the focus a tap or a click gives is not shown). `detail: {articleId, region, via}`.
 * @fires e-paper-region-leave - Pointer or focus left it.
 * @fires e-paper-region-activate - The region was clicked, or Enter or Space pressed on it.
 * @cssprop [--e-paper-paper=#fbf8f1] - The printed page's paper (also the reader's, the thumbnails' and the loading sheet's).
 * @cssprop [--e-paper-paper-dark=#22211e] - `--e-paper-paper` in the dark theme.
 * @cssprop [--e-paper-ink=#1a1a1a] - The printed page's ink: text and rules (muted text is mixed from ink and paper).
 * @cssprop [--e-paper-ink-dark=#e6e2d8] - `--e-paper-ink` in the dark theme.
 * @cssprop [--e-paper-spot=#c8161d] - The printed page's spot colour (its second ink): masthead, banners (the paper shows through), the ear's date. Not the site's accent.
 * @cssprop [--e-paper-spot-dark=#ef5350] - `--e-paper-spot` in the dark theme.
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-accent-ink=#fff] - Text and marks on the accent (the chosen day, the tick of a read article).
 * @cssprop [--e-paper-accent-ink-dark=#1a1a1a] - `--e-paper-accent-ink` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-region-tint=rgb(200 22 29 / 0.08)] - Fill of a hovered or focused article.
 * @cssprop [--e-paper-region-tint-dark=rgb(255 138 128 / 0.16)] - `--e-paper-region-tint` in the dark theme.
 * @cssprop [--e-paper-region-outline=#c8161d] - Outline of a hovered or focused article.
 * @cssprop [--e-paper-region-outline-dark=#ff8a80] - `--e-paper-region-outline` in the dark theme.
 * @cssprop [--e-paper-region-read-tint=rgb(0 0 0 / 0.035)] - Fill of the regions of articles already read.
 * @cssprop [--e-paper-region-read-tint-dark=rgb(255 255 255 / 0.06)] - `--e-paper-region-read-tint` in the dark theme.
 * @cssprop [--e-paper-search-hit=#ffe066] - Background of a search match on the page, in the reader and in the results.
 * @cssprop [--e-paper-search-hit-dark=#ffe066] - `--e-paper-search-hit` in the dark theme.
 * @cssprop [--e-paper-search-hit-ink=#1a1a1a] - Text colour of a search match.
 * @cssprop [--e-paper-search-hit-ink-dark=#1a1a1a] - `--e-paper-search-hit-ink` in the dark theme.
 */
export class EPaperPage extends LocalizedElement {
  static override styles = [tokenStyles, pageStyles, scanMessageStyles, regionStyles, searchHitStyles];

  @property({ attribute: false }) edition?: Edition;
  @property({ attribute: false }) page?: Page;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';
  /** Ids of the articles the reader has read: their regions carry a mark. */
  @property({ attribute: false }) readArticles: ReadonlySet<string> = new Set();
  /** URL that relative image sources of the edition are resolved against. */
  @property({ attribute: false }) baseUrl = document.baseURI;
  /** The scale the page is shown at, so a scan page can pick a sharp enough image (0: not known yet). */
  @property({ type: Number, attribute: false }) scale = 0;
  /** A thumbnail: the page alone, without regions, out of the tab order and the accessibility tree, its smallest scan image. */
  @property({ type: Boolean, reflect: true }) thumbnail = false;
  /** The search query whose matches the page highlights in its text ('' for none). */
  @property({ attribute: false }) highlight = '';

  /** @internal Loads the scan part; a test puts a failing loader here. */
  static loadScanPart = (): Promise<typeof import('./scan-view.js')> => import('./scan-view.js');

  /** What this page's scans draw, once the scan part is in. */
  #scan?: ScanView;
  /** The scan part could not be fetched for the page shown. */
  #scanPartFailed = false;

  /** The light over lit regions, in a layer of its own: region-light.ts, loaded with the first pointer or focus on the page, or at idle. */
  #light?: RegionLight;
  #lightLoad?: Promise<void>;

  /** The highlighting of the search's matches asked for: a module loaded with the first query. */
  #highlights = false;

  /** Resolves once the page has rendered, a scan page with the scan part (the viewer's `e-paper-ready` waits for it). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.page?.scan && !scanModule && scanLoad) {
      await scanLoad;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('page')) this.#scanPartFailed = false;
    // Added once in, it highlights after the next render.
    if (this.highlight && !this.#highlights) {
      this.#highlights = true;
      void import('../../controllers/search-highlights.js').then((m) => {
        new m.SearchHighlightController(this, () => [this.highlight, this.page]);
        this.requestUpdate();
      });
    }
    if (changed.has('thumbnail') && (this.thumbnail || changed.get('thumbnail'))) {
      this.inert = this.thumbnail;
      this.ariaHidden = this.thumbnail ? 'true' : null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('page')) this.#light?.clear();
    this.#light?.attach(this.renderRoot.querySelector('.regions'));
    if (!this.#lightLoad && !this.thumbnail && this.page) (globalThis.requestIdleCallback ?? setTimeout)(() => this.#needLight());
  }

  #needLight(): void {
    this.#lightLoad ??= import('./region-light.js').then(
      (m) => {
        this.#light = new m.RegionLight(this, (region, entered, event) =>
          emitRegion(this, entered ? 'e-paper-region-enter' : 'e-paper-region-leave', region, event),
        );
        this.#light.attach(this.renderRoot.querySelector('.regions'));
      },
      () => void (this.#lightLoad = undefined),
    );
  }

  /** The focusable region of an article, if it is on this page. */
  regionFor(articleId: string): SVGGElement | null {
    return this.renderRoot.querySelector<SVGGElement>(`.region[data-article-id="${CSS.escape(articleId)}"]`);
  }

  #regionOf(event: Event): SVGGElement | null {
    const target = event.composedPath()[0];
    return target instanceof Element ? target.closest<SVGGElement>('.region') : null;
  }

  #onRegionKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === ' ') this.#onRegionActivate(event);
  }

  #onRegionEnter(event: Event): void {
    this.#needLight();
    const region = this.#regionOf(event);
    if (!region) return;
    if (event instanceof PointerEvent) {
      // A mouse or a pen moving over the region, not yet lit: a finger does not hover (its :hover
      // sticks after a pan or a pinch, and a tap opens the article at once). Moves, not
      // pointerover: after a tap the browser's own mouse stands where the finger was and says it
      // is over whatever a closing reader uncovers, without moving.
      if (event.pointerType === 'touch' || region.classList.contains('hover')) return;
      if (event.buttons && this.#light) return this.#light.hold();
      region.classList.add('hover');
    } else {
      this.#light?.sync(region);
      if (!region.matches(':focus-visible')) return; // focus a tap or a click gave, not the keyboard's
    }
    emitRegion(this, 'e-paper-region-enter', region, event);
  }

  #onRegionLeave(event: Event): void {
    const region = this.#regionOf(event);
    if (!region) return;
    const next = (event as FocusEvent | PointerEvent).relatedTarget;
    if (next instanceof Element && region.contains(next)) return;
    if (event instanceof PointerEvent) {
      // The drag's pointer capture leaves the region too: it stays lit until the button is up.
      if (event.buttons && this.#light && region.classList.contains('hover')) return this.#light.hold();
      region.classList.remove('hover');
    } else queueMicrotask(() => this.#light?.sync(region)); // the focus has moved on by then
    emitRegion(this, 'e-paper-region-leave', region, event);
  }

  #onRegionActivate(event: Event): void {
    const region = this.#regionOf(event);
    if (!region) return;
    event.preventDefault();
    emitRegion(this, 'e-paper-region-activate', region, event);
  }

  override render() {
    const { edition, page } = this;
    if (!edition || !page) return nothing;
    const fonts = {
      '--_font-body': fontStack(edition, 'body', page.id),
      '--_font-headline': fontStack(edition, 'headline', page.id),
      '--_font-masthead': fontStack(edition, 'masthead', page.id),
      width: `${page.width}px`,
      height: `${page.height}px`,
    };
    // Region events are heard on the sheet, inside the shadow root: focus moving between two
    // regions never reaches the host, since both lie in the same shadow tree.
    return html`<div
      class="page"
      part="page"
      lang=${edition.lang}
      ${cssProps(fonts)}
      @pointermove=${this.#onRegionEnter}
      @pointerout=${this.#onRegionLeave}
      @focusin=${this.#onRegionEnter}
      @focusout=${this.#onRegionLeave}
      @click=${this.#onRegionActivate}
      @keydown=${this.#onRegionKey}
    >
      ${page.scan ? this.#renderScan(page, page.scan) : (page.blocks ?? []).map((block) => this.#renderBlock(edition, page, block))}
      ${
        this.thumbnail
          ? nothing
          : regionLayer({
              page,
              regions: regionsOf(page, edition),
              articles: articlesById(edition),
              read: this.readArticles,
              strings: uiStrings(this.lang),
            })
      }
      ${page.scan && page.text && !this.thumbnail ? this.#scan?.textLayer(page) : nothing}
    </div>`;
  }

  /**
   * A scan page, drawn by the scan part (scan-view.ts) once it is in: nothing until then (the
   * page's `updateComplete` waits for it). If it cannot be fetched, the message that the image
   * failed; it is tried afresh for the next page shown.
   */
  #renderScan(page: Page, scan: NonNullable<Page['scan']>): TemplateResult | typeof nothing {
    if (scanModule) return (this.#scan ??= new scanModule.ScanView(this)).render(page, scan);
    if (this.#scanPartFailed) return html`<p class="scan-message" role="alert" lang=${this.lang}>${uiStrings(this.lang).scanFailed}</p>`;
    void (scanLoad ??= EPaperPage.loadScanPart().then(
      (module) => void (scanModule = module),
      () => void (scanLoad = undefined),
    )).then(() => {
      this.#scanPartFailed = !scanModule;
      this.requestUpdate();
    });
    return nothing;
  }

  #renderBlock(edition: Edition, page: Page, block: Block): TemplateResult {
    switch (block.kind) {
      case 'article': {
        const article = articlesById(edition).get(block.article);
        return article ? this.#renderArticle(article, block) : html``;
      }
      case 'masthead':
        return this.#renderMasthead(edition, block.rect);
      case 'ear':
        return this.#renderEar(edition, page, block.rect);
      case 'footer':
        return this.#renderFooter(edition, block.rect);
    }
  }

  #renderArticle(article: Article, block: ArticleBlock): TemplateResult {
    const parts = blockParts(block);
    const style = {
      ...place(block.rect),
      '--_headline-size': block.headlineSize ? `${block.headlineSize}px` : null,
      '--_columns': String(block.columns ?? 1),
    };
    const part = (name: ArticlePart) => this.#renderPart(article, block, name);
    // Hidden from assistive technology, not from the eye or a selection: its region's button,
    // named after it, opens its whole text in the reader; read here too, it would be read twice.
    return html`<article
      class="block article ${block.align === 'center' ? 'centred' : ''} ${block.boxed ? 'boxed' : ''}"
      part="block article"
      data-article-id=${article.id}
      aria-hidden="true"
      ${cssProps(style)}
    >
      ${parts.map(part)}
    </article>`;
  }

  #renderPart(article: Article, block: ArticleBlock, name: ArticlePart): TemplateResult | typeof nothing {
    switch (name) {
      case 'banner':
        return article.banner ? html`<p class="banner">${article.banner}</p>` : nothing;
      case 'kicker':
        return article.kicker ? html`<p class="kicker">${article.kicker}</p>` : nothing;
      case 'headline':
        return html`<h2 class="headline">${article.headline}</h2>`;
      case 'subheads':
        return article.subheads?.length ? html`${article.subheads.map((s) => html`<p class="subhead">${s}</p>`)}` : nothing;
      case 'bylines':
        return article.bylines?.length ? html`<div class="bylines">${article.bylines.map((b) => html`<p>${b}</p>`)}</div>` : nothing;
      case 'photo':
        return article.photos?.length ? html`${article.photos.map((photo) => this.#renderPhoto(photo))}` : nothing;
      case 'body':
        return html`<div class="body">
          ${this.#jumps(block, 'from')}${blockParagraphs(article, block).map((p) => html`<p>${p}</p>`)}${this.#jumps(block, 'to')}
        </div>`;
    }
  }

  /** A continued article's jump lines as printed (上接第1版, 转第2版). */
  #jumps(block: ArticleBlock, end: 'to' | 'from') {
    return jumpLines(this.page!, block, end).map((line) => html`<p class="jump">${line}</p>`);
  }

  #renderPhoto(photo: NonNullable<Article['photos']>[number]): TemplateResult {
    const strings = uiStrings(this.lang);
    const aspect = { 'aspect-ratio': String(photo.aspect ?? 4 / 3) };
    return html`<figure class="photo">
      <div class="placeholder" ${cssProps(aspect)} role="img" aria-label=${photo.alt ?? photo.caption ?? strings.photoPlaceholder}>
        <span lang=${this.lang}>${strings.photoPlaceholder}</span>
      </div>
      ${
        photo.caption || photo.credit
          ? html`<figcaption><span class="caption">${photo.caption}</span>${photo.credit ? html` <span class="credit">${photo.credit}</span>` : nothing}</figcaption>`
          : nothing
      }
    </figure>`;
  }

  #renderMasthead(edition: Edition, rect: Rect): TemplateResult {
    const m = edition.masthead;
    // Divs, not header/aside/footer: the replica's furniture is no landmark of the host page.
    return html`<div class="block masthead" part="block masthead" ${cssProps(place(rect))}>
      <p class="title">${edition.title}</p>
      ${m?.titleLatin ? html`<p class="latin">${m.titleLatin}</p>` : nothing}
      ${m?.publisher ? html`<p class="publisher">${m.publisher}</p>` : nothing}
      ${m?.serial ? html`<p class="serial">${m.serial}</p>` : nothing}
    </div>`;
  }

  #renderEar(edition: Edition, page: Page, rect: Rect): TemplateResult {
    const ear = edition.ear ?? {};
    return html`<div class="block ear" part="block ear" ${cssProps(place(rect))}>
      <div class="date">
        ${ear.yearMonth ? html`<span class="year-month">${ear.yearMonth}</span>` : nothing}
        ${ear.day ? html`<span class="day">${ear.day}</span>` : nothing}
        ${ear.weekday ? html`<span class="weekday">${ear.weekday}</span>` : nothing}
      </div>
      <div class="facts">
        ${ear.lunarDate ? html`<p>${ear.lunarDate}</p>` : nothing}
        ${ear.issue ? html`<p>${ear.issue}</p>` : nothing}
        ${ear.pagesToday ? html`<p class="pages-today">${ear.pagesToday}</p>` : nothing}
      </div>
      <div class="weather">
        ${ear.weather ? html`<p>${ear.weather}</p>` : nothing}
        ${ear.temperature ? html`<p>${ear.temperature}</p>` : nothing}
      </div>
      <p class="page-label">${page.label}</p>
    </div>`;
  }

  #renderFooter(edition: Edition, rect: Rect): TemplateResult {
    const footer = edition.footer ?? {};
    const strings = uiStrings(this.lang);
    return html`<div class="block footer" part="block footer" ${cssProps(place(rect))}>
      ${footer.prompt ? html`<p class="prompt">${footer.prompt}</p>` : nothing}
      <ul class="channels">
        ${(footer.channels ?? []).map(
          (channel) => html`<li>
            <span class="qr" role="img" aria-label=${strings.qrPlaceholder}><span lang=${this.lang}>${strings.qrPlaceholder}</span></span>
            <span class="channel"><span class="name">${channel.name}</span>${channel.kind ? html` <small>${channel.kind}</small>` : nothing}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-page': EPaperPage;
  }
}
