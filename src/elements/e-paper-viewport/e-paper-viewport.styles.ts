import { css } from 'lit';
import { uiFont } from '../../internal/styles/ui-font.js';

export const viewportStyles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    contain: strict;
    outline: none;
  }
  :host([hidden]) {
    display: none;
  }
  /* Drawn inside the box: the host clips what lies outside it. */
  :host(:focus-visible) .box::after {
    content: '';
    position: absolute;
    inset: 0;
    border: 3px solid var(--_focus);
    pointer-events: none;
  }
  .box {
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
  .stage {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
  }
  /* Scales the page inside the stage while a gesture runs (stage-layer.ts). */
  .stage > slot {
    display: block;
    transform-origin: 0 0;
  }
  /* At fit a vertical swipe scrolls the host page; zoomed in, every touch is ours. A drag pans:
     it selects no text. */
  .box,
  .stage {
    touch-action: pan-y;
    user-select: none;
  }
  .zoomed,
  .zoomed .stage {
    touch-action: none;
  }
  .zoomed {
    cursor: grab;
  }
  .grabbing {
    cursor: grabbing;
  }
  .hint {
    position: absolute;
    left: 50%;
    top: 50%;
    translate: -50% -50%;
    max-width: calc(100% - 32px);
    box-sizing: border-box;
    padding: 0.6em 1em;
    border-radius: 0.5em;
    background: var(--_hint-bg);
    color: var(--_hint-ink);
    font: 500 15px/1.4 ${uiFont}, sans-serif;
    text-align: center;
    pointer-events: none;
    opacity: 0;
    visibility: hidden;
    transition:
      opacity 160ms ease-out,
      visibility 0s linear 160ms;
  }
  .hint.visible {
    opacity: 1;
    visibility: visible;
    transition: opacity 160ms ease-out;
  }
  @media (prefers-reduced-motion: reduce) {
    .hint,
    .hint.visible {
      transition: none;
    }
  }
`;
