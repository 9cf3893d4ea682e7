import { LitElement, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { shareStrings } from './share-strings.js';
import { shareStyles } from './e-paper-share.styles.js';
import { qrPath } from './qr.js';
import { printPart } from './print.js';

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-share': EPaperShare;
  }
}

const printIcon = svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M7 9V4h10v5M7 17H5a1 1 0 0 1-1-1v-5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v5a1 1 0 0 1-1 1h-2M7 14h10v6H7z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/></svg>`;
const pdfIcon = svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M6 3h8l4 4v14H6zM14 3v4h4M9 13h6M9 17h6" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/></svg>`;

/**
 * The reader's share and print panel: a QR code of the article's link (to open it on a phone from
 * a desktop, as WeChat readers do), print the article or its page, and the page's PDF when the
 * edition gives one. A lazy part of its own (it carries the QR encoder), shown by the reader.
 * Printing sets the host page aside for the print only (see print.ts): it needs the reader
 * (`this`'s shadow host) and the viewer around it.
 *
 * @csspart share - The panel.
 * @csspart qr - The QR code (an SVG, black on white in every theme: scanners want it that way round).
 */
export class EPaperShare extends LitElement {
  static override styles = shareStyles;

  /** The article's link (the deep link `#article=`). */
  @property() link = '';

  /** The article's headline: the QR code's name. */
  @property() headline = '';

  /** The label of the article's page as printed (A1). */
  @property({ attribute: 'page-label' }) pageLabel = '';

  /** The page's PDF, an absolute http(s) URL, when the edition gives one. */
  @property() pdf?: string;

  /** The page's height over its width, to print it at its proportions. */
  @property({ type: Number }) aspect = 1.4;

  /** UI language. */
  @property({ reflect: true }) override lang = 'zh-CN';

  #qr?: { text: string; d: string; size: number };

  /** Prints the article (its reader's print layout) or its page. */
  print(what: 'article' | 'page'): Promise<void> {
    const reader = (this.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    const viewer = reader && ((reader.getRootNode() as ShadowRoot).host as HTMLElement | undefined);
    if (!reader || !viewer) return Promise.resolve();
    return printPart(what, viewer, reader, this.aspect);
  }

  override render() {
    const s = shareStrings(this.lang);
    if (this.link && this.#qr?.text !== this.link) this.#qr = { text: this.link, ...qrPath(this.link) };
    const qr = this.link ? this.#qr : undefined;
    return html`<div part="share" class="share">
      ${
        qr
          ? html`<figure class="code">
            <svg part="qr" class="qr" viewBox="0 0 ${qr.size} ${qr.size}" role="img" aria-label=${s.qrLabel(this.headline)} shape-rendering="crispEdges">
              <rect width=${qr.size} height=${qr.size} fill="#fff"></rect><path d=${qr.d} fill="#000"></path>
            </svg>
            <figcaption>${s.scan}</figcaption>
          </figure>`
          : nothing
      }
      <div class="actions">
        <button type="button" class="print-article" @click=${() => this.print('article')}>${printIcon}<span>${s.printArticle}</span></button>
        <button type="button" class="print-page" @click=${() => this.print('page')}>${printIcon}<span>${s.printPage}</span></button>
        ${
          this.pdf
            ? html`<a class="pdf" href=${this.pdf} target="_blank" rel="noopener" download>${pdfIcon}<span>${s.pagePdf(this.pageLabel)}</span></a>`
            : nothing
        }
      </div>
    </div>`;
  }
}
