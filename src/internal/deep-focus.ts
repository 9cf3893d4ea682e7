/**
 * Focus seen through shadow roots: a module apart from focus.ts, for the parts that move focus
 * (the reader, its opening and closing); the first render does without it.
 */

/** The element that has focus, looking through open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
