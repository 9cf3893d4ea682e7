import type { Edition } from '../../edition/schema.js';
import { articlesById } from '../../edition/regions.js';

/** Whether the article counts in the reader's order: its kind (news when absent) is among the edition's `readingOrder` (news when absent). */
export function inReadingOrder(edition: Edition, articleId: string): boolean {
  const kind = articlesById(edition).get(articleId)?.kind ?? 'news';
  return (edition.readingOrder ?? ['news']).includes(kind);
}

/** Text scale bounds and step of the reader. */
export const TEXT_SCALE = { min: 0.8, max: 1.8, step: 0.1, default: 1 } as const;

/** A text scale clamped to the reader's range and rounded to its step (0.8, 0.9 … 1.8). */
export function clampTextScale(value: number): number {
  if (!Number.isFinite(value)) return TEXT_SCALE.default;
  const stepped = Math.round(value / TEXT_SCALE.step) * TEXT_SCALE.step;
  return Math.round(Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, stepped)) * 10) / 10;
}

/** `href` with its hash replaced by `#article=ID`: the link that opens the article. */
export function articleLink(href: string, articleId: string): string {
  const url = new URL(href);
  url.hash = `article=${encodeURIComponent(articleId)}`;
  return url.href;
}

/** The elements inside `container` that Tab reaches, in document order. */
export function tabbables(container: Element): HTMLElement[] {
  const selector = 'button, [href], input, select, textarea, [tabindex]';
  return [...container.querySelectorAll<HTMLElement>(selector)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[inert]') &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden',
  );
}

let pageLocks = 0;
let restorePage: (() => void) | undefined;

/**
 * Stops the page behind from scrolling (wheel over the backdrop, keys with focus outside the
 * article), as a modal dialog alone does not: \`overflow: hidden\` on the root element, set through
 * the CSSOM, keeping the scrollbar's gutter so that nothing shifts. Returns the unlock function;
 * the page's own values come back when the last lock is released.
 */
export function lockPageScroll(doc: Document = document): () => void {
  if (pageLocks++ === 0) {
    const style = doc.documentElement.style;
    const saved = ['overflow', 'scrollbar-gutter'].map(
      (name) => [name, style.getPropertyValue(name), style.getPropertyPriority(name)] as const,
    );
    const view = doc.defaultView;
    const hasScrollbar = view !== null && view.innerWidth - doc.documentElement.clientWidth > 0;
    style.setProperty('overflow', 'hidden', 'important');
    if (hasScrollbar) style.setProperty('scrollbar-gutter', 'stable', 'important');
    restorePage = () => {
      for (const [name, value, priority] of saved) {
        if (value) style.setProperty(name, value, priority);
        else style.removeProperty(name);
      }
    };
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--pageLocks === 0) {
      restorePage?.();
      restorePage = undefined;
    }
  };
}
