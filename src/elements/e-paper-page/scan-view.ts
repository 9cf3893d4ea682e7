/**
 * What a scan page draws, a lazy part (a typeset page does without it): the smallest image at
 * once, then the sharpest one the scale needs over it, with a progress bar while it loads and a
 * message if it cannot; the tiles of a tiled scan (scan-tiles.ts) and the text layer
 * (text-layer.ts, a part of its own), with the styles of all of it. The page element loads it
 * when it first shows a scan page, and its `updateComplete` waits for it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Page } from '../../edition/schema.js';
import { uiStrings } from '../../i18n/strings.js';
import { emit } from '../../events/events.js';
import { pickSource, scanSources } from './scan-sources.js';
import { ScanTilesController } from './scan-tiles.js';
import type { textLayer as TextLayer } from './text-layer.js';
import type { EPaperPage } from './e-paper-page.js';

/** A scan page: images that fill the sheet, a progress bar. (Its message's style is the page's own: it also tells that this part failed.) */
const scanStyles = css`
  .scan,
  .scan-image {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .scan-image {
    display: block;
    object-fit: fill;
    user-select: none;
    -webkit-user-drag: none;
  }
  .scan-image.sharp:not(.loaded) {
    opacity: 0;
  }
  .scan-progress {
    position: absolute;
    left: 0;
    top: 0;
    width: 100%;
    height: 6px;
    background: linear-gradient(90deg, transparent, var(--_accent), transparent) 0 0 / 40% 100% no-repeat;
    animation: scan-progress 1.2s linear infinite;
  }
  @keyframes scan-progress {
    from {
      background-position: -40% 0;
    }
    to {
      background-position: 140% 0;
    }
  }
  :host([thumbnail]) .scan-progress {
    display: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .scan-progress {
      animation: none;
      background: var(--_accent);
      opacity: 0.5;
    }
  }
`;

/** The text layer's module, once loaded (a lazy part of its own). */
let textLayer: typeof TextLayer | undefined;

/** One page element's scan: what it has loaded so far, drawn on each of its renders. */
export class ScanView {
  readonly #tiles: ScanTilesController;
  /** The page the state below is for. */
  #page?: Page;
  /** The widest image asked for so far: it never steps down. */
  #width = 0;
  #loaded?: string;
  #failed?: string;

  constructor(private readonly host: EPaperPage) {
    this.#tiles = new ScanTilesController(host, () => host);
    const root = host.renderRoot as ShadowRoot;
    const sheet = scanStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** The scan of the host's page, at the scale it is shown at. */
  render(page: Page, scan: NonNullable<Page['scan']>): TemplateResult {
    const { host } = this;
    if (page !== this.#page) {
      this.#page = page;
      this.#width = 0;
      this.#loaded = this.#failed = undefined;
    }
    // A scale of 0 means not laid out yet: the preview alone until then.
    if (host.scale > 0 && !host.thumbnail)
      this.#width = Math.max(this.#width, page.width * host.scale * (globalThis.devicePixelRatio || 1));
    const strings = uiStrings(host.lang);
    const sources = scanSources(scan, host.baseUrl);
    const preview = sources[0];
    // Tiled: the smallest image, under the tiles the view needs (tile-layer.ts).
    const tiled = this.#tiles.active;
    const sharp = tiled ? preview : pickSource(sources, this.#width);
    if (!preview || !sharp) return html`<p class="scan-message" role="alert" lang=${host.lang}>${strings.scanFailed}</p>`;
    const loading = this.#loaded !== sharp.src && this.#failed !== sharp.src;
    const alt = strings.scanAlt(page.label);
    return html`<div class="scan" part="scan">
      ${preview !== sharp ? html`<img class="scan-image preview" src=${preview.src} alt="" decoding="async" />` : nothing}
      <img
        class="scan-image sharp ${this.#loaded === sharp.src ? 'loaded' : ''}"
        part="scan-image"
        src=${sharp.src}
        alt=${alt}
        decoding="async"
        data-width=${Number.isFinite(sharp.width) ? sharp.width : ''}
        @load=${() => {
          this.#loaded = sharp.src;
          host.requestUpdate();
        }}
        @error=${() => {
          this.#failed = sharp.src;
          host.requestUpdate();
          emit(host, 'e-paper-page-scan-error', { src: sharp.src });
        }}
      />
      ${tiled ? html`<div class="scan-tiles" part="scan-tiles"></div>` : nothing}
      ${loading ? html`<div class="scan-progress" part="scan-progress" role="progressbar" aria-label=${strings.scanLoading} lang=${host.lang}></div>` : nothing}
      ${this.#failed === sharp.src ? html`<p class="scan-message" role="alert" lang=${host.lang}>${strings.scanFailed}</p>` : nothing}
    </div>`;
  }

  /** The page's text layer: a lazy part, drawn once it has come. */
  textLayer(page: Page): TemplateResult | typeof nothing {
    if (textLayer) return textLayer(page, this.host.renderRoot as ShadowRoot);
    void import('./text-layer.js').then((m) => ((textLayer = m.textLayer), this.host.requestUpdate()));
    return nothing;
  }
}
