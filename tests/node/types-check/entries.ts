// Compiled by framework-types.test.mjs: every typed entry of the package, by the names a site
// imports it by. Each @ts-expect-error fails the compile if the type it probes were lost (any).
import type { EPaperJSXProps } from 'e-paper/react';
import type { EPaperVueProps } from 'e-paper/vue';
import type { EPaper } from 'e-paper/e-paper.js';
import type {} from 'e-paper/e-paper.iife.js';

// The classic script's global carries the library's exports.
export const define: () => Promise<void> = globalThis.EPaper.define;
// @ts-expect-error: the global is the library, not any
globalThis.EPaper.noSuchExport;

export const readyListener: EPaperJSXProps['one-paper-ready'] = (event) => event.detail.editionId;
// @ts-expect-error: an article-open event has no editionId
export const wrongListener: EPaperJSXProps['one-paper-article-open'] = (event) => event.detail.editionId;
// @ts-expect-error: themes are 'light' and 'dark'
export const wrongTheme: EPaperJSXProps = { theme: 'sepia' };

export const vueListener: EPaperVueProps['onEPaperArticleOpen'] = (event) => event.detail.articleId;
// @ts-expect-error: loadTimeout is a number
export const wrongTimeout: EPaperVueProps = { loadTimeout: '20s' };

export const element: EPaper | null = document.querySelector('e-paper');
