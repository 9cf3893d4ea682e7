import { EPaper } from './e-paper/e-paper.js';
import { EPaperPage } from './e-paper-page/e-paper-page.js';
import { EPaperViewport } from './e-paper-viewport/e-paper-viewport.js';
import { EPaperTooltip } from './e-paper-tooltip/e-paper-tooltip.js';
import { EPaperToolbar } from './e-paper-toolbar/e-paper-toolbar.js';
import { EPaperReader } from './e-paper-reader/e-paper-reader.js';
import { EPaperContents } from './e-paper-contents/e-paper-contents.js';

/** The viewer's elements by their default tag names. */
export const ELEMENTS = {
  'e-paper': EPaper,
  'e-paper-page': EPaperPage,
  'e-paper-viewport': EPaperViewport,
  'e-paper-tooltip': EPaperTooltip,
  'e-paper-toolbar': EPaperToolbar,
  'e-paper-reader': EPaperReader,
  'e-paper-contents': EPaperContents,
} as const;

/**
 * Registers the elements. A name already taken (a second copy of the script) is left alone with a
 * warning instead of the exception the registry would throw.
 */
export function define(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (!registry) return;
  for (const [name, element] of Object.entries(ELEMENTS)) {
    const existing = registry.get(name);
    if (existing === element) continue;
    if (existing) {
      console.warn(`e-paper: <${name}> is already defined by another script; keeping that definition.`);
      continue;
    }
    registry.define(name, element);
  }
}
