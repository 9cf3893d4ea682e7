// Draws one page of an edition (the first, or ?page=N from 0) with <e-paper-page> at its own size (one page unit = one
// CSS pixel), for scripts that photograph it; exposes when it is ready and its regions.
import '../src/index.js';
import { loadEdition } from '../src/edition/load.js';
import { loadEditionFonts } from '../src/edition/fonts.js';
import { regionsOf } from '../src/edition/regions.js';
import type { EPaperPage } from '../src/elements/e-paper-page/e-paper-page.js';

const src = new URLSearchParams(location.search).get('edition') ?? '../demo/editions/zhuzhou-daily-2021-01-08.json';
const url = new URL(src, location.href).href;
const index = Number(new URLSearchParams(location.search).get('page') ?? 0);

declare global {
  interface Window {
    ePaperPageReady: Promise<void>;
    pageRegions: unknown;
  }
}

window.ePaperPageReady = (async () => {
  const edition = await loadEdition(url);
  await loadEditionFonts(edition, url);
  const element = document.createElement('e-paper-page') as EPaperPage;
  element.edition = edition;
  element.page = edition.pages[index];
  element.baseUrl = url;
  // ?print: the page as a layout system prints it, without the viewer's (invisible) region layer.
  element.thumbnail = new URLSearchParams(location.search).has('print');
  document.body.append(element);
  await element.updateComplete;
  await document.fonts.ready;
  window.pageRegions = regionsOf(edition.pages[index]);
})();
