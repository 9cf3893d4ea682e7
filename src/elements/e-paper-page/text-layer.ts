/**
 * A scan page's text layer, a lazy part (the first render does without it): each line of the
 * page's `text`, invisible, stretched over the line it stands for on the image, so that a reader
 * selects and copies the page's text, and the search's highlights (which walk the page's text)
 * light up on the image.
 *
 * It lies over the article regions. A mouse drag on a line selects text instead of panning; a
 * click that selected nothing, and hovering, reach the article region under the line, so an
 * article opens and lights up as it does without the layer. Touch is left to the viewport (a
 * drag pans), and a long press selects, as the platform does.
 *
 * To assistive technology the layer gives only the lines outside every article region (a
 * masthead, an advertisement): an article's lines are hidden from it, since its region's button
 * opens the article's whole text in the reader, and a screen reader would otherwise meet it twice.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Page, Shape, TextLine } from '../../edition/schema.js';
import { regionsOf } from '../../edition/regions.js';

const styles = css`
  .text-layer {
    position: absolute;
    inset: 0;
    color: transparent;
    line-height: 1;
    user-select: text;
    -webkit-user-select: text;
    cursor: text;
  }
  .text-layer > span {
    position: absolute;
    white-space: pre;
    text-align: justify;
    text-align-last: justify;
    overflow: hidden;
  }
  .text-layer ::selection {
    background: rgb(0 90 220 / 0.3);
    color: transparent;
  }
  .text-layer span::highlight(e-paper-search) {
    color: transparent;
  }
`;

/** The region shapes under a point, past the text layer. */
function regionAt(root: ShadowRoot, event: MouseEvent): Element | null {
  for (const element of root.elementsFromPoint(event.clientX, event.clientY)) {
    const region = element.closest('.region');
    if (region) return region;
  }
  return null;
}

let hovered: Element | null = null;

function hover(root: ShadowRoot, event: PointerEvent): void {
  // A finger does not hover: a touch leaves the region and the tooltip alone (a tap opens the article).
  if (event.pointerType === 'touch') return;
  const region = event.type === 'pointerleave' ? null : regionAt(root, event);
  if (region === hovered) return;
  hovered?.classList.remove('active');
  hovered?.dispatchEvent(new PointerEvent('pointerout', { bubbles: true }));
  hovered = region;
  region?.classList.add('active');
  region?.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
}

// Here, not in a module of the edition's: the build puts those in the first render, and only this lazy part needs it.
/** Whether the point (`x`, `y`), in page units, lies in `shape` (a polygon by the even-odd rule; its edges count as in for a rectangle). */
export function inShape(shape: Shape, x: number, y: number): boolean {
  if ('rect' in shape) {
    const { rect } = shape;
    return x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
  }
  const points = shape.polygon;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies in any of `shapes`. */
export const inShapes = (shapes: readonly Shape[], x: number, y: number): boolean => shapes.some((shape) => inShape(shape, x, y));

const inArticles = new WeakMap<Page, boolean[]>();

/** For each of the page's lines, whether its centre lies in an article's region (worked out once per page object). */
function linesInArticles(page: Page): boolean[] {
  let flags = inArticles.get(page);
  if (!flags) {
    const shapes = regionsOf(page).flatMap((region) => region.shapes);
    flags = (page.text ?? []).map((line: TextLine) => inShapes(shapes, line.x + line.w / 2, line.y + line.h / 2));
    inArticles.set(page, flags);
  }
  return flags;
}

/** The layer for `page` in `root` (the page element's shadow root), its style sheet adopted once. */
export function textLayer(page: Page, root: ShadowRoot): TemplateResult {
  const hidden = linesInArticles(page);
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // Keyboard users reach the articles through the regions' own buttons; the layer only passes a mouse's clicks on.
  // eslint-disable-next-line lit-a11y/click-events-have-key-events -- as said above
  return html`<div
    class="text-layer"
    @pointerdown=${(event: PointerEvent) => event.pointerType === 'mouse' && event.button === 0 && event.stopPropagation()}
    @pointermove=${(event: PointerEvent) => hover(root, event)}
    @pointerleave=${(event: PointerEvent) => hover(root, event)}
    @click=${(event: MouseEvent) => {
      const selection = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
      if (selection && !selection.isCollapsed) return;
      event.stopPropagation();
      regionAt(root, event)?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: event.clientX, clientY: event.clientY }));
    }}
  >
    ${(page.text ?? []).map(
      (line, i) =>
        html`<span
          style="left:${line.x}px;top:${line.y}px;width:${line.w}px;height:${line.h}px;font-size:${line.h}px"
          aria-hidden=${hidden[i] ? 'true' : nothing}
        >${line.text}</span>`,
    )}
  </div>`;
}
