// What every screenshot script of the demo shares: its arguments, the demo's dev server and a
// browser (with a fontconfig file when asked: a fresh machine has no CJK fonts, a reader's
// device has them), and `shoot`, which waits for the page to settle and writes one PNG.
//
//   node scripts/<script>.mjs [out-dir] [--fonts-config <fonts.conf> --suffix -cjk]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';

/** Starts the server and the browser; `settle` is the wait in ms before each screenshot. */
export async function screenshotSession({ settle = 400 } = {}) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'fonts-config': { type: 'string' }, suffix: { type: 'string', default: '' } },
  });
  const outDir = positionals[0] ?? 'demo/screenshots';
  mkdirSync(outDir, { recursive: true });
  const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
  await server.listen();
  const env = values['fonts-config'] ? { ...process.env, FONTCONFIG_FILE: values['fonts-config'] } : process.env;
  const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS, env });
  return {
    base: server.resolvedUrls.local[0],
    browser,
    async shoot(page, name) {
      const file = `${outDir}/${name}${values.suffix}.png`;
      await page.waitForTimeout(settle);
      await page.screenshot({ path: file });
      console.log(file);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
