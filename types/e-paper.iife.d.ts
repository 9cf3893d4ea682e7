// Types of dist/e-paper.iife.js, the classic script: loading it registers the elements (and types
// them: HTMLElementTagNameMap, HTMLElementEventMap) and leaves the library's exports on the global
// `EPaper` (`EPaper.define`, `EPaper.loadEdition` …).
import type * as Library from '../dist/lib/index.js';

declare global {
  /** The library's exports, set by e-paper.iife.js. */
  var EPaper: typeof Library;
}
