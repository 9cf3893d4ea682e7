/** What both entries export: the elements of the first render, the registration and the edition tools. */
export { define, defineCore, definePart, ELEMENTS, LAZY_ELEMENTS, type LazyElementName } from './define.js';
export { EPaper } from './elements/e-paper/e-paper.js';
export { EPaperPage } from './elements/e-paper-page/e-paper-page.js';
export { EPaperViewport } from './elements/e-paper-viewport/e-paper-viewport.js';
export { EditionError, type EditionProblem } from './edition/validate-core.js';
export { loadEdition, EditionLoadError, type LoadFailure } from './edition/load.js';
export { isPageRef } from './edition/page-ref.js';
export type * from './edition/schema.js';
export type { EPaperEventMap, EPaperEventName } from './events/events.js';
export { registerStrings, type BuiltInLanguage, type EPaperStrings, type StringsOverride } from './i18n/localize.js';
