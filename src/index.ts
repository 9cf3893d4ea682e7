/**
 * The library's entry: importing it registers <e-paper> and the parts of its first render; the
 * other parts (reader, page strip, search, archive) load when first needed, so their classes are
 * exported by `elements`, not here. `elements` is the library without side effects.
 */
import { defineCore } from './define.js';

export * from './exports.js';

defineCore();
