import * as v from 'valibot';
import { EditionSchema, type Edition, type Page, type Rect, type Shape } from './schema.js';
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
const MAX_PROBLEMS = 20;

export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function describeIssue(issue: v.BaseIssue<unknown>): EditionProblem {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const path = formatPath(keys);
  if (issue.expected === 'never') return { path, message: 'unexpected field' };
  if (issue.received === 'undefined') return { path, message: `${issue.message}, but it is missing` };
  return { path, message: `${issue.message}, got ${issue.received}` };
}

function within(rect: Rect, page: Page): boolean {
  return rect.x + rect.w <= page.width + 1e-6 && rect.y + rect.h <= page.height + 1e-6;
}

function shapeWithin(shape: Shape, page: Page): boolean {
  if ('rect' in shape) return within(shape.rect, page);
  return shape.polygon.every(([x, y]) => x <= page.width && y <= page.height);
}

/** The checks that span fields: ids unique and known, shapes inside their page. */
function checkReferences(edition: Edition): EditionProblem[] {
  const problems: EditionProblem[] = [];
  const articleIds = new Set<string>();
  edition.articles.forEach((article, i) => {
    if (articleIds.has(article.id)) problems.push({ path: `articles[${i}].id`, message: `duplicate id "${article.id}"` });
    articleIds.add(article.id);
  });
  const pageIds = new Set<string>();
  edition.pages.forEach((page, p) => {
    const at = `pages[${p}]`;
    if (pageIds.has(page.id)) problems.push({ path: `${at}.id`, message: `duplicate id "${page.id}"` });
    pageIds.add(page.id);
    if (!page.blocks && !page.scan) problems.push({ path: at, message: 'expected blocks (a typeset page) or scan (an image)' });
    if (page.blocks && page.scan) problems.push({ path: at, message: 'expected blocks or scan, not both' });
    if (page.scan && !page.regions) problems.push({ path: `${at}.regions`, message: 'expected regions on a scan page, but it is missing' });
    page.blocks?.forEach((block, b) => {
      const bat = `${at}.blocks[${b}]`;
      if (!within(block.rect, page)) problems.push({ path: `${bat}.rect`, message: `expected a rectangle inside the page (${page.width} × ${page.height})` });
      if (block.kind !== 'article') return;
      const article = edition.articles.find((a) => a.id === block.article);
      if (!article) {
        problems.push({ path: `${bat}.article`, message: `expected the id of an article, got "${block.article}"` });
        return;
      }
      if (block.paragraphs) {
        const [from, to] = block.paragraphs;
        if (from >= to || to > article.paragraphs.length)
          problems.push({ path: `${bat}.paragraphs`, message: `expected a range within 0…${article.paragraphs.length}, got [${from}, ${to}]` });
      }
    });
    page.regions?.forEach((region, r) => {
      const rat = `${at}.regions[${r}]`;
      if (!articleIds.has(region.article)) problems.push({ path: `${rat}.article`, message: `expected the id of an article, got "${region.article}"` });
      region.shapes.forEach((shape, s) => {
        if (!shapeWithin(shape, page)) problems.push({ path: `${rat}.shapes[${s}]`, message: `expected a shape inside the page (${page.width} × ${page.height})` });
      });
    });
  });
  const onSomePage = new Set(edition.pages.flatMap((page) => regionsOf(page).map((region) => region.article)));
  edition.articles.forEach((article, i) => {
    if (!onSomePage.has(article.id)) problems.push({ path: `articles[${i}]`, message: `article "${article.id}" has no region on any page` });
  });
  return problems;
}

/**
 * Checks that `data` is an edition of format version 1 and returns it typed.
 * Throws an {@link EditionError} naming each problem's path; never anything else.
 */
export function validateEdition(data: unknown): Edition {
  const result = v.safeParse(EditionSchema, data, { abortPipeEarly: true });
  if (!result.success) throw new EditionError(result.issues.slice(0, MAX_PROBLEMS).map(describeIssue));
  const problems = checkReferences(result.output);
  if (problems.length) throw new EditionError(problems.slice(0, MAX_PROBLEMS));
  return result.output;
}

/** Parses JSON text and validates it; bad JSON is an EditionError too. */
export function parseEdition(json: string): Edition {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EditionError([{ path: '', message: `not JSON: ${(error as Error).message}` }]);
  }
  return validateEdition(data);
}
