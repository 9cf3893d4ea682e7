/** Colours as the browser computes them, for contrast checks: any CSS colour, read back through a canvas. */

export type Rgba = [r: number, g: number, b: number, a: number];

const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** A CSS colour (any syntax the browser computes: rgb(), color(srgb …), oklab() …) as sRGB 0–255 and alpha 0–1. */
export function rgba(colour: string): Rgba {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` over `bottom` (which is opaque). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

const luminance = ([r, g, b]: Rgba) => {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
