/**
 * What the UI font's tests ask of the page: the face in a document's font set, a character as
 * drawn, and whether this machine has CJK faces of its own (then the UI font is never needed).
 */
import { UI_FONT_FAMILY } from '../src/i18n/ui-font.js';

/** The UI font's face in a document's font set (the viewer adds it when it connects). */
export const uiFace = (doc: Document = document) => [...doc.fonts].find((face) => face.family.replace(/"/g, '') === UI_FONT_FAMILY);

/** `char` drawn in `font` on a canvas: its advance and its pixels, as one comparable string. */
export function drawing(font: string, char: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.font = font;
  context.textBaseline = 'middle';
  context.fillText(char, 8, 32);
  const alpha = context.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3);
  return `${context.measureText(char).width.toFixed(2)}:${alpha.join(',')}`;
}

/** A private-use code point no font here has: what a missing glyph looks like in `font`. */
export const NO_GLYPH = '\u{10FFFD}';

/** Whether this machine has CJK fonts of its own (the generic sans-serif draws 中 as more than the missing-glyph box). */
export const systemHasCjk = () => drawing('32px sans-serif', '中') !== drawing('32px sans-serif', NO_GLYPH);
