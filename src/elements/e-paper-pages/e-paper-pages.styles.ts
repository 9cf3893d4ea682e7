import { css } from 'lit';
import { uiFont } from '../../internal/styles/ui-font.js';
import { failedMark } from '../../internal/styles/failed-mark.js';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';

export const pagesStyles = css`
  :host {
    --_w: var(--_thumb-width);
    display: block;
    min-width: 0;
    /* The edition's faces after the UI font: the sections are edition text (a machine with no CJK font). */
    font: 500 12px/1.3 ${uiFont}, var(--_font-edition, sans-serif);
    color: var(--_toolbar-ink);
  }
  :host([hidden]) {
    display: none;
  }
  nav {
    background: var(--_toolbar-bg);
  }
  ul {
    --_gap: 6px;
    display: flex;
    gap: var(--_gap);
    margin: 0;
    padding: 6px;
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    /* No scroll snapping: it pulled the shown page, brought in at the end, back out of view. */
    scrollbar-width: thin;
  }
  li {
    flex: none;
  }
  /* Stands for the whole row while the strip is paused: N items and the gaps between them. */
  .sizer {
    width: calc(var(--_n) * (var(--_w) + 8px) + (var(--_n) - 1) * var(--_gap));
    visibility: hidden;
  }
  .thumb {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    width: calc(var(--_w) + 8px);
    padding: 4px;
    border: 0;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  button:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .box {
    position: relative;
    display: block;
    width: var(--_w);
    aspect-ratio: var(--_ratio);
    overflow: hidden;
    /* Thumbnails scrolled far out of the strip skip layout and paint; the box keeps its size. */
    content-visibility: auto;
    background: var(--_paper);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
  }
  [aria-current='page'] .box {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  /* The page at its own size, scaled to the box: tan(atan2(a, b)) is a / b as a plain number. */
  e-paper-page {
    position: absolute;
    top: 0;
    left: 0;
    width: var(--_pw);
    transform-origin: 0 0;
    transform: scale(tan(atan2(var(--_w), var(--_pw))));
  }
  /* A page whose file could not be loaded: a mark in the middle of its box. */
  svg.failed {
    ${failedMark}
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  /* One line of a fixed height: a fallback font can make no label taller than the sizer's. */
  .label {
    display: block;
    height: 1lh;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [aria-current='page'] b {
    /* Underlined in the accent, not written in it: small red text on dark paper is too faint. */
    text-decoration: underline 2px var(--_accent);
    text-underline-offset: 3px;
  }
  .section {
    opacity: 0.75;
    unicode-bidi: isolate;
  }
  @media (forced-colors: active) {
    [aria-current='page'] .box {
      outline-color: Highlight;
    }
  }
`;
