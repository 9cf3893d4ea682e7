import type { Page } from '../schema.js';

/**
 * The page references whose file failed to load, until it is fetched again: the page strip
 * shows them as failed (a page is one object of the edition in view, so a set of them is enough;
 * a new edition has new pages). The loader marks and clears them; `failedPages` tells listeners.
 */
const failed = new WeakSet<Page>();

/** Fires `change` when a page is marked failed or fetched again. */
export const failedPages = new EventTarget();

/** Marks `page`'s file as failed (`on`) or as fetched again. */
export function markFailed(page: Page, on: boolean): void {
  if (on === failed.has(page)) return;
  if (on) failed.add(page);
  else failed.delete(page);
  failedPages.dispatchEvent(new Event('change'));
}

/** Whether `page`'s file failed the last time it was fetched. */
export const hasFailed = (page: Page): boolean => failed.has(page);
