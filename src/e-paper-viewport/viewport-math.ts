/** Pan/zoom maths as pure functions: sizes in CSS pixels, the page in page units. */

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where the page stands in the viewport: screen = page × scale + (x, y). */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export type FitMode = 'page' | 'width';

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

/** The scale at which the page fits the box: whole ('page') or across ('width'). Always finite and > 0. */
export function fitScale(box: Size, page: Size, mode: FitMode = 'page'): number {
  if (!(box.width > 0) || !(box.height > 0) || !(page.width > 0) || !(page.height > 0)) return 1;
  const across = box.width / page.width;
  const scale = mode === 'width' ? across : Math.min(across, box.height / page.height);
  return finiteOr(scale, 1);
}

/** The view that fits the page, centred across; top-aligned when fitting the width. */
export function fitView(box: Size, page: Size, mode: FitMode = 'page'): View {
  const scale = fitScale(box, page, mode);
  const x = (box.width - page.width * scale) / 2;
  const y = mode === 'width' ? 0 : (box.height - page.height * scale) / 2;
  return { scale, x: finiteOr(x, 0), y: finiteOr(y, 0) };
}
