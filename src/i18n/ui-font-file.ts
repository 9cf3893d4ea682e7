// Written by scripts/ui-font.mjs (npm run fonts:ui) with the font beside it: do not edit.
/** The UI font's file, beside this module (54204 bytes, 360 characters). */
export const UI_FONT_FILE = 'ui-font-1523495d.woff2';
/** The characters the browser may look for in it (see scripts/ui-font.mjs). */
export const UI_FONT_RANGE = 'U+2000-FFFF';
