import { expect } from '@open-wc/testing';
import type { Edition } from '../src/edition/schema.js';

export const A1_URL = new URL('../demo/editions/zhuzhou-daily-2021-01-08.json', import.meta.url).href;

let cached: Edition | undefined;

/** The shipped A1 edition, fetched once per test file. */
export async function loadA1(): Promise<Edition> {
  cached ??= (await (await fetch(A1_URL)).json()) as Edition;
  return structuredClone(cached);
}

/** Resolves with the next `name` event that `target` fires. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

/** A deep query through open shadow roots, following the selectors one root at a time. */
export function deepQuery<T extends Element = Element>(root: Element | ShadowRoot, ...selectors: string[]): T | null {
  let node: Element | ShadowRoot | null = root;
  for (const selector of selectors) {
    // No instanceof: elements of an iframe come from another realm.
    const shadow: ShadowRoot | null = (node as Element).shadowRoot;
    const scope: Element | ShadowRoot = shadow ?? node!;
    node = scope.querySelector(selector);
    if (!node) return null;
  }
  return node as T;
}

/**
 * Records uncaught errors and unhandled rejections while the enclosing suite runs (its own
 * before/after hooks), and asserts, when asked, that none happened since the last check.
 */
export function trapUncaught() {
  const caught: string[] = [];
  const onError = (event: ErrorEvent) => caught.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => caught.push(`unhandled rejection: ${String(event.reason?.stack ?? event.reason)}`);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  return {
    expectNone() {
      expect(caught.splice(0), 'no uncaught errors').to.deep.equal([]);
    },
  };
}

/**
 * Resolves once the parts that <e-paper> loads after its first render (the list of articles, the
 * tooltip, the reader) are defined and rendered.
 */
export async function partsLoaded(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await Promise.all(['e-paper-contents', 'e-paper-tooltip', 'e-paper-reader'].map((name) => customElements.whenDefined(name)));
  await el.updateComplete;
  for (const name of ['e-paper-contents', 'e-paper-tooltip', 'e-paper-reader']) {
    await (el.shadowRoot?.querySelector(name) as unknown as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
  }
}

let viewerKeys = 0;

/**
 * An <e-paper> of `width` × `height` px in the document, with a storage key of its own, set up by
 * `setup` (src, edition, attributes), once it has fired `e-paper-ready` and rendered what comes
 * once the page is shown (the toolbar's end, the list, the reader).
 */
export async function mountViewer<T extends HTMLElement>(setup: (el: T) => void, { width = 900, height = 640 } = {}): Promise<T> {
  const el = document.createElement('e-paper') as HTMLElement as T & { storageKey: string };
  el.style.cssText = `display: block; width: ${width}px; height: ${height}px`;
  el.storageKey = `viewer-${Date.now()}-${viewerKeys++}`;
  setup(el);
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** Resolves when `check` holds; fails the test, naming `what`, after `ms` (a deadline for a broken viewer, not a measure). */
export async function until(check: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves after `n` animation frames. */
export function frames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

/** The ids of the articles set on the viewer's page, in order. */
export function shownArticles(el: Element): (string | undefined)[] {
  return [...deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelectorAll<HTMLElement>('[part~="article"]')].map((b) => b.dataset.articleId);
}

/** The on-screen centre of `element`, in whole pixels (where real input aims). */
export function centre(element: Element): [number, number] {
  const r = element.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** The viewer's viewport (typed loosely: the helpers import no element). */
export const viewportOf = <T extends Element = Element>(el: Element): T => el.shadowRoot!.querySelector('e-paper-viewport') as unknown as T;

/** The shipped A1 in a viewer of `size`, remembering nothing, once ready. */
export const mountA1 = <T extends HTMLElement>(size: { width: number; height: number }, setup: (el: T) => void = () => {}) =>
  mountViewer<T>((el) => {
    (el as unknown as { src: string; noPersist: boolean }).src = A1_URL;
    (el as unknown as { noPersist: boolean }).noPersist = true;
    setup(el);
  }, size);
