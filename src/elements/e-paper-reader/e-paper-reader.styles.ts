// Over 400 lines: the one sheet of one dialog (header, the article's parts, photos, footer, the
// phone layout, print), whose rules share its private properties; the jump links' rules are a
// sheet of their own (reader-jumps.styles.ts).
import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';
import { uiFont } from '../../internal/styles/ui-font.js';
import { darkSheet, darkTokens, table, tokenSheet } from '../../internal/styles/tokens.js';

/**
 * The reader's own tokens (see src/internal/styles/tokens.ts), in its part rather than the first
 * render: its paper and ink are the page's unless a site gives it its own.
 */
export const READER_TOKENS = table(
  'reader-width 38em;reader-leading 1.9;reader-paper var(--_paper) var(--_paper);reader-ink var(--_ink) var(--_ink);' +
    'reader-backdrop rgb(20,18,14,.62) rgb(0,0,0,.72)',
);
export const readerTokens = tokenSheet(READER_TOKENS);
export const readerDarkTokens = darkSheet(READER_TOKENS);

/**
 * The dark theme, for the attribute and for the system setting alike: the viewer's dark values,
 * which the reader inherits inside a dark viewer and sets itself when it stands alone, and its own.
 */
const dark = css`
  ${darkTokens}
  ${readerDarkTokens}
  color-scheme: dark;
`;

/**
 * The reader: a sheet of newsprint over a veil, in the viewer's tokens (src/internal/styles/tokens.ts):
 * `--_reader-paper` and `--_reader-ink` are the page's paper and ink unless a site gives the reader its own.
 *
 * One sheet of about 570 lines on purpose: its rules act in order (the narrow-screen, print and
 * forced-colours blocks at the end restyle the rules above them), and one file keeps that cascade
 * readable in one place.
 */
export const readerStyles = css`
  :host {
    /* The host page's inherited styles stop here; custom properties still come through. */
    all: initial;
    display: contents;
    --_shadow: 0 12px 48px rgb(0 0 0 / 0.35), 0 2px 8px rgb(0 0 0 / 0.2);
    --_muted: color-mix(in srgb, var(--_reader-ink) 68%, var(--_reader-paper));
    --_rule: color-mix(in srgb, var(--_reader-ink) 22%, var(--_reader-paper));
    --_control: color-mix(in srgb, var(--_reader-ink) 6%, var(--_reader-paper));
    --_control-hover: color-mix(in srgb, var(--_reader-ink) 12%, var(--_reader-paper));
    --_base: 18px;
    --_margin: 2.5em;
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  * {
    box-sizing: border-box;
  }
  p,
  h2,
  figure {
    margin: 0;
    padding: 0;
  }

  /* The sheet: a centred column on wide screens. */
  .reader {
    /* The faces; the edition's come in as --_font-body and --_font-headline on this element. */
    /* No default of their own: the edition's faces (tokens.ts leaves these two out). */
    --_body: var(--e-paper-font-body, var(--_font-body));
    --_headline: var(--e-paper-font-headline, var(--_font-headline));
    --_ui: ${uiFont}, sans-serif;
    width: min(var(--_reader-width), calc(100vw - 32px));
    height: min(calc(100dvh - 48px), 1400px);
    max-width: none;
    max-height: none;
    margin: auto;
    padding: 0;
    border: 0;
    border-radius: 6px;
    overflow: hidden;
    background: var(--_reader-paper);
    color: var(--_reader-ink);
    box-shadow: var(--_shadow);
    font-family: var(--_body);
    font-size: var(--_base);
    line-height: 1.5;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }
  .reader[open] {
    display: flex;
    flex-direction: column;
  }
  .reader::backdrop {
    background: var(--_reader-backdrop);
  }
  @media (prefers-reduced-motion: no-preference) {
    .reader[open] {
      transition:
        opacity 180ms ease-out,
        translate 220ms cubic-bezier(0.2, 0.8, 0.2, 1);
    }
    /* The veil fades by its opacity, which the compositor animates: its colour would be painted again every frame. */
    .reader[open]::backdrop {
      transition: opacity 200ms ease-out;
    }
    @starting-style {
      .reader[open] {
        opacity: 0;
        translate: 0 16px;
      }
      .reader[open]::backdrop {
        opacity: 0;
      }
    }
  }

  /* The sample that sets the page's glyphs at idle (reader-glyph-warmup.ts): laid out, and drawn in
     a layer of its own but never seen (Chromium rasters content under filter: opacity(0), not under
     opacity: 0 or visibility: hidden). It stands past the viewer's right edge but for one pixel:
     the layer's tiles there are rastered, and drawn text in view would be the page's largest
     contentful paint. Its drawn phases stand over the text laid out only. */
  .reader.warmup {
    position: fixed;
    inset: 0 auto auto calc(100% - 1px);
    width: 160px;
    height: 100%;
    margin: 0;
    overflow: hidden;
    filter: opacity(0);
    will-change: transform;
    pointer-events: none;
    contain: strict;
    background: none;
    box-shadow: none;
  }
  .warmup .layout {
    visibility: hidden;
  }
  .warmup .phase {
    position: absolute;
    inset: 0 auto auto 0;
    width: 100%;
  }

  /* The closed dialog laid out ahead at idle and kept so (reader-layout-ahead.ts), as it opens, but
     hidden and away from the screen, where its photos' lazy loading does not reach. A dialog with
     boxes already takes no @starting-style when it opens: its closed state is where the opening
     animates from. */
  .reader.ahead:not([open]) {
    display: flex;
    flex-direction: column;
    position: fixed;
    inset: 0 auto auto -10000px;
    visibility: hidden;
    pointer-events: none;
    opacity: 0;
    translate: 0 16px;
  }

  /* Narrow or short screens: the whole screen, a sheet. */
  @media (max-width: 599.98px), (max-height: 479.98px) {
    :host {
      --_base: 17px;
      --_margin: 1.25em;
    }
    .reader {
      width: 100%;
      height: 100%;
      inset: 0;
      margin: 0;
      border-radius: 0;
      box-shadow: none;
    }
    .copy .label {
      ${visuallyHidden}
    }
  }

  /* Header line: page label and position, then the controls. */
  .header,
  .pager {
    display: flex;
    flex: none;
    align-items: center;
    gap: 8px;
    font-family: var(--_ui);
    font-size: 14px;
    line-height: 1.3;
    touch-action: none;
    user-select: none;
  }
  .header {
    padding: max(8px, env(safe-area-inset-top)) max(10px, env(safe-area-inset-right)) 8px max(16px, env(safe-area-inset-left));
    border-bottom: 1px solid var(--_rule);
  }
  .where {
    display: flex;
    flex: 1 1 auto;
    align-items: baseline;
    gap: 10px;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  .page-label {
    padding: 2px 8px;
    background: var(--_reader-ink);
    color: var(--_reader-paper);
    /* The label is UI text (1 版) in the edition's headline face: an edition in Latin type has no 版. */
    font-family: var(--_headline), var(--_ui);
    font-weight: 900;
    letter-spacing: 0.04em;
  }
  .position {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .controls,
  .text-size {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .controls {
    gap: 8px;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-width: 40px;
    min-height: 40px;
    padding: 0 10px;
    border: 1px solid var(--_rule);
    border-radius: 6px;
    background: var(--_control);
    color: var(--_reader-ink);
    font: inherit;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  button:hover:not(:disabled) {
    background: var(--_control-hover);
  }
  button:disabled {
    opacity: 0.38;
    cursor: default;
  }
  button:focus-visible,
  .scroller:focus-visible,
  .manual-link:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .scroller:focus-visible {
    outline-offset: -3px;
  }
  .text-size button {
    padding: 0 8px;
    font-family: var(--_body);
    font-weight: 700;
  }
  .smaller {
    font-size: 13px;
  }
  .reset {
    font-size: 16px;
  }
  .larger {
    font-size: 19px;
  }
  .sign {
    font-size: 0.8em;
  }
  .close {
    padding: 0;
    border-color: transparent;
    background: transparent;
  }

  /* The article: it alone scrolls, and never hands its scroll on to the page behind. */
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    scrollbar-gutter: stable;
    /* The measure never exceeds 34em, even on a wide full-screen sheet (a phone held sideways). */
    padding: 2em max(var(--_margin), calc((100% - 34em) / 2)) 3em;
    -webkit-user-select: text;
    user-select: text;
  }
  .text {
    font-size: calc(1em * var(--_scale, 1));
    line-height: var(--_reader-leading);
    font-kerning: normal;
    line-break: strict;
    text-autospace: normal;
  }

  /* Headline group, set as on the page: banner, kicker, headline, subheads, bylines. */
  .head {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    padding-bottom: 1.1em;
    margin-bottom: 1.4em;
    border-bottom: 1px solid var(--_rule);
    text-align: center;
  }
  .banner {
    padding: 0.15em 0.9em;
    background: var(--_spot);
    /* Printed reversed, as on the page: the paper shows through the spot colour. */
    color: var(--_reader-paper);
    /* The label is UI text (1 版) in the edition's headline face: an edition in Latin type has no 版. */
    font-family: var(--_headline), var(--_ui);
    font-weight: 900;
    font-size: 0.9em;
    line-height: 1.5;
    letter-spacing: 0.15em;
  }
  .kicker {
    font-size: 1.05em;
    line-height: 1.5;
  }
  /* Chinese headings break at their spaces, between phrases, when they can. */
  .kicker,
  .headline,
  .subhead {
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
  .headline {
    font-family: var(--_headline);
    font-weight: 900;
    font-size: 1.9em;
    line-height: 1.3;
    letter-spacing: 0.02em;
    text-wrap: balance;
    outline: none;
  }
  .subhead {
    font-size: 1.05em;
    line-height: 1.55;
    text-wrap: balance;
  }
  .bylines {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    column-gap: 1.5em;
    margin-top: 0.3em;
    color: var(--_muted);
    font-size: 0.82em;
    line-height: 1.6;
  }

  /* The edition's rights statement: small, after the text, as a credit line. */
  .attribution {
    margin-top: 2em;
    color: var(--_muted);
    font-size: 0.78em;
    line-height: 1.5;
  }

  /* Photo, or a placeholder when there is no file, with caption and credit. */
  .photo {
    margin: 0 0 1.4em;
  }
  .image {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: var(--_aspect, 4 / 3);
    object-fit: cover;
  }
  /* No photo file: the caption alone, set off by a rule, after a small note that the photo is missing. */
  .missing {
    padding-left: 0.8em;
    border-left: 3px solid var(--_rule);
  }
  .missing figcaption {
    margin-top: 0;
    text-align: start;
  }
  .note {
    margin-right: 0.8em;
    color: var(--_muted);
    font-family: var(--_ui);
    font-size: 0.85em;
  }
  figcaption {
    margin-top: 0.5em;
    font-size: 0.82em;
    line-height: 1.6;
    text-align: justify;
  }
  /* Caption and credit share a line: one's bidi controls cannot reorder the other. */
  .caption,
  .credit {
    unicode-bidi: isolate;
  }
  .credit {
    margin-left: 1em;
    color: var(--_muted);
    white-space: nowrap;
  }

  /* Body: justified, generous leading; Chinese paragraphs indented two characters. */
  .body {
    text-align: justify;
  }
  /* Off screen, skipped while an article opens; all laid out a frame later (reader-deferred-layout.ts). */
  .body > p {
    content-visibility: auto;
    contain-intrinsic-size: auto 6lh;
  }
  .body.whole > p {
    content-visibility: visible;
  }
  .body p + p {
    margin-top: 0.9em;
  }
  .body:lang(zh) p,
  .body:lang(ja) p {
    text-indent: 2em;
  }
  .body:lang(zh) p + p,
  .body:lang(ja) p + p {
    margin-top: 0.45em;
  }

  .missing {
    display: grid;
    place-items: center;
  }
  .notice {
    font-family: var(--_ui);
    font-size: 16px;
  }

  /* Previous / next at the foot. */
  .pager {
    justify-content: space-between;
    padding: 8px max(10px, env(safe-area-inset-right)) max(8px, env(safe-area-inset-bottom)) max(10px, env(safe-area-inset-left));
    border-top: 1px solid var(--_rule);
  }
  .pager button {
    padding: 0 14px 0 10px;
  }
  .pager .next {
    padding: 0 10px 0 14px;
  }

  /* Read aloud and the share panel's button, between previous and next. */
  .tools {
    display: flex;
    flex: 1 1 0;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 0;
  }
  /* Previous and next keep their one line; the tools (or read aloud's reason) take what is left. */
  .pager > button {
    flex: none;
    white-space: nowrap;
  }
  .share {
    position: absolute;
    left: 50%;
    bottom: 64px;
    translate: -50% 0;
    width: max-content;
    max-width: calc(100% - 24px);
    font-size: 14px;
  }
  /* The block being read aloud. */
  .speaking {
    border-radius: 2px;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_paper));
    box-shadow: 0 0 0 0.25em color-mix(in srgb, var(--_accent) 10%, var(--_paper));
  }
  /* The source line is for print only. */
  .source {
    display: none;
  }

  /* "Link copied": a note over the foot. */
  .status {
    position: absolute;
    left: 50%;
    bottom: 72px;
    translate: -50% 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    width: max-content;
    max-width: calc(100% - 32px);
    font-family: var(--_ui);
    font-size: 14px;
    pointer-events: none;
  }
  .toast:not(:empty) {
    padding: 8px 16px;
    border-radius: 999px;
    background: var(--_reader-ink);
    color: var(--_reader-paper);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
  }
  .manual-link {
    width: min(32em, 100%);
    padding: 8px 10px;
    border: 1px solid var(--_rule);
    border-radius: 6px;
    background: var(--_reader-paper);
    color: var(--_reader-ink);
    font: inherit;
    pointer-events: auto;
  }

  .visually-hidden {
    ${visuallyHidden}
  }

  /* Very narrow phones (320 px): tighter controls, so that the header stays one line. */
  @media (max-width: 399.98px) {
    .header {
      gap: 4px;
      padding-left: max(10px, env(safe-area-inset-left));
      padding-right: max(6px, env(safe-area-inset-right));
    }
    .where {
      gap: 6px;
      font-size: 13px;
    }
    .page-label {
      padding: 2px 5px;
    }
    .controls {
      gap: 4px;
    }
    .text-size {
      gap: 2px;
    }
    button,
    .text-size button {
      min-width: 34px;
      padding: 0 4px;
    }
  }

  /*
   * Printing the article (the share panel's "print"; the host page is set aside meanwhile): the
   * text alone, in the flow, in black on white; the source line under it. Printing the page: no reader.
   */
  @media print {
    :host([data-print='article']) {
      visibility: visible;
    }
    :host([data-print='article']) .reader {
      position: absolute;
      inset: 0 auto auto 0;
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
      border-radius: 0;
      box-shadow: none;
      background: #fff;
      color: #000;
      --_ink: #000;
      --_paper: #fff;
      --_muted: #444;
      --_rule: #999;
    }
    :host([data-print='article']) .reader::backdrop,
    :host([data-print='page']) .reader::backdrop {
      background: none;
    }
    :host([data-print='article']) :is(.header, .pager, .status, .photo) {
      display: none;
    }
    :host([data-print='article']) .scroller {
      overflow: visible;
      padding: 0;
    }
    :host([data-print='article']) .speaking {
      background: none;
      box-shadow: none;
    }
    :host([data-print='article']) .source {
      display: block;
      margin-top: 2em;
      padding-top: 0.6em;
      border-top: 1px solid var(--_rule);
      /* The edition's face: it has the paper's name, which the UI font need not. */
      font-family: var(--_body);
      font-size: 10pt;
      overflow-wrap: anywhere;
    }
    :host([data-print='page']) .reader {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .reader {
      border: 2px solid CanvasText;
    }
    .banner,
    .page-label {
      border: 1px solid CanvasText;
    }
  }
`;
