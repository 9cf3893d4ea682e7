/**
 * Small DOM helpers that work with any DOM Level 2 implementation (the browser's, @xmldom/xmldom,
 * linkedom): no querySelector, names compared without their namespace prefix.
 */
const XLINK = 'http://www.w3.org/1999/xlink';

export const nameOf = (el: Element): string => el.localName ?? el.nodeName.replace(/^.*:/, '');

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element);
  return out;
}

export function children(el: Element, name: string): Element[] {
  return elementChildren(el).filter((child) => nameOf(child) === name);
}

/** Descendants named `name`, in document order (without recursion: deep input cannot overflow the stack). */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack = elementChildren(el).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (nameOf(next) === name) out.push(next);
    const kids = elementChildren(next);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** Every element under `el` (itself first), in document order. */
export function allElements(el: Element): Element[] {
  const out: Element[] = [];
  const stack = [el];
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next);
    const kids = elementChildren(next);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** An attribute's trimmed value; undefined when absent or blank. */
export function attr(el: Element, name: string): string | undefined {
  const value = el.getAttribute(name);
  return value !== null && value.trim() !== '' ? value.trim() : undefined;
}

/** `xlink:href` (namespaced or not), else `href`. */
export function hrefOf(el: Element): string | undefined {
  const value = el.getAttributeNS(XLINK, 'href') || el.getAttribute('xlink:href') || el.getAttribute('href');
  return value && value.trim() ? value.trim() : undefined;
}

/** An xlink attribute (`from`, `to`, `label`…), namespaced or not. */
export function xlinkAttr(el: Element, name: string): string | undefined {
  const value = el.getAttributeNS(XLINK, name) || el.getAttribute(`xlink:${name}`);
  return value && value.trim() ? value.trim() : undefined;
}

export function numberAttr(el: Element, name: string): number | undefined {
  const value = attr(el, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
