import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { uiFont } from '../../internal/styles/ui-font.js';

export const archiveStyles = css`
  :host {
    position: relative;
    display: inline-flex;
    align-items: center;
    color: var(--_toolbar-ink);
    font: 500 14px/1.2 ${uiFont}, sans-serif;
  }
  :host([hidden]) {
    display: none;
  }
  .bar {
    display: contents;
  }
  .short {
    display: none;
  }
  /* A row too narrow for it whole (the toolbar's compact): the short date alone, so that the
     toolbar keeps to one row; the calendar it opens holds the previous and next editions too. */
  :host([compact]) :is(.long, .prev, .next) {
    display: none;
  }
  :host([compact]) .short {
    display: inline;
  }
  button {
    display: inline-grid;
    place-items: center;
    min-width: 36px;
    height: 36px;
    padding: 0 6px;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    font: inherit;
    white-space: nowrap;
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']),
  [aria-expanded='true'],
  td[data-date]:hover:not([aria-disabled]) {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  button[aria-disabled='true'] {
    opacity: 0.38;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  svg {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .spinner {
    width: 12px;
    height: 12px;
    margin-inline: 4px;
    border: 2px solid;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  .vh {
    ${visuallyHidden}
  }
  .cal {
    position: absolute;
    inset-inline-start: 0;
    top: calc(100% + 4px);
    z-index: 3;
    padding: 8px;
    border-radius: 8px;
    background: var(--_toolbar-bg);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
    animation: pop 0.15s ease-out;
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  h2 {
    margin: 0;
    font-size: 1em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th {
    padding: 6px 0;
    font-size: 12px;
    font-weight: 400;
  }
  td {
    min-width: 36px;
    height: 36px;
    padding: 0;
    border-radius: 50%;
    text-align: center;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  /* A day without an edition: shown, but faint and plain. */
  td[aria-disabled] {
    font-weight: 400;
    opacity: 0.45;
    cursor: default;
  }
  td[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-ink);
  }
  @keyframes spin {
    to {
      rotate: 1turn;
    }
  }
  @keyframes pop {
    from {
      opacity: 0;
      translate: 0 -4px;
    }
  }
  @media (max-width: 600px) {
    .cal {
      position: fixed;
      inset: auto 0 0;
      border-radius: 12px 12px 0 0;
      padding-bottom: max(8px, env(safe-area-inset-bottom));
    }
    td {
      height: 44px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cal {
      animation: none;
    }
    .spinner {
      animation: none;
      border-style: dotted;
    }
  }
  @media (forced-colors: active) {
    button[aria-disabled='true'],
    td[aria-disabled] {
      color: GrayText;
      opacity: 1;
    }
    td[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
