import { html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Article } from '../../edition/schema.js';
import { uiStrings } from '../../i18n/strings.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { LocalizedElement } from '../../i18n/localized-element.js';

/** The part of `rect` that lies inside `bounds`; `rect` itself when they do not meet. */
export function visiblePart(rect: DOMRectReadOnly, bounds: DOMRectReadOnly): DOMRect {
  const left = Math.max(rect.left, bounds.left);
  const top = Math.max(rect.top, bounds.top);
  const right = Math.min(rect.right, bounds.right);
  const bottom = Math.min(rect.bottom, bounds.bottom);
  if (right <= left || bottom <= top) return DOMRect.fromRect(rect);
  return new DOMRect(left, top, right - left, bottom - top);
}

/** The margin kept between the tooltip and the edges of its boundary (CSS px). */
const PADDING = 8;

/**
 * Where a box of `width` × `height` goes by `reference` (client pixels), inside `bounds` less
 * {@link PADDING}: beside a pointer (`atPoint`) below it and start-aligned, 16 px off; beside an
 * element above it and centred, 8 px off. The first of these places that fits is taken: the
 * preferred one, the other alignment, the opposite side (both alignments), then left and right;
 * if none fits, whichever of the first four overflows least. Then it is shifted along both axes
 * to stay inside. (Floating-ui's `offset`, `flip` with `fallbackAxisSideDirection: 'start'` and
 * `shift` with `crossAxis`, which this was placed with before.)
 */
export function placeBy(
  reference: DOMRectReadOnly,
  width: number,
  height: number,
  bounds: DOMRectReadOnly,
  atPoint: boolean,
): { x: number; y: number } {
  const { left, top, right, bottom } = reference;
  const gap = atPoint ? 16 : 8;
  const [minX, minY, maxX, maxY] = [
    bounds.left + PADDING,
    bounds.top + PADDING,
    bounds.right - PADDING - width,
    bounds.bottom - PADDING - height,
  ];
  // Across: start-aligned (then end-aligned) at a point, centred on an element.
  const xs = atPoint ? [left, right - width] : [(left + right - width) / 2];
  const ys = atPoint ? [top, bottom - height] : [(top + bottom - height) / 2];
  const above = top - gap - height;
  const below = bottom + gap;
  const vertical = (atPoint ? [below, above] : [above, below]).flatMap((y) => xs.map((x) => ({ x, y })));
  const sides = ys.flatMap((y) => [left - gap - width, right + gap].map((x) => ({ x, y })));
  const overflow = ({ x, y }: { x: number; y: number }) =>
    Math.max(0, minX - x) + Math.max(0, x - maxX) + Math.max(0, minY - y) + Math.max(0, y - maxY);
  const chosen =
    [...vertical, ...sides].find((place) => overflow(place) === 0) ??
    vertical.reduce((best, place) => (overflow(place) < overflow(best) ? place : best));
  return { x: Math.max(minX, Math.min(chosen.x, maxX)), y: Math.max(minY, Math.min(chosen.y, maxY)) };
}

/**
 * The tooltip over an article's region: its banner or kicker, its headline and a cue to read it.
 * It flips and shifts to stay inside `boundary` ({@link placeBy}).
 *
 * It was placed with floating-ui before; all of that this tooltip used is the twenty lines of
 * `placeBy`, where floating-ui cost 13.5 KB minified (5.6 KB min+gzip, a sixth of the 35 KB budget).
 *
 * @csspart tooltip - The tooltip box.
 * @cssprop [--e-paper-tooltip-bg=#1f1f1f] - Background of the tooltip and the notice.
 * @cssprop [--e-paper-tooltip-bg-dark=#f2ede3] - `--e-paper-tooltip-bg` in the dark theme.
 * @cssprop [--e-paper-tooltip-ink=#fff] - Text colour of the tooltip and the notice.
 * @cssprop [--e-paper-tooltip-ink-dark=#1a1a1a] - `--e-paper-tooltip-ink` in the dark theme.
 */
export class EPaperTooltip extends LocalizedElement {
  static override styles = [
    tokenStyles,
    css`
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
      background: var(--_tooltip-bg);
      color: var(--_tooltip-ink);
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
  `,
  ];

  @property({ attribute: false }) article?: Article;
  /** The region the tooltip points at. */
  @property({ attribute: false }) anchor?: Element;
  /** Where the pointer entered, in client pixels; the tooltip sits by it. Absent for focus. */
  @property({ attribute: false }) point?: { x: number; y: number };
  /** The box the tooltip must stay inside (the viewer). */
  @property({ attribute: false }) boundary?: Element;
  @property({ type: Boolean, reflect: true }) open = false;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';
  /** The edition's language, for the headline. */
  @property() textLang = 'zh-CN';

  protected override updated(changed: PropertyValues<this>): void {
    if (this.open && (changed.has('anchor') || changed.has('point') || changed.has('open') || changed.has('article'))) this.place();
  }

  /** Places the tooltip again, after the page moved under it. */
  place(): void {
    const { anchor, boundary, point } = this;
    if (!anchor || !boundary) return;
    const bounds = boundary.getBoundingClientRect();
    const reference = point ? new DOMRect(point.x, point.y, 0, 0) : visiblePart(anchor.getBoundingClientRect(), bounds);
    // Untranslated, the host stands at the origin of its containing block (the viewport, or an
    // ancestor with a transform or containment), perhaps scaled: measure both.
    this.style.transform = '';
    const origin = this.getBoundingClientRect();
    const scale = origin.width / this.offsetWidth || 1;
    const { x, y } = placeBy(reference, origin.width, origin.height, bounds, !!point);
    this.style.transform = `translate(${Math.round((x - origin.left) / scale)}px, ${Math.round((y - origin.top) / scale)}px)`;
  }

  override render() {
    const article = this.article;
    if (!article) return nothing;
    const over = article.banner ?? article.kicker;
    // eslint-disable-next-line lit-a11y/accessible-name -- a tooltip is named from its contents (ARIA 1.2), which the rule does not count
    return html`<div class="tooltip" part="tooltip" role="tooltip" id="tooltip">
      ${over ? html`<div class="over" lang=${this.textLang}>${over}</div>` : nothing}
      <div class="headline" lang=${this.textLang}>${article.headline}</div>
      <div class="cue">${uiStrings(this.lang).readCue}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-tooltip': EPaperTooltip;
  }
}
