/**
 * The library without side effects: the element classes, `define()` and the edition tools.
 * Import this entry to register the elements yourself; `index` registers them on import. The
 * importers (IIIF, METS/ALTO, image maps) have their own entry, `e-paper/importers`.
 */
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
