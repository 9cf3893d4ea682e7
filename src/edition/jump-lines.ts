import type { ArticleBlock, Page } from './schema.js';

/**
 * The jump lines (as printed) that the typeset `block` sets: the `from` lines (上接) before the
 * body in the first block of the article on the page that sets body text, the `to` lines (转)
 * after it in the last one.
 */
export function jumpLines(page: Page, block: ArticleBlock, end: 'to' | 'from'): string[] {
  const lines = (page.jumps ?? []).filter((jump) => jump.article === block.article && jump[end] && jump.text).map((jump) => jump.text!);
  if (!lines.length) return lines;
  const bodies = (page.blocks ?? []).filter(
    (b) => b.kind === 'article' && b.article === block.article && (!b.parts || b.parts.includes('body')),
  );
  return bodies[end === 'from' ? 0 : bodies.length - 1] === block ? lines : [];
}
