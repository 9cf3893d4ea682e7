/**
 * The validators of the format, with their words: every check names the path and the problem.
 * The checks themselves are validate-core.ts, which the first render runs quietly; this module
 * gives them their messages, and is what the command, the importers and page files use (and the
 * viewer loads only when an edition fails its checks).
 */
import * as v from 'valibot';
import { EditionSchema, LIMITS, type Edition, type Page } from './schema.js';
import {
  EditionError,
  MAX_PROBLEMS,
  checkEditionReferences,
  checkReferences as checkWith,
  jumpChecks,
  readJson,
  snapshot,
  type EditionProblem,
  type ReferenceScope,
  type Say,
} from './validate-core.js';

export { EditionError, MAX_PROBLEMS, jsonDepthExceeds, type EditionProblem, type ReferenceScope } from './validate-core.js';

/**
 * Makes the validators check continued articles' jumps across pages too (`checkJumps` of
 * edition/continued/jump-checks.ts): the command and the importers turn them on from the start.
 */
export function useJumpChecks(checks: typeof jumpChecks.run): void {
  jumpChecks.run = checks;
}

/**
 * Text from the data, made safe to quote in a message: at most `max` characters, and control,
 * bidi and zero-width characters (and lone surrogates) written as \u escapes, so that they can
 * neither reorder nor hide the message around them.
 */
export function quoteData(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(
    // eslint-disable-next-line no-control-regex -- the control characters are what it escapes
    /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= 64) out += out ? `.${key}` : key;
    else out += `[${quoteData(JSON.stringify(String(key)), 66)}]`;
  }
  return out;
}

/**
 * Runs `check` with the enumerable fields that a host page may have added to Object.prototype
 * made non-enumerable for the time being: valibot walks its schemas' entries with for…in, and
 * would take such a field for a schema. Synchronous, and restored before it returns.
 */
export function withPlainPrototype<T>(check: () => T): T {
  const added = Object.keys(Object.prototype);
  if (!added.length) return check();
  const hidden: [string, PropertyDescriptor][] = [];
  try {
    for (const key of added) {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, key);
      if (!descriptor?.configurable) continue;
      Object.defineProperty(Object.prototype, key, { ...descriptor, enumerable: false });
      hidden.push([key, descriptor]);
    }
    return check();
  } finally {
    for (const [key, descriptor] of hidden) Object.defineProperty(Object.prototype, key, descriptor);
  }
}

/** The checks' messages. */
const SAY: Say = {
  path: formatPath,
  tooManyValues: () => `expected at most ${LIMITS.values} values in the whole edition, but there are more`,
  nesting: () => `expected at most ${LIMITS.nesting} levels of nesting`,
  listItems: (count) => `expected at most ${LIMITS.listItems} items, got ${count}`,
  typedArray: () => 'expected a list or an object, got a typed array',
  duplicateId: (id) => `duplicate id "${id}"`,
  articleText: (length) => `expected at most ${LIMITS.articleText} characters of text in an article, got ${length}`,
  pageKindNone: () => 'expected blocks (a typeset page), scan (an image) or src (a page file)',
  pageKindMany: () => 'expected only one of blocks, scan and src',
  regionsInFile: () => 'expected no regions on a page kept in a page file (they belong in the file)',
  regionsMissing: () => 'expected regions on a scan page, but it is missing',
  rectOutside: (page: Page) => `expected a rectangle inside the page (${page.width} × ${page.height})`,
  rangeOutside: (length, from, to) => `expected a range within 0…${length}, got [${from}, ${to}]`,
  unknownArticle: (id) => `expected the id of an article, got "${id}"`,
  pageText: (length) => `expected at most ${LIMITS.pageText} characters of text set on a page, got ${length}`,
  textNotScan: () => 'expected a text layer only on a scan page',
  textLayer: () => `expected at most ${LIMITS.textLayer} characters in a text layer`,
  shapeOutside: (page: Page) => `expected a shape inside the page (${page.width} × ${page.height})`,
  noRegion: (id, onPage) => `article "${id}" has no region on ${onPage} page`,
};

/** A valibot issue as a problem: its path and what was expected and found. */
export function describeIssue(issue: v.BaseIssue<unknown>): EditionProblem {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const path = formatPath(keys);
  if (issue.expected === 'never') return { path, message: 'unexpected field' };
  // A required field that is absent: the object schema reports it with the key as `expected`.
  if (
    issue.kind === 'schema' &&
    issue.received === 'undefined' &&
    issue.expected?.startsWith('"') &&
    issue.path?.at(-1)?.origin === 'key'
  ) {
    return { path, message: 'required, but it is missing' };
  }
  if (issue.received === 'undefined') return { path, message: `${issue.message}, but it is missing` };
  return { path, message: `${issue.message}, got ${quoteData(issue.received)}` };
}

/**
 * A union (a shape: {rect} or {polygon}) that no option matched reports its own message; when
 * one option got further into the data than a field of its own (a number deep in a polygon),
 * that option's finding says more, at its full path.
 */
function specific(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  if (issue.type !== 'union' || !issue.issues?.length) return issue;
  const depth = (item: v.BaseIssue<unknown>) => item.path?.length ?? 0;
  const deepest = issue.issues.reduce((best, item) => (depth(item) > depth(best) ? item : best));
  if (depth(deepest) < 2) return issue;
  return specific({ ...deepest, path: [...(issue.path ?? []), ...(deepest.path ?? [])] as typeof issue.path });
}

/** The checks that span fields: ids unique and known, shapes inside their page. */
export const checkReferences = (scope: ReferenceScope): EditionProblem[] => checkWith(scope, SAY);

/**
 * The protections every check of data shares: a snapshot within the limits, the schema run with
 * a plain Object.prototype, then `crossCheck` on the typed output. Throws an {@link EditionError}
 * of at most {@link MAX_PROBLEMS} problems, never anything else; `what` names the data.
 */
export function validateWith<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  what: string,
  crossCheck: (output: v.InferOutput<S>) => EditionProblem[],
): v.InferOutput<S> {
  let output: v.InferOutput<S>;
  let problems: EditionProblem[];
  try {
    const copy = snapshot(data, SAY);
    if ('problem' in copy) throw new EditionError([copy.problem]);
    const result = withPlainPrototype(() => v.safeParse(schema, copy.value, { abortPipeEarly: true }));
    if (!result.success) throw new EditionError(result.issues.slice(0, MAX_PROBLEMS).map((issue) => describeIssue(specific(issue))));
    output = result.output;
    problems = crossCheck(output);
  } catch (error) {
    if (error instanceof EditionError) throw error;
    // A getter or a proxy in an object handed over as data threw (or the stack ran out).
    throw new EditionError([{ path: '', message: `${what} could not be read: ${quoteData(String((error as Error)?.message ?? error))}` }]);
  }
  if (problems.length) throw new EditionError(problems.slice(0, MAX_PROBLEMS));
  return output;
}

/**
 * Checks that `data` is an edition of format version 1 and returns it typed.
 * Throws an {@link EditionError} naming each problem's path; never anything else.
 */
export function validateEdition(data: unknown): Edition {
  return validateWith(EditionSchema, data, 'the edition', (edition) => checkEditionReferences(edition, SAY));
}

/**
 * Parses JSON text (after a byte-order mark) no deeper than `nesting`; too deep or not JSON is
 * an EditionError with one problem.
 */
export function parseJson(json: string, nesting: number, reviver?: (key: string, value: unknown) => unknown): unknown {
  const read = readJson(json, nesting, reviver);
  if ('tooDeep' in read) throw new EditionError([{ path: '', message: `expected at most ${nesting} levels of nesting` }]);
  if ('notJson' in read) throw new EditionError([{ path: '', message: `not JSON: ${quoteData((read.notJson as Error).message, 200)}` }]);
  return read.value;
}

/** Parses JSON text and validates it; bad JSON is an EditionError too. */
export function parseEdition(json: string): Edition {
  return validateEdition(parseJson(json, LIMITS.nesting));
}
