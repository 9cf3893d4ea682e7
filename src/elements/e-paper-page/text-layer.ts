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
 */
import { css, html, type TemplateResult } from 'lit';
import type { Page } from '../../edition/schema.js';

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
  const region = event.type === 'pointerleave' ? null : regionAt(root, event);
  if (region === hovered) return;
  hovered?.classList.remove('active');
  hovered?.dispatchEvent(new PointerEvent('pointerout', { bubbles: true }));
  hovered = region;
  region?.classList.add('active');
  region?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
}

/** The layer for `page` in `root` (the page element's shadow root), its style sheet adopted once. */
export function textLayer(page: Page, root: ShadowRoot): TemplateResult {
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
      (line) =>
        html`<span style="left:${line.x}px;top:${line.y}px;width:${line.w}px;height:${line.h}px;font-size:${line.h}px">${line.text}</span>`,
    )}
  </div>`;
}
