/**
 * The operators PDF.js drew a page from, taken from the page after `render()` so that the
 * importer does not have PDF.js read the page's content a second time for its rules, boxes,
 * images and fonts (./read.ts).
 *
 * PDF.js has no public way to share this work: `getOperatorList()` asks its worker with an
 * intent of its own (RenderingIntentFlag.OPLIST) and so never meets the list `render()` fetched,
 * and the worker parses the content stream, evaluates its fonts' use and clones the result
 * again. The drawn list stays on the page (`_intentStates`, one state per intent) until
 * `page.cleanup()`. That field is private: this module reads it for the exact PDF.js version
 * ./load.ts pins, checks its shape, and gives nothing when the shape is not the one known, so
 * the caller asks `getOperatorList()` as before (bench/pdf-stages.mjs measures both).
 *
 * The drawn list is the one PDF.js's display optimiser grouped: runs of one image repeated, of
 * image masks and of inline images come as one operator each (OPS.paint…Repeat, …Group),
 * which read.ts expands; a path's own transform may be folded into its bounds, which read.ts's
 * walk gives the same boxes for.
 */
import type { OperatorList, PdfPage } from './pdfjs-types.js';

interface IntentState {
  operatorList?: Partial<OperatorList> & { lastChunk?: boolean };
}

/** PDF.js's RenderingIntentFlag.OPLIST: the intent of `getOperatorList()`, first in a state's key. */
const OPLIST = 0x100;

export function drawnOperators(page: PdfPage): OperatorList | undefined {
  const states = (page as PdfPage & { _intentStates?: unknown })._intentStates;
  if (!(states instanceof Map)) return undefined;
  // The states of drawing (keyed "<intent>_<hashes>"), not of an earlier getOperatorList().
  const drawn = [...(states as Map<unknown, IntentState>)].filter(([key]) => typeof key === 'string' && !(parseInt(key, 10) & OPLIST));
  if (drawn.length !== 1) return undefined;
  const list = drawn[0][1]?.operatorList;
  if (!list || list.lastChunk !== true || !Array.isArray(list.fnArray) || !Array.isArray(list.argsArray)) return undefined;
  if (list.fnArray.length !== list.argsArray.length) return undefined;
  return { fnArray: list.fnArray, argsArray: list.argsArray };
}
