/**
 * A page file on the viewer's way: fetched, checked quietly (validate-core.ts) and put in its
 * place. Only when a file fails its checks is page-files.ts loaded, whose validators (with
 * validate.ts) name the problems: the first page of an edition in page files comes before
 * `e-paper-ready` without the words of validation.
 */
import { EditionLoadError, failedLoad, fetchText, type LoadOptions } from '../load.js';
import { EditionError, checkQuietly, checkReferences, readJson, type EditionProblem, type ReferenceScope } from '../validate-core.js';
import { isPageRef } from '../page-ref.js';
import { ARTICLES, NESTING } from '../caps.js';
import { isPageFile } from '../schema-check.js';
import type { Article, Edition, Page, PageFileData } from '../schema.js';

/** A page of an edition and its articles, from a page file checked by `validatePageFile` (page-files.ts). */
export interface PageFile {
  page: Page;
  articles: Article[];
}

/** The page of a page file is a typeset page or a scan, never a reference to another file. */
function pageFilePageKind(page: Page, at: string): EditionProblem[] {
  const problems: EditionProblem[] = [];
  if (page.src !== undefined) problems.push({ path: `${at}.src`, message: 'a page file cannot point to another' });
  if (!page.blocks && !page.scan) problems.push({ path: at, message: 'expected blocks (a typeset page) or scan (an image)' });
  if (page.blocks && page.scan) problems.push({ path: at, message: 'expected blocks or scan, not both' });
  return problems;
}

/** What {@link checkReferences} checks of a page file: its articles, on its one page. */
export const pageFileScope = (file: PageFileData): ReferenceScope => ({
  articles: file.articles,
  pages: [file.page],
  pagePath: () => 'page',
  pageKind: pageFilePageKind,
  onPage: 'this',
});

/** What a page file must agree on with the page reference that points to it and with the edition it joins. */
export function checkPageFile(file: PageFileData, entry: Page, knownArticleIds: ReadonlySet<string>): EditionProblem[] {
  const problems: EditionProblem[] = [];
  const { page } = file;
  if (page.id !== entry.id)
    problems.push({ path: 'page.id', message: `expected "${entry.id}", the id of the page that points to this file, got "${page.id}"` });
  for (const side of ['width', 'height'] as const) {
    if (page[side] !== entry[side])
      problems.push({
        path: `page.${side}`,
        message: `expected ${entry[side]}, the ${side} of the page that points to this file, got ${page[side]}`,
      });
  }
  // A continued article is one article of the edition file, with its pages there too.
  if (page.jumps?.length)
    problems.push({
      path: 'page.jumps',
      message: 'expected no jumps in a page file (the pages of a continued article stay in the edition file)',
    });
  file.articles.forEach((article, i) => {
    if (knownArticleIds.has(article.id))
      problems.push({ path: `articles[${i}].id`, message: `id "${article.id}" is already used by the edition` });
  });
  // The cap is on the edition the file joins: many files within it each could add up past it.
  const total = knownArticleIds.size + file.articles.length;
  if (total > ARTICLES)
    problems.push({
      path: 'articles',
      message: `expected at most ${ARTICLES} articles in the whole edition, got ${total} with this file`,
    });
  return problems;
}

/**
 * A page file for `entry` from its JSON text, checked as `validatePageFile` (page-files.ts) checks it: quietly,
 * and when it fails with page-files.ts loaded to name the problems (an {@link EditionError}).
 */
export async function validPageFile(json: string, entry: Page, knownArticleIds: ReadonlySet<string>): Promise<PageFile> {
  const read = readJson(json, NESTING);
  const file =
    'value' in read
      ? checkQuietly<PageFileData>(isPageFile, read.value, (file, say) => [
          ...checkPageFile(file, entry, knownArticleIds),
          ...checkReferences(pageFileScope(file), say),
        ])
      : undefined;
  if (file) return { page: file.page, articles: file.articles };
  let full: typeof import('./page-files.js');
  try {
    full = await import('./page-files.js');
  } catch {
    throw new EditionError([
      { path: '', message: 'the page file does not match the format (the module that names its problems could not be loaded)' },
    ]);
  }
  return full.parsePageFile(json, entry, knownArticleIds);
}

/** `src` resolved against `base`; kept as it is when it cannot be (the viewer refuses it later). */
function absolute(src: string, base: string | URL): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}

/**
 * The page file with its relative URLs (scan images, article photos) made absolute against the
 * file's own URL, so that they work wherever the edition is. Pure: returns new objects.
 */
export function resolvePageFileUrls(file: PageFile, fileUrl: string | URL): PageFile {
  const { scan } = file.page;
  const page: Page = scan
    ? {
        ...file.page,
        scan: {
          ...scan,
          src: absolute(scan.src, fileUrl),
          ...(scan.srcset && { srcset: scan.srcset.map((image) => ({ ...image, src: absolute(image.src, fileUrl) })) }),
        },
      }
    : file.page;
  const articles = file.articles.map((article): Article => {
    if (!article.photos?.some((photo) => photo.src !== undefined)) return article;
    return {
      ...article,
      photos: article.photos.map((photo) => (photo.src === undefined ? photo : { ...photo, src: absolute(photo.src, fileUrl) })),
    };
  });
  return { page, articles };
}

/**
 * Fetches the page file at `url` for the page reference `entry`, checks it
 * ({@link validPageFile}: `knownArticleIds` are the ids of the edition's articles so far) and
 * makes its relative URLs absolute against `url`. Every failure is an {@link EditionLoadError};
 * an abort through `options.signal` rejects with the signal's reason.
 */
export async function loadPageFile(
  url: string | URL,
  entry: Page,
  knownArticleIds: ReadonlySet<string>,
  options: LoadOptions = {},
): Promise<PageFile> {
  let fileUrl: URL;
  try {
    fileUrl = new URL(url, globalThis.document?.baseURI);
  } catch {
    // As fetch itself would fail on it. The URL quoted safely (validate.ts, loaded for it), or left out if that cannot be loaded.
    const quoted = await import('../validate.js').then(
      ({ quoteData }) => `: ${quoteData(String(url))}`,
      () => '',
    );
    throw new EditionLoadError('network', `not a URL${quoted}`);
  }
  const text = await fetchText(fileUrl, options);
  let file: PageFile;
  try {
    file = await validPageFile(text, entry, knownArticleIds);
  } catch (error) {
    throw await failedLoad(error, text, 'a page file');
  }
  return resolvePageFileUrls(file, fileUrl);
}

/**
 * A new edition with `file` in the place of the page reference it belongs to (the page with
 * its id): the file's page, under the edition's label and section (the strip and the contents
 * show those before the file arrives), and its articles after the edition's. The edition as it
 * is when that page is no reference (already in place). Changes neither input.
 */
export function withPageFile(edition: Edition, file: PageFile): Edition {
  const index = edition.pages.findIndex((page) => page.id === file.page.id);
  const entry = edition.pages[index];
  if (!entry || !isPageRef(entry)) return edition;
  const { src: _src, section: _section, ...content } = file.page;
  const page: Page = { ...content, label: entry.label, ...(entry.section !== undefined && { section: entry.section }) };
  const pages = edition.pages.map((old, i) => (i === index ? page : old));
  return { ...edition, pages, articles: [...edition.articles, ...file.articles] };
}
