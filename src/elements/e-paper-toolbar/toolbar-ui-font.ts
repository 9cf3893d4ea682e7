/**
 * The toolbar as its part loads it (src/lazy-parts.ts): its class, and a wait, where it is needed,
 * for the UI font (src/i18n/ui-font.ts) before the class is defined, so that its words never show
 * in another face.
 *
 * Nothing before `e-paper-ready` sets UI text (the loading screen's words wait a second), so the
 * font is not fetched on a first visit's way to the page. Here a hidden probe is laid out in the
 * UI font stack of the viewer that asks for the toolbar (`viewer`, wherever it is: in the document
 * or in another element's shadow root; without one, the document's first), as the toolbar's words
 * would be: where the site's or the system's faces
 * named first have the characters, the UI font is not asked for and this resolves at once; where
 * none has them (the browser starts fetching it), this resolves once it is in, or after
 * `timeoutMs` (the browser's own wait for a face before it draws the text in the next one).
 */
import { UI_FONT_FAMILY } from '../../i18n/ui-font.js';

export { EPaperToolbar } from './e-paper-toolbar.js';

export async function uiFontReady(viewer?: Element, timeoutMs = 3000): Promise<void> {
  const face = [...document.fonts].find((f) => f.family.replace(/"/g, '') === UI_FONT_FAMILY);
  // The viewer's own box, whose font the toolbar inherits (the site's --e-paper-font-ui included).
  const box = (viewer ?? document.querySelector('e-paper'))?.shadowRoot?.querySelector('.viewer');
  if (face?.status === 'unloaded' && box) {
    const probe = document.createElement('span');
    probe.textContent = '版';
    probe.style.cssText = 'position:absolute;visibility:hidden';
    box.append(probe);
    // The layout shapes the text: the browser starts the face now if the stack needs it.
    void probe.offsetWidth;
    probe.remove();
  }
  // (Read again: the layout may have changed it.)
  if (face?.status === 'loading')
    await Promise.race([face.loaded.catch(() => {}), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
