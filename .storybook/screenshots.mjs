// Screenshots of the built Storybook for the README and the issue: the Restyling guide and the
// viewer in the dark and the brand themes, in Storybook's own UI.
//
//   npm run build-storybook && node .storybook/screenshots.mjs
//
// Serves storybook-static/ on 127.0.0.1 (a port of its own), drives Chromium (the tests' finder:
// CHROME_PATH, an installed Chrome or Chromium, or @sparticuz/chromium) and writes
// demo/screenshots/storybook-{docs,dark,brand}.png.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../scripts/find-browser.js';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const root = join(repo, 'storybook-static');
const out = join(repo, 'demo', 'screenshots');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)).replace(/^([/\\]*\.\.)+/, '');
  let file = join(root, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

/** Storybook's UI at `path`; resolves with the preview frame once `ready` holds in it. */
async function open(path, ready) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`${path}: ${error.message}`));
  await page.goto(`${base}?path=${path}&panel=right`, { waitUntil: 'networkidle' });
  const frame = page.frameLocator('#storybook-preview-iframe');
  await frame.locator('body').waitFor();
  const handle = await page.locator('#storybook-preview-iframe').elementHandle();
  const preview = await handle.contentFrame();
  await preview.waitForFunction(ready, null, { timeout: 20_000 });
  return { page, preview };
}

const viewerReady = () => {
  const viewer = document.querySelector('e-paper');
  return viewer?.shadowRoot?.querySelector('e-paper-page')?.shadowRoot?.querySelector('.region') && document.fonts.status === 'loaded';
};

/** Hovers an article's region, so the shot shows its tint, outline and tooltip. */
async function hoverArticle(page, preview, articleId) {
  const box = await preview.evaluate((id) => {
    const page = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-page');
    const rect = page.regionFor(id).getBoundingClientRect();
    return { x: rect.left + rect.width * 0.45, y: rect.top + rect.height * 0.4 };
  }, articleId);
  const frame = await page.locator('#storybook-preview-iframe').boundingBox();
  await page.mouse.move(frame.x + box.x - 40, frame.y + box.y - 40);
  await page.mouse.move(frame.x + box.x, frame.y + box.y, { steps: 4 });
  await page.waitForTimeout(400);
}

for (const [name, path, article] of [
  ['dark', '/story/viewer-e-paper--dark', 'a3'],
  ['brand', '/story/viewer-e-paper--brand', 'a6'],
]) {
  const { page, preview } = await open(path, viewerReady);
  await page.waitForTimeout(600);
  await hoverArticle(page, preview, article);
  await page.screenshot({ path: join(out, `storybook-${name}.png`) });
  console.log(`demo/screenshots/storybook-${name}.png`);
  await page.close();
}

// The guide, scrolled to its first before/after pair, with the sidebar beside it.
{
  const { page, preview } = await open('/docs/guides-restyling--docs', () => document.querySelector('#page-colours') !== null);
  await preview.evaluate(() => document.querySelector('#before-and-after').scrollIntoView());
  await preview.waitForFunction(
    () => [...document.querySelectorAll('e-paper')].every((el) => el.shadowRoot?.querySelector('e-paper-page')),
    null,
    {
      timeout: 20_000,
    },
  );
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, 'storybook-docs.png') });
  console.log('demo/screenshots/storybook-docs.png');
  await page.close();
}

await browser.close();
server.close();
