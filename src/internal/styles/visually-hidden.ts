import { css } from 'lit';

/** Hidden from sight, not from screen readers: the declarations, to put in any rule. */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;
