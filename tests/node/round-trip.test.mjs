// The round trip a publisher relies on: import (the real command) → validate → serve the folder
// with the built viewer → render in Chromium → open an article. The METS fixture gives a
// two-page issue with a page file, units of several kinds and an attribution.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../../scripts/find-browser.js';
import { FIXTURES, ROOT, cli, temp } from './helpers.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };

/** Serves `/dist/…` from the build and `/site/…` from the edition folder, on 127.0.0.1 only. */
function serve(site) {
  const roots = { dist: join(ROOT, 'dist'), site };
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        '<!doctype html><meta charset="utf-8"><script type="module" src="/dist/e-paper.js"></script><e-paper src="/site/out/edition.json" no-persist style="display:block;height:800px"></e-paper>',
      );
      return;
    }
    const [, root, ...rest] = decodeURIComponent(url.pathname).split('/');
    const base = roots[root];
    const path = base && normalize(join(base, ...rest));
    if (!path || !path.startsWith(base + sep) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('round trip: import → validate → render → open an article', () => {
  let server;
  let browser;
  let site;
  before(async () => {
    assert.ok(existsSync(join(ROOT, 'dist/e-paper.js')), "the viewer is built (npm run build, or npm test's pretest)");
    site = temp();
    const imported = cli(
      ['import', 'mets', join(FIXTURES, 'mets-structlink'), '-o', 'out', '--image', 'web/{stem}.png', '--copy-images', '-q'],
      { cwd: site },
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(cli(['validate', 'out', '--strict', '-q'], { cwd: site }).code, 0);
    server = await serve(site);
    browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows the imported issue and opens an article with its parts and the attribution', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Record the viewer's public events from the start.
    await page.addInitScript(() => {
      window.events = [];
      for (const type of ['e-paper-ready', 'e-paper-error', 'e-paper-article-open'])
        document.addEventListener(type, (event) => window.events.push({ type, detail: event.detail }), true);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.events.some((e) => e.type === 'e-paper-ready' || e.type === 'e-paper-error'), null, {
      timeout: 30_000,
    });
    const ready = await page.evaluate(() => window.events.find((e) => e.type === 'e-paper-ready'));
    assert.deepEqual(
      ready?.detail,
      { editionId: 'test-gazette-1821-08-01', page: 'PHYS_0001' },
      JSON.stringify(await page.evaluate(() => window.events)),
    );

    // The regions: the masthead and the article on page 1, each clickable, in reading order: the
    // lead story (the only news) first, then the title section.
    const regions = page.locator('[data-article-id]');
    assert.deepEqual(await regions.evaluateAll((els) => els.map((el) => el.getAttribute('data-article-id'))), ['LOG_ART1', 'LOG_TITLE']);
    // A shape of the region (the group's middle may fall between its shapes).
    await page.locator('[data-article-id="LOG_ART1"] > *').last().click();
    await page.waitForFunction(() => window.events.some((e) => e.type === 'e-paper-article-open'));
    const headline = page.locator('e-paper-reader [part="headline"]');
    await headline.waitFor({ timeout: 15_000 });
    assert.equal(await headline.textContent(), 'Die Jahreszeiten');
    assert.equal(await page.locator('e-paper-reader [part="kicker"]').textContent(), 'Wetter');
    assert.equal(await page.locator('e-paper-reader [part="banner"]').textContent(), 'Inland');
    assert.match(await page.locator('e-paper-reader [part="body"]').textContent(), /Jahreszeiten bringt Regen/);
    assert.equal(
      await page.locator('e-paper-reader [part="attribution"]').textContent(),
      'Not a real newspaper: written for the e-paper tests (CC0).',
    );
    // The masthead is not in the reading order: the article is 1 of 1.
    assert.match(await page.locator('e-paper-reader .position').textContent(), /1 \/ 1/);

    // An advertisement on page 2 (a page file): it opens, and counts in no "n / N".
    await page.evaluate(() => document.querySelector('e-paper').openArticle('LOG_AD1'));
    await page.waitForFunction(
      () =>
        document.querySelector('e-paper').shadowRoot.querySelector('e-paper-reader')?.shadowRoot?.querySelector('[part="headline"]')
          ?.textContent === 'Anzeige',
      null,
      { timeout: 15_000 },
    );
    assert.equal(await page.locator('e-paper-reader .position').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
