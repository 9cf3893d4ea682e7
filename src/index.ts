/** The library's entry: importing it registers <e-paper> and its parts. */
import { define } from './define.js';

export { define, ELEMENTS } from './define.js';
export { EPaper } from './e-paper/e-paper.js';
export { EPaperPage } from './e-paper-page/e-paper-page.js';
export { EPaperViewport } from './e-paper-viewport/e-paper-viewport.js';
export { EPaperTooltip } from './e-paper-tooltip/e-paper-tooltip.js';
export { EPaperToolbar } from './e-paper-toolbar/e-paper-toolbar.js';
export { EPaperReader } from './e-paper-reader/e-paper-reader.js';
export { EPaperContents } from './e-paper-contents/e-paper-contents.js';
export { validateEdition, parseEdition, EditionError, type EditionProblem } from './edition/validate.js';
export { loadEdition, EditionLoadError, type LoadFailure } from './edition/load.js';
export type * from './edition/schema.js';
export type { EPaperEventMap, EPaperEventName } from './events.js';

define();
