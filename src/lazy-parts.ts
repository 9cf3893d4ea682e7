/**
 * The parts the first render does without, loaded when first needed, and the registration that
 * both they and the first render's elements go through. This module imports no element class:
 * the viewer imports it, so an import of the viewer from here would be a cycle that leaves the
 * viewer's class undefined while a bundle evaluates the registration.
 */

/**
 * The lazy parts by their default tag names: the toolbar once the page is shown (its row kept
 * meanwhile), the list of articles and the page strip beside the edition's fonts, the tooltip, the reader and the search once the browser is idle, the archive's
 * picker with the archive, read aloud as the reader opens, the share panel (with its QR encoder)
 * on first use, the overview map once the page is first zoomed in, the full-screen button once the
 * browser is idle, the text view when it is asked for, offline reading where
 * the host offers it (`offline`). In the bundle each is a module of its own in
 * `e-paper-parts/`, beside `e-paper.js`.
 */
export const LAZY_ELEMENTS = {
  // Defined once the UI font is in where the words of the viewer that asks need it (toolbar-ui-font.ts): no word in another face.
  'e-paper-toolbar': (viewer?: Element) =>
    import('./elements/e-paper-toolbar/toolbar-ui-font.js').then(async (m) => (await m.uiFontReady(viewer), m.EPaperToolbar)),
  'e-paper-contents': () => import('./elements/e-paper-contents/e-paper-contents.js').then((m) => m.EPaperContents),
  'e-paper-tooltip': () => import('./elements/e-paper-tooltip/e-paper-tooltip.js').then((m) => m.EPaperTooltip),
  'e-paper-reader': () => import('./elements/e-paper-reader/e-paper-reader.js').then((m) => m.EPaperReader),
  'e-paper-pages': () => import('./elements/e-paper-pages/e-paper-pages.js').then((m) => m.EPaperPages),
  'e-paper-search': () => import('./elements/e-paper-search/e-paper-search.js').then((m) => m.EPaperSearch),
  'e-paper-archive': () => import('./elements/e-paper-archive/e-paper-archive.js').then((m) => m.EPaperArchive),
  'e-paper-read-aloud': () => import('./elements/e-paper-read-aloud/e-paper-read-aloud.js').then((m) => m.EPaperReadAloud),
  'e-paper-share': () => import('./elements/e-paper-share/e-paper-share.js').then((m) => m.EPaperShare),
  'e-paper-overview': () => import('./elements/e-paper-overview/e-paper-overview.js').then((m) => m.EPaperOverview),
  'e-paper-fullscreen': () => import('./elements/e-paper-fullscreen/e-paper-fullscreen.js').then((m) => m.EPaperFullscreen),
  'e-paper-text-view': () => import('./elements/e-paper-text-view/e-paper-text-view.js').then((m) => m.EPaperTextView),
  'e-paper-offline': () => import('./elements/e-paper-offline/e-paper-offline.js').then((m) => m.EPaperOffline),
} as const;

export type LazyElementName = keyof typeof LAZY_ELEMENTS;

/**
 * Registers `element` as `name`, or warns when another definition holds the name (a second copy
 * of the script). A missing class is a build or import-order fault: it throws, naming the tag,
 * rather than passing for "already registered".
 */
export function register(registry: CustomElementRegistry, name: string, element: CustomElementConstructor | undefined): void {
  if (typeof element !== 'function') throw new TypeError(`e-paper: no class for <${name}>`);
  const existing = registry.get(name);
  if (existing === element) return;
  if (existing) console.warn(`e-paper: <${name}> is already defined by another script; keeping that definition.`);
  else registry.define(name, element);
}

/** Loads under way, per registry (a test's stand-in registry must not share the page's). */
const loading = new WeakMap<CustomElementRegistry, Map<string, Promise<void>>>();

/**
 * Loads and registers one lazy part; resolves once it is defined. A failed load (the network)
 * rejects and is tried afresh next time. `viewer`: the viewer that asks (the toolbar waits for the
 * UI font its words need).
 */
export function definePart(
  name: LazyElementName,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
  viewer?: Element,
): Promise<void> {
  if (!registry || registry.get(name)) return Promise.resolve();
  let loads = loading.get(registry);
  if (!loads) loading.set(registry, (loads = new Map<string, Promise<void>>()));
  let pending = loads.get(name);
  if (!pending) {
    pending = LAZY_ELEMENTS[name](viewer).then(
      (element) => register(registry, name, element),
      (error: unknown) => {
        loads.delete(name);
        throw error;
      },
    );
    loads.set(name, pending);
  }
  return pending;
}
