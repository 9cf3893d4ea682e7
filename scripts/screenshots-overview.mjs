// Screenshots of the overview map and full screen, to look at: desktop 1280×800 and phone
// 390×844, light and dark; fitted, zoomed in, the mark focused and moved by the arrow keys, and
// (desktop) full screen by a real click on the toolbar's button, fitted and zoomed.
//
//   FONTCONFIG_FILE=<fonts.conf with CJK fonts> node scripts/screenshots-overview.mjs [out-dir]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROME_FLAGS, findBrowser } from './find-browser.js';
const outDir = process.argv[2] ?? 'demo/screenshots/overview';
mkdirSync(outDir, { recursive: true });
const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROME_FLAGS });
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
try {
  for (const size of SIZES)
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ ...size, colorScheme: scheme });
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.addInitScript(() => {
        window.__r = new Promise((r) => document.addEventListener('e-paper-ready', r, { once: true }));
      });
      await page.goto(new URL('/demo/', base).href);
      await Promise.race([page.evaluate(() => window.__r), page.waitForTimeout(15000)]);
      await page.waitForTimeout(800);
      const name = `${size.name}-${scheme}`;
      await page.screenshot({ path: `${outDir}/${name}-fit.png` });
      await page.evaluate(() => document.querySelector('e-paper').zoomTo(1.2, { x: 1300, y: 900 }));
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `${outDir}/${name}-zoomed.png` });
      // The mark focused by the keyboard, moved twice with the arrow keys.
      await page.evaluate(() => {
        const map = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-overview');
        map.shadowRoot.querySelector('[part="overview-mark"]').focus({ focusVisible: true });
      });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${outDir}/${name}-mark-focused.png` });
      if (size.name === 'desktop') {
        // Full screen, by a real click on the toolbar's button, the page fitted.
        await page.evaluate(() => document.querySelector('e-paper').fit());
        const button = page.locator('e-paper').locator('e-paper-fullscreen').locator('button');
        await button.click();
        await page.waitForTimeout(1200);
        await page.screenshot({ path: `${outDir}/${name}-fullscreen.png` });
        await page.evaluate(() => document.querySelector('e-paper').zoomTo(1, { x: 600, y: 700 }));
        await page.waitForTimeout(1000);
        await page.screenshot({ path: `${outDir}/${name}-fullscreen-zoomed.png` });
        await page.evaluate(() => document.exitFullscreen());
      }
      console.log(name);
      await page.close();
    }
} finally {
  await browser.close();
  await server.close();
}
