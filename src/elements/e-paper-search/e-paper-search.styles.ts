import { css } from 'lit';
import { uiFont } from '../../internal/styles/ui-font.js';

export const searchStyles = css`
  /* Not positioned: the panel hangs from the toolbar's box, whatever the place of its button. */
  :host {
    display: inline-block;
  }
  :host(:not([open])) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .panel {
    position: absolute;
    inset-inline-start: 0;
    top: calc(100% + 4px);
    z-index: 3;
    width: min(28em, 100%);
    max-height: 60vh;
    overflow: auto;
    padding: 0 0 8px;
    border-radius: 6px;
    /* Opaque, and edged: a result cut off at the foot never reads as the page's text under it. */
    border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    background: var(--_toolbar-bg);
    color: var(--_toolbar-ink);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
    font: 14px/1.4 ${uiFont}, sans-serif;
  }
  /* Narrow screens: a sheet across the top of the viewer (or of the window). */
  @media (max-width: 600px) {
    .panel {
      position: fixed;
      inset: 0 0 auto;
      width: auto;
      border-radius: 0;
    }
  }
  /* The field and the count stay in place while the results scroll under them. */
  .top {
    position: sticky;
    top: 0;
    z-index: 1;
    padding: 8px 0 4px;
    background: inherit;
  }
  .bar {
    display: flex;
    gap: 4px;
    padding: 0 8px;
  }
  input,
  button {
    min-height: 32px;
    font: inherit;
    color: inherit;
  }
  input {
    flex: 1;
    min-width: 0;
    padding: 4px 8px;
    border: 1px solid color-mix(in srgb, currentColor 40%, transparent);
    border-radius: 4px;
    background: transparent;
  }
  button {
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  .close {
    min-width: 32px;
    font-size: 18px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .status {
    margin: 6px 14px 0;
    opacity: 0.75;
    font-size: 0.9em;
  }
  .status:empty {
    display: none;
  }
  h3 {
    margin: 8px 14px 2px;
    color: var(--_accent);
    font-size: 0.85em;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .hit {
    display: block;
    width: 100%;
    padding: 6px 14px;
    text-align: start;
  }
  .hit:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .meta {
    display: flex;
    gap: 0.5em;
    justify-content: space-between;
    margin: 6px 14px 0;
    font-weight: 700;
  }
  .count {
    flex: none;
    opacity: 0.75;
    font-size: 0.85em;
    font-weight: 400;
  }
  .hit {
    padding-inline-start: 24px;
  }
  /* More matches in the same text: a quiet note after its context. */
  .more {
    margin-inline-start: 0.5em;
    opacity: 0.75;
    font-size: 0.85em;
    white-space: nowrap;
  }
  /* Edition text on a line with other text: its bidi controls cannot reach beyond it. */
  [lang] {
    unicode-bidi: isolate;
  }
  mark {
    background: var(--_search-hit);
    color: var(--_search-hit-ink);
  }
`;
