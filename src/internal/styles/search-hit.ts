import { css } from 'lit';

/**
 * Paints the search matches (registered by src/search/search-highlight.ts as `e-paper-search`).
 * A `::highlight()` rule only reaches text in the same shadow root as its stylesheet: every
 * element whose text is searched includes it (with the token table's `tokenStyles`, which it reads).
 */
export const searchHitStyles = css`
  ::highlight(e-paper-search) {
    background-color: var(--_search-hit);
    color: var(--_search-hit-ink);
  }
`;
