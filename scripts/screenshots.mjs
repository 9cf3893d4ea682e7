// Screenshots of the demo at desktop and phone sizes, for looking at and for the README:
// node scripts/screenshots.mjs [out-dir] [path]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';

const outDir = process.argv[2] ?? 'demo/screenshots';
const path = process.argv[3] ?? '/demo/';
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844, isMobile: true, deviceScaleFactor: 2 },
];

mkdirSync(outDir, { recursive: true });
const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({
      viewport: { width: size.width, height: size.height },
      isMobile: size.isMobile ?? false,
      hasTouch: size.isMobile ?? false,
      deviceScaleFactor: size.deviceScaleFactor ?? 1,
    });
    page.on('console', (msg) => msg.type() === 'error' && console.error('page:', msg.text()));
    await page.addInitScript(() => {
      window.__ePaperReady = new Promise((resolve) => document.addEventListener('e-paper-ready', resolve, { once: true }));
    });
    await page.goto(new URL(path, base).href);
    await Promise.race([page.evaluate(() => window.__ePaperReady), page.waitForTimeout(15000)]);
    const file = `${outDir}/${size.name}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
