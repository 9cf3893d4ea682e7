import type { Page } from './schema.js';

/** Whether `page` is a page reference: its content is in the page file at `page.src`, not loaded yet. */
export function isPageRef(page: Page): boolean {
  return page.src !== undefined && !page.blocks && !page.scan;
}
