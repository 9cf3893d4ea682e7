// The packed package in the apps developers write (tests/node/apps): each app type-checks against
// the package's typings (a wrong prop is refused: its @ts-expect-error / @vue-expect-error would
// fail the check if it were accepted), builds with Vite, and runs in Chromium, where its own typed
// listeners see the viewer get ready and open an article. One tarball and one install serve all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { scratchProject, sh, repo } from './support/scratch.mjs';
import { serveStatic } from './support/static-server.mjs';
import { ARTICLE, assertReadyAndOpensArticle, heard, launchBrowser, openPage } from './support/browser.mjs';

const APPS = [
  { name: 'vanilla', title: 'Vite + TypeScript', check: 'tsc', refButton: false },
  { name: 'react', title: 'React 19 (Vite)', check: 'tsc', refButton: true },
  { name: 'vue', title: 'Vue 3 (Vite, @vitejs/plugin-vue)', check: 'vue-tsc', refButton: true },
];
const PACKAGES = ['vite', 'typescript', 'react', 'react-dom', '@types/react', '@types/react-dom', 'vue', '@vitejs/plugin-vue', 'vue-tsc'];

describe('the packed package in apps', { timeout: 240_000 }, () => {
  let scratch;
  let browser;
  before(async () => {
    [scratch, browser] = await Promise.all([scratchProject(PACKAGES), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await scratch?.remove();
  });

  for (const app of APPS) {
    test(`${app.title}: type-checks, builds, gets ready and opens an article`, { timeout: 120_000 }, async () => {
      const dir = join(scratch.dir, app.name);
      const bin = (name) => join(scratch.dir, 'node_modules', '.bin', name);
      // skipLibCheck as a Vite template has it; the typings' own check is in framework-types.test.mjs.
      await sh(bin(app.check), ['--noEmit', '-p', '.', '--skipLibCheck'], dir);
      await sh(bin('vite'), ['build', '--logLevel', 'warn'], dir);

      const server = await serveStatic({
        routes: [
          ['/demo/', join(repo, 'demo')],
          ['/', join(dir, 'dist')],
        ],
      });
      const { page, errors } = await openPage(browser, server.url);
      try {
        await assertReadyAndOpensArticle(page);
        // The app's own listener, bound the framework's way, heard the same events.
        await page.locator('#status').getByText(`open ${ARTICLE.id}`).waitFor();
        if (app.refButton) {
          // A typed ref to the element calls its methods: close the reader, open another article.
          await page.keyboard.press('Escape');
          await heard(page, 'e-paper-article-close', { articleId: ARTICLE.id });
          await page.getByRole('button', { name: 'Open a3' }).click();
          await page.locator('#status').getByText('open a3').waitFor();
        }
        assert.deepEqual(server.notFound, []);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
});
