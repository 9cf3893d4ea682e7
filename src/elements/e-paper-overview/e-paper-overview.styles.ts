import { css } from 'lit';
import { table, tokenSheet } from '../../internal/styles/tokens.js';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { failedMark } from '../../internal/styles/failed-mark.js';

/** The map's own token (see src/internal/styles/tokens.ts), in its part rather than the first render. */
export const OVERVIEW_TOKENS = table('overview-size 160px');
export const overviewTokens = tokenSheet(OVERVIEW_TOKENS);

/**
 * The map in the corner of the viewer's page area: `<e-paper>` lays its children out on a grid
 * (toolbar, page, strip); the map stands in the page's cell, at its top right, over the page (the
 * top: a viewer taller than the window shows its top first), absolutely positioned, so that the
 * grid area is its containing block and it takes no cell of its own.
 * `--_fw`/`--_fh`: the page's width and height over its longer side; `--_pw`: its width in page units.
 */
export const overviewStyles = css`
  :host {
    --_side: min(var(--_overview-size), 32cqw);
    position: absolute;
    grid-row: 2;
    grid-column: 1;
    right: 12px;
    top: 12px;
    z-index: 1;
    display: block;
  }
  /* At fit: laid out and drawn, so that its first showing mid-zoom costs no layout and no raster
     (its picture's layer is rastered at idle), but not seen, nor hit; the element is inert, so
     neither focused nor read. */
  :host([hidden]) {
    filter: opacity(0);
    pointer-events: none;
  }
  .map {
    position: relative;
    width: calc(var(--_side) * var(--_fw));
    height: calc(var(--_side) * var(--_fh));
    overflow: hidden;
    contain: strict;
    border: 3px solid var(--_toolbar-bg);
    border-radius: 4px;
    box-sizing: content-box;
    background: var(--_paper);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.3);
    cursor: pointer;
    touch-action: none;
    user-select: none;
  }
  /* The page at its own size, scaled to the map: tan(atan2(a, b)) is a / b as a plain number. */
  e-paper-page {
    position: absolute;
    top: 0;
    left: 0;
    width: var(--_pw);
    transform-origin: 0 0;
    transform: scale(tan(atan2(calc(var(--_side) * var(--_fw)), var(--_pw))));
    pointer-events: none;
    /* A layer of its own, rasterised once: the mark moves every frame of a pan, and in the map's
       own layer each move would raster the whole page again, every line of its text (measured:
       twice the renderer's CPU over the bench's zoom and pan, raster tasks of up to 480 ms). */
    will-change: transform;
  }
  /* In place of a picture whose image could not be loaded: a mark in the middle of the map. */
  svg.failed {
    ${failedMark}
    /* Over the dimming of the page outside the visible area (the mark's shadow). */
    z-index: 1;
    pointer-events: none;
  }
  .mark {
    position: absolute;
    box-sizing: border-box;
    min-width: 6px;
    min-height: 6px;
    border: 2px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
    /* The page outside the visible area is dimmed. */
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.22);
    cursor: grab;
    outline: none;
  }
  .mark.animate {
    transition-property: left, top, width, height;
    transition-duration: 180ms;
    transition-timing-function: cubic-bezier(0.2, 0, 0, 1);
  }
  .dragging,
  .dragging .mark {
    cursor: grabbing;
  }
  .mark:focus-visible {
    border-color: var(--_focus);
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .position {
    ${visuallyHidden}
  }
  @media (forced-colors: active) {
    .mark {
      border-color: Highlight;
    }
  }
`;
