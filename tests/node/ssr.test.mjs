// Server-side rendering with @lit-labs/ssr: the package renders <e-paper> on Node as declarative
// shadow DOM, and that markup, served to Chromium, hydrates into the working viewer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { serveStatic } from './support/static-server.mjs';
import { EDITION_URL, assertReadyAndOpensArticle, launchBrowser, openPage } from './support/browser.mjs';
import { repo } from './support/scratch.mjs';

// The package by its own name (package.json `exports`): dist/lib, as an app on Node imports it.
// Importing registers the elements in the DOM shim that Lit's Node build installs.
await import('e-paper');

const serverRender = () => collectResult(render(html`<e-paper src=${EDITION_URL} storage-key="ssr-test" style="height: 700px"></e-paper>`));

test('renders <e-paper> on Node as declarative shadow DOM', async () => {
  const markup = await serverRender();
  assert.match(markup, /<e-paper[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.match(markup, /<style>[^<]*:host/, 'the styles are in the shadow root');
  assert.match(markup, /class="viewer"/);
  assert.match(markup, /正在载入版面/, 'the loading state, in the default language');
});

/** lit and its parts, and the hydration support, from the repository's node_modules. */
const importMap = {
  imports: Object.fromEntries(
    [
      ['lit', 'lit/index.js'],
      ['lit/', 'lit/'],
      ['lit-html', 'lit-html/lit-html.js'],
      ['lit-html/', 'lit-html/'],
      ['lit-element/', 'lit-element/'],
      ['@lit/reactive-element', '@lit/reactive-element/reactive-element.js'],
      ['@lit/reactive-element/', '@lit/reactive-element/'],
      ['@lit-labs/ssr-client/', '@lit-labs/ssr-client/'],
      ['idb-keyval', 'idb-keyval/dist/index.js'],
      ['valibot', 'valibot/dist/index.mjs'],
    ].map(([name, path]) => [name, `/node_modules/${path}`]),
  ),
};

let server;
let browser;
before(async () => {
  const page = `<!doctype html>
<html lang="zh-CN">
<script type="importmap">${JSON.stringify(importMap)}</script>
<body>
${await serverRender()}
<script>
  // Before any module: the parser has already made the shadow root from the server's markup.
  window.ssrViewer = document.querySelector('e-paper').shadowRoot?.querySelector('.viewer') ?? null;
</script>
<script type="module">
  // Hydration support first, so that the element adopts the server's DOM instead of replacing it.
  import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
  await import('/dist/lib/index.js');
</script>
</body>
</html>`;
  server = await serveStatic({ routes: [['/', repo]], pages: { '/': page } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the server-rendered markup hydrates in Chromium: ready, and a click opens an article', { timeout: 60_000 }, async () => {
  const { page, errors } = await openPage(browser, server.url);
  await assertReadyAndOpensArticle(page);
  const adopted = await page.evaluate(
    () => window.ssrViewer !== null && document.querySelector('e-paper').shadowRoot.querySelector('.viewer') === window.ssrViewer,
  );
  assert.ok(adopted, "the viewer kept the server's shadow DOM (hydrated, not rendered afresh)");
  assert.deepEqual(server.notFound, []);
  assert.deepEqual(errors, []);
});
