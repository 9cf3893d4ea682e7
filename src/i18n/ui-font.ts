/**
 * The UI font: the glyphs of every built-in language's UI strings (scripts/ui-font.mjs), the last
 * face of the viewer's UI font stack, for machines without CJK fonts (kiosks, some WebViews, a
 * fresh Linux), which would otherwise show empty boxes.
 *
 * It is registered with the FontFace API (faces declared in a shadow root are ignored) and never
 * loaded by us: a face with a unicode-range is fetched only when a character drawn in the stack is
 * in its range and no earlier family has it. Readers whose system fonts (named before it in the
 * stack) cover the text download nothing.
 */
import { UI_FONT_FILE, UI_FONT_RANGE } from './ui-font-file.js';

/** The family name of the UI font's face. */
export const UI_FONT_FAMILY = 'e-paper UI';

// The one-file build, a classic script, has no import.meta: build.mjs puts its <script>'s URL
// here, read while it runs (document.currentScript is null afterwards).
const base = import.meta.url;

let added = false;

/**
 * Registers the UI font's face with the document, once; it loads only if a character needs it.
 * The font file's URL: beside this module in the source and in the package (build.mjs writes it
 * there as `new URL('./ui-font-….woff2', import.meta.url)`, which a site's bundler follows and
 * copies), in `e-paper-parts/` beside the bundles. The default font-display (block, in effect):
 * while it loads, the text waits unseen, briefly, rather than showing boxes.
 */
export function addUiFont(): void {
  if (added || !globalThis.FontFace) return;
  added = true;
  document.fonts.add(new FontFace(UI_FONT_FAMILY, `url("${new URL(UI_FONT_FILE, base)}")`, { unicodeRange: UI_FONT_RANGE }));
}
