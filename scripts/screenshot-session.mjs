// What every screenshot script of the demo shares: its arguments, the demo's dev server and a
// browser (with a fontconfig file when asked: a fresh machine has no CJK fonts, a reader's
// device has them), the desktop and phone sizes, pages that log their errors, the demo opened
// until the viewer is ready, and `shoot`, which waits for the page to settle and writes one PNG.
//
//   node scripts/<script>.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';

/** The desktop size (`desktop`: width and height) and the phone's (390×844, a touch screen of `phoneScale` device pixels a CSS pixel). */
export const sizes = ({ desktop = [1280, 800], phoneScale = 2 } = {}) => [
  { name: 'desktop', viewport: { width: desktop[0], height: desktop[1] } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: phoneScale },
];

/** How long the demo may take to be ready before a screenshot is taken all the same (ms). */
const READY_MS = 15_000;

/**
 * Starts the server and the browser; `settle` is the wait in ms before each screenshot, `outDir`
 * where they go unless the command line names a folder.
 */
export async function screenshotSession({ settle = 400, outDir: defaultOut = 'demo/screenshots' } = {}) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'fonts-config': { type: 'string' }, suffix: { type: 'string', default: '' } },
  });
  const outDir = positionals[0] ?? defaultOut;
  mkdirSync(outDir, { recursive: true });
  const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
  await server.listen();
  const env = values['fonts-config'] ? { ...process.env, FONTCONFIG_FILE: values['fonts-config'] } : process.env;
  // As root (a container), Chromium runs only without its sandbox.
  const args = [...CHROME_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const browser = await chromium.launch({ executablePath: await findBrowser(), args, env });
  const base = server.resolvedUrls.local[0];

  /** A page in a context of its own (its own storage) with `options`, its errors logged. Close it with `page.context().close()`. */
  async function open(options) {
    const page = await (await browser.newContext(options)).newPage();
    page.on('console', (msg) => msg.type() === 'error' && console.error('page:', msg.text()));
    page.on('pageerror', (error) => console.error('page error:', error.message));
    return page;
  }

  return {
    base,
    browser,
    outDir,
    open,
    /** {@link open}, then the demo's `path`, once its viewer is ready (or after {@link READY_MS}). */
    async openDemo(options, path = '/demo/') {
      const page = await open(options);
      await page.addInitScript(() => {
        window.__ePaperReady = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
      });
      await page.goto(new URL(path, base).href);
      await Promise.race([page.evaluate(() => window.__ePaperReady), page.waitForTimeout(READY_MS)]);
      return page;
    },
    /** Writes `name`.png after `wait` ms (the session's `settle` unless given). */
    async shoot(page, name, wait = settle) {
      const file = `${outDir}/${name}${values.suffix}.png`;
      await page.waitForTimeout(wait);
      await page.screenshot({ path: file });
      console.log(file);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
