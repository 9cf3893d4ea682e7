import { css } from 'lit';
import { lineIcon } from '../../internal/styles/line-icon.js';
import { toolButton } from '../../internal/styles/tool-button.js';

/** A toolbar button (as `<e-paper-toolbar>`'s own): a 36 px square with a line icon. */
export const fullscreenStyles = css`
  :host {
    display: inline-block;
    color: var(--_toolbar-ink);
  }
  :host([hidden]) {
    display: none;
  }
  /* A phone's browser gives the page the whole screen as it scrolls, and the iPhone has no full
     screen at all; and the toolbar's last step (compact phone) has no room for it. */
  @container e-paper (max-width: 520px) {
    :host {
      display: none;
    }
  }
  :host([compact~='phone']) {
    display: none;
  }
  button {
    display: grid;
    ${toolButton}
  }
  button:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  button:active,
  button[aria-pressed='true'] {
    background: color-mix(in srgb, currentColor 18%, transparent);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  svg {
    ${lineIcon}
  }
`;
