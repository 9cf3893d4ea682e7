// dist/lib in a browser with no bundler: an import map names the dependencies, as a site that
// serves node_modules as they are would write it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './support/static-server.mjs';
import { EDITION_URL, assertReadyAndOpensArticle, launchBrowser, openPage } from './support/browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The package's dependencies and their own, by the paths of their browser builds. */
const importMap = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    'idb-keyval': '/node_modules/idb-keyval/dist/index.js',
    valibot: '/node_modules/valibot/dist/index.mjs',
  },
};

const page = `<!doctype html>
<html lang="zh-CN">
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module">import '/dist/lib/index.js';</script>
<e-paper src="${EDITION_URL}" storage-key="import-map-test" style="height: 700px"></e-paper>
</html>`;

let server;
let browser;
before(async () => {
  server = await serveStatic({ routes: [['/', root]], pages: { '/': page } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('dist/lib through an import map: ready, and a click opens an article', { timeout: 60_000 }, async () => {
  const { page: tab, errors } = await openPage(browser, server.url);
  await assertReadyAndOpensArticle(tab);
  assert.deepEqual(server.notFound, [], 'every module and file the page asked for exists');
  assert.deepEqual(errors, []);
});
