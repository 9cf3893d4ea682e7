import { html, nothing } from 'lit';
import type { Edition, Page } from '../../edition/schema.js';
import type { EditionProblem } from '../../edition/validate.js';
import { uiStrings } from '../../i18n/strings.js';
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

/** The page of `edition` whose id or label is `wanted`, else its first. */
export const pickPage = (edition: Edition, wanted: string | undefined): Page =>
  edition.pages.find((p) => p.id === wanted || p.label === wanted) ?? edition.pages[0];

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
