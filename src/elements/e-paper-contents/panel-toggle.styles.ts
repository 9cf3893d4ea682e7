import { css } from 'lit';
import { lineIcon } from '../../internal/styles/line-icon.js';

/**
 * The button in the toolbar that opens a panel hanging from it (the list's, offline reading's):
 * a word, or its line icon where the toolbar is narrow; tinted while hovered or open. Here, beside
 * the panels' placement (panel-room.ts), since only lazy parts use it: a module of
 * `src/internal/` would be built into the first render.
 */
export const panelToggleStyles = css`
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    white-space: nowrap;
    min-height: 32px;
    padding: 4px 10px;
    border: 1px solid transparent;
    border-radius: 4px;
    background: transparent;
  }
  .toggle svg {
    ${lineIcon}
  }
  .toggle:hover,
  .toggle[aria-expanded='true'] {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
`;
