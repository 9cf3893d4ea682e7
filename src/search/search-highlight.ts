import { findMatches } from './search-text.js';

/** The name under which the matches are registered in `CSS.highlights`. */
export const HIGHLIGHT_NAME = 'e-paper-search';
export { searchHitStyles } from '../internal/styles/search-hit.js';

/* Several viewers share the one registry entry: each owner's ranges are kept apart, so that clearing one leaves the others. */
const owned = new WeakMap<object, Range[]>();

const registry = () => (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;

/**
 * Highlights the matches of `query` in the text under `roots` (no DOM change: the CSS Custom
 * Highlight API), in place of `owner`'s earlier ones. Returns how many; 0 without the API. A match
 * must stand within one text node.
 */
export function highlightMatches(owner: object, roots: Iterable<Node>, query: string): number {
  clearMatches(owner);
  const highlights = registry();
  if (!highlights) return 0;
  const ranges: Range[] = [];
  for (const root of roots) {
    // Not into nested shadow roots (pass them as roots), nor into style sheets' text.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, (node) =>
      /^(STYLE|SCRIPT)$/.test(node.parentNode!.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    );
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const { start, end } of findMatches(node.data, query)) {
        const range = new Range();
        range.setStart(node, start);
        range.setEnd(node, end);
        ranges.push(range);
      }
    }
  }
  if (!ranges.length) return 0;
  let highlight = highlights.get(HIGHLIGHT_NAME);
  if (!highlight) highlights.set(HIGHLIGHT_NAME, (highlight = new Highlight()));
  for (const range of ranges) highlight.add(range);
  owned.set(owner, ranges);
  return ranges.length;
}

/** Removes `owner`'s highlights, leaving other owners'. */
export function clearMatches(owner: object): void {
  const ranges = owned.get(owner);
  const highlight = registry()?.get(HIGHLIGHT_NAME);
  owned.delete(owner);
  if (!ranges || !highlight) return;
  for (const range of ranges) highlight.delete(range);
  if (!highlight.size) registry()!.delete(HIGHLIGHT_NAME);
}
