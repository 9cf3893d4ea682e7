/**
 * The library without side effects: every element class, `define()` and the edition tools.
 * Import this entry to register the elements yourself; `index` registers them on import. The
 * importers (IIIF, METS/ALTO, image maps) have their own entry, `e-paper/importers`.
 */
export * from './exports.js';
export { EPaperToolbar } from './elements/e-paper-toolbar/e-paper-toolbar.js';
export { EPaperContents } from './elements/e-paper-contents/e-paper-contents.js';
export { EPaperTooltip } from './elements/e-paper-tooltip/e-paper-tooltip.js';
export { EPaperReader } from './elements/e-paper-reader/e-paper-reader.js';
export { EPaperPages } from './elements/e-paper-pages/e-paper-pages.js';
export { EPaperSearch } from './elements/e-paper-search/e-paper-search.js';
export { EPaperArchive } from './elements/e-paper-archive/e-paper-archive.js';
export { EPaperOverview } from './elements/e-paper-overview/e-paper-overview.js';
export { EPaperFullscreen } from './elements/e-paper-fullscreen/e-paper-fullscreen.js';
export { EPaperTextView } from './elements/e-paper-text-view/e-paper-text-view.js';
// The validators name every problem in words the first render does without (it checks quietly,
// then loads them: edition/validate-core.ts): they are here, not in `index`.
export { validateEdition, parseEdition } from './edition/validate.js';
// Page files load apart from the entry's first render: their tools are here, not in `index`.
export { validatePageFile, parsePageFile, loadPageFile, withPageFile, type PageFile } from './edition/page-files/page-files.js';
