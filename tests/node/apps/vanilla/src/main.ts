// A Vite + TypeScript app: importing the package registers <e-paper> and types it.
import 'e-paper';
import type { EPaper } from 'e-paper';

const status = document.querySelector('#status')!;
const paper = document.createElement('e-paper'); // typed: EPaper
paper.src = '/demo/editions/zhuzhou-daily-2021-01-08.json';
paper.storageKey = 'vite-app';
paper.addEventListener('e-paper-ready', (event) => {
  status.textContent = `ready ${event.detail.editionId} ${event.detail.page}`;
});
paper.addEventListener('e-paper-article-open', (event) => {
  status.textContent = `open ${event.detail.articleId}`;
});
document.body.append(paper);

/** Never called: what the types refuse. */
export function misuse(viewer: EPaper) {
  // @ts-expect-error: 'sepia' is not a theme ('light' | 'dark')
  viewer.theme = 'sepia';
}
