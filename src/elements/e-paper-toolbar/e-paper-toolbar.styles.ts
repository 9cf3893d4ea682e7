import { css } from 'lit';
import { lineIcon } from '../../internal/styles/line-icon.js';
import { toolButton } from '../../internal/styles/tool-button.js';
import { uiFont } from '../../internal/styles/ui-font.js';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';

export const toolbarStyles = css`
  :host {
    display: inline-block;
    /* Then the edition's faces (from the viewer): the list and the search show the edition's headlines. */
    font: 500 14px/1 ${uiFont}, var(--_font-edition, sans-serif);
    color: var(--_toolbar-ink);
  }
  :host([hidden]) {
    display: none;
  }
  /* Positioned: the list's panel, slotted in, hangs from its box. One row (toolbar-fit.ts fits
     it), so that nothing under it moves as its end arrives; it wraps only past the last step. */
  .toolbar,
  .end {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  .toolbar {
    position: relative;
    white-space: nowrap;
    padding: 4px;
    border-radius: 8px;
    background: var(--_toolbar-bg);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.18);
  }
  :host([compact~='wrap']) .toolbar {
    flex-wrap: wrap;
  }
  :host([compact~='wrap']) .end {
    display: contents;
  }
  .toolbar > *,
  ::slotted(*) {
    flex-shrink: 0;
  }
  .end {
    align-self: stretch;
  }
  button {
    display: inline-grid;
    ${toolButton}
  }
  button:hover:not([aria-disabled='true']) {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  button:active:not([aria-disabled='true']) {
    background: color-mix(in srgb, currentColor 18%, transparent);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  button[aria-disabled='true'] {
    opacity: 0.38;
    cursor: default;
  }
  svg {
    ${lineIcon}
  }
  .scale {
    min-width: 4.2em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  /* A long label (from the edition's data) is cut short: the toolbar keeps its row (its name says it whole). */
  .page-number {
    min-width: 3.6em;
    max-width: 12em;
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: center;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .page-number small {
    opacity: 0.7;
  }
  .separator {
    width: 1px;
    height: 20px;
    margin: 0 4px;
    background: currentColor;
    opacity: 0.2;
  }
  ::slotted(*) {
    margin-inline-start: 2px;
  }
  /* The text view (the viewer sets text-view): no page to zoom; the page buttons go to its pages. */
  :host([text-view]) :is(.separator, .scale, [data-action^='zoom'], [data-action^='fit']) {
    display: none;
  }
  /* Too narrow a row (a phone): the scale is read out, not shown (a pinch shows it well enough);
     then the pages turn by the strip of pages under the page, by a swipe, the keys and the list,
     not by arrows here. */
  :host([compact~='tight']) .toolbar {
    gap: 0;
    padding-inline: 2px;
  }
  :host([compact~='tight']) .scale {
    ${visuallyHidden}
  }
  :host([compact~='tight']) .separator,
  :host([compact~='phone']) :is([data-action='previous-page'], [data-action='next-page']),
  /* Narrower still: fit width, fit page, then the zoom buttons go to the "more" menu (toolbar-fit.ts). */
  :host([compact~='menu']) [data-action='fit-width'],
  :host([compact~='menu-fit']) [data-action='fit-page'],
  :host([compact~='menu-zoom']) [data-action^='zoom-'] {
    display: none;
  }
  /* The "more" button shows only while the row leaves a control out (toolbar-more.ts). */
  .more[hidden] {
    display: none;
  }
  .more svg {
    fill: currentColor;
  }
  /* Its menu hangs from the row's end, in the toolbar's colours, inside the row's width. */
  .menu {
    position: absolute;
    top: calc(100% + 4px);
    inset-inline-end: 0;
    z-index: 3;
    display: grid;
    min-width: 11em;
    max-width: calc(100vw - 16px);
    padding: 4px;
    border-radius: 8px;
    background: var(--_toolbar-bg);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.24);
  }
  .menu button {
    display: flex;
    align-items: center;
    gap: 10px;
    width: 100%;
    padding: 0 12px 0 8px;
    justify-content: flex-start;
    text-align: start;
  }
  .menu button:focus {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .menu button[aria-checked='true'] {
    background: color-mix(in srgb, currentColor 18%, transparent);
  }
  @media (forced-colors: active) {
    button[aria-disabled='true'] {
      color: GrayText;
      opacity: 1;
    }
  }
`;
