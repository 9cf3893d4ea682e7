import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { lineIcon } from '../../internal/styles/line-icon.js';

/**
 * The viewer's styles of what is shown around the page once it is shown (e-paper-chrome.ts, whose
 * module adds them to the viewer's own): the viewer's buttons in the toolbar's end, the search's
 * row, the notice. The first render does without them.
 */
export const chromeStyles = css`
  /* As tall as the toolbar's row, so that its panel hangs below the toolbar, not over it. */
  e-paper-search {
    align-self: stretch;
  }
  /* The viewer's own buttons in the toolbar: the search's, the text view's toggle. */
  .tool svg {
    display: none;
    ${lineIcon}
  }
  [aria-pressed='true'] {
    background: color-mix(in srgb, currentColor 14%, transparent);
  }
  /* A row too narrow for the words (the toolbar's compact, toolbar-fit.ts): icons named by them. */
  .tool[compact] {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    padding: 0;
    border: 0;
  }
  .tool[compact] svg {
    display: block;
  }
  .tool[compact] span {
    ${visuallyHidden}
  }
  .notice {
    position: absolute;
    left: 50%;
    bottom: 16px;
    z-index: 2;
    display: flex;
    align-items: center;
    gap: 4px;
    max-width: calc(100% - 32px);
    padding: 4px;
    border-radius: 999px;
    background: var(--_tooltip-bg);
    color: var(--_tooltip-ink);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
    transform: translateX(-50%);
  }
  .notice:not(:has(button)) {
    padding: 8px 16px;
  }
  .notice button {
    border: 0;
    border-radius: 999px;
    padding: 6px 14px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .notice .dismiss {
    padding: 6px 10px;
    font-size: 16px;
    line-height: 1;
  }
  .notice button:hover {
    background: color-mix(in srgb, currentColor 15%, transparent);
  }
`;
