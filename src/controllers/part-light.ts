/**
 * Lights up the part of a continued article on the page just turned to, after a jump link in
 * the reader: its region gets the tint a hovered article has (`.active`) for a moment, and the
 * view moves to it if it is out of sight. A module of its own, loaded on the first jump.
 */
import type { EPaperPage } from '../elements/e-paper-page/e-paper-page.js';
import type { EPaperViewport } from '../elements/e-paper-viewport/e-paper-viewport.js';

/** How long the part stays lit: long enough to find it, short enough not to linger as a state. */
export const LIGHT_MS = 2400;

/** What the light needs of the viewer: its shadow root, once it has rendered the page. */
export interface LightHost {
  readonly shadowRoot: ShadowRoot | null;
  readonly updateComplete: Promise<unknown>;
}

/**
 * Lights the regions of `articleId` on the page `host` shows (a part may be several), once it has
 * rendered them, until `LIGHT_MS` pass or the reader leaves them (pointer or focus). Returns them.
 */
export async function lightPart(host: LightHost, articleId: string, ms = LIGHT_MS): Promise<SVGGElement[]> {
  await host.updateComplete;
  const page = host.shadowRoot?.querySelector<EPaperPage>('e-paper-page');
  await page?.updateComplete;
  const regions = [...(page?.shadowRoot?.querySelectorAll<SVGGElement>(`.region[data-article-id="${CSS.escape(articleId)}"]`) ?? [])];
  const [first] = regions;
  if (!first) return regions;
  const viewport = host.shadowRoot!.querySelector<EPaperViewport>('e-paper-viewport');
  if (viewport && !inSight(first, viewport)) {
    const box = first.getBBox();
    viewport.zoomTo(viewport.scale, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  const off = () => {
    clearTimeout(timer);
    for (const region of regions) {
      region.classList.remove('active');
      region.removeEventListener('pointerleave', off);
      region.removeEventListener('focusout', off);
    }
  };
  const timer = setTimeout(off, ms);
  for (const region of regions) {
    region.classList.add('active');
    region.addEventListener('pointerleave', off);
    region.addEventListener('focusout', off);
  }
  return regions;
}

/** Whether at least half of `region` (or half of the view, for a region larger than it) is in the view. */
function inSight(region: Element, viewport: Element): boolean {
  const r = region.getBoundingClientRect();
  const v = viewport.getBoundingClientRect();
  const w = Math.max(0, Math.min(r.right, v.right) - Math.max(r.left, v.left));
  const h = Math.max(0, Math.min(r.bottom, v.bottom) - Math.max(r.top, v.top));
  return w * h >= 0.5 * Math.min(r.width * r.height, v.width * v.height);
}
