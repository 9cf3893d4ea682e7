/**
 * Articles that run on from page to page without jump lines, as a report or a manual does: on a
 * page without rules (./pdf-layout.ts `flow`) the text over its first headline is a part that
 * `continues` the last article of the page before. Such parts are joined to that article in the
 * format's way for continued articles (./pdf-jumps.ts): its text goes on with theirs, it gets a
 * region on their page, and both pages get a jump without a printed line. Pure.
 */
import type { Page } from '../schema.js';
import type { ImportWarning } from './common.js';
import { addJump, type Part } from './pdf-jumps.js';
import { fitArticle } from './pdf-limits.js';

/** `parts` (in page order) with each part that `continues` joined to the last article of the page before. */
export function joinFlow(parts: (Part & { continues?: boolean })[], pages: Page[], warnings: ImportWarning[]): Part[] {
  const joined = new Map<Part, Part>();
  const grown = new Set<Part>();
  for (const part of parts) {
    if (!part.continues) continue;
    const last = parts.filter((a) => a.page === part.page - 1 && !a.kind).at(-1);
    if (!last) continue;
    const head = joined.get(last) ?? last;
    head.paragraphs = [...head.paragraphs, ...part.paragraphs];
    if (part.photos?.length) head.photos = [...(head.photos ?? []), ...part.photos];
    for (const region of pages[part.page].regions ?? []) if (region.article === part.id) region.article = head.id;
    addJump(pages, part.page - 1, { article: head.id, to: pages[part.page].id }, warnings);
    addJump(pages, part.page, { article: head.id, from: pages[part.page - 1].id }, warnings);
    joined.set(part, head);
    grown.add(head);
  }
  // The format's limits, over the parts together: nothing cut without a warning.
  for (const head of grown)
    Object.assign(
      head,
      fitArticle(head, { path: `pages[${head.page}].${head.id}`, page: pages[head.page].label, headline: head.headline }, warnings),
    );
  return parts.filter((part) => !joined.has(part));
}
