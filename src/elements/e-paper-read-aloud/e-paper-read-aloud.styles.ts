import { css } from 'lit';
import { visuallyHidden } from '../../internal/styles/visually-hidden.js';

/** Read aloud's controls: they take the reader's private colours (`--_ink`, `--_rule` …) through the host. */
export const readAloudStyles = css`
  :host {
    display: inline-flex;
    min-width: 0;
  }
  .aloud {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  button,
  select {
    min-width: 40px;
    min-height: 40px;
    border: 1px solid var(--_rule, #ccc);
    border-radius: 6px;
    background: var(--_control, #f3f1ec);
    color: var(--_ink, #1a1a1a);
    font: inherit;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    padding: 0 10px;
  }
  button.playing {
    background: var(--_ink, #1a1a1a);
    color: var(--_paper, #fff);
  }
  button:hover:not(:disabled, .playing),
  select:hover {
    background: var(--_control-hover, #e8e5de);
  }
  button:disabled {
    opacity: 0.38;
    cursor: default;
  }
  select {
    padding: 0 4px;
    font-variant-numeric: tabular-nums;
  }
  button:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus, #1a73e8);
    outline-offset: 2px;
  }
  .reason {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0;
    color: var(--_muted, #555);
    font-size: 12px;
    line-height: 1.3;
  }
  .reason svg {
    flex: none;
  }
  /* Narrow sheets: the play button shows its icon only (its name stays for screen readers). */
  @media (max-width: 599.98px) {
    .label {
      ${visuallyHidden}
    }
    button {
      padding: 0 8px;
    }
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
