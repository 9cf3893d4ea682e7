import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import type { Article } from '../edition/schema.js';
import { uiStrings } from '../i18n/strings.js';

/** The part of `rect` that lies inside `bounds`; `rect` itself when they do not meet. */
export function visiblePart(rect: DOMRectReadOnly, bounds: DOMRectReadOnly): DOMRect {
  const left = Math.max(rect.left, bounds.left);
  const top = Math.max(rect.top, bounds.top);
  const right = Math.min(rect.right, bounds.right);
  const bottom = Math.min(rect.bottom, bounds.bottom);
  if (right <= left || bottom <= top) return DOMRect.fromRect(rect);
  return new DOMRect(left, top, right - left, bottom - top);
}

/**
 * The tooltip over an article's region: its banner or kicker, its headline and a cue to read it.
 * It is placed with floating-ui so that it flips and shifts to stay inside `boundary`.
 *
 * @csspart tooltip - The tooltip box.
 * @cssprop [--e-paper-tooltip-bg=#1f1f1f] - Tooltip background.
 * @cssprop [--e-paper-tooltip-ink=#fff] - Tooltip text colour.
 */
export class EPaperTooltip extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      left: 0;
      top: 0;
      z-index: 2;
      max-width: min(22em, calc(100% - 16px));
      pointer-events: none;
    }
    :host(:not([open])) {
      display: none;
    }
    .tooltip {
      padding: 8px 12px;
      border-radius: 6px;
      background: var(--e-paper-tooltip-bg, #1f1f1f);
      color: var(--e-paper-tooltip-ink, #fff);
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
      font-size: 13px;
      line-height: 1.45;
    }
    .over {
      opacity: 0.8;
      font-size: 12px;
    }
    .headline {
      margin: 2px 0 4px;
      font-weight: 700;
      font-size: 15px;
    }
    .cue {
      opacity: 0.75;
      font-size: 12px;
    }
  `;

  @property({ attribute: false }) article?: Article;
  /** The region the tooltip points at. */
  @property({ attribute: false }) anchor?: Element;
  /** Where the pointer entered, in client pixels; the tooltip sits by it. Absent for focus. */
  @property({ attribute: false }) point?: { x: number; y: number };
  /** The box the tooltip must stay inside (the viewer). */
  @property({ attribute: false }) boundary?: Element;
  @property({ type: Boolean, reflect: true }) open = false;
  @property() uiLang = 'zh-CN';
  /** The edition's language, for the headline. */
  @property() textLang = 'zh-CN';

  protected override updated(changed: PropertyValues<this>): void {
    if (this.open && (changed.has('anchor') || changed.has('point') || changed.has('open') || changed.has('article'))) void this.place();
  }

  /** Places the tooltip again, after the page moved under it. */
  async place(): Promise<void> {
    const { anchor, boundary } = this;
    if (!anchor || !boundary) return;
    const bounds = boundary.getBoundingClientRect();
    const point = this.point;
    const reference: VirtualElement = {
      getBoundingClientRect: () => (point ? new DOMRect(point.x, point.y, 0, 0) : visiblePart(anchor.getBoundingClientRect(), bounds)),
    };
    const { x, y } = await computePosition(reference, this, {
      strategy: 'fixed',
      placement: point ? 'bottom-start' : 'top',
      middleware: [
        offset(point ? 16 : 8),
        flip({ boundary, padding: 8, fallbackAxisSideDirection: 'start' }),
        shift({ boundary, padding: 8, crossAxis: true }),
      ],
    });
    this.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  override render() {
    const article = this.article;
    if (!article) return nothing;
    const over = article.banner ?? article.kicker;
    return html`<div class="tooltip" part="tooltip" role="tooltip" id="tooltip">
      ${over ? html`<div class="over" lang=${this.textLang}>${over}</div>` : nothing}
      <div class="headline" lang=${this.textLang}>${article.headline}</div>
      <div class="cue">${uiStrings(this.uiLang).readCue}</div>
    </div>`;
  }
}
