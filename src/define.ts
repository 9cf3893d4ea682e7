import { EPaper } from './elements/e-paper/e-paper.js';
import { EPaperPage } from './elements/e-paper-page/e-paper-page.js';
import { EPaperViewport } from './elements/e-paper-viewport/e-paper-viewport.js';
import { LAZY_ELEMENTS, definePart, register, type LazyElementName } from './lazy-parts.js';

export { LAZY_ELEMENTS, definePart, type LazyElementName } from './lazy-parts.js';

/** The elements of the first render, by their default tag names: registered on import. */
export const ELEMENTS = {
  'e-paper': EPaper,
  'e-paper-page': EPaperPage,
  'e-paper-viewport': EPaperViewport,
} as const;

/** Registers the elements of the first render (what importing the library does). */
export function defineCore(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (registry) for (const [name, element] of Object.entries(ELEMENTS)) register(registry, name, element);
}

/**
 * Registers every element: those of the first render at once, the lazy parts as they load
 * (the promise resolves then). A name already taken is left alone with a warning instead of
 * the exception the registry would throw.
 */
export function define(registry: CustomElementRegistry | undefined = globalThis.customElements): Promise<void> {
  defineCore(registry);
  return Promise.all(Object.keys(LAZY_ELEMENTS).map((name) => definePart(name as LazyElementName, registry))).then(() => {});
}
