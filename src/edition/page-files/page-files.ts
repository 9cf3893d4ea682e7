/**
 * Page files: an edition may keep pages in files of their own (a page reference in the edition
 * has `src` and no content), so that its first render fetches and checks only the edition and
 * its first page. These helpers check and load a page file and put it in its place. A module
 * apart from the edition's: only editions with page files load it, after their first render.
 */
import { checkReferences, parseJson, validateWith } from '../validate.js';
import { isPageRef } from '../page-ref.js';
import { LIMITS, PageFileSchema, type Edition, type Page } from '../schema.js';
import { checkPageFile, pageFileScope, type PageFile } from './page-file-load.js';

export { loadPageFile, resolvePageFileUrls, withPageFile, type PageFile } from './page-file-load.js';

/**
 * Checks that `data` is a page file of format version 1 for the page reference `entry` (same id,
 * width and height; blocks or scan), whose articles are new to the edition (`knownArticleIds`:
 * the ids of the edition's articles so far) and each on the page, and returns its page and
 * articles. Throws an {@link EditionError} naming each problem's path; never anything else.
 */
export function validatePageFile(data: unknown, entry: Page, knownArticleIds: ReadonlySet<string>): PageFile {
  const file = validateWith(PageFileSchema, data, 'the page file', (file) => [
    ...checkPageFile(file, entry, knownArticleIds),
    ...checkReferences(pageFileScope(file)),
  ]);
  return { page: file.page, articles: file.articles };
}

/** Parses JSON text and validates it as a page file for `entry` ({@link validatePageFile}); bad JSON is an EditionError too. */
export function parsePageFile(json: string, entry: Page, knownArticleIds: ReadonlySet<string>): PageFile {
  return validatePageFile(parseJson(json, LIMITS.nesting), entry, knownArticleIds);
}

/** The pages of `edition` whose page files have not been put in their place yet. */
export function pageRefs(edition: Edition): Page[] {
  return edition.pages.filter(isPageRef);
}

export { isPageRef };
