import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { lineIcon } from '../../internal/styles/line-icon.js';
import { uiFont } from '../../internal/styles/ui-font.js';

/** Dark defaults of the theme knobs; a site's own values of the public properties still win. */
const darkTokens = css`
  --_auto-paper: #22211e;
  --_auto-ink: #e6e2d8;
  --_auto-accent: #ef5350;
  --_auto-surface: #121212;
  --_auto-ui-ink: #ececec;
  --_auto-toolbar-bg: rgb(36 36 36 / 0.94);
`;

export const viewerStyles = css`
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  :host {
    /* The host page's inherited styles stop here. */
    all: initial;
    display: block;
    position: relative;
    contain: content;
    height: var(--e-paper-height, 85vh);
    min-height: 320px;
    background: var(--e-paper-surface, var(--_auto-surface, #e9e6df));
    color: var(--e-paper-ui-ink, var(--_auto-ui-ink, #1f1f1f));
    font-size: 14px;
    line-height: 1.5;
  }
  .viewer {
    /* Inherited styles forced onto the host (even !important ones) stop here. */
    all: initial;
    /* Its own box, not one placed against the host's: a page's styles for the e-paper tag win
       over :host (e-paper { all: unset } takes its position, display and containment), so
       the viewer's layout must not rest on them. It fills the host's box (or, if the host is
       made inline, its block's), and holds what it positions. */
    display: grid;
    position: relative;
    width: 100%;
    height: 100%;
    min-height: inherit;
    contain: content;
    /* The toolbar's parts fit their labels to the viewer's width (a narrow one: a phone). */
    container: e-paper / inline-size;
    grid-template-rows: auto minmax(0, 1fr) auto;
    grid-template-columns: minmax(0, 1fr);
    /* The edition's body face after the UI font: edition text in the lists, on a machine with no CJK font. */
    font-family: ${uiFont}, var(--_font-edition-body, sans-serif);
    font-size: 14px;
    line-height: 1.5;
    color: var(--e-paper-ui-ink, var(--_auto-ui-ink, #1f1f1f));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  e-paper-viewport {
    grid-row: 2;
    min-height: 0;
  }
  e-paper-pages {
    grid-row: 3;
    min-width: 0;
  }
  /* As tall as the toolbar's row, so that its panel hangs below the toolbar, not over it. */
  e-paper-search {
    align-self: stretch;
  }
  .search-toggle svg {
    display: none;
    ${lineIcon}
  }
  /* A phone: the toolbar keeps to one row, with icons named by their (hidden) words. */
  @container e-paper (max-width: 520px) {
    .search-toggle {
      display: grid;
      place-items: center;
      width: 36px;
      height: 36px;
      padding: 0;
      border: 0;
    }
    .search-toggle svg {
      display: block;
    }
    .search-toggle span {
      ${visuallyHidden}
    }
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
    background: var(--e-paper-tooltip-bg, #1f1f1f);
    color: var(--e-paper-tooltip-ink, #fff);
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
    background: rgb(255 255 255 / 0.15);
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  .status {
    grid-row: 1 / -1;
    display: grid;
    place-items: center;
    padding: 24px;
  }
  .skeleton {
    display: grid;
    gap: 12px;
    width: min(70%, 420px);
    aspect-ratio: 5 / 7;
    padding: 24px;
    background: var(--e-paper-paper, var(--_auto-paper, #fbf8f1));
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
    grid-template-rows: 18% repeat(5, 1fr);
  }
  .skeleton span {
    border-radius: 3px;
    background: linear-gradient(90deg, #e6e1d6 25%, #f1ede4 50%, #e6e1d6 75%) 0 0 / 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
  .skeleton .label {
    background: none;
    animation: none;
    color: #6b6658;
    text-align: center;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  .error {
    max-width: 34em;
    padding: 20px 24px;
    border-left: 4px solid var(--e-paper-accent, var(--_auto-accent, #c8161d));
    background: var(--e-paper-paper, var(--_auto-paper, #fff));
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
  }
  .error h2 {
    margin: 0 0 8px;
    font-size: 17px;
  }
  .error p {
    margin: 0 0 8px;
  }
  .error ul {
    max-height: 10em;
    overflow: auto;
    margin: 0 0 12px;
    padding-left: 1.2em;
    font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  button {
    font: inherit;
    padding: 6px 16px;
    border: 1px solid currentColor;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--e-paper-focus, #1a73e8);
    outline-offset: 2px;
  }
`;
