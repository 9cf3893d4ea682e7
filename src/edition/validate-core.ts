/**
 * The checks of an edition, without their words: what the first render runs before it draws.
 * Each check says what is wrong through a {@link Say}: validate.ts gives the messages (and the
 * full, synchronous API: the command, the importers, page files); the viewer runs these quietly
 * with {@link checkEdition}, and only when one fails loads validate.ts to name the problems
 * ({@link validEdition}). Both walk the same code: a finding here is a finding there. The schema's
 * part of the quiet check is schema-check.ts, compiled from the valibot schema (`npm run schema`)
 * and held to answer as valibot does, so that the first render does without valibot.
 */
import { ARTICLE_TEXT, LIST_ITEMS, NESTING, PAGE_TEXT, TEXT_LAYER, VALUES, isEdition } from './schema-check.js';
import type { Article, Edition, Page, Rect, Shape } from './schema.js';
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

/** The words of the checks (validate.ts has them): a path from its keys, and a message per finding. */
export interface Say {
  path(keys: (string | number)[]): string;
  tooManyValues(): string;
  nesting(): string;
  listItems(count: number): string;
  typedArray(): string;
  duplicateId(id: string): string;
  articleText(length: number): string;
  pageKindNone(): string;
  pageKindMany(): string;
  regionsInFile(): string;
  regionsMissing(): string;
  rectOutside(page: Page): string;
  rangeOutside(length: number, from: number, to: number): string;
  unknownArticle(id: string): string;
  pageText(length: number): string;
  textNotScan(): string;
  textLayer(): string;
  shapeOutside(page: Page): string;
  noRegion(id: string, onPage: 'any' | 'this'): string;
}

/** The checks run for a yes or no: every finding says nothing (the viewer asks validate.ts for the words when one fails). */
const QUIET = new Proxy({}, { get: () => () => '' }) as Say;

/** An entry of {@link snapshot}'s walk: a value, how it was reached, and where its copy goes. */
interface Visit {
  value: unknown;
  depth: number;
  parent?: Visit;
  key?: string | number;
  into: Record<string | number, unknown>;
}

const pathOf = (visit: Visit, say: Say): string => {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key!);
  return say.path(keys.reverse());
};

/**
 * A copy of the data made of its own fields only (objects without a prototype, plain arrays),
 * read once, so that neither getters nor fields that a host page added to Object.prototype
 * are taken for the edition's. On the way it checks the limits on the data's shape as such
 * (nesting, list lengths, number of values), before the schema, so that absurd input (a list
 * of millions of items, a structure that unfolds to billions, a cycle) costs little and gets one
 * clear message. Walks without recursion.
 */
export function snapshot(data: unknown, say: Say): { value: unknown } | { problem: EditionProblem } {
  let values = 1;
  const tooMany = () => ({ problem: { path: '', message: say.tooManyValues() } });
  const root: Record<string, unknown> = {};
  const stack: Visit[] = [{ value: data, depth: 0, into: root, key: 'value' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth, into } = next;
    const at = next.parent ? next.key! : 'value';
    if (typeof value !== 'object' || value === null) {
      into[at] = value;
      continue;
    }
    if (depth >= NESTING) return { problem: { path: pathOf(next, say), message: say.nesting() } };
    if (Array.isArray(value)) {
      if (value.length > LIST_ITEMS) return { problem: { path: pathOf(next, say), message: say.listItems(value.length) } };
      values += value.length;
      if (values > VALUES) return tooMany();
      const copy: unknown[] = new Array(value.length);
      into[at] = copy;
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, parent: next, key: i, into: copy as unknown as Record<number, unknown> });
    } else if (ArrayBuffer.isView(value)) {
      // A typed array: no list of the format, and millions of indices would take seconds.
      return { problem: { path: pathOf(next, say), message: say.typedArray() } };
    } else {
      const keys = Object.keys(value);
      values += keys.length;
      if (values > VALUES) return tooMany();
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
export function editionPageKind(page: Page, at: string, say: Say): EditionProblem[] {
  const kinds = [page.blocks, page.scan, page.src].filter((kind) => kind !== undefined).length;
  if (kinds === 0) return [{ path: at, message: say.pageKindNone() }];
  if (kinds > 1) return [{ path: at, message: say.pageKindMany() }];
  if (page.src !== undefined && page.regions) return [{ path: `${at}.regions`, message: say.regionsInFile() }];
  return [];
}

/**
 * The checks of continued articles' jumps across pages (`checkJumps` of
 * edition/continued/jump-checks.ts), once in use: set by `useJumpChecks` (validate.ts). A module
 * apart, so that the first render does without it: the command and the importers use it from the
 * start, the viewer for an edition with jumps.
 */
export const jumpChecks: { run?: (pages: readonly Page[], pagePath: (p: number) => string) => EditionProblem[] } = {};

/** The checks that span fields: ids unique and known, shapes inside their page. */
export function checkReferences({ articles: list, pages, pagePath, pageKind, onPage }: ReferenceScope, say: Say): EditionProblem[] {
  const problems: EditionProblem[] = [];
  const articles = new Map<string, Article>();
  list.forEach((article, i) => {
    if (articles.has(article.id)) problems.push({ path: `articles[${i}].id`, message: say.duplicateId(article.id) });
    else articles.set(article.id, article);
    const length = textLength(article);
    if (length > ARTICLE_TEXT) problems.push({ path: `articles[${i}].paragraphs`, message: say.articleText(length) });
  });
  const pageIds = new Set<string>();
  pages.forEach((page, p) => {
    const at = pagePath(p);
    if (pageIds.has(page.id)) problems.push({ path: `${at}.id`, message: say.duplicateId(page.id) });
    pageIds.add(page.id);
    problems.push(...pageKind(page, at));
    if (page.scan && !page.regions) problems.push({ path: `${at}.regions`, message: say.regionsMissing() });
    let pageText = 0;
    page.blocks?.forEach((block, b) => {
      const bat = `${at}.blocks[${b}]`;
      if (!within(block.rect, page)) problems.push({ path: `${bat}.rect`, message: say.rectOutside(page) });
      if (block.kind !== 'article') return;
      const article = articles.get(block.article);
      if (!article) {
        problems.push({ path: `${bat}.article`, message: say.unknownArticle(block.article) });
        return;
      }
      if (block.paragraphs) {
        const [from, to] = block.paragraphs;
        if (from >= to || to > article.paragraphs.length)
          problems.push({ path: `${bat}.paragraphs`, message: say.rangeOutside(article.paragraphs.length, from, to) });
      }
      if (!block.parts || block.parts.includes('body')) pageText += textLength(article, block.paragraphs?.[0], block.paragraphs?.[1]);
    });
    if (pageText > PAGE_TEXT) problems.push({ path: `${at}.blocks`, message: say.pageText(pageText) });
    if (page.text) {
      if (!page.scan) problems.push({ path: `${at}.text`, message: say.textNotScan() });
      if (page.text.reduce((n, line) => n + line.text.length, 0) > TEXT_LAYER)
        problems.push({ path: `${at}.text`, message: say.textLayer() });
    }
    page.regions?.forEach((region, r) => {
      const rat = `${at}.regions[${r}]`;
      if (!articles.has(region.article)) problems.push({ path: `${rat}.article`, message: say.unknownArticle(region.article) });
      region.shapes.forEach((shape, s) => {
        if (!shapeWithin(shape, page)) problems.push({ path: `${rat}.shapes[${s}]`, message: say.shapeOutside(page) });
      });
    });
  });
  if (onPage === 'any') problems.push(...(jumpChecks.run?.(pages, pagePath) ?? []));
  // A page reference has no regions: the articles of its page are in its file, not in this list.
  const onSomePage = new Set(pages.flatMap((page) => regionsOf(page).map((region) => region.article)));
  list.forEach((article, i) => {
    if (!onSomePage.has(article.id)) problems.push({ path: `articles[${i}]`, message: say.noRegion(article.id, onPage) });
  });
  return problems;
}

/** The cross-field checks of an edition (the schema's output), in `say`'s words. */
export const checkEditionReferences = (edition: Edition, say: Say): EditionProblem[] =>
  checkReferences(
    {
      articles: edition.articles,
      pages: edition.pages,
      pagePath: (p) => `pages[${p}]`,
      pageKind: (page, at) => editionPageKind(page, at, say),
      onPage: 'any',
    },
    say,
  );

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
 * JSON text (after a byte-order mark) parsed, no deeper than `nesting`: `too-deep`, or what
 * JSON.parse threw for text that is not JSON.
 */
export function readJson(
  json: string,
  nesting: number,
  reviver?: (key: string, value: unknown) => unknown,
): { value: unknown } | { tooDeep: true } | { notJson: unknown } {
  const text = json.replace(/^\uFEFF/, '');
  // Only for what looks like JSON: anything else fails JSON.parse at once, with its own message.
  if (/^\s*[[{]/.test(text) && jsonDepthExceeds(text, nesting)) return { tooDeep: true };
  try {
    return { value: JSON.parse(text, reviver) };
  } catch (error) {
    return { notJson: error };
  }
}

/**
 * The data of a snapshot that passed its check, in plain objects (with Object's prototype, as
 * valibot's output has them): every key is then one of the format's, and Object.fromEntries
 * defines the fields, never sets them through a prototype.
 */
const plain = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(plain)
    : value && typeof value == 'object'
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]))
      : value;

/**
 * `data` checked quietly: its snapshot against `is` (a check of schema-check.ts) and then
 * `crossCheck` (given the words to say nothing in): the data, typed, or undefined if anything is
 * wrong with it (or it cannot be read). The data is what valibot's output would be, but for the
 * items of a tuple past its own (kept, never read).
 */
export function checkQuietly<T>(
  is: (data: unknown) => boolean,
  data: unknown,
  crossCheck: (output: T, say: Say) => EditionProblem[],
): T | undefined {
  try {
    const copy = snapshot(data, QUIET);
    return 'value' in copy && is(copy.value) && !crossCheck(copy.value as T, QUIET).length ? (plain(copy.value) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** An edition, checked quietly: the typed edition, or undefined if anything is wrong with it (or it cannot be read). */
export const checkEdition = (data: unknown): Edition | undefined => checkQuietly(isEdition, data, checkEditionReferences);

/** The full validator (validate.ts), loaded when a check fails; a test puts a failing loader here. */
export const validator = { load: () => import('./validate.js') };

/**
 * An edition validated before it is drawn: `data`, or the JSON text `json` when given. When the
 * quiet check finds a problem, validate.ts is loaded and names them all (an {@link EditionError},
 * as the synchronous validators throw); if that module cannot be loaded, the error still says
 * that the edition does not match the format.
 */
export async function validEdition(data: unknown, json?: string): Promise<Edition> {
  const read = json === undefined ? { value: data } : readJson(json, NESTING);
  const edition = 'value' in read ? checkEdition(read.value) : undefined;
  if (edition) return edition;
  let full: Awaited<ReturnType<typeof validator.load>>;
  try {
    full = await validator.load();
  } catch {
    throw new EditionError([
      { path: '', message: 'the edition does not match the format (the module that names its problems could not be loaded)' },
    ]);
  }
  return json === undefined ? full.validateEdition(data) : full.parseEdition(json);
}
