/**
 * Where IIIF resources point: a Range item's or an annotation's canvas and media fragment, and the
 * `xywh=` fragment read as a rectangle. Pure functions.
 */
import type { Rect } from '../schema.js';
import { asArray, idOf, isObject, typeOf, type Json } from './iiif-json.js';

export interface ParsedXywh {
  rect: Rect;
  unit: 'pixel' | 'percent';
}

/**
 * The `xywh=` media fragment in a fragment string (`xywh=1,2,3,4`, `xywh=pixel:…`, `xywh=percent:…`,
 * possibly after `t=…&`). Undefined when there is none; a string message when it is malformed.
 */
export function parseXywh(fragment: string): ParsedXywh | string | undefined {
  const part = fragment
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.trim().toLowerCase().startsWith('xywh='));
  if (part === undefined) return undefined;
  let value = part.trim().slice(5);
  let unit: ParsedXywh['unit'] = 'pixel';
  const prefix = /^(pixel|percent):/i.exec(value);
  if (prefix) {
    unit = prefix[1].toLowerCase() as ParsedXywh['unit'];
    value = value.slice(prefix[0].length);
  } else if (/^[a-z]+:/i.test(value)) {
    return `unknown xywh unit "${value.split(':')[0]}" (expected pixel or percent)`;
  }
  const numbers = value.split(',').map((n) => n.trim());
  if (numbers.length !== 4 || numbers.some((n) => !/^\d+(\.\d+)?$/.test(n)))
    return `malformed xywh "${part.trim()}" (expected four non-negative numbers x,y,w,h)`;
  const [x, y, w, h] = numbers.map(Number);
  if (w <= 0 || h <= 0) return `empty xywh "${part.trim()}" (width and height must be above 0)`;
  return { rect: { x, y, w, h }, unit };
}
/** Where an item of a Range points: a canvas URI and the fragment, if any. */
export function targetOf(item: Json): { canvas: string; fragment: string | undefined; selectorProblem?: string } | undefined {
  if (typeOf(item) === 'SpecificResource') {
    const source = idOf(item.source);
    if (!source) return undefined;
    const [canvas, hash] = splitFragment(source);
    const selectors = asArray(item.selector);
    for (const selector of selectors) {
      if (isObject(selector) && typeOf(selector) === 'FragmentSelector' && typeof selector.value === 'string')
        return { canvas, fragment: selector.value };
    }
    if (selectors.length)
      return {
        canvas,
        fragment: hash,
        selectorProblem: `selector of type ${selectors.map((s) => typeOf(s) ?? typeof s).join(', ')} is not supported (expected a FragmentSelector)`,
      };
    return { canvas, fragment: hash };
  }
  const id = idOf(item);
  if (!id) return undefined;
  const [canvas, fragment] = splitFragment(id);
  return { canvas, fragment };
}

export function splitFragment(uri: string): [string, string | undefined] {
  const hash = uri.indexOf('#');
  return hash < 0 ? [uri, undefined] : [uri.slice(0, hash), uri.slice(hash + 1)];
}
