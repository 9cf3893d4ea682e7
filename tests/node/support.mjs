// Shared by the node tests: a static file server on loopback and a headless Chromium, as a
// developer's static host and browser would be.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../../scripts/find-browser.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Serves `root` on 127.0.0.1 (a folder's index.html for its path); `routes` answer given paths
 * with given bodies first. Resolves with the origin and a `close()`.
 */
export async function serveStatic(root, routes = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // The browser asks for a favicon on its own, unseen by the page's response events.
    if (path === '/favicon.ico' && !('/favicon.ico' in routes)) return void response.writeHead(204).end();
    if (path in routes) {
      response.setHeader('content-type', TYPES[extname(path)] ?? TYPES['.html']);
      response.end(routes[path]);
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A headless Chromium (the tests' browser finder); close it when done. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
}

/**
 * Opens `url` in a new page and records what went wrong on the way: responses of 400 and over,
 * failed requests, page errors and console errors.
 */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  return { page, problems };
}

/** Waits in `page` for the first <e-paper>'s `e-paper-ready` (or its having fired), at most `ms`. */
export function viewerReady(page, ms = 20_000) {
  return page.evaluate(
    (ms) =>
      new Promise((resolve, reject) => {
        const el = document.querySelector('e-paper');
        if (!el) return reject(new Error('no <e-paper> in the page'));
        if (el.shadowRoot?.querySelector('e-paper-page')) return resolve({ already: true });
        el.addEventListener('e-paper-ready', (event) => resolve(event.detail), { once: true });
        el.addEventListener('e-paper-error', (event) => reject(new Error(`e-paper-error: ${event.detail.message}`)), { once: true });
        setTimeout(() => reject(new Error(`no e-paper-ready within ${ms} ms (defined: ${Boolean(customElements.get('e-paper'))})`)), ms);
      }),
    ms,
  );
}
