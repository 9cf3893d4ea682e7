import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { panelToggleStyles } from '../e-paper-contents/panel-toggle.styles.js';

/** The offline button in the toolbar (the list's, with a gap before its word) and its panel, hanging from the toolbar like the list's. */
export const offlineStyles = [
  panelToggleStyles,
  css`
  :host {
    display: inline-block;
  }
  .toggle {
    gap: 4px;
  }
  .toggle.saved svg {
    color: var(--_accent);
  }
  .panel {
    position: absolute;
    inset-inline-end: min(var(--_end, 0px), 100% - min(24em, 100%));
    top: calc(100% + 4px);
    z-index: 3;
    box-sizing: border-box;
    width: min(24em, 100%);
    max-height: var(--_room, min(60vh, 28em));
    overflow: auto;
    padding: 12px 14px;
    border-radius: 6px;
    border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    background: var(--_toolbar-bg);
    color: var(--_toolbar-ink);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
    line-height: 1.45;
  }
  h2,
  h3 {
    margin: 0 0 6px;
    font-size: 1em;
  }
  /* Focused by script when the panel opens, for screen readers: no ring on a heading. */
  h2:focus {
    outline: none;
  }
  h3 {
    margin-top: 14px;
    padding-top: 10px;
    border-top: 1px solid color-mix(in srgb, currentColor 15%, transparent);
    font-size: 0.9em;
  }
  p {
    margin: 0 0 8px;
  }
  .about {
    opacity: 0.8;
    font-size: 0.9em;
  }
  .action,
  .remove {
    /* Its word on one line, however long the entry beside it. */
    flex: none;
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
    border-radius: 4px;
    background: color-mix(in srgb, currentColor 6%, transparent);
  }
  .action:hover,
  .remove:hover {
    background: color-mix(in srgb, currentColor 14%, transparent);
  }
  .action[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  progress {
    display: block;
    width: 100%;
    margin: 8px 0 4px;
    accent-color: var(--_accent);
  }
  .status:empty {
    display: none;
  }
  .status {
    margin-top: 8px;
    font-size: 0.9em;
  }
  .status.problem {
    padding: 6px 8px;
    border-inline-start: 3px solid var(--_accent);
    background: color-mix(in srgb, currentColor 6%, transparent);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 4px 0;
  }
  li span {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  /* Under the title and date: pages, size (and when saved, where two are alike). */
  .details {
    display: block;
    font-size: 0.86em;
    opacity: 0.75;
  }
  .none {
    opacity: 0.7;
  }
`,
];

/** A row too narrow for the words (the toolbar's compact): the button is its icon (its name stays for screen readers). */
export const narrowStyles = css`
  :host([compact]) .toggle .word {
    ${visuallyHidden}
  }
`;
