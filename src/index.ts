/** The library's entry: importing it registers <e-paper> and its parts (see `elements` for no side effects). */
import { define } from './define.js';

export * from './elements.js';

define();
