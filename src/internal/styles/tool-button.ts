import { css } from 'lit';

/** A toolbar button: a 36 px square, bare until hovered. The declarations, to put in a rule beside its `display`. */
export const toolButton = css`
  place-items: center;
  width: 36px;
  height: 36px;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: inherit;
  font: inherit;
  cursor: pointer;
`;
