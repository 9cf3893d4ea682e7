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
