/**
 * The parsers the command brings for the importers (which take any DOM parser):
 *
 * - XML: @xmldom/xmldom, a pure-JS DOM Level 2 parser that is namespace-aware and strict about
 *   well-formedness (METS and ALTO rely on prefixes; a broken file must fail, not half-parse). It
 *   expands no DTD entities; the importers refuse entity declarations before parsing anyway.
 * - HTML: linkedom, a forgiving HTML parser with a DOM (getElementsByTagName, textContent,
 *   closest) over htmlparser2, for real saved pages with unclosed tags.
 *
 * Each returns a Document or throws; the importers turn any throw into an ImportError. Each parser
 * is loaded on its first use: together they cost about 0.19 s of processor time to load, which
 * `e-paper import pdf` and the other commands that parse no markup no longer pay.
 */
import { createRequire } from 'node:module';
import type { ParseDocument } from '../edition/importers/common.js';

const require = createRequire(import.meta.url);
let xml: typeof import('@xmldom/xmldom') | undefined;
let html: typeof import('linkedom') | undefined;

export const parseXml: ParseDocument = (text) => {
  // Errors and fatal errors both end the parse: an undefined entity or a broken tag is not XML.
  xml ??= require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  const parser = new xml.DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(String(message).split('\n')[0]);
    },
  });
  return parser.parseFromString(text, 'application/xml') as unknown as Document;
};

export const parseHtml: ParseDocument = (text) => {
  html ??= require('linkedom') as typeof import('linkedom');
  return new html.DOMParser().parseFromString(text, 'text/html') as unknown as Document;
};

/**
 * HTML bytes as text: a byte-order mark, else a `<meta charset>` (or http-equiv Content-Type) in
 * the first 2 kB, else UTF-8. Chinese sites often serve GB2312/GBK/GB18030, which Node's
 * TextDecoder reads.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  for (const charset of [declared, 'utf-8']) {
    if (!charset) continue;
    try {
      return { text: new TextDecoder(charset).decode(bytes), charset };
    } catch {
      // An unknown label: try the next.
    }
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
}
