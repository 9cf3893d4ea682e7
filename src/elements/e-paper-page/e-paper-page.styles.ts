import { css } from 'lit';
import { TYPE_PX } from './type-sizes.js';

/** Sizes are page units: the viewport scales the whole sheet. */
export const pageStyles = css`
  :host {
    display: block;
    --_muted: color-mix(in srgb, var(--_ink) 65%, var(--_paper));
    --_rule: color-mix(in srgb, var(--_ink) 35%, var(--_paper));
    --_body-size: ${TYPE_PX.body}px;
  }
  * {
    box-sizing: border-box;
  }
  p,
  h1,
  h2,
  figure,
  ul {
    margin: 0;
    padding: 0;
  }
  .page {
    position: relative;
    overflow: hidden;
    background: var(--_paper);
    color: var(--_ink);
    font-family: var(--_font-body);
    font-size: var(--_body-size);
    line-height: 1.55;
    font-kerning: normal;
    text-rendering: optimizeLegibility;
    line-break: strict;
  }
  .block {
    position: absolute;
    overflow: hidden;
  }

  /* Articles: a rule above each, headline hierarchy, body in columns. */
  .article {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding-top: 10px;
    border-top: 2px solid var(--_ink);
  }
  .article.boxed {
    padding: 10px 12px 8px;
    border: 4px double var(--_ink);
  }
  .banner {
    align-self: flex-start;
    padding: 3px 14px;
    background: var(--_spot);
    /* Printed reversed: the paper shows through the spot colour (dark paper in the dark theme). */
    color: var(--_paper);
    font-family: var(--_font-headline);
    font-weight: 900;
    font-size: ${TYPE_PX.banner}px;
    line-height: 1.3;
    letter-spacing: 0.15em;
  }
  .kicker {
    font-size: calc(var(--_headline-size, ${TYPE_PX.headline}px) * 0.46);
    line-height: 1.3;
  }
  .headline {
    font-family: var(--_font-headline);
    font-weight: 900;
    font-size: var(--_headline-size, ${TYPE_PX.headline}px);
    line-height: 1.18;
    letter-spacing: 0.02em;
  }
  .subhead {
    font-size: calc(var(--_headline-size, ${TYPE_PX.headline}px) * 0.42);
    line-height: 1.35;
  }
  /* Chinese headings break at their spaces, between phrases, when they can. */
  .kicker,
  .headline,
  .subhead {
    text-wrap: balance;
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
  .centred .kicker,
  .centred .headline,
  .centred .subhead {
    text-align: center;
  }
  .bylines {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.5em;
    color: var(--_muted);
    font-size: 14px;
    line-height: 1.4;
  }
  /* The rest of the block's height: a basis of 0 (not its content's) lays its balanced columns out
     once, not twice; the box is the same, the others keeping their content's height. */
  .body {
    flex: 1 1 0;
    min-height: 0;
    column-count: var(--_columns, 1);
    column-gap: 20px;
    column-rule: 1px solid var(--_rule);
    column-fill: balance;
    text-align: justify;
  }
  .body p {
    text-indent: 2em;
  }
  /* A continued article's jump line (转第2版): set apart, at the end of its line. */
  .body .jump {
    text-indent: 0;
    text-align: end;
  }

  .photo {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  /* No photo file: a plain tone where the photo stands, its caption under it (no hatching: that reads as a layout sketch). */
  .placeholder {
    display: grid;
    place-items: center;
    width: 100%;
    background: color-mix(in srgb, var(--_ink) 5%, var(--_paper));
    color: var(--_muted);
    font-size: 13px;
  }
  figcaption {
    font-size: 12px;
    line-height: 1.4;
  }
  .credit {
    color: var(--_muted);
  }
  /* Fields that share a line: one field's bidi controls cannot reorder the next. */
  .caption,
  .credit,
  .channel .name,
  .channel small {
    unicode-bidi: isolate;
  }

  /* Masthead (报头): the title large, red and calligraphic. */
  .masthead {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    gap: 4px;
  }
  .title {
    color: var(--_spot);
    font-family: var(--_font-masthead);
    font-weight: 400;
    font-size: 165px;
    line-height: 1;
    letter-spacing: 0.02em;
    white-space: nowrap;
  }
  .latin {
    color: var(--_spot);
    font-family: var(--_font-body);
    font-size: 20px;
    letter-spacing: 0.42em;
  }
  .publisher,
  .serial {
    font-size: 14px;
    color: var(--_ink);
  }

  /* Ear (报眼): date, issue, weather in a frame. */
  .ear {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-rows: 1fr auto;
    gap: 10px 18px;
    padding: 14px 18px;
    border: 2px solid var(--_ink);
    font-size: 15px;
    line-height: 1.5;
  }
  .date {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    grid-row: span 2;
    padding-right: 18px;
    border-right: 1px solid var(--_rule);
  }
  .year-month,
  .weekday {
    font-size: 18px;
  }
  .day {
    font-family: var(--_font-headline);
    font-weight: 900;
    font-size: 92px;
    line-height: 1;
    color: var(--_spot);
  }
  .facts .pages-today {
    font-family: var(--_font-headline);
    font-weight: 900;
  }
  .weather {
    align-self: end;
  }
  .page-label {
    position: absolute;
    right: 14px;
    top: 10px;
    padding: 2px 10px;
    background: var(--_ink);
    color: var(--_paper);
    font-family: var(--_font-headline);
    font-weight: 900;
    font-size: 26px;
    line-height: 1.2;
  }

  /* Footer strip, as the source has it: the prompt, then the three channels across the width, each
     with a quiet square where its QR code would be (the source gives no code to show). */
  .footer {
    display: flex;
    align-items: center;
    gap: 48px;
    padding: 12px 24px 0;
    border-top: 4px double var(--_ink);
  }
  .prompt {
    font-family: var(--_font-headline);
    font-weight: 900;
    font-size: 30px;
    letter-spacing: 0.06em;
  }
  .channels {
    display: flex;
    flex: 1;
    justify-content: space-around;
    list-style: none;
  }
  .channels li {
    display: flex;
    align-items: center;
    gap: 14px;
    font-size: 24px;
    font-weight: 700;
  }
  .qr {
    display: grid;
    place-items: center;
    width: 72px;
    height: 72px;
    background: color-mix(in srgb, var(--_ink) 6%, var(--_paper));
    color: var(--_muted);
    font-size: 11px;
    font-weight: 400;
    line-height: 1.2;
    text-align: center;
  }
  .channel small {
    display: block;
    color: var(--_muted);
    font-size: 16px;
    font-weight: 400;
  }
`;

/** A scan page's message that its image (or the part that draws it, scan-view.ts, with its styles) failed. */
export const scanMessageStyles = css`
  .scan-message {
    position: absolute;
    left: 50%;
    top: 40%;
    max-width: 80%;
    padding: 24px 32px;
    transform: translateX(-50%);
    background: var(--_paper);
    border: 3px solid var(--_accent);
    font: 40px/1.4 system-ui, sans-serif;
    text-align: center;
  }
`;

/**
 * The region layer: invisible until hovered or focused, then the whole article lights up. The light
 * is drawn over the region in a small layer of its own (region-light.ts, with its styles), never on
 * its shapes: a change of their fill would repaint the page's text under them.
 */
export const regionStyles = css`
  .regions {
    position: absolute;
    inset: 0;
    overflow: visible;
  }
  .region {
    cursor: pointer;
    outline: none;
  }
  .shape {
    fill: transparent;
    stroke: transparent;
    stroke-width: 3px;
    vector-effect: non-scaling-stroke;
  }
  .region.read .shape {
    fill: var(--_region-read-tint);
  }
  .read-badge {
    pointer-events: none;
  }
  .read-badge circle {
    fill: var(--_accent);
    opacity: 0.85;
  }
  .read-badge path {
    fill: none;
    stroke: var(--_accent-ink);
    stroke-width: 3;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
