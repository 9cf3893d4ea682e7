import { css } from 'lit';
import { lineIcon } from './line-icon.js';

/**
 * The mark that stands in the middle of a page's picture whose image or file could not be loaded
 * (the page strip's page, the overview map): a line icon, 24 px, in the ink faded toward the
 * paper. The declarations, to put in the rule of its `<svg>`; its box is the nearest positioned
 * ancestor. A lazy module (scripts/build.mjs `lazyPart`): outside the first render, a chunk the two
 * parts share.
 */
export const failedMark = css`
  ${lineIcon}
  position: absolute;
  inset: 0;
  margin: auto;
  width: 24px;
  height: 24px;
  color: color-mix(in srgb, var(--_ink) 65%, var(--_paper));
`;
