import { css } from 'lit';

/** The toolbar's line icons (20 px, drawn in the text colour): the declarations, to put in any rule. */
export const lineIcon = css`
  width: 20px;
  height: 20px;
  fill: none;
  stroke: currentColor;
  stroke-width: 1.8;
  stroke-linecap: round;
  stroke-linejoin: round;
`;
