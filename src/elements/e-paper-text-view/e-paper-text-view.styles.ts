import { css } from 'lit';

export const textViewStyles = css`
  :host {
    display: block;
    min-height: 0;
    background: var(--_paper);
    color: var(--_ink);
  }
  .scroller {
    height: 100%;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0 16px 32px;
  }
  section {
    max-width: 40em;
    margin: 0 auto;
  }
  h2 {
    position: sticky;
    top: 0;
    z-index: 1;
    margin: 0;
    padding: 14px 0 8px;
    border-bottom: 2px solid currentColor;
    background: var(--_paper);
    font-size: 15px;
    font-weight: 700;
    letter-spacing: 0.04em;
  }
  /* The ring is drawn around a box wider than the heading, in the list's side padding: inset in
     the heading's own box, it covered its first letter (sticky at the top, an outer ring is cut). */
  h2:focus-visible {
    outline: none;
  }
  h2:focus-visible::before {
    content: '';
    position: absolute;
    inset: 0 -8px;
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
    pointer-events: none;
  }
  /* The page shown, underlined in the accent as in the list of pages. */
  h2[aria-current='page'] {
    border-bottom-color: var(--_accent);
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    position: relative;
    padding: 14px 0 16px;
    border-bottom: 1px solid color-mix(in srgb, var(--_ink) 18%, var(--_paper));
  }
  .item:hover {
    background: color-mix(in srgb, var(--_ink) 4%, var(--_paper));
  }
  p {
    margin: 0;
  }
  .over,
  .summary,
  .note {
    color: color-mix(in srgb, var(--_ink) 72%, var(--_paper));
  }
  .over {
    margin-bottom: 4px;
    font-size: 13px;
  }
  h3 {
    margin: 0;
    font-size: 19px;
    line-height: 1.4;
  }
  button {
    all: unset;
    cursor: pointer;
    font: inherit;
    /* Edition text on a line with other text: its bidi controls cannot reach beyond it. */
    unicode-bidi: isolate;
  }
  /* The whole item opens the article: the button's box stretched over it. */
  button::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  button:focus-visible::after {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .summary {
    margin-top: 6px;
    font-size: 15px;
    line-height: 1.7;
  }
  .tag,
  .read-mark {
    font-size: 13px;
    font-weight: 400;
    white-space: nowrap;
  }
  .read-mark {
    color: var(--_accent);
  }
  .note {
    padding: 14px 0;
  }
`;
