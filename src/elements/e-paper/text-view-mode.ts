import { html, svg } from 'lit';
import { chromeStrings } from './chrome-strings.js';

/** The viewer's toggle of the text view (src/controllers/view-mode.ts decides which view shows). */

/** Lines of text: the toggle's icon where a narrow toolbar has no room for its word. */
const TEXT_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 10h16M4 14h16M4 18h10" /></svg>`;

/** The toolbar's toggle between the page and the text view: pressed while the text view shows. */
export const viewToggle = (lang: string, pressed: boolean, toggle: () => void) =>
  html`<button class="view-toggle tool" slot="end" type="button" part="button view-toggle" aria-pressed=${pressed} @click=${toggle}>
    ${TEXT_ICON}<span>${chromeStrings(lang).textView}</span>
  </button>`;
