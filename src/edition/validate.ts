import * as v from 'valibot';
import { EditionSchema, LIMITS, type Article, type Edition, type Page, type Rect, type Shape } from './schema.js';
import { regionsOf } from './regions.js';

/** One thing wrong with an edition: where (a JSON path such as `pages[0].blocks[3].rect.w`) and what. */
export interface EditionProblem {
  path: string;
  message: string;
}

/** Thrown for an edition that does not match the format; `problems` lists every finding. */
export class EditionError extends Error {
  override name = 'EditionError';
  constructor(readonly problems: EditionProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n'));
  }
}

/** At most this many problems are reported: enough to mend a file, few enough to read. */
export const MAX_PROBLEMS = 20;

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

/** An entry of {@link snapshot}'s walk: a value, how it was reached, and where its copy goes. */
interface Visit {
  value: unknown;
  depth: number;
  parent?: Visit;
  key?: string | number;
  into: Record<string | number, unknown>;
}

const pathOf = (visit: Visit): string => {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key!);
  return formatPath(keys.reverse());
};

/**
 * A copy of the data made of its own fields only (objects without a prototype, plain arrays),
 * read once, so that neither getters nor fields that a host page added to Object.prototype
 * are taken for the edition's. On the way it checks the limits on the data's shape as such
 * (nesting, list lengths, number of values), before the schema, so that absurd input (a list
 * of millions of items, a structure that unfolds to billions, a cycle) costs little and gets one
 * clear message. Walks without recursion.
 */
function snapshot(data: unknown): { value: unknown } | { problem: EditionProblem } {
  let values = 1;
  const tooMany = { problem: { path: '', message: `expected at most ${LIMITS.values} values in the whole edition, but there are more` } };
  const root: Record<string, unknown> = {};
  const stack: Visit[] = [{ value: data, depth: 0, into: root, key: 'value' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth, into } = next;
    const at = next.parent ? next.key! : 'value';
    if (typeof value !== 'object' || value === null) {
      into[at] = value;
      continue;
    }
    if (depth >= LIMITS.nesting)
      return { problem: { path: pathOf(next), message: `expected at most ${LIMITS.nesting} levels of nesting` } };
    if (Array.isArray(value)) {
      if (value.length > LIMITS.listItems)
        return { problem: { path: pathOf(next), message: `expected at most ${LIMITS.listItems} items, got ${value.length}` } };
      values += value.length;
      if (values > LIMITS.values) return tooMany;
      const copy: unknown[] = new Array(value.length);
      into[at] = copy;
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, parent: next, key: i, into: copy as unknown as Record<number, unknown> });
    } else if (ArrayBuffer.isView(value)) {
      // A typed array: no list of the format, and millions of indices would take seconds.
      return { problem: { path: pathOf(next), message: 'expected a list or an object, got a typed array' } };
    } else {
      const keys = Object.keys(value);
      values += keys.length;
      if (values > LIMITS.values) return tooMany;
      const copy = Object.create(null) as Record<string, unknown>;
      into[at] = copy;
      // Pushed last to first, so that they are taken, and the copy's fields made, in their order.
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: next, key, into: copy });
      }
    }
  }
  return { value: root.value };
}

/**
 * Runs `check` with the enumerable fields that a host page may have added to Object.prototype
 * made non-enumerable for the time being: valibot walks its schemas' entries with for…in, and
 * would take such a field for a schema. Synchronous, and restored before it returns.
 */
function withPlainPrototype<T>(check: () => T): T {
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

/** Characters of an article's body text, from `from` to `to` (paragraph indices). */
function textLength(article: Article, from = 0, to = article.paragraphs.length): number {
  let length = 0;
  for (let i = Math.max(0, from); i < Math.min(to, article.paragraphs.length); i++) length += article.paragraphs[i].length;
  return length;
}

function within(rect: Rect, page: Page): boolean {
  return rect.x + rect.w <= page.width + 1e-6 && rect.y + rect.h <= page.height + 1e-6;
}

function shapeWithin(shape: Shape, page: Page): boolean {
  if ('rect' in shape) return within(shape.rect, page);
  return shape.polygon.every(([x, y]) => x <= page.width && y <= page.height);
}

/** What {@link checkReferences} checks: an edition's articles and pages, or a page file's. */
export interface ReferenceScope {
  articles: readonly Article[];
  pages: readonly Page[];
  /** The path of page `p`: `pages[3]` in an edition, `page` in a page file. */
  pagePath: (p: number) => string;
  /** What is wrong with the kind of a page (typeset, scan, reference) at `at`. */
  pageKind: (page: Page, at: string) => EditionProblem[];
  /** Where an article must have a region: `any` page of an edition, `this` page of a page file. */
  onPage: 'any' | 'this';
}

/** An edition's page is a typeset page, a scan or a page reference, and only one of them. */
function editionPageKind(page: Page, at: string): EditionProblem[] {
  const kinds = [page.blocks, page.scan, page.src].filter((kind) => kind !== undefined).length;
  if (kinds === 0) return [{ path: at, message: 'expected blocks (a typeset page), scan (an image) or src (a page file)' }];
  if (kinds > 1) return [{ path: at, message: 'expected only one of blocks, scan and src' }];
  if (page.src !== undefined && page.regions)
    return [{ path: `${at}.regions`, message: 'expected no regions on a page kept in a page file (they belong in the file)' }];
  return [];
}

/** The checks of continued articles' jumps across pages (edition/continued/jump-checks.ts), once in use. */
let jumpChecks: ((pages: readonly Page[], pagePath: (p: number) => string) => EditionProblem[]) | undefined;

/**
 * Makes the validators check continued articles' jumps across pages too (`checkJumps` of
 * edition/continued/jump-checks.ts). A module apart, so that the first render does without it:
 * the command and the importers use it from the start, the viewer for an edition with jumps.
 */
export function useJumpChecks(checks: typeof jumpChecks): void {
  jumpChecks = checks;
}

/** The checks that span fields: ids unique and known, shapes inside their page. */
export function checkReferences({ articles: list, pages, pagePath, pageKind, onPage }: ReferenceScope): EditionProblem[] {
  const problems: EditionProblem[] = [];
  const articles = new Map<string, Article>();
  list.forEach((article, i) => {
    if (articles.has(article.id)) problems.push({ path: `articles[${i}].id`, message: `duplicate id "${article.id}"` });
    else articles.set(article.id, article);
    const length = textLength(article);
    if (length > LIMITS.articleText)
      problems.push({
        path: `articles[${i}].paragraphs`,
        message: `expected at most ${LIMITS.articleText} characters of text in an article, got ${length}`,
      });
  });
  const pageIds = new Set<string>();
  pages.forEach((page, p) => {
    const at = pagePath(p);
    if (pageIds.has(page.id)) problems.push({ path: `${at}.id`, message: `duplicate id "${page.id}"` });
    pageIds.add(page.id);
    problems.push(...pageKind(page, at));
    if (page.scan && !page.regions) problems.push({ path: `${at}.regions`, message: 'expected regions on a scan page, but it is missing' });
    let pageText = 0;
    page.blocks?.forEach((block, b) => {
      const bat = `${at}.blocks[${b}]`;
      if (!within(block.rect, page))
        problems.push({ path: `${bat}.rect`, message: `expected a rectangle inside the page (${page.width} × ${page.height})` });
      if (block.kind !== 'article') return;
      const article = articles.get(block.article);
      if (!article) {
        problems.push({ path: `${bat}.article`, message: `expected the id of an article, got "${block.article}"` });
        return;
      }
      if (block.paragraphs) {
        const [from, to] = block.paragraphs;
        if (from >= to || to > article.paragraphs.length)
          problems.push({
            path: `${bat}.paragraphs`,
            message: `expected a range within 0…${article.paragraphs.length}, got [${from}, ${to}]`,
          });
      }
      if (!block.parts || block.parts.includes('body')) pageText += textLength(article, block.paragraphs?.[0], block.paragraphs?.[1]);
    });
    if (pageText > LIMITS.pageText)
      problems.push({
        path: `${at}.blocks`,
        message: `expected at most ${LIMITS.pageText} characters of text set on a page, got ${pageText}`,
      });
    if (page.text) {
      if (!page.scan) problems.push({ path: `${at}.text`, message: 'expected a text layer only on a scan page' });
      if (page.text.reduce((n, line) => n + line.text.length, 0) > LIMITS.textLayer)
        problems.push({ path: `${at}.text`, message: `expected at most ${LIMITS.textLayer} characters in a text layer` });
    }
    page.regions?.forEach((region, r) => {
      const rat = `${at}.regions[${r}]`;
      if (!articles.has(region.article))
        problems.push({ path: `${rat}.article`, message: `expected the id of an article, got "${region.article}"` });
      region.shapes.forEach((shape, s) => {
        if (!shapeWithin(shape, page))
          problems.push({ path: `${rat}.shapes[${s}]`, message: `expected a shape inside the page (${page.width} × ${page.height})` });
      });
    });
  });
  if (onPage === 'any') problems.push(...(jumpChecks?.(pages, pagePath) ?? []));
  // A page reference has no regions: the articles of its page are in its file, not in this list.
  const onSomePage = new Set(pages.flatMap((page) => regionsOf(page).map((region) => region.article)));
  list.forEach((article, i) => {
    if (!onSomePage.has(article.id))
      problems.push({ path: `articles[${i}]`, message: `article "${article.id}" has no region on ${onPage} page` });
  });
  return problems;
}

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
    const copy = snapshot(data);
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
  return validateWith(EditionSchema, data, 'the edition', (edition) =>
    checkReferences({
      articles: edition.articles,
      pages: edition.pages,
      pagePath: (p) => `pages[${p}]`,
      pageKind: editionPageKind,
      onPage: 'any',
    }),
  );
}

/**
 * The depth of nesting of JSON text, counted without parsing it, stopping past `limit`:
 * JSON.parse itself takes many seconds and hundreds of MB over millions of nested brackets.
 */
export function jsonDepthExceeds(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Parses JSON text (after a byte-order mark) no deeper than `nesting`; too deep or not JSON is
 * an EditionError with one problem.
 */
export function parseJson(json: string, nesting: number, reviver?: (key: string, value: unknown) => unknown): unknown {
  const text = json.replace(/^\uFEFF/, '');
  // Only for what looks like JSON: anything else fails JSON.parse at once, with its own message.
  if (/^\s*[[{]/.test(text) && jsonDepthExceeds(text, nesting)) {
    throw new EditionError([{ path: '', message: `expected at most ${nesting} levels of nesting` }]);
  }
  try {
    return JSON.parse(text, reviver);
  } catch (error) {
    throw new EditionError([{ path: '', message: `not JSON: ${quoteData((error as Error).message, 200)}` }]);
  }
}

/** Parses JSON text and validates it; bad JSON is an EditionError too. */
export function parseEdition(json: string): Edition {
  return validateEdition(parseJson(json, LIMITS.nesting));
}
