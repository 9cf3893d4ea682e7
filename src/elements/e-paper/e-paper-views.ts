import { html, nothing } from 'lit';
import { articlesById, articlesOnPage } from '../../edition/regions.js';
import { isPageRef } from '../../edition/page-ref.js';
import type { Edition, Page } from '../../edition/schema.js';
import type { EditionProblem } from '../../edition/validate.js';
import { uiStrings } from '../../i18n/strings.js';
import type { ContentsPage } from '../e-paper-contents/e-paper-contents.js';
import type { Notice } from '../../controllers/notices.js';
import type { LoadProblem } from '../../controllers/edition-loading.js';
import { ZOOM_STEP, type EPaperViewport } from '../e-paper-viewport/e-paper-viewport.js';
import type { ToolbarActionDetail } from '../e-paper-toolbar/e-paper-toolbar.js';

/** The viewer's templates other than the page in view, and what they compute from the edition. */

/** While the edition loads: a skeleton of a page, and the word for screen readers. */
export function loadingView(lang: string) {
  const strings = uiStrings(lang);
  return html`<div class="status" role="status" aria-live="polite">
    <div class="skeleton" aria-hidden="true">
      <span></span><span></span><span></span><span></span><span></span>
      <p class="label">${strings.loading}</p>
    </div>
    <span class="visually-hidden">${strings.loading}</span>
  </div>`;
}

const formatProblem = (problem: EditionProblem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message);

/** The edition could not be shown: why, its problems, and a way to try again. */
export function errorView(lang: string, error: LoadProblem, retry: () => void) {
  const strings = uiStrings(lang);
  return html`<div class="status">
    <div class="error" part="error" role="alert">
      <h2>${strings.errorTitle}</h2>
      <p>${error.message}</p>
      ${error.problems.length ? html`<ul>${error.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>` : nothing}
      <button type="button" @click=${retry}>${strings.retry}</button>
    </div>
  </div>`;
}

/** The quiet notice over the page: a message, or the offer to continue reading. */
export function noticeView(
  lang: string,
  edition: Edition,
  notice: Notice | undefined,
  actions: { continueReading(articleId: string, paragraph: number): void; dismiss(): void },
) {
  if (!notice) return nothing;
  if (notice.kind === 'message') return html`<div class="notice" part="notice" role="status">${notice.text}</div>`;
  const strings = uiStrings(lang).viewer;
  const headline = articlesById(edition).get(notice.articleId)?.headline ?? '';
  return html`<div class="notice" part="notice" role="status">
    <button type="button" class="continue" @click=${() => actions.continueReading(notice.articleId, notice.paragraph)}>
      ${strings.continueReading(headline)}
    </button>
    <button type="button" class="dismiss" aria-label=${strings.dismiss} @click=${() => actions.dismiss()}>×</button>
  </div>`;
}

/** The list's pages for a one-page edition: one array, so that a re-render (every zoom) changes nothing. */
const NO_PAGES: readonly ContentsPage[] = [];
const contentsCache = new WeakMap<Edition, ContentsPage[]>();

/** Every page with its articles for the list, once per edition (the list re-renders on every zoom); none for one page. */
export function contentsPages(edition: Edition): readonly ContentsPage[] {
  if (edition.pages.length < 2) return NO_PAGES;
  let pages = contentsCache.get(edition);
  if (!pages) {
    pages = edition.pages.map((p) => ({
      id: p.id,
      label: p.label,
      section: p.section,
      articles: articlesOnPage(edition, p),
      loading: isPageRef(p),
    }));
    contentsCache.set(edition, pages);
  }
  return pages;
}

/** The article just before (-1) or after (1) the page's own: on the nearest page that has any. */
export function articleBeyond(edition: Edition, page: Page, direction: 1 | -1): string | undefined {
  for (let at = edition.pages.indexOf(page) + direction; at >= 0 && at < edition.pages.length; at += direction) {
    const articles = articlesOnPage(edition, edition.pages[at]);
    if (articles.length) return (direction < 0 ? articles[articles.length - 1] : articles[0]).id;
  }
  return undefined;
}

/** The page of `edition` whose id or label is `wanted`, else its first. */
export const pickPage = (edition: Edition, wanted: string | undefined): Page =>
  edition.pages.find((p) => p.id === wanted || p.label === wanted) ?? edition.pages[0];

/** The page `articleId` stands on, if known: `current` if a part of it is there (a continued article), else its first part's. */
export const pageOf = (edition: Edition, articleId: string, current?: Page): Page | undefined =>
  [current ?? edition.pages[0], ...edition.pages].find((p) =>
    (p.regions ?? p.blocks ?? []).some((r) => 'article' in r && r.article === articleId),
  );

/** Does what a toolbar button asks: zoom and fit on the viewport, a page turn through `turnPage`. */
export function toolbarAction(
  action: ToolbarActionDetail['action'],
  viewport: EPaperViewport,
  turnPage: (direction: 1 | -1) => void,
): void {
  const actions: Record<ToolbarActionDetail['action'], () => void> = {
    'zoom-in': () => viewport.zoomBy(ZOOM_STEP),
    'zoom-out': () => viewport.zoomBy(1 / ZOOM_STEP),
    'fit-page': () => viewport.fit('page'),
    'fit-width': () => viewport.fit('width'),
    'previous-page': () => turnPage(-1),
    'next-page': () => turnPage(1),
  };
  actions[action]();
}
