import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { uiFont } from '../../internal/styles/ui-font.js';
import { darkTokens, tokenStyles } from '../../internal/styles/tokens.js';

export const viewerStyles = [
  tokenStyles,
  css`
  /* The dark theme, by the attribute or by the system's setting; the parts inherit its values. */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${darkTokens}
    color-scheme: dark;
  }
  :host {
    /* The host page's inherited styles stop here. */
    all: initial;
    display: block;
    position: relative;
    contain: content;
    height: var(--_height);
    min-height: 320px;
    background: var(--_surface);
    color: var(--_ui-ink);
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
    font-family: ${uiFont}, var(--_font-edition, sans-serif);
    font-size: 14px;
    line-height: 1.5;
    color: var(--_ui-ink);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* The toolbar is a part that comes after the page is shown: its row is kept meanwhile, at its
     height (a 36 px button and 4 px around), so that the page under it does not move. */
  e-paper-toolbar:not(:defined) {
    height: 44px;
    border-radius: 8px;
    background: var(--_toolbar-bg);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.18);
  }
  e-paper-toolbar:not(:defined) > * {
    display: none;
  }
  e-paper-viewport {
    grid-row: 2;
    min-height: 0;
  }
  e-paper-pages {
    grid-row: 3;
    min-width: 0;
  }
  /* The text view covers the page and its strip: they keep their layout, hidden. */
  e-paper-text-view {
    grid-area: 2 / 1 / -1;
  }
  :host([view='text']) :is(e-paper-viewport, e-paper-pages) {
    grid-column: 1;
    visibility: hidden;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  /* Read, never seen: in a system face, so that it fetches no UI font before ready. */
  .status .visually-hidden {
    font-family: sans-serif;
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
    background: var(--_paper);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
    grid-template-rows: 18% repeat(5, 1fr);
  }
  .skeleton span {
    border-radius: 3px;
    /* Grey bars mixed from the page's own ink and paper, so that they are quiet in either theme. */
    --_bar: color-mix(in srgb, var(--_ink) 10%, var(--_paper));
    --_shine: color-mix(in srgb, var(--_ink) 4%, var(--_paper));
    background: linear-gradient(90deg, var(--_bar) 25%, var(--_shine) 50%, var(--_bar) 75%) 0 0 / 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
  /* The words come after a second: a quick load shows the bars alone, and needs no UI font before ready. */
  .skeleton .label {
    background: none;
    animation: label-in 0s 1s backwards;
    color: color-mix(in srgb, var(--_ink) 65%, var(--_paper));
    text-align: center;
  }
  @keyframes label-in {
    from {
      display: none;
    }
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
    border-left: 4px solid var(--_accent);
    background: var(--_toolbar-bg);
    color: var(--_toolbar-ink);
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
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`,
];
