import { css } from 'lit';

/** A continued article's jump links (reader-jumps.ts): a quiet button each, above or below the body. */
export const readerJumpStyles = css`
  .jumps {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0 0 1.2em;
    padding: 0;
    list-style: none;
  }
  .jumps.to {
    justify-content: flex-end;
    margin: 1.2em 0 0;
  }
  .jump {
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 4px 12px;
    font-size: 0.85em;
    text-align: start;
  }
  .jump .go {
    color: var(--_muted);
    font-family: var(--_ui);
    font-size: 0.85em;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
`;
