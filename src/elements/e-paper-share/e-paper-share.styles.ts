import { css } from 'lit';

/** The share panel: a card over the reader's foot, in the reader's private colours. */
export const shareStyles = css`
  :host {
    display: block;
  }
  .share {
    display: flex;
    align-items: center;
    gap: 16px;
    padding: 14px;
    border: 1px solid var(--_rule, #ccc);
    border-radius: 8px;
    background: var(--_paper, #fff);
    color: var(--_ink, #1a1a1a);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.22);
  }
  .code {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    width: 148px;
    margin: 0;
  }
  .qr {
    display: block;
    width: 132px;
    height: 132px;
  }
  figcaption {
    color: var(--_muted, #555);
    font-size: 12px;
    line-height: 1.35;
    text-align: center;
  }
  .actions {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 8px;
  }
  button,
  a {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 40px;
    padding: 0 12px;
    border: 1px solid var(--_rule, #ccc);
    border-radius: 6px;
    background: var(--_control, #f3f1ec);
    color: var(--_ink, #1a1a1a);
    font: inherit;
    text-decoration: none;
    white-space: nowrap;
    cursor: pointer;
  }
  button:hover,
  a:hover {
    background: var(--_control-hover, #e8e5de);
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus, #1a73e8);
    outline-offset: 2px;
  }
  /* Phones: no QR code (the reader is on the phone already), the actions in a row. */
  @media (max-width: 599.98px) {
    .code {
      display: none;
    }
    .actions {
      flex-direction: row;
      flex-wrap: wrap;
    }
  }
  /* Forced colours keep the code as it is: an inverted one scans badly. */
  .qr {
    forced-color-adjust: none;
  }
`;
