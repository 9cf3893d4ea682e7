import { LitElement, html, css, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { fitView, type View } from './viewport-math.js';

/**
 * The surface that scales the page to its box.
 *
 * @slot - The page, drawn at its size in page units.
 */
export class EPaperViewport extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      contain: strict;
    }
    .stage {
      position: absolute;
      left: 0;
      top: 0;
      transform-origin: 0 0;
    }
  `;

  /** Page width in page units. */
  @property({ type: Number, attribute: false }) pageWidth = 0;
  /** Page height in page units. */
  @property({ type: Number, attribute: false }) pageHeight = 0;

  @state() private view: View = { scale: 1, x: 0, y: 0 };

  private resizeObserver?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageWidth') || changed.has('pageHeight')) this.fit();
  }

  /** The current scale (screen pixels per page unit). */
  get scale(): number {
    return this.view.scale;
  }

  /** Fits the whole page into the box. */
  fit(): void {
    const box = { width: this.clientWidth, height: this.clientHeight };
    this.view = fitView(box, { width: this.pageWidth, height: this.pageHeight });
  }

  override render() {
    const { scale, x, y } = this.view;
    return html`<div class="stage" part="stage" style=${styleMap({ transform: `translate(${x}px, ${y}px) scale(${scale})` })}><slot></slot></div>`;
  }
}
